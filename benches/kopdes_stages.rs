//! KDMP/KKMP stages and loan readiness at national scale (issue 19): 90,000 coops (about one
//! per desa/kelurahan; 83,762 in the Kemendagri 2025 table), made by repeating the 600 rows of
//! the synthetic register `tests/data/synthetic/kopdes-stages/` 150 times. Target: under 1 s
//! to read the CSV and compute the funnel by kab/kota, the durations, the stalled coops and the
//! readiness checklist.
//!
//! Run: cargo bench -p koperasi --bench kopdes_stages
#![allow(missing_docs)]
use criterion::{Criterion, criterion_group, criterion_main};
use koperasi::NaiveDate;
use koperasi::io::{ReadOptions, read_register};
use koperasi::kopdes::{Checklist, StallPreset, readiness_report, stages_report};
use koperasi::register::Field;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SYNTH: &str = include_str!("../tests/data/synthetic/kopdes-stages/kopdes_stages_synth.csv");
const COPIES: usize = 150;

/// The synthetic register repeated: 600 x 150 = 90,000 rows.
fn national_csv() -> String {
    let mut lines = SYNTH.lines();
    let header = lines.next().unwrap_or_default();
    let body: Vec<&str> = lines.collect();
    let mut out = String::with_capacity(SYNTH.len() * COPIES);
    out.push_str(header);
    out.push('\n');
    for _ in 0..COPIES {
        for l in &body {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

fn kopdes(c: &mut Criterion) {
    let csv = national_csv();
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 31).unwrap_or_default();
    let preset = StallPreset::default_preset().unwrap_or_else(|_| std::process::abort());
    let checklist = Checklist::pmk_49_2025().unwrap_or_else(|_| std::process::abort());
    let (reg, _) = read_register(csv.as_bytes(), &ReadOptions::default())
        .unwrap_or_else(|_| std::process::abort());
    assert_eq!(reg.records.len(), 600 * COPIES);
    // One timed run, printed, so that the figure is visible without criterion's statistics.
    let t = Instant::now();
    let (reg2, _) = read_register(csv.as_bytes(), &ReadOptions::default())
        .unwrap_or_else(|_| std::process::abort());
    let read = t.elapsed();
    let s = stages_report(&reg2.records, as_of, Some(Field::KabKota), &preset);
    let r = readiness_report(&reg2.records, &checklist, None, Some(Field::KabKota));
    eprintln!(
        "kopdes: {} coops, read {:?}, read + stages + readiness {:?} (sk_ahu reached {}, ready {})",
        reg2.records.len(),
        read,
        t.elapsed(),
        s.funnel.get(3).map_or(0, |c| c.reached),
        r.overall.ready
    );
    let mut g = c.benchmark_group("kopdes_90000");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    g.bench_function("stages_report_by_kab_kota", |b| {
        b.iter(|| {
            black_box(stages_report(
                &reg.records,
                as_of,
                Some(Field::KabKota),
                &preset,
            ))
        })
    });
    g.bench_function("readiness_report_by_kab_kota", |b| {
        b.iter(|| {
            black_box(readiness_report(
                &reg.records,
                &checklist,
                None,
                Some(Field::KabKota),
            ))
        })
    });
    g.bench_function("read_csv_then_both", |b| {
        b.iter(|| {
            let (reg, _) = read_register(csv.as_bytes(), &ReadOptions::default())
                .unwrap_or_else(|_| std::process::abort());
            black_box(stages_report(
                &reg.records,
                as_of,
                Some(Field::KabKota),
                &preset,
            ));
            black_box(readiness_report(
                &reg.records,
                &checklist,
                None,
                Some(Field::KabKota),
            ))
        })
    });
    g.finish();
}

criterion_group!(benches, kopdes);
criterion_main!(benches);
