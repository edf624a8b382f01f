#![no_main]
//! Any text as a date: never a panic; a date read is within 1900..=2100.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = koperasi::locale::parse_date(s) {
        let lo = koperasi::NaiveDate::from_ymd_opt(1900, 1, 1);
        let hi = koperasi::NaiveDate::from_ymd_opt(2100, 12, 31);
        assert!(Some(d) >= lo && Some(d) <= hi, "{s:?} -> {d}");
    }
});
