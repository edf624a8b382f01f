//! A register read from cells (`koperasi::io::read_register_cells`, the way DataFrames come in
//! from the bindings) equals the same file read as CSV: the same records, the same rejections
//! and cell errors at the same lines, the same report. Files: real registers of
//! `tests/data/real/` (see their PROVENANCE.md) and `tests/data/bad/` files with rejected rows
//! and unreadable cells (see its README.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{ReadOptions, read_register, read_register_cells};
use std::path::PathBuf;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

/// The file split into a header and rows of cells by the `csv` crate (header on line 1).
fn cells(path: &PathBuf, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_path(path)
        .unwrap();
    let mut rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    let header = rows.remove(0);
    let header = header
        .into_iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    (header, rows)
}

fn same(rel: &str, delimiter: u8) -> koperasi::io::ReadReport {
    let path = repo(rel);
    let options = ReadOptions {
        delimiter: Some(delimiter),
        ..ReadOptions::default()
    };
    let (want, want_report) = read_register(std::fs::File::open(&path).unwrap(), &options).unwrap();
    let (headers, rows) = cells(&path, delimiter);
    let cell = |r: usize, c: usize| rows[r].get(c).map_or("", String::as_str);
    let (got, got_report) = read_register_cells(&headers, rows.len(), cell, &options).unwrap();
    assert_eq!(got.records, want.records, "{rel}");
    assert_eq!(got_report, want_report, "{rel}");
    want_report
}

#[test]
fn real_registers_read_from_cells_as_from_csv() {
    let gianyar = same(
        "tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv",
        b',',
    );
    assert_eq!(gianyar.rows_read, 20);
    same("tests/data/real/subang-koperasi-rat/koperasi.csv", b',');
    same("tests/data/real/subang-koperasi-pad/koperasi.csv", b',');
    let situbondo = same(
        "tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv",
        b',',
    );
    assert_eq!(situbondo.accepted, 47);
}

#[test]
fn rejections_and_cell_errors_at_the_same_lines() {
    let total = same("tests/data/bad/total_row.csv", b',');
    assert_eq!(total.rejected.len(), 1);
    let dates = same("tests/data/bad/dates.csv", b';');
    assert!(!dates.cell_errors.is_empty());
    let lines: Vec<u64> = dates.cell_errors.iter().map(|e| e.line).collect();
    assert!(lines.iter().all(|l| *l >= 2), "{lines:?}");
}

#[test]
fn no_header_is_empty() {
    let err = read_register_cells(&[String::new()], 0, |_, _| "", &ReadOptions::default());
    assert!(matches!(err, Err(koperasi::error::ReadError::Empty)));
}

/// A panel read from cells (`koperasi::io::read_panel_cells`) against the same file read as
/// CSV: the same rows, shape and rejections.
fn same_panel(rel: &str, delimiter: u8) -> koperasi::io::ReadReport {
    let path = repo(rel);
    let options = ReadOptions {
        delimiter: Some(delimiter),
        ..ReadOptions::default()
    };
    let (want, want_report) =
        koperasi::io::read_panel(std::fs::File::open(&path).unwrap(), &options).unwrap();
    let (headers, rows) = cells(&path, delimiter);
    let cell = |r: usize, c: usize| rows[r].get(c).map_or("", String::as_str);
    let (got, got_report) =
        koperasi::io::read_panel_cells(&headers, rows.len(), cell, &options).unwrap();
    assert_eq!(got.rows, want.rows, "{rel}");
    assert_eq!(got_report, want_report, "{rel}");
    want_report
}

#[test]
fn panels_read_from_cells_as_from_csv() {
    let jatim = same_panel(
        "crates/koperasi/data/samples/jatim-koperasi-kabkota-quarterly/koperasi_jatim_kabkota_2018Q4_2025Q2.csv",
        b',',
    );
    // 798 data rows below the header (Python's csv module counts the same)
    assert_eq!(jatim.rows_read, 798);
    let sipd = same_panel(
        "tests/data/real/sipd-gorontalo-koperasi/sipd-gorontalo-koperasi.csv",
        b',',
    );
    assert!(sipd.shape.is_some());
    let nan = same_panel("tests/data/bad/panel_nan.csv", b';');
    assert_eq!(nan.accepted, 0);
    assert!(!nan.rejected.is_empty());
    // told apart by the header alone
    let path = repo("tests/data/bad/panel_nan.csv");
    let (headers, rows) = cells(&path, b';');
    let cell = |r: usize, c: usize| rows[r].get(c).map_or("", String::as_str);
    let t = koperasi::io::read_cells(&headers, rows.len(), cell, None, &ReadOptions::default());
    assert!(matches!(t, Ok(koperasi::io::Table::Panel(..))));
}
