//! Regions keyed by code, duplicate rows counted once in totals, a parent region left out of
//! totals, and the per-region work done once. Fixtures are small hand-made panels; expected
//! values follow by arithmetic from the rows shown.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{ReadOptions, read_panel};
use koperasi::stats::{
    CheckParams, Panel, PanelRow, Period, SwingParams, TOTAL, check_duplicates, check_swings,
    run_checks,
};
use std::collections::BTreeMap;

fn read(csv: &str) -> Panel {
    read_panel(csv.as_bytes(), &ReadOptions::default())
        .unwrap()
        .0
}

fn y(n: i32) -> Period {
    Period::Year(n)
}

const HEAD: &str = "KABUPATEN / KOTA,TAHUN,JUMLAH KOPERASI TOTAL\n";

/// `Kab. Malang` and `Kabupaten Malang` both resolve to 35.07 (Kemendagri), `Kota Malang` to
/// 35.73: two regions, not three.
fn malang() -> Panel {
    read(&format!(
        "{HEAD}Kab. Malang,2021,100\nKota Malang,2021,40\nKabupaten Malang,2022,300\nKota Malang,2022,41\nKabupaten Malang,2023,100\nKota Malang,2023,42\n"
    ))
}

#[test]
fn names_with_the_same_code_are_one_region() {
    let p = malang();
    assert_eq!(p.rows[0].region_code.unwrap().to_string(), "35.07");
    assert_eq!(p.rows[2].region_code.unwrap().to_string(), "35.07");
    // reported under the name of the first row
    assert_eq!(p.regions(), vec!["Kab. Malang", "Kota Malang"]);
    assert_eq!(p.value("Kabupaten Malang", y(2021), TOTAL), Some(100));
    assert_eq!(p.value("Kab. Malang", y(2022), TOTAL), Some(300));
    assert_eq!(
        p.series("kabupaten  malang", TOTAL),
        vec![(y(2021), 100), (y(2022), 300), (y(2023), 100)]
    );
    assert_eq!(p.rows_of("Kab. Malang").count(), 3);
}

#[test]
fn growth_spans_the_renamed_rows() {
    let g = malang().growth(TOTAL, y(2021), y(2023));
    assert_eq!(g.len(), 2);
    assert_eq!(g[0].region, "Kab. Malang");
    assert_eq!(g[0].region_code.unwrap().to_string(), "35.07");
    assert_eq!((g[0].from, g[0].to, g[0].change), (100, 100, 0));
    assert_eq!((g[1].region.as_str(), g[1].change), ("Kota Malang", 2));
}

#[test]
fn swing_across_renamed_rows_is_found() {
    let f = check_swings(&malang(), TOTAL, &SwingParams::default());
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].region.as_deref(), Some("Kab. Malang"));
    assert_eq!(f[0].values, vec![100, 300, 100]);
    assert_eq!(f[0].lines, vec![2, 4, 6]);
}

#[test]
fn same_code_same_period_is_a_duplicate() {
    let p = read(&format!(
        "{HEAD}Kab. Malang,2021,100\nKabupaten Malang,2021,100\n"
    ));
    let f = check_duplicates(&p);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].lines, vec![2, 3]);
    assert_eq!(f[0].region.as_deref(), Some("Kab. Malang"));
}

#[test]
fn unresolved_names_are_still_matched_by_name() {
    let p = read(&format!(
        "{HEAD}Kecamatan Entah,2021,10\nKECAMATAN  ENTAH,2022,12\nDesa Lain,2021,5\n"
    ));
    assert!(p.rows[0].region_code.is_none());
    assert_eq!(p.regions(), vec!["Kecamatan Entah", "Desa Lain"]);
    assert_eq!(p.growth(TOTAL, y(2021), y(2022)).len(), 1);
}

fn row(line: u64, region: &str, year: i32, total: i64) -> PanelRow {
    PanelRow::new(
        line,
        region,
        y(year),
        BTreeMap::from([(TOTAL.to_string(), total)]),
    )
}

