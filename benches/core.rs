//! Criterion benches of the hot core functions, so that regressions show up.
//! Run: cargo bench -p koperasi --features samples --bench core
#![allow(missing_docs)]
use criterion::{Criterion, criterion_group, criterion_main};
use koperasi::cooperative::{Koperasi, Rat};
use koperasi::identity::NomorBadanHukum;
use koperasi::io::register::for_each_register_record;
use koperasi::io::{ReadOptions, read_panel, read_register};
use koperasi::locale::{parse_date, parse_rupiah};
use koperasi::register::{Counter, Field};
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
    c.bench_function("for_each_register_record Kota Bogor (398 rows)", |b| {
        b.iter(|| {
            let mut n = 0usize;
            let _ = for_each_register_record(black_box(bogor), &o, |_, _| n += 1);
            n
        })
    });
    // Rows in the shape of benches/gen (13 RAT columns of dates and marks, a field check, a
    // quoted address): the national-register case of J1.
    let wide = national_rows(2_000);
    let as_of = parse_date("2025-07-31").unwrap_or_default();
    let p = StatusPolicy::national();
    let fields = [Field::Provinsi, Field::Jenis, Field::Status];
    c.bench_function("read_register + count_by, 2,000 wide rows", |b| {
        b.iter(|| {
            read_register(black_box(wide.as_bytes()), &o)
                .map(|(r, _)| r.count_by(&fields, as_of, &p).rows.len())
        })
    });
    c.bench_function("streaming read + Counter, 2,000 wide rows", |b| {
        b.iter(|| {
            let mut counter = Counter::new(&fields, as_of, &p);
            let _ =
                for_each_register_record(black_box(wide.as_bytes()), &o, |_, k| counter.add(&k));
            counter.finish().rows.len()
        })
    });
    // The same on 20,000 rows, rows converted on the calling thread only, and on
    // the default threads (a worker per core, and the calling thread).
    let wide = national_rows(20_000);
    for (label, threads) in [("1 thread", Some(1)), ("default threads", None)] {
        let o = ReadOptions {
            threads,
            ..ReadOptions::default()
        };
        c.bench_function(
            &format!("streaming read + Counter, 20,000 wide rows, {label}"),
            |b| {
                b.iter(|| {
                    let mut counter = Counter::new(&fields, as_of, &p);
                    let _ = for_each_register_record(black_box(wide.as_bytes()), &o, |_, k| {
                        counter.add(&k)
                    });
                    counter.finish().rows.len()
                })
            },
        );
    }
}

/// `n` rows in the shape of the synthetic national register of benches/gen.
fn national_rows(n: usize) -> String {
    let mut s = String::from(
        "id_koperasi,nama_koperasi,nomor_bh,tanggal_bh,alamat,kode_wilayah,provinsi,\
         kabupaten_kota,jenis_koperasi,jumlah_anggota,RAT 2012,RAT 2013,RAT 2014,RAT 2015,\
         RAT 2016,RAT 2017,RAT 2018,RAT 2019,RAT 2020,RAT 2021,RAT 2022,RAT 2023,RAT 2024,\
         tanggal_verifikasi,ditemukan,usaha_berjalan,tanggal_pembubaran\n",
    );
    let rows = [
        "KSP Lestari Rejeki,-,2007-11-15,\"Jl. Pahlawan No. 242, RT 14/RW 04\",35.06,JAWA TIMUR,\
         Kabupaten Kediri,Simpan Pinjam,916,21/04/2013,v,03/06/2015,13 Mei 2016,2017-01-25,\
         2018-06-11,2019-01-14,2020-06-19,TIDAK,belum,Tidak,TIDAK,,,,,",
        "KSP Tani Lestari 80,518/BH/KWK-10/IX-1997,1997-08-04,Jl. Pahlawan No. 200,95.05,\
         Papua Pegunungan,Kabupaten Mamberamo Tengah,KSPPS,3010,28/02/2013,2014-06-15,\
         2015-10-11,14 Februari 2016,22/02/2017,13/11/2018,08/06/2019,2020-02-24,,YA,13/06/2023,\
         29/06/2024,sudah,2024-03-02,ya,tidak,",
        "Koperasi Konsumen Maju,AHU-0007286.AH.01.26.TAHUN 2020,2020-02-03,Jl. Merdeka 1,3271,\
         Jawa Barat,Kota Bogor,Koperasi Konsumen,45,,,,,,,,,n/a,?,2023-03-01,2024-02-11,#N/A,,,,\
         2024-12-01",
    ];
    for i in 0..n {
        s.push_str(&format!("{i},{}\n", rows[i % rows.len()]));
    }
    s
}

criterion_group!(benches, parsers, status, readers);
criterion_main!(benches);
