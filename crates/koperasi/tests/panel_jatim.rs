//! Reading the real Jawa Timur quarterly panel (data/samples/jatim-koperasi-kabkota-quarterly,
//! see its PROVENANCE.md). Expected values were computed independently with python3's csv module.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::type_complexity
)]

use koperasi::io::{ReadOptions, read_panel};
use koperasi::stats::{
    AKTIF, CheckParams, Panel, Period, SwingParams, TIDAK_AKTIF, TOTAL, check_parts_vs_total,
    check_swings, grew_most, rank_by_change, run_checks, shrank_most,
};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/samples/jatim-koperasi-kabkota-quarterly/koperasi_jatim_kabkota_2018Q4_2025Q2.csv"
);

fn load() -> (Panel, koperasi::io::ReadReport) {
    let f = std::fs::File::open(FILE).unwrap();
    read_panel(f, &ReadOptions::default()).unwrap()
}

fn q(s: &str) -> Period {
    Period::parse(s).unwrap()
}

#[test]
fn reads_every_row() {
    let (panel, report) = load();
    assert_eq!(report.rows_read, 798);
    assert_eq!(report.accepted, 798);
    assert!(report.rejected.is_empty());
    assert!(report.cell_errors.is_empty());
    assert_eq!(panel.rows.len(), 798);
    assert_eq!(panel.regions().len(), 38);
    assert_eq!(panel.periods().len(), 21);
    assert_eq!(panel.periods().first(), Some(&q("2018-Q4")));
    assert_eq!(panel.periods().last(), Some(&q("2025-Q2")));
    // first data row is line 2, last is line 799
    assert_eq!(panel.rows[0].line, 2);
    assert_eq!(panel.rows[797].line, 799);
    assert_eq!(panel.rows[0].region, "Kabupaten Pacitan");
}

#[test]
fn columns_are_recognised() {
    let (panel, report) = load();
    let fields: Vec<Option<&str>> = report.columns.iter().map(|(_, f)| f.as_deref()).collect();
    assert_eq!(
        fields,
        vec![
            Some("region"),
            Some("period"),
            Some("aktif"),
            Some("tidak_aktif"),
            Some("karyawan"),
            Some("manager"),
            Some("total"),
            Some("usaha_besar"),
            Some("usaha_kecil"),
            Some("usaha_menengah"),
            Some("usaha_mikro"),
            Some("penduduk_laki_laki"),
            Some("penduduk_perempuan"),
        ]
    );
    assert!(report.unknown_columns().is_empty());
    // line 2: Kabupaten Pacitan,2018-Q4,436,116,2512,29,552,0,54,1,381,148895,147574
    let r = &panel.rows[0];
    assert_eq!(r.period, q("2018-Q4"));
    assert_eq!(r.get(AKTIF), Some(436));
    assert_eq!(r.get(TIDAK_AKTIF), Some(116));
    assert_eq!(r.get("karyawan"), Some(2512));
    assert_eq!(r.get("manager"), Some(29));
    assert_eq!(r.get(TOTAL), Some(552));
    assert_eq!(r.get("usaha_mikro"), Some(381));
    assert_eq!(r.get("penduduk_laki_laki"), Some(148_895));
    assert_eq!(r.get("penduduk_perempuan"), Some(147_574));
    assert_eq!(r.values.len(), 11);
}

#[test]
fn province_totals() {
    let (panel, _) = load();
    let totals = panel.totals_by_period(&[AKTIF, TIDAK_AKTIF, TOTAL]);
    assert_eq!(totals.len(), 21);
    let get = |p: &str, m: &str| {
        totals
            .iter()
            .find(|(pp, _)| *pp == q(p))
            .and_then(|(_, v)| v.get(m).copied())
    };
    assert_eq!(get("2018-Q4", AKTIF), Some(21_322));
    assert_eq!(get("2018-Q4", TIDAK_AKTIF), Some(13_182));
    assert_eq!(get("2018-Q4", TOTAL), Some(34_504));
    assert_eq!(get("2025-Q1", TOTAL), Some(34_155));
    assert_eq!(get("2025-Q1", AKTIF), Some(19_621));
    assert_eq!(get("2025-Q2", TOTAL), Some(42_725));
    assert_eq!(get("2025-Q2", AKTIF), Some(27_985));
    assert_eq!(panel.total(q("2025-Q2"), TOTAL), Some(42_725));
}

