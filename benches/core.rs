//! Criterion benches of the hot core functions, so that regressions show up.
//! Run: cargo bench -p koperasi --features samples --bench core
#![allow(missing_docs)]
use criterion::{Criterion, criterion_group, criterion_main};
use koperasi::cooperative::{Koperasi, Rat};
use koperasi::identity::NomorBadanHukum;
use koperasi::io::{ReadOptions, read_panel, read_register};
use koperasi::locale::{parse_date, parse_rupiah};
use koperasi::status::{StatusPolicy, assess};
use koperasi::wilayah::table;
use std::hint::black_box;

fn parsers(c: &mut Criterion) {
    c.bench_function("parse_date long form", |b| {
        b.iter(|| parse_date(black_box("Sabtu, 1 Februari 2025")))
    });
    c.bench_function("parse_date numeric", |b| {
        b.iter(|| parse_date(black_box("01/02/2025")))
    });
    c.bench_function("parse_rupiah", |b| {
        b.iter(|| parse_rupiah(black_box("Rp 1.234.567,89")))
    });
    c.bench_function("badan hukum legacy", |b| {
        b.iter(|| NomorBadanHukum::parse(black_box("9290/BH/KWK-10/IX-1996")))
    });
    c.bench_function("badan hukum AHU", |b| {
        b.iter(|| NomorBadanHukum::parse(black_box("AHU-0007286.AH.01.26.TAHUN 2020")))
    });
    let t = table();
    c.bench_function("find_kecamatan", |b| {
        b.iter(|| t.find_kecamatan(black_box("Tanah Sareal"), None))
    });
}

fn status(c: &mut Criterion) {
    let mut k = Koperasi::new("KSP Maju");
    k.tanggal_badan_hukum = parse_date("2015-03-01").ok();
    k.rat_known = koperasi::cooperative::RatKnowledge::Complete;
    k.rat = (2015..2023)
        .map(|y| Rat {
            book_year: y,
            date: None,
        })
        .collect();
    let as_of = parse_date("2025-06-30").unwrap_or_default();
    let p = StatusPolicy::national();
    c.bench_function("assess", |b| b.iter(|| assess(black_box(&k), as_of, &p)));
}

fn readers(c: &mut Criterion) {
    let bogor = koperasi::samples::BOGOR_REGISTER_CSV.as_bytes();
    let jatim = koperasi::samples::JATIM_PANEL_CSV.as_bytes();
    let o = ReadOptions::default();
    c.bench_function("read_register Kota Bogor (398 rows)", |b| {
        b.iter(|| read_register(black_box(bogor), &o))
    });
    c.bench_function("read_panel East Java (798 rows)", |b| {
        b.iter(|| read_panel(black_box(jatim), &o))
    });
}

criterion_group!(benches, parsers, status, readers);
criterion_main!(benches);
