#![no_main]
//! Any bytes as a workbook (XLSX/ODS/XLS): never a panic; row accounting always holds.
use koperasi::io::{ReadLimits, ReadOptions, Table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let o = ReadOptions {
        limits: ReadLimits {
            max_cells: 1_000_000,
            ..ReadLimits::default()
        },
        ..ReadOptions::default()
    };
    if let Ok(t) = koperasi::io::xlsx::read_xlsx(data, None, &o) {
        let (Table::Register(_, r) | Table::Panel(_, r)) = t;
        assert_eq!(r.accepted + r.rejected.len() as u64, r.rows_read);
    }
    let _ = koperasi::io::xlsx::read_xlsx_table(data, None, &o);
});
