//! The KDMP/KKMP wave in growth figures (issue 19, item 5), on real files: the SIMKOPDES
//! Situbondo register slice (`tests/data/real/simkopdes-kopdes-locations/`), the Kota Bogor
//! 2022 register (embedded sample; no KDMP existed then), the East Java quarterly panel
//! (embedded sample) and the SIMKOPDES East Java count
//! (`tests/data/real/simkopdes-province-jatim/`); and the stages of an ordinary register
//! (Subang, `tests/data/real/subang-koperasi-rat/`): known only where the file speaks. Figures
//! computed with pandas, see the PROVENANCE.md files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::io::{ReadOptions, Table, read_any, read_panel};
use koperasi::kopdes::{KdmpMark, WaveOptions, explain_jump, is_kdmp_name, kdmp_mark, wave_growth};
use koperasi::register::Register;
use koperasi::stats::{Period, TOTAL};

fn repo_file(path: &str) -> String {
    let path = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn register(csv: &str) -> Register {
    match read_any(csv.as_bytes(), &ReadOptions::default()).unwrap() {
        Table::Register(r, _) => r,
        Table::Panel(..) => panic!("read as a panel"),
    }
}

#[test]
fn situbondo_kdmp_are_recognised_by_name() {
    let r = register(&repo_file(
        "tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv",
    ));
    assert_eq!(r.records.len(), 47);
    let opts = WaveOptions::default();
    let by_name = r
        .records
        .iter()
        .filter(|k| kdmp_mark(k, &opts) == Some(KdmpMark::Name))
        .count();
    // pandas: 47 names contain MERAH PUTIH and DESA or KELURAHAN (2 are KELURAHAN).
    assert_eq!(by_name, 47);
    let g = wave_growth(&r.records, 2024, 2026, &opts).unwrap();
    assert_eq!(
        (g.cohort, g.by_name, g.cohort_founding_unknown),
        (47, 47, 47)
    );
}

#[test]
fn bogor_2022_has_no_kdmp() {
    let csv = repo_file(
        "crates/koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv",
    );
    let r = register(&csv);
    assert_eq!(r.records.len(), 398);
    let g = wave_growth(&r.records, 2020, 2022, &WaveOptions::default()).unwrap();
    assert_eq!(g.cohort, 0);
    // Without a cohort, growth with and without it are the same.
    for y in &g.years {
        assert_eq!(y.change, y.change_without);
    }
}

#[test]
fn names_and_flags() {
    assert!(is_kdmp_name("KOPERASI DESA MERAH PUTIH SUKAMAJU"));
    assert!(is_kdmp_name("Koperasi Kelurahan Merah Putih Mimbaan"));
    assert!(is_kdmp_name("KDMP Sumberkolak"));
    assert!(is_kdmp_name("Kopdes Merah-Putih Alasmalang"));
    // An older coop that happens to be called Merah Putih is not one.
    assert!(!is_kdmp_name("KSP Merah Putih"));
    assert!(!is_kdmp_name("Koperasi Karyawan Merah Putih"));
    let mut k = koperasi::Koperasi::new("Koperasi Produsen Sumber Rejeki");
    k.extra.push(("Program".into(), "KopdesMerahPutih".into()));
    assert_eq!(kdmp_mark(&k, &WaveOptions::default()), Some(KdmpMark::Flag));
    let mut k = koperasi::Koperasi::new("Koperasi Produsen Sumber Rejeki");
    k.tanggal_badan_hukum = NaiveDate::from_ymd_opt(2025, 6, 1);
    assert_eq!(kdmp_mark(&k, &WaveOptions::default()), None);
    let window = WaveOptions {
        founding_window: true,
        ..WaveOptions::default()
    };
    assert_eq!(kdmp_mark(&k, &window), Some(KdmpMark::FoundingWindow));
}

#[test]
fn register_growth_with_and_without_the_cohort() {
    let csv = "nama_koperasi,tanggal_badan_hukum\n\
               KSP Maju,2010-05-01\n\
               KSP Jaya,2024-02-01\n\
               Koperasi Desa Merah Putih A,2025-07-10\n\
               Koperasi Desa Merah Putih B,2025-07-11\n\
               Koperasi Konsumen Baru,2025-01-15\n";
    let r = register(csv);
    let g = wave_growth(&r.records, 2024, 2025, &WaveOptions::default()).unwrap();
    let y = &g.years[1];
    assert_eq!((y.births, y.births_cohort), (3, 2));
    assert_eq!((y.stock, y.stock_cohort), (5, 2));
    assert_eq!((y.change, y.change_without), (Some(3), Some(1)));
    assert_eq!(y.pct_change, Some(150.0));
    assert_eq!(y.pct_change_without, Some(50.0));
}

#[test]
fn east_java_2025_q2_jump_is_the_kdmp_count() {
    let csv = repo_file(
        "crates/koperasi/data/samples/jatim-koperasi-kabkota-quarterly/koperasi_jatim_kabkota_2018Q4_2025Q2.csv",
    );
    let (panel, _) = read_panel(csv.as_bytes(), &ReadOptions::default()).unwrap();
    // SIMKOPDES, 2026-08-05: 8,494 KDMP/KKMP in Jawa Timur.
    let simkopdes =
        repo_file("tests/data/real/simkopdes-province-jatim/kopdes_stats_province_jatim.csv");
    let r = csv::Reader::from_reader(simkopdes.as_bytes())
        .records()
        .next()
        .unwrap()
        .unwrap();
    let kdmp: i64 = r.get(4).unwrap().parse().unwrap();
    assert_eq!(kdmp, 8494);
    let q2 = Period::parse("2025-Q2").unwrap();
    let f = explain_jump(&panel, None, q2, TOTAL, kdmp).unwrap();
    assert_eq!(f.previous, Period::parse("2025-Q1").unwrap());
    assert_eq!((f.before, f.after, f.change), (34_155, 42_725, 8_570));
    assert!((f.pct_change.unwrap() - 25.0915).abs() < 1e-3);
    assert!((f.explained_pct.unwrap() - 99.1132).abs() < 1e-3);
    assert_eq!(f.change_without, 76);
    assert!((f.pct_change_without.unwrap() - 0.2225).abs() < 1e-3);
    assert!(f.detail.contains("+8,570 (+25.1 %)"), "{}", f.detail);
    assert!(f.detail.contains("99.1 %"), "{}", f.detail);
    assert!(f.detail_id.contains("+8.570 (+25,1 %)"), "{}", f.detail_id);
    assert!(f.detail_id.contains("99,1 %"), "{}", f.detail_id);
    // Errors: a negative count, a period the panel lacks.
    assert_eq!(
        explain_jump(&panel, None, q2, TOTAL, -1)
            .unwrap_err()
            .code(),
        "stats_negative_value"
    );
    let first = Period::parse("2018-Q4").unwrap();
    assert_eq!(
        explain_jump(&panel, None, first, TOTAL, 1)
            .unwrap_err()
            .code(),
        "stats_bad_parameter"
    );
}

/// A real register of ordinary coops (Subang, `tests/data/real/subang-koperasi-rat/`): its
/// badan hukum numbers (amendments included) make every coop a legal entity (undated for an
/// amendment); no stage column means "no data", never stalled.
#[test]
fn subang_register_stages_are_known_only_where_the_file_speaks() {
    use koperasi::kopdes::{Checklist, Stage, StallPreset, readiness_report, stages_report};
    let r = register(&repo_file(
        "tests/data/real/subang-koperasi-rat/koperasi.csv",
    ));
    assert_eq!(r.records.len(), 10);
    let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let rep = stages_report(
        &r.records,
        as_of,
        None,
        &StallPreset::default_preset().unwrap(),
    );
    let count = |s: Stage| *rep.funnel.iter().find(|c| c.stage == s).unwrap();
    // Every row has a nomor badan hukum (pandas: df.nomor_badan_hukum.notna().sum() == 10).
    assert_eq!(count(Stage::SkAhu).reached, 10);
    assert!(!count(Stage::Nib).covered && !count(Stage::Npwp).covered);
    assert!(
        rep.stalled
            .iter()
            .all(|s| s.to == Stage::RatHeld || s.to == Stage::SkAhu)
    );
    assert!(
        rep.stall_counts
            .iter()
            .filter(|c| c.step.to == Stage::Nib)
            .all(|c| !c.covered)
    );
    let ready = readiness_report(&r.records, &Checklist::pmk_49_2025().unwrap(), None, None);
    assert_eq!(ready.overall.items[0].met, 10);
    assert!(!ready.overall.items[4].covered);
}

/// The kind a name says, on real SIMKOPDES names (kopdes_locations_situbondo.csv, lines 2 and
/// 30) and the programme's short forms; an older `KSP Merah Putih` is neither.
#[test]
fn kdmp_or_kkmp_by_name() {
    use koperasi::kopdes::{KdmpKind, kdmp_kind};
    assert_eq!(
        kdmp_kind("KOPERASI DESA MERAH PUTIH SUMBERKOLAK"),
        Some(KdmpKind::Kdmp)
    );
    assert_eq!(
        kdmp_kind("KOPERASI KELURAHAN MERAH PUTIH MIMBAAN"),
        Some(KdmpKind::Kkmp)
    );
    assert_eq!(
        kdmp_kind("Koperasi Desa Merah Putih Kelurahan Baru"),
        Some(KdmpKind::Kdmp)
    );
    assert_eq!(kdmp_kind("KKMP Patokan"), Some(KdmpKind::Kkmp));
    assert_eq!(
        kdmp_kind("Kopdes Merah Putih Tenggir"),
        Some(KdmpKind::Kdmp)
    );
    assert_eq!(kdmp_kind("KSP Merah Putih"), None);
}
