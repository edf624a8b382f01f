#![no_main]
//! Any text as a nomor badan hukum, NIK koperasi and NIB: never a panic.
use koperasi::identity::{Nib, NikKoperasi, NomorBadanHukum};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(bh) = NomorBadanHukum::parse(s) {
        let _ = bh.key();
        let _ = bh.ahu_serial();
    }
    let _ = NikKoperasi::parse(s);
    let _ = Nib::parse(s);
});