#[test]
fn values_and_series() {
    let (panel, _) = load();
    assert_eq!(
        panel.value("Kabupaten Mojokerto", q("2021-Q4"), TOTAL),
        Some(356)
    );
    // names match ignoring case and spaces
    assert_eq!(
        panel.value("KABUPATEN  MOJOKERTO", q("2021-Q3"), TOTAL),
        Some(949)
    );
    assert_eq!(
        panel.value("Kabupaten Mojokerto", q("2021-Q4"), "nope"),
        None
    );
    let s = panel.series("Kabupaten Mojokerto", TOTAL);
    assert_eq!(s.len(), 21);
    assert_eq!(
        &s[..3],
        &[
            (q("2018-Q4"), 916),
            (q("2019-Q4"), 923),
            (q("2020-Q4"), 930)
        ]
    );
    let cols = panel.to_columns();
    assert_eq!(cols.region.len(), 798);
    assert_eq!(cols.period[0], "2018-Q4");
    assert_eq!(
        cols.period_end[0],
        Some(chrono::NaiveDate::from_ymd_opt(2018, 12, 31).unwrap())
    );
    assert_eq!(cols.measures.len(), 11);
    assert_eq!(cols.measures[TOTAL][0], Some(552));
    assert!(cols.measures.values().all(|v| v.len() == 798));
}

#[test]
fn parts_equal_total_on_every_row() {
    let (panel, _) = load();
    assert!(check_parts_vs_total(&panel, &[AKTIF, TIDAK_AKTIF], TOTAL).is_empty());
}

#[test]
fn mojokerto_swing_is_flagged() {
    let (panel, _) = load();
    let f = check_swings(&panel, TOTAL, &SwingParams::default());
    assert_eq!(f.len(), 1, "{f:#?}");
    let f = &f[0];
    assert_eq!(f.code, "implausible_swing");
    assert_eq!(f.region.as_deref(), Some("Kabupaten Mojokerto"));
    assert_eq!(f.measure.as_deref(), Some(TOTAL));
    assert_eq!(f.periods, vec![q("2021-Q3"), q("2021-Q4"), q("2022-Q1")]);
    assert_eq!(f.values, vec![949, 356, 925]);
    // grep -n 'Kabupaten Mojokerto,202[12]-Q[341]' gives lines 207, 245, 283
    assert_eq!(f.lines, vec![207, 245, 283]);
    assert!(
        f.message_en
            .contains("949 (2021-Q3) -> 356 (2021-Q4) -> 925 (2022-Q1)")
    );
}

