//! Region levels in panels: a total row (national, province, `JUMLAH`) is never summed with
//! its parts, it is checked against them, series breaks are stated, and the "Read as"
//! statement says what was read. Real files: `tests/data/real/levels-*` (see each
//! PROVENANCE.md for the figures computed independently).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::io::{ReadOptions, read_panel};
use koperasi::report::{PanelReport, Report, ReportOptions, build_report};
use koperasi::stats::{AKTIF, Finding, Panel, Period, Severity, TOTAL};
use std::path::PathBuf;

fn real(slug: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/real")
        .join(slug);
    let csv = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "csv"))
        .unwrap();
    std::fs::read(csv).unwrap()
}

fn report(bytes: &[u8]) -> PanelReport {
    let o = ReportOptions::new(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    match build_report(bytes, "test", &o).unwrap() {
        Report::Panel(p) => *p,
        Report::Register(_) => panic!("read as a register"),
    }
}

fn codes<'a>(f: &'a [Finding], code: &str) -> Vec<&'a Finding> {
    f.iter().filter(|x| x.code == code).collect()
}

fn y(s: &str) -> Period {
    Period::parse(s).unwrap()
}

#[test]
fn a_national_series_is_not_summed_with_its_provinces() {
    let r = report(&real("levels-bps-koperasi-aktif-nasional-2019-2021"));
    let aktif: Vec<Option<i64>> = r.periods.iter().map(|p| p.aktif).collect();
    // Not 178,862 / 176,484 / 186,157 (national + provinces).
    assert_eq!(aktif, vec![Some(123_048), Some(127_124), Some(127_846)]);
    assert!(r.periods.iter().all(|p| p.summed == 1 && p.total_rows == 1));
    assert!(r.periods.iter().all(|p| p.comparable));
    let span = r.span.as_ref().unwrap();
    assert_eq!(
        (span.aktif_from, span.aktif_to),
        (Some(123_048), Some(127_846))
    );
    assert!((span.cagr_aktif.unwrap() - 1.931).abs() < 0.001);
    // Province names resolve; nothing is unresolved.
    assert!(
        r.unresolved_regions.is_empty(),
        "{:?}",
        r.unresolved_regions
    );
    assert!(codes(&r.findings, "unknown_region").is_empty());
    assert!(codes(&r.findings, "child_sum_not_equal_parent").is_empty());
    // The listed provinces cover part of the nation, as information: 5 of 34 in 2019.
    let cov = codes(&r.findings, "partial_coverage");
    assert_eq!(cov.len(), 3);
    assert_eq!(cov[0].severity, Severity::Info);
    assert_eq!(cov[0].values, vec![123_048, 55_814]);
    assert_eq!(cov[1].values, vec![127_124, 49_360]);
    assert_eq!(cov[2].values, vec![127_846, 58_311]);
    assert!(
        cov[0].message_en.contains("(5 of 34)"),
        "{}",
        cov[0].message_en
    );
    assert!(
        cov[0].message_en.contains("(45.4 %)"),
        "{}",
        cov[0].message_en
    );
    // Read as: 1 national, 5 provinces, INDONESIA a total in 3 periods.
    let ra = &r.read_as;
    assert_eq!(ra.region_column.as_deref(), Some("wilayah"));
    assert_eq!(ra.period_columns, vec!["tahun".to_string()]);
    let lv: Vec<(&str, u64)> = ra
        .levels
        .iter()
        .map(|l| (l.level.as_str(), l.regions))
        .collect();
    assert_eq!(lv, vec![("nasional", 1), ("provinsi", 5)]);
    assert_eq!(ra.totals.len(), 1);
    assert_eq!(
        (ra.totals[0].region.as_str(), ra.totals[0].periods),
        ("INDONESIA", 3)
    );
    assert_eq!(ra.totals[0].lines, vec![2, 8, 12]);
    assert!(
        ra.text_id.contains("1 nasional, 5 provinsi"),
        "{}",
        ra.text_id
    );
}

