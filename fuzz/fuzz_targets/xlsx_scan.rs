#![no_main]
//! Any bytes through the workbook pre-pass (`io::xlsx_scan::scan_workbook`: zip entries
//! inflated through a counting reader, XML scanned): never a panic, and a scan that passes has
//! decompressed no more than its cap.
use koperasi::io::ReadLimits;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = ReadLimits {
        max_decompressed_bytes: 1 << 20,
        max_field_bytes: 4096,
        max_cells: 100_000,
        max_rows: 10_000,
        ..ReadLimits::default()
    };
    if let Ok(scan) = koperasi::io::xlsx_scan::scan_workbook(data, &limits) {
        assert!(scan.decompressed_bytes <= limits.max_decompressed_bytes);
    }
});
