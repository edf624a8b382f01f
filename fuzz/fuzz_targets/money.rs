#![no_main]
//! Any text as money, a count and a decimal: never a panic; `nan`/`inf` never read as a number.
use koperasi::locale::{parse_count, parse_decimal, parse_rupiah};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let r = parse_rupiah(s);
    let c = parse_count(s);
    let d = parse_decimal(s);
    let lower = s.trim().to_ascii_lowercase();
    if matches!(lower.as_str(), "nan" | "inf" | "-inf" | "infinity") {
        assert!(r.is_err() && c.is_err() && d.is_err(), "{s:?}");
    }
    if let Ok(n) = c {
        assert!(n <= i64::MAX as u64);
    }
});