#[test]
fn ten_provinces_and_indonesia_give_the_national_figure() {
    let r = report(&real("levels-next-koperasi-10-provinsi-2024"));
    assert_eq!(r.periods.len(), 1);
    assert_eq!(r.periods[0].aktif, Some(51_505)); // not 90,043
    let cov = codes(&r.findings, "partial_coverage");
    assert_eq!(cov.len(), 1);
    assert_eq!(cov[0].values, vec![51_505, 38_538]);
    assert!(
        cov[0].message_en.contains("(10 of 38)"),
        "{}",
        cov[0].message_en
    );
    assert!(
        cov[0].message_en.contains("(74.8 %)"),
        "{}",
        cov[0].message_en
    );
    assert!(
        cov[0].message_id.contains("74,8 %"),
        "{}",
        cov[0].message_id
    );
}

#[test]
fn a_province_row_is_checked_against_its_kab_kota() {
    let bytes = real("levels-jatim-kabkota-vs-bps-provinsi");
    let r = report(&bytes);
    // Province (BPS) figures for aktif; the kab/kota (Dinas) sums for the other measures.
    let got: Vec<(Option<i64>, Option<i64>)> =
        r.periods.iter().map(|p| (p.aktif, p.total)).collect();
    assert_eq!(
        got,
        vec![
            (Some(21_757), Some(34_983)),
            (Some(22_464), Some(35_583)),
            (Some(22_845), Some(34_384))
        ]
    );
    let bad = codes(&r.findings, "child_sum_not_equal_parent");
    let v: Vec<(Vec<i64>, Option<&str>)> = bad
        .iter()
        .map(|f| (f.values.clone(), f.measure.as_deref()))
        .collect();
    assert_eq!(
        v,
        vec![
            (vec![21_757, 21_725], Some(AKTIF)),
            (vec![22_464, 22_450], Some(AKTIF)),
            (vec![22_845, 21_203], Some(AKTIF)),
        ]
    );
    assert!(
        bad[2].message_en.contains("38 kabupaten/kota"),
        "{}",
        bad[2].message_en
    );
    assert!(
        bad[2].message_en.contains("difference -1,642"),
        "{}",
        bad[2].message_en
    );
    assert!(codes(&r.findings, "partial_coverage").is_empty());
    // The province row is kept (not rejected) and not summed.
    assert_eq!((r.read.rows_read, r.read.accepted), (117, 117));
    assert!(
        r.unresolved_regions.is_empty(),
        "{:?}",
        r.unresolved_regions
    );
}

#[cfg(feature = "samples")]
#[test]
fn the_east_java_sample_is_unchanged() {
    let csv = koperasi::samples::JATIM_PANEL_CSV;
    let r = report(csv.as_bytes());
    let first = &r.periods[0];
    assert_eq!(
        (first.aktif, first.total, first.summed),
        (Some(21_322), Some(34_504), 38)
    );
    let last = r.periods.last().unwrap();
    assert_eq!((last.aktif, last.total), (Some(27_985), Some(42_725)));
    assert!(r.periods.iter().all(|p| p.comparable && p.total_rows == 0));
    assert!(codes(&r.findings, "series_break").is_empty());
    assert!(codes(&r.findings, "unknown_region").is_empty());
    assert!(codes(&r.findings, "partial_coverage").is_empty());
    assert!(r.read_as.totals.is_empty());
    assert_eq!(r.read_as.levels[0].level, "kabupaten_kota");
    assert_eq!(r.read_as.levels[0].regions, 38);
}