/// Kota A 2021 is published twice (10 then 11): totals take the first, like `value`.
fn with_duplicate() -> Panel {
    Panel::new(vec![
        row(2, "Kota A", 2021, 10),
        row(3, "Kota B", 2021, 20),
        row(4, "Kota A", 2021, 11),
        row(5, "Kota A", 2022, 15),
        row(6, "Kota B", 2022, 25),
    ])
}

#[test]
fn duplicate_rows_count_once_in_totals() {
    let p = with_duplicate();
    assert_eq!(p.value("Kota A", y(2021), TOTAL), Some(10));
    assert_eq!(p.total(y(2021), TOTAL), Some(30)); // 10 + 20, not 10 + 20 + 11
    let t = p.totals_by_period(&[TOTAL]);
    assert_eq!(t[0], (y(2021), BTreeMap::from([(TOTAL.to_string(), 30)])));
    assert_eq!(t[1], (y(2022), BTreeMap::from([(TOTAL.to_string(), 40)])));
    // CAGR 30 -> 40 over one year: +33.33 %
    let c = p.total_cagr(TOTAL, y(2021), y(2022)).unwrap();
    assert!((c - 100.0 / 3.0).abs() < 1e-9, "{c}");
}

#[test]
fn a_parent_region_can_be_left_out_of_totals() {
    let mut rows = with_duplicate().rows;
    rows.push(row(7, "Provinsi Contoh", 2021, 30));
    rows.push(row(8, "Provinsi Contoh", 2022, 40));
    let p = Panel::new(rows);
    let all = p.totals_by_period(&[TOTAL]);
    assert_eq!(all[0].1[TOTAL], 60);
    let kids = p.totals_by_period_excluding(&[TOTAL], Some("PROVINSI CONTOH"));
    assert_eq!(kids[0].1[TOTAL], 30);
    assert_eq!(kids[1].1[TOTAL], 40);
    assert_eq!(p.totals_by_period_excluding(&[TOTAL], None), all);
    assert_eq!(
        p.totals_by_period_excluding(&[TOTAL], Some("Provinsi Lain")),
        all
    );
    let w = p.without_region("Provinsi Contoh");
    assert_eq!(w.len(), 5);
    assert_eq!(w.total(y(2022), TOTAL), Some(40));
    assert_eq!(w.regions(), vec!["Kota A", "Kota B"]);
}

#[test]
fn end_change_leaves_the_parent_out() {
    // children 30 -> 40 (+33 %), parent 30 -> 40: with the parent summed in, 60 -> 80.
    let mut rows = with_duplicate().rows;
    rows.push(row(7, "Provinsi Contoh", 2021, 30));
    rows.push(row(8, "Provinsi Contoh", 2022, 40));
    let params = CheckParams {
        parent_region: Some("Provinsi Contoh".into()),
        parts: Vec::new(),
        ..CheckParams::default()
    };
    let all = run_checks(&Panel::new(rows), &params);
    let end = all
        .iter()
        .find(|f| f.code == "large_change_at_end")
        .unwrap();
    assert_eq!(end.values, vec![30, 40]);
    // the 2022 rows of the children only (not the parent's line 8)
    assert_eq!(end.lines, vec![5, 6]);
    // Kota A +5, Kota B +5: ties in order of first appearance
    assert!(
        end.message_en
            .ends_with("largest changes: Kota A +5, Kota B +5")
    );
}

/// 3,000 regions x 5 periods: growth, swings and duplicates on a large panel give the right
/// results. (Speed is measured in benches, not asserted here: indexing the rows once took this
/// from minutes to well under a second in a debug build.)
#[test]
fn many_regions() {
    let mut rows = Vec::new();
    let mut line = 2;
    for year in 2020..2025 {
        for r in 0..3000 {
            let v = if r == 7 && year == 2022 { 500 } else { 100 };
            rows.push(row(line, &format!("Wilayah {r}"), year, v));
            line += 1;
        }
    }
    let p = Panel::new(rows);
    let g = p.growth(TOTAL, y(2020), y(2024));
    assert_eq!(g.len(), 3000);
    let f = check_swings(&p, TOTAL, &SwingParams::default());
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].region.as_deref(), Some("Wilayah 7"));
    assert!(check_duplicates(&p).is_empty());
}
