#![no_main]
//! Any text as a status policy (JSON): never a panic; a policy that loads validates and
//! survives a JSON round trip.
use koperasi::status::StatusPolicy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if koperasi::io::limits::check_json_nesting(s, 32).is_err() {
        return;
    }
    if let Ok(p) = StatusPolicy::from_json(s) {
        let again = StatusPolicy::from_json(&p.to_json_pretty());
        assert!(again.is_ok(), "{s:?}");
    }
});