#[test]
fn a_change_of_coverage_is_a_series_break_not_growth() {
    // Five provinces in 2019 and 2021, three in 2020 (figures of the national file).
    let csv = "provinsi,tahun,koperasi_aktif,jumlah_koperasi\n\
        JAWA TIMUR,2019,21757,21757\nJAWA BARAT,2019,13247,13247\nJAWA TENGAH,2019,13164,13164\nSUMATERA UTARA,2019,4199,4199\nDKI JAKARTA,2019,3447,3447\n\
        JAWA TIMUR,2020,22464,22464\nJAWA BARAT,2020,14706,14706\nJAWA TENGAH,2020,12190,12190\n\
        JAWA TIMUR,2021,22845,22845\nJAWA BARAT,2021,15621,15621\nJAWA TENGAH,2021,10270,10270\n";
    let r = report(csv.as_bytes());
    let b = codes(&r.findings, "series_break");
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].periods, vec![y("2019"), y("2020")]);
    assert_eq!(b[0].values, vec![5, 3, 3]);
    assert!(
        b[0].message_en.contains("SUMATERA UTARA, DKI JAKARTA"),
        "{}",
        b[0].message_en
    );
    // 2020: 49,360 over 3 provinces; the change is over those 3 (48,168 in 2019), not 55,814.
    let p = &r.periods[1];
    assert_eq!(
        (p.total, p.change, p.comparable),
        (Some(49_360), Some(1_192), false)
    );
    // The span compares the 3 provinces present at both ends: 48,168 -> 48,736.
    let s = r.span.as_ref().unwrap();
    assert_eq!(
        (s.total_from, s.total_to, s.regions, s.comparable),
        (Some(48_168), Some(48_736), 3, false)
    );
}

#[test]
fn jumlah_rows_are_totals_checked_against_their_rows() {
    let csv = "kabupaten_kota,tahun,total\nKota Batu,2021,5\nKota Malang,2021,7\nJUMLAH,2021,13\n\
               Kota Batu,2022,6\nKota Malang,2022,7\nJUMLAH,2022,13\n";
    let (p, rep) = read_panel(csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!((rep.accepted, rep.rejected.len()), (6, 0));
    let t = p.totals_by_period(&[TOTAL]);
    assert_eq!(t[0].1.get(TOTAL), Some(&13));
    assert_eq!(t[1].1.get(TOTAL), Some(&13));
    let f = koperasi::stats::run_checks(&p, &Default::default());
    let bad = codes(&f, "child_sum_not_equal_parent");
    assert_eq!(bad.len(), 1);
    assert_eq!(
        (bad[0].values.clone(), bad[0].lines.clone()),
        (vec![13, 12], vec![4, 2, 3])
    );
}

#[test]
fn a_kab_kota_under_another_province_and_a_name_that_is_no_region() {
    let csv = "wilayah,tahun,total\nJAWA TIMUR,2021,30\nKab. Mojokerto,2021,10\nKab. Bogor,2021,5\nJAWA BARAT,2021,8\nKota Bogor,2021,8\nKab. Antah Berantah,2021,4\n";
    let (p, _) = read_panel(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let f = koperasi::stats::run_checks(&p, &Default::default());
    let w = codes(&f, "wrong_parent");
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].region.as_deref(), Some("Kab. Bogor"));
    assert_eq!(w[0].lines, vec![2, 4]);
    assert!(
        w[0].message_en.contains("in Jawa Barat"),
        "{}",
        w[0].message_en
    );
    let u = codes(&f, "unknown_region");
    assert_eq!(u.len(), 1);
    assert_eq!(u[0].lines, vec![7]);
}

