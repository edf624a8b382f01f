#![no_main]
//! Any bytes as a CSV: read_any (layout detection, encoding, title block), then the register
//! and panel readers directly with `;`. Never a panic; row accounting always holds.
use koperasi::io::{ReadOptions, Table, read_any, read_panel, read_register};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let o = ReadOptions::default();
    if let Ok(t) = read_any(data, &o) {
        let (Table::Register(_, r) | Table::Panel(_, r)) = t;
        assert_eq!(r.accepted + r.rejected.len() as u64, r.rows_read);
    }
    let semi = ReadOptions {
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    if let Ok((_, r)) = read_register(data, &semi) {
        assert_eq!(r.accepted + r.rejected.len() as u64, r.rows_read);
    }
    if let Ok((_, r)) = read_panel(data, &semi) {
        assert_eq!(r.accepted + r.rejected.len() as u64, r.rows_read);
    }
    let _ = koperasi::io::export::read_table(data, &o);
});