#[test]
fn all_findings_on_the_real_file() {
    let (panel, _) = load();
    let all = run_checks(&panel, &CheckParams::default());
    let f: Vec<_> = all
        .iter()
        .filter(|f| f.code == "implausible_swing")
        .cloned()
        .collect();
    let got: Vec<(&str, &str, Vec<String>, Vec<i64>)> = f
        .iter()
        .map(|f| {
            (
                f.region.as_deref().unwrap(),
                f.measure.as_deref().unwrap(),
                f.periods.iter().map(|p| p.to_string()).collect(),
                f.values.clone(),
            )
        })
        .collect();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    // Each verified by reading the file (python3 replica of the rule and by eye); order: by
    // check (swings per measure aktif, tidak_aktif, total), then region in file order.
    assert_eq!(
        got,
        vec![
            (
                "Kabupaten Mojokerto",
                AKTIF,
                s(&["2021-Q3", "2021-Q4", "2022-Q1"]),
                vec![730, 140, 709]
            ),
            (
                "Kabupaten Lumajang",
                TIDAK_AKTIF,
                s(&["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]),
                vec![198, 345, 327, 188]
            ),
            (
                "Kabupaten Madiun",
                TIDAK_AKTIF,
                s(&["2018-Q4", "2019-Q4", "2020-Q4"]),
                vec![139, 276, 137]
            ),
            (
                "Kota Surabaya",
                TIDAK_AKTIF,
                s(&["2022-Q1", "2022-Q2", "2022-Q3"]),
                vec![376, 555, 376]
            ),
            (
                "Kabupaten Mojokerto",
                TOTAL,
                s(&["2021-Q3", "2021-Q4", "2022-Q1"]),
                vec![949, 356, 925]
            ),
        ]
    );
    let lines: Vec<Vec<u64>> = f.iter().map(|f| f.lines.clone()).collect();
    // grep -n of the rows above
    assert_eq!(
        lines,
        vec![
            vec![207, 245, 283],
            vec![617, 655, 693, 731],
            vec![20, 58, 96],
            vec![304, 342, 380],
            vec![207, 245, 283],
        ]
    );
}

#[test]
fn growth_over_the_span() {
    let (panel, _) = load();
    let from = q("2018-Q4");
    let to = q("2025-Q2");
    assert_eq!(Period::years_between(&from, &to), 6.5);
    // python3: ((42725/34504)**(1/6.5)-1)*100 = 3.3424766919365467
    let c = panel.total_cagr(TOTAL, from, to).unwrap();
    assert!((c - 3.342_476_691_936_546_7).abs() < 1e-9, "{c}");
    // python3: ((27985/21322)**(1/6.5)-1)*100 = 4.272269590029554
    let c = panel.total_cagr(AKTIF, from, to).unwrap();
    assert!((c - 4.272_269_590_029_554).abs() < 1e-9, "{c}");

    let rows = panel.growth(TOTAL, from, to);
    assert_eq!(rows.len(), 38);
    let ranked = rank_by_change(&rows);
    // python3: Lamongan +563, Sumenep +543, Gresik +498; Surabaya -311, Malang -126, Pasuruan -89
    let top: Vec<(&str, i64)> = ranked
        .iter()
        .take(3)
        .map(|r| (r.region.as_str(), r.change))
        .collect();
    assert_eq!(
        top,
        vec![
            ("Kabupaten Lamongan", 563),
            ("Kabupaten Sumenep", 543),
            ("Kabupaten Gresik", 498)
        ]
    );
    let grew = grew_most(&rows, 1);
    assert_eq!(grew[0].region, "Kabupaten Lamongan");
    let shrank = shrank_most(&rows, 10);
    assert_eq!(shrank.len(), 5); // python3: 5 regions with a negative change
    let bottom: Vec<(&str, i64)> = shrank
        .iter()
        .take(3)
        .map(|r| (r.region.as_str(), r.change))
        .collect();
    assert_eq!(
        bottom,
        vec![
            ("Kota Surabaya", -311),
            ("Kota Malang", -126),
            ("Kota Pasuruan", -89)
        ]
    );
}

#[test]
fn spacing_and_the_last_jump_are_reported_as_info() {
    let (panel, _) = load();
    let all = run_checks(&panel, &CheckParams::default());
    let codes: Vec<&str> = all.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "implausible_swing").count(),
        5
    );
    // 2018-Q4, 2019-Q4, 2020-Q4 are a year apart; quarterly from 2020-Q4 to 2025-Q2.
    let spacing = all.iter().find(|f| f.code == "uneven_periods").unwrap();
    let p: Vec<String> = spacing.periods.iter().map(|p| p.to_string()).collect();
    assert_eq!(p, vec!["2018-Q4", "2020-Q4", "2020-Q4", "2025-Q2"]);
    // Province total 34,155 (2025-Q1) -> 42,725 (2025-Q2): +25.1 %, the last period.
    let end = all
        .iter()
        .find(|f| f.code == "large_change_at_end")
        .unwrap();
    assert_eq!(end.values, vec![34155, 42725]);
    // every 2025-Q2 row: lines 762-799
    assert_eq!(end.lines, (762..=799).collect::<Vec<u64>>());
    // The 5 regions whose total changed most 2025-Q1 -> 2025-Q2 (python3 over the CSV):
    // Lamongan +477, Bojonegoro +435, Kab. Malang +387, Kab. Pasuruan +368, Gresik +362;
    // the 6th, Kediri, +350.
    assert!(
        end.message_en.contains(
            "largest changes: Kabupaten Lamongan +477, Kabupaten Bojonegoro +435, \
             Kabupaten Malang +387, Kabupaten Pasuruan +368, Kabupaten Gresik +362"
        ),
        "{}",
        end.message_en
    );
    assert!(end.message_en.contains("+25.1 %"), "{}", end.message_en);
    assert_eq!(all.len(), 7);
}