#[test]
fn papua_before_2022_contains_the_later_provinces() {
    // Kab. Mimika (94.12 since 2022) under Papua (91) in 2021: no wrong parent; Papua is a
    // total of Mimika and Kab. Jayapura (91.03) there.
    let csv = "wilayah,tahun,total\nPAPUA,2021,9\nKab. Mimika,2021,4\nKab. Jayapura,2021,5\n";
    let (p, _) = read_panel(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let f = koperasi::stats::run_checks(&p, &Default::default());
    assert!(codes(&f, "wrong_parent").is_empty(), "{f:?}");
    assert_eq!(p.totals_by_period(&[TOTAL])[0].1.get(TOTAL), Some(&9));
    let cov = codes(&f, "partial_coverage");
    assert!(
        cov[0].message_en.contains("(2 of 29)"),
        "{}",
        cov[0].message_en
    );
    // In 2023 Mimika is in Papua Tengah: listed under Papua, it is a wrong parent.
    let csv = csv.replace("2021", "2023");
    let (p, _) = read_panel(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let f = koperasi::stats::run_checks(&p, &Default::default());
    assert_eq!(codes(&f, "wrong_parent").len(), 1);
}

#[test]
fn old_and_prefixed_province_names_resolve() {
    use koperasi::wilayah::{Resolution, resolve_name};
    for (name, code) in [
        ("PROV. JAWA TIMUR", "35"),
        ("Provinsi Kepulauan Bangka Belitung", "19"),
        ("KEP. RIAU", "21"),
        ("Irian Jaya", "91"),
        ("NANGGROE ACEH DARUSSALAM", "11"),
        ("Papua Barat Daya", "96"),
        ("D.I. YOGYAKARTA", "34"),
        ("KOTA ADM. JAKARTA PUSAT", "31.71"),
    ] {
        match resolve_name(name, None) {
            Resolution::Found(c) => assert_eq!(c.to_string(), code, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    assert_eq!(resolve_name("NASIONAL", None), Resolution::Nasional);
    assert_eq!(resolve_name("Indonesia", None), Resolution::Nasional);
    assert_eq!(resolve_name("Atlantis", None), Resolution::NotFound);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// The five kab/kota of Kalimantan Utara (65): a complete set of parts.
    const KALTARA: [&str; 5] = [
        "Kabupaten Malinau",
        "Kabupaten Bulungan",
        "Kabupaten Tana Tidung",
        "Kabupaten Nunukan",
        "Kota Tarakan",
    ];

    fn panel(rows: &[(String, i32, i64)]) -> Panel {
        let mut csv = String::from("wilayah,tahun,total\n");
        for (r, y, v) in rows {
            csv.push_str(&format!("{r},{y},{v}\n"));
        }
        read_panel(csv.as_bytes(), &ReadOptions::default())
            .unwrap()
            .0
    }

    fn rows() -> impl Strategy<Value = Vec<(String, i32, i64)>> {
        proptest::collection::vec((0usize..5, 2019i32..=2021, 0i64..5_000), 1..15).prop_map(|v| {
            let mut seen = std::collections::BTreeSet::new();
            v.into_iter()
                .filter(|(k, y, _)| seen.insert((*k, *y)))
                .map(|(k, y, n)| (KALTARA[k].to_string(), y, n))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn shuffling_rows_changes_no_total(rows in rows(), seed in any::<u64>()) {
            let mut shuffled = rows.clone();
            // A deterministic shuffle from the seed.
            let n = shuffled.len();
            for i in (1..n).rev() {
                let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % (i as u64 + 1)) as usize;
                shuffled.swap(i, j);
            }
            prop_assert_eq!(panel(&rows).totals_by_period(&[TOTAL]), panel(&shuffled).totals_by_period(&[TOTAL]));
        }

        #[test]
        fn a_parent_equal_to_its_parts_changes_no_total(rows in rows(), label in 0usize..3) {
            let before = panel(&rows).totals_by_period(&[TOTAL]);
            let parent = ["KALIMANTAN UTARA", "JUMLAH", "INDONESIA"][label];
            let mut with = rows.clone();
            for (p, sums) in &before {
                with.push((parent.to_string(), p.year(), *sums.get(TOTAL).unwrap()));
            }
            let p = panel(&with);
            prop_assert_eq!(p.totals_by_period(&[TOTAL]), before);
            let f = koperasi::stats::run_checks(&p, &Default::default());
            prop_assert!(codes(&f, "child_sum_not_equal_parent").is_empty());
        }

        #[test]
        fn a_parent_differing_from_complete_parts_gives_one_finding(
            values in proptest::collection::vec(0i64..5_000, 5),
            gap in prop_oneof![-500i64..=-1, 1i64..=500],
            label in 0usize..2,
        ) {
            let mut rows: Vec<(String, i32, i64)> =
                KALTARA.iter().zip(&values).map(|(r, v)| (r.to_string(), 2021, *v)).collect();
            let sum: i64 = values.iter().sum();
            let parent = ["KALIMANTAN UTARA", "JUMLAH"][label];
            rows.push((parent.to_string(), 2021, sum + gap));
            let p = panel(&rows);
            let f = koperasi::stats::run_checks(&p, &Default::default());
            let bad = codes(&f, "child_sum_not_equal_parent");
            prop_assert_eq!(bad.len(), 1);
            prop_assert_eq!(bad[0].values.clone(), vec![sum + gap, sum]);
            // The parent's own figure is the period's figure, never added to its parts.
            prop_assert_eq!(p.total(y("2021"), TOTAL), Some(sum + gap));
        }
    }
}

/// Kota Bogor's six kecamatan with the number of cooperatives of the embedded 2022 register
/// (counted with Python's `csv` module: 127 + 101 + 98 + 39 + 21 + 12 = 398).
const BOGOR_KEC: &str = "wilayah,tahun,jumlah_koperasi\nBogor Tengah,2022,127\nTanah Sareal,2022,101\n\
    Bogor Barat,2022,98\nBogor Utara,2022,39\nBogor Timur,2022,21\nBogor Selatan,2022,12\n";

#[test]
fn a_kecamatan_table_is_placed_without_region_and_its_kota_row_is_their_total() {
    let r = report(BOGOR_KEC.as_bytes());
    assert_eq!(r.periods[0].total, Some(398));
    assert!(
        r.unresolved_regions.is_empty(),
        "{:?}",
        r.unresolved_regions
    );
    let lv: Vec<(&str, u64)> = r
        .read_as
        .levels
        .iter()
        .map(|l| (l.level.as_str(), l.regions))
        .collect();
    assert_eq!(lv, vec![("kecamatan", 6)]);
    // With the kota row on top: it is their total, all 6 of 6 kecamatan listed, equal: no finding.
    let csv = BOGOR_KEC.replace(
        "wilayah,tahun,jumlah_koperasi\n",
        "wilayah,tahun,jumlah_koperasi\nKOTA BOGOR,2022,398\n",
    );
    let r = report(csv.as_bytes());
    assert_eq!(
        (r.periods[0].total, r.periods[0].total_rows),
        (Some(398), 1)
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    // One coop fewer in the kota row: one error with the gap.
    let r = report(csv.replace(",398\n", ",397\n").as_bytes());
    let bad = codes(&r.findings, "child_sum_not_equal_parent");
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].values, vec![397, 398]);
    assert!(
        bad[0].message_en.contains("6 kecamatan"),
        "{}",
        bad[0].message_en
    );
}

#[test]
fn an_ambiguous_name_stays_under_the_province_that_holds_both_candidates() {
    // `Malang` is kabupaten 35.07 or kota 35.73: either way inside JAWA TIMUR, so not summed
    // beside the province row.
    let csv = "wilayah,tahun,total\nJAWA TIMUR,2021,30\nMalang,2021,12\nKab. Mojokerto,2021,10\n";
    let (p, _) = read_panel(csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert_eq!(p.totals_by_period(&[TOTAL])[0].1.get(TOTAL), Some(&30));
}

#[test]
fn a_province_column_that_does_not_contain_the_kab_kota_is_a_wrong_parent() {
    let csv = "provinsi,kabupaten_kota,tahun,total\nJawa Timur,Kab. Mojokerto,2021,10\nJawa Timur,Kab. Bogor,2021,5\nJawa Barat,Kota Bogor,2021,8\n";
    let (p, _) = read_panel(csv.as_bytes(), &ReadOptions::default()).unwrap();
    let f = koperasi::stats::run_checks(&p, &Default::default());
    let w = codes(&f, "wrong_parent");
    assert_eq!(w.len(), 1, "{f:?}");
    assert_eq!(
        (w[0].region.as_deref(), w[0].lines.clone()),
        (Some("Kab. Bogor"), vec![3])
    );
    assert!(
        w[0].message_en.contains("`Jawa Timur`"),
        "{}",
        w[0].message_en
    );
}

/// The real Jawa Timur file (`levels-jatim-kabkota-vs-bps-provinsi`) with only the rows `keep`
/// says to keep (by period and whether the row is the province row).
fn jatim_rows(keep: impl Fn(&str, bool) -> bool) -> String {
    let text = String::from_utf8(real("levels-jatim-kabkota-vs-bps-provinsi")).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    for l in lines {
        let mut cells = l.split(',');
        let region = cells.next().unwrap();
        let period = cells.next().unwrap();
        if keep(period, region == "JAWA TIMUR") {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_province_only_period_and_one_listing_all_its_kab_kota_compare_as_one_area() {
    // 2019-Q4: only the province row (BPS 21,757); 2020-Q4: only its 38 kab/kota (Dinas,
    // aktif sum 22,450); 2021-Q4: both. Every period covers Jawa Timur: no series break.
    let csv = jatim_rows(|p, prov| match p {
        "2019-Q4" => prov,
        "2020-Q4" => !prov,
        _ => true,
    });
    let r = report(csv.as_bytes());
    assert!(
        codes(&r.findings, "series_break").is_empty(),
        "{:?}",
        r.findings
    );
    let aktif: Vec<Option<i64>> = r.periods.iter().map(|p| p.aktif).collect();
    assert_eq!(aktif, vec![Some(21_757), Some(22_450), Some(22_845)]);
    assert!(r.periods.iter().all(|p| p.comparable));
    let s = r.span.as_ref().unwrap();
    assert_eq!(
        (s.aktif_from, s.aktif_to, s.comparable),
        (Some(21_757), Some(22_845), true)
    );
    // With one kab/kota missing in 2020-Q4 the 37 do not make the province: a break, and
    // nothing is listed in both periods, so no change is computed.
    let csv = jatim_rows(|p, prov| match p {
        "2019-Q4" => prov,
        "2020-Q4" => !prov,
        _ => true,
    })
    .replace("Kota Batu,2020-Q4", "Kota Batu,2020-Q3");
    let r = report(csv.as_bytes());
    let b = codes(&r.findings, "series_break");
    assert_eq!(b[0].periods, vec![y("2019-Q4"), y("2020-Q3")]);
    assert_eq!(b[0].values, vec![1, 1, 0]);
    let b = codes(&r.findings, "series_break");
    assert!(
        b.iter()
            .any(|f| f.periods == vec![y("2020-Q3"), y("2020-Q4")]),
        "{b:?}"
    );
}

#[test]
fn a_national_only_year_and_a_year_of_all_provinces_compare_as_one_area() {
    // 2023: INDONESIA alone; 2024: all 38 provinces (as of 2024), 1 to 38 coops each (741).
    let mut csv = String::from("wilayah,tahun,jumlah_koperasi_aktif\nINDONESIA,2023,700\n");
    let provinces: Vec<String> = koperasi::wilayah::table()
        .iter()
        .filter(|w| w.level == koperasi::wilayah::Level::Provinsi)
        .map(|w| w.name.clone())
        .collect();
    assert_eq!(provinces.len(), 38);
    for (k, name) in provinces.iter().enumerate() {
        csv.push_str(&format!("{name},2024,{}\n", k + 1));
    }
    let r = report(csv.as_bytes());
    assert!(
        codes(&r.findings, "series_break").is_empty(),
        "{:?}",
        r.findings
    );
    let s = r.span.as_ref().unwrap();
    assert_eq!(
        (s.aktif_from, s.aktif_to, s.comparable),
        (Some(700), Some(741), true)
    );
    // 37 provinces are part of the nation only: a break, no growth.
    let partial = csv.replace(&format!("\n{},2024,38\n", provinces[37]), "\n");
    let r = report(partial.as_bytes());
    assert_eq!(codes(&r.findings, "series_break").len(), 1);
    let s = r.span.as_ref().unwrap();
    assert_eq!(
        (s.aktif_from, s.cagr_aktif, s.comparable),
        (None, None, false)
    );
}

#[test]
fn the_kota_row_of_a_sipd_table_is_no_total_of_kecamatan_giving_another_measure() {
    // With --region 75.71 the rows that name no kecamatan are Kota Gorontalo's. Line 48
    // (`Jumlah Koperasi Aktif` of Konsumsi > Dibantu Pemerintah, 41 in 2014) has no kecamatan
    // below it, the kecamatan of line 50-55 give `tidak aktif`: it totals none of them.
    let mut o = ReportOptions::new(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    o.read.region = Some(koperasi::wilayah::KodeWilayah::parse("75.71").unwrap());
    let Report::Panel(r) =
        build_report(real("sipd-gorontalo-koperasi").as_slice(), "sipd", &o).unwrap()
    else {
        panic!("read as a register")
    };
    assert!(r.read_as.totals.is_empty(), "{:?}", r.read_as.totals);
    assert!(codes(&r.findings, "partial_coverage").is_empty());
    let lv: Vec<(&str, u64)> = r
        .read_as
        .levels
        .iter()
        .map(|l| (l.level.as_str(), l.regions))
        .collect();
    assert_eq!(lv, vec![("kabupaten_kota", 1), ("kecamatan", 9)]);
    // The figures of PROVENANCE.md (pandas, leaves by status).
    let got: Vec<(Option<i64>, Option<i64>, u64)> = r
        .periods
        .iter()
        .map(|p| (p.aktif, p.tidak_aktif, p.regions))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some(126), Some(141), 10),
            (Some(133), Some(150), 10),
            (Some(108), Some(128), 10),
            (Some(139), Some(159), 10),
            (Some(141), Some(161), 10),
        ]
    );
    assert!(!r.read_as.text_en.contains("totals of other rows"));
}

#[test]
fn a_table_without_a_region_column_says_so_and_names_the_flags() {
    let r = report(&real("bps-koperasi-aktif-nasional-wide"));
    assert_eq!(r.read_as.region_column, None);
    for text in [&r.read_as.text_en, &r.read_as.text_id] {
        assert!(
            text.contains("--region") && text.contains("--map region="),
            "{text}"
        );
    }
    assert!(r.read_as.text_en.contains("no region column"));
    assert!(!r.read_as.text_en.contains("no region\""));
}

#[test]
fn a_satu_data_export_without_figures_invents_none() {
    let (p, rep) = read_panel(
        real("satudata-blitar-ksp-sehat").as_slice(),
        &ReadOptions::default(),
    )
    .unwrap();
    let shape = rep.shape.clone().unwrap();
    assert_eq!(shape.kind, koperasi::io::shapes::ShapeKind::SatuData);
    assert_eq!(shape.region_column.as_deref(), Some("nama_wilayah"));
    assert_eq!(shape.period_columns, vec!["tahun", "periode"]);
    let m = &shape.measures[0];
    assert_eq!((m.count, m.unit.as_deref()), (false, Some("%")));
    assert_eq!((rep.rows_read, rep.accepted), (3, 0));
    let lines: Vec<u64> = rep.rejected.iter().map(|x| x.line).collect();
    assert_eq!(lines, vec![2, 3, 4]);
    assert!(p.is_empty());
}

#[test]
fn workbook_bytes_given_as_text_are_refused_naming_how_to_read_them() {
    let zip = b"PK\x03\x04\x14\x00\x00\x00\x08\x00garbage";
    let e = koperasi::io::read_any(zip.as_slice(), &ReadOptions::default()).unwrap_err();
    assert_eq!(e.code(), "read_workbook");
    let text = e.to_string();
    if cfg!(feature = "xlsx") {
        assert!(text.contains("read_bytes"), "{text}");
    } else {
        assert!(text.contains("enable the `xlsx` feature"), "{text}");
    }
    // A CSV whose first header starts with `PK` is still read as CSV.
    let csv = "PKK,tahun,total\nKota Batu,2021,5\n";
    let r = koperasi::io::read_any(csv.as_bytes(), &ReadOptions::default());
    assert_ne!(r.err().map(|e| e.code()), Some("read_workbook"));
}

/// Kelurahan of Bogor Tengah (32.71.03) with a number of coops each (made up, summing to the
/// 127 coops of Bogor Tengah in the embedded 2022 register), under their kecamatan row.
#[cfg(feature = "desa")]
const BOGOR_TENGAH_KEL: &str = "wilayah,tahun,jumlah_koperasi\nBOGOR TENGAH,2022,127\n\
    Gudang,2022,20\nPaledang,2022,15\nPabaton,2022,12\nCibogor,2022,10\nBabakan,2022,9\n\
    Sempur,2022,11\nTegallega,2022,8\nBabakan Pasar,2022,14\nPanaragan,2022,10\n\
    Ciwaringin,2022,9\nKebon Kalapa,2022,9\n";

#[cfg(feature = "desa")]
fn report_within(csv: &str, region: &str) -> PanelReport {
    let mut o = ReportOptions::new(NaiveDate::from_ymd_opt(2025, 6, 30).unwrap());
    o.read.region = Some(koperasi::wilayah::KodeWilayah::parse(region).unwrap());
    match build_report(csv.as_bytes(), "test", &o).unwrap() {
        Report::Panel(p) => *p,
        Report::Register(_) => panic!("read as a register"),
    }
}

#[cfg(feature = "desa")]
#[test]
fn desa_rows_under_their_kecamatan_are_its_parts() {
    let r = report_within(BOGOR_TENGAH_KEL, "32.71");
    let lv: Vec<(&str, u64)> = r
        .read_as
        .levels
        .iter()
        .map(|l| (l.level.as_str(), l.regions))
        .collect();
    assert_eq!(lv, vec![("kecamatan", 1), ("desa_kelurahan", 11)]);
    assert!(
        r.unresolved_regions.is_empty(),
        "{:?}",
        r.unresolved_regions
    );
    assert_eq!(
        (r.periods[0].total, r.periods[0].total_rows),
        (Some(127), 1)
    );
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    // The kecamatan row differs from its 11 of 11 kelurahan: one error with the gap.
    let r = report_within(&BOGOR_TENGAH_KEL.replace(",127\n", ",130\n"), "32.71");
    let bad = codes(&r.findings, "child_sum_not_equal_parent");
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].values, vec![130, 127]);
    assert!(
        bad[0].message_en.contains("11 desa/kelurahan"),
        "{}",
        bad[0].message_en
    );
    assert_eq!(r.periods[0].total, Some(130));
    // Without Sempur: 10 of 11 listed, information only.
    let r = report_within(&BOGOR_TENGAH_KEL.replace("Sempur,2022,11\n", ""), "32.71");
    let cov = codes(&r.findings, "partial_coverage");
    assert_eq!(cov.len(), 1);
    assert!(
        cov[0].message_en.contains("(10 of 11)"),
        "{}",
        cov[0].message_en
    );
    assert_eq!(cov[0].values, vec![127, 116]);
}

#[cfg(feature = "desa")]
#[test]
fn a_kelurahan_of_another_kecamatan_is_a_wrong_parent() {
    // Kebon Pedes is a kelurahan of Tanah Sareal (32.71.06), not of Bogor Tengah.
    let csv = format!("{BOGOR_TENGAH_KEL}Kebon Pedes,2022,4\n");
    let r = report_within(&csv, "32.71");
    let w = codes(&r.findings, "wrong_parent");
    assert_eq!(w.len(), 1, "{:?}", r.findings);
    assert_eq!(w[0].region.as_deref(), Some("Kebon Pedes"));
    assert!(w[0].message_en.contains("32.71.06"), "{}", w[0].message_en);
}
