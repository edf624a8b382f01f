//! Criterion bench of a wide file: one cooperative with 1,000,000 columns no field knows,
//! read and assessed (the work of `koperasi assess` before writing). Header matching and the
//! extra columns must take time linear in the columns (issue 13: a linear search per
//! column made 100,000 columns take 34 s).
//! Run: cargo bench -p koperasi --features samples --bench wide
#![allow(missing_docs)]
use criterion::{Criterion, criterion_group, criterion_main};
use koperasi::io::{ReadOptions, Table, read_any};
use koperasi::report::status_rows;
use koperasi::status::StatusPolicy;
use std::hint::black_box;

/// Columns no field recognises, besides the name.
const COLUMNS: usize = 1_000_000;

/// `nama_koperasi,x1,...,xN` and one row `KSP Maju,1,...,N`.
fn wide_csv(columns: usize) -> Vec<u8> {
    let mut csv = String::from("nama_koperasi");
    for i in 1..=columns {
        csv.push_str(&format!(",x{i}"));
    }
    csv.push_str("\nKSP Maju");
    for i in 1..=columns {
        csv.push_str(&format!(",{i}"));
    }
    csv.push('\n');
    csv.into_bytes()
}

fn wide(c: &mut Criterion) {
    let csv = wide_csv(COLUMNS);
    let options = ReadOptions::default();
    let policy = StatusPolicy::national();
    let as_of = koperasi::locale::parse_date("2025-06-30").unwrap_or_default();
    let mut g = c.benchmark_group("wide");
    g.sample_size(10);
    g.bench_function(
        "read_any + status_rows, 1 row x 1,000,000 unknown columns",
        |b| {
            b.iter(|| match read_any(black_box(csv.as_slice()), &options) {
                Ok(Table::Register(r, _)) => status_rows(&r, as_of, &policy).len(),
                _ => 0,
            })
        },
    );
    g.finish();
}

criterion_group!(benches, wide);
criterion_main!(benches);
