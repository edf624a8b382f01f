//! Published tables in every shape (wide, hierarchical SIPD, Satu Data, snapshot, key/value,
//! English headers): read right, or refused with the option that fixes it. The real files are
//! under tests/data/real/<slug>/ with their PROVENANCE.md and the figures computed there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::shapes::ShapeKind;
use koperasi::io::{Layout, ReadOptions, ReadReport, Table, detect_layout_str, read_any};
use koperasi::locale::parse_decimal;
use koperasi::stats::{Panel, Period};
use koperasi::wilayah::KodeWilayah;

fn y(n: i32) -> Period {
    Period::Year(n)
}

fn real(slug: &str) -> Vec<u8> {
    let p = format!(
        "{}/../../tests/data/real/{slug}/{slug}.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn read(bytes: &[u8], o: &ReadOptions) -> (Panel, ReadReport) {
    match read_any(bytes, o).unwrap() {
        Table::Panel(p, r) => (p, r),
        Table::Register(_, r) => panic!("read as a register: {r:?}"),
    }
}

fn with_period(p: &str) -> ReadOptions {
    ReadOptions {
        period: Some(Period::parse(p).unwrap()),
        ..ReadOptions::default()
    }
}

fn series(p: &Panel, m: &str) -> Vec<(Period, i64)> {
    p.totals_by_period(&[m])
        .into_iter()
        .filter_map(|(per, t)| t.get(m).map(|v| (per, *v)))
        .collect()
}

fn refusal(bytes: &[u8], o: &ReadOptions) -> koperasi::error::ReadError {
    match read_any(bytes, o) {
        Err(e) => e,
        Ok(t) => panic!("read although it should be refused: {t:?}"),
    }
}

#[test]
fn sipd_gorontalo_is_a_hierarchy_not_a_register() {
    let bytes = real("sipd-gorontalo-koperasi");
    let o = ReadOptions::default();
    let text = std::str::from_utf8(&bytes).unwrap();
    assert_eq!(detect_layout_str(text, &o).unwrap(), Layout::Panel);
    let (p, r) = read(&bytes, &o);
    let shape = r.shape.clone().unwrap();
    assert_eq!(shape.kind, ShapeKind::Hierarchy);
    assert_eq!(shape.header_line, 1);
    assert!(
        r.notes.iter().all(|n| !n.contains("title block")),
        "{:?}",
        r.notes
    );
    // Figures of PROVENANCE.md: leaf rows summed per year (parents never added to them).
    let aktif = [
        (2014, 126),
        (2015, 133),
        (2016, 108),
        (2017, 139),
        (2018, 141),
    ];
    let tidak = [
        (2014, 141),
        (2015, 150),
        (2016, 128),
        (2017, 159),
        (2018, 161),
    ];
    let want = |v: &[(i32, i64)]| v.iter().map(|(a, b)| (y(*a), *b)).collect::<Vec<_>>();
    assert_eq!(series(&p, "aktif"), want(&aktif));
    assert_eq!(series(&p, "tidak_aktif"), want(&tidak));
    // The jenis rows (level 2) add up to aktif + tidak aktif: 267 in 2014.
    let jenis: i64 = p
        .rows
        .iter()
        .filter(|x| x.period == y(2014) && x.breakdown.len() == 1)
        .filter_map(|x| x.get("total"))
        .sum();
    assert_eq!(jenis, 126 + 141);
    // Nine kecamatan of Kota Gorontalo, and the rows of the whole city.
    let regions = p.regions();
    assert_eq!(regions.len(), 10, "{regions:?}");
    assert!(regions.iter().any(|x| x == "Hulonthalangi"));
    // Exactly one parent differs from its children: line 125, 2015, 13 vs 12.
    assert_eq!(shape.parent_gaps.len(), 1, "{:?}", shape.parent_gaps);
    let g = &shape.parent_gaps[0];
    assert_eq!(
        (g.line, g.period, g.parent, g.children_sum),
        (125, y(2015), 13, 12)
    );
    // Parents are marked and never summed: Produksi > Dibantu > Aktif 2014 is 7 = its kecamatan.
    let parent = p
        .rows
        .iter()
        .find(|x| x.line == 5 && x.period == y(2014))
        .unwrap();
    assert!(parent.is_parent);
    assert_eq!(parent.get("aktif"), Some(7));
    assert_eq!(
        parent.breakdown,
        ["Jumlah Koperasi Produksi", "Jumlah Dibantu Pemerintah"]
    );
    assert_eq!(r.accepted as usize + r.rejected.len(), r.rows_read as usize);
}

#[test]
fn sipd_gorontalo_with_its_region_resolves_the_kecamatan() {
    let o = ReadOptions {
        region: Some(KodeWilayah::parse("75.71").unwrap()),
        ..ReadOptions::default()
    };
    let (p, r) = read(&real("sipd-gorontalo-koperasi"), &o);
    assert!(r.shape.unwrap().region_given.unwrap().contains("75.71"));
    let kec = p.rows.iter().find(|x| x.region == "Kota Barat").unwrap();
    assert_eq!(kec.region_code.unwrap().to_string().get(..5), Some("75.71"));
    assert_eq!(series(&p, "aktif").first(), Some(&(y(2014), 126)));
}

#[test]
fn a_data_row_is_never_a_header_and_a_constant_name_is_no_register() {
    // The SIPD rows without their header: the first row holds numbers, it is not a header.
    let e = refusal(
        b"1,II,Koperasi,,,\n2,II.1,1. Jumlah Koperasi Produksi,38,52\n",
        &ReadOptions::default(),
    );
    assert_eq!(e.code(), "read_unknown_layout");
    assert!(
        e.to_string().contains("not a header") && e.to_string().contains("--map"),
        "{e}"
    );
    let e = refusal(
        b"nama,kecamatan,jumlah\nKoperasi,Kota Barat,1\nKoperasi,Kota Utara,2\nKoperasi,Dungingi,3\n",
        &ReadOptions::default(),
    );
    assert_eq!(e.code(), "read_unknown_layout");
    assert!(e.to_string().contains("same value"), "{e}");
}

#[test]
fn blitar_percentages_are_rates_never_counts() {
    let (p, r) = read(&real("blitar-ksp-sehat-persen"), &ReadOptions::default());
    let shape = r.shape.unwrap();
    assert_eq!(shape.kind, ShapeKind::Wide);
    assert_eq!(shape.period_columns.len(), 6);
    let m = &shape.measures[0];
    assert!(!m.count);
    assert_eq!(m.unit.as_deref(), Some("Persen"));
    let got: Vec<(Period, String)> = p
        .rows
        .iter()
        .map(|x| (x.period, x.rates.get(&m.name).unwrap().to_string()))
        .collect();
    let want = [55, 44, 44, 43, 43, 45];
    assert_eq!(got.len(), 6);
    for ((per, v), (yr, w)) in got.iter().zip((2019..).zip(want)) {
        assert_eq!((*per, v.as_str()), (y(yr), w.to_string().as_str()));
    }
    assert!(p.rows.iter().all(|x| x.values.is_empty()));
    assert!(
        p.totals_by_period(&[&m.name])
            .iter()
            .all(|(_, t)| t.is_empty())
    );
    assert_eq!(p.units.get(&m.name).map(String::as_str), Some("Persen"));
}

#[test]
fn national_series_with_years_as_columns() {
    let (p, r) = read(
        &real("bps-koperasi-aktif-nasional-wide"),
        &ReadOptions::default(),
    );
    assert_eq!(r.shape.unwrap().kind, ShapeKind::Wide);
    let want = [
        143_117, 147_249, 150_223, 151_170, 152_174, 126_343, 123_048, 127_124, 127_846,
    ];
    let got = series(&p, "aktif");
    assert_eq!(
        got,
        (2013..)
            .zip(want)
            .map(|(a, b)| (y(a), b))
            .collect::<Vec<_>>()
    );
}

#[test]
fn province_snapshot_needs_its_period() {
    let bytes = real("bps-koperasi-aktif-provinsi-2024");
    let e = refusal(&bytes, &ReadOptions::default());
    assert_eq!(e.code(), "read_missing_column");
    assert!(e.to_string().contains("--period"), "{e}");
    let (p, r) = read(&bytes, &with_period("2024"));
    let shape = r.shape.unwrap();
    assert_eq!(shape.kind, ShapeKind::Snapshot);
    assert_eq!(shape.period_given, Some(y(2024)));
    assert_eq!(series(&p, "aktif"), vec![(y(2024), 38_538)]);
    assert_eq!(p.regions().len(), 10);
}

#[test]
fn kdmp_key_value_with_its_total_row() {
    let bytes = real("kemenkum-kdmp-2025");
    let e = refusal(&bytes, &ReadOptions::default());
    assert!(e.to_string().contains("--period"), "{e}");
    let (p, r) = read(&bytes, &with_period("2025-07-18"));
    let shape = r.shape.unwrap();
    assert_eq!(shape.kind, ShapeKind::KeyValue);
    assert_eq!(shape.parent_lines, vec![6]);
    assert!(shape.parent_gaps.is_empty(), "{:?}", shape.parent_gaps);
    let d = Period::parse("2025-07-18").unwrap();
    let v = |m: &str| {
        p.rows
            .iter()
            .find_map(|x| x.get(m).filter(|_| x.period == d))
    };
    assert_eq!(v("kdmp_baru"), Some(71_397));
    assert_eq!(v("kkmp_baru"), Some(8_486));
    assert_eq!(v("jumlah"), Some(80_068));
    assert!(
        p.rows
            .iter()
            .find(|x| x.get("jumlah").is_some())
            .unwrap()
            .is_parent
    );
}

#[test]
fn english_key_value_and_english_headers() {
    let o = ReadOptions {
        region: Some(KodeWilayah::parse("32").unwrap()),
        ..with_period("2015-12-31")
    };
    let (p, r) = read(&real("jabar-cooperatives-2015-en"), &o);
    assert_eq!(r.shape.unwrap().kind, ShapeKind::KeyValue);
    let d = Period::parse("2015-12-31").unwrap();
    assert_eq!(p.total(d, "total"), Some(25_741));
    assert_eq!(p.total(d, "aktif"), Some(16_855));
    assert_eq!(p.total(d, "tidak_aktif"), Some(8_886));
    assert_eq!(p.total(d, "cooperatives_holding_rat"), Some(6_697));
    assert!(
        p.rows
            .iter()
            .all(|x| x.region_code.map(|c| c.to_string()) == Some("32".into()))
    );

    let bytes = real("databoks-cooperatives-province-en");
    assert!(
        refusal(&bytes, &ReadOptions::default())
            .to_string()
            .contains("--period")
    );
    let (p, r) = read(&bytes, &with_period("2023-02"));
    let shape = r.shape.unwrap();
    assert_eq!(shape.region_column.as_deref(), Some("province"));
    assert_eq!(series(&p, "total"), vec![(Period::Month(2023, 2), 58_300)]);
}

#[test]
fn kemenkop_2014_summary_keeps_its_percentage_apart() {
    let (p, r) = read(
        &real("kemenkop-koperasi-aktif-rat-2014"),
        &with_period("2014-12-31"),
    );
    let shape = r.shape.unwrap();
    let rate = shape.measures.iter().find(|m| !m.count).unwrap();
    assert!(rate.name.starts_with("persentase"));
    let d = Period::parse("2014-12-31").unwrap();
    assert_eq!(p.total(d, "aktif"), Some(147_249));
    assert_eq!(
        p.total(d, "koperasi_aktif_yang_melaksanakan_rat"),
        Some(80_008)
    );
    let pct = p.rows.iter().find_map(|x| x.rates.get(&rate.name)).unwrap();
    assert_eq!(*pct, parse_decimal("54,34").unwrap());
    assert_eq!(p.total(d, &rate.name), None);
}

#[test]
fn satu_data_long_table() {
    let csv = "kode_wilayah,level_wilayah,nama_wilayah,judul,satuan,tahun,periode,data\n\
               3505,Kabupaten,Blitar,Jumlah Koperasi Aktif,Unit,2023,Tahunan,412\n\
               3505,Kabupaten,Blitar,Jumlah Koperasi Tidak Aktif,Unit,2023,Tahunan,96\n\
               3505,Kabupaten,Blitar,Persentase KSP / USP Koperasi yang Sehat,%,2023,Tahunan,43\n\
               3505,Kabupaten,Blitar,Jumlah Koperasi Aktif,Unit,2024,Triwulan II,\n";
    let (p, r) = read(csv.as_bytes(), &ReadOptions::default());
    let shape = r.shape.unwrap();
    assert_eq!(shape.kind, ShapeKind::SatuData);
    assert_eq!(p.total(y(2023), "aktif"), Some(412));
    assert_eq!(p.total(y(2023), "tidak_aktif"), Some(96));
    assert_eq!(p.rows[0].region_code.unwrap().to_string(), "35.05");
    assert_eq!(r.rejected.len(), 1);
    assert_eq!(
        (r.rejected[0].line, r.rejected[0].code.as_str()),
        (5, "missing_value")
    );
    let rate = shape.measures.iter().find(|m| !m.count).unwrap();
    assert_eq!(rate.unit.as_deref(), Some("%"));
    assert_eq!(p.total(y(2023), &rate.name), None);
}

#[test]
fn wide_quarters_and_month_labels_melt() {
    let csv =
        "kabupaten_kota,Triwulan I 2024,2024-Q2,Des 2023\nKota Batu,10,11,9\nKota Malang,20,-,19\n";
    let (p, r) = read(csv.as_bytes(), &ReadOptions::default());
    assert_eq!(r.shape.unwrap().kind, ShapeKind::Wide);
    assert_eq!(p.total(Period::Quarter(2024, 1), "value"), Some(30));
    assert_eq!(p.total(Period::Quarter(2024, 2), "value"), Some(11));
    assert_eq!(p.total(Period::Month(2023, 12), "value"), Some(28));
    // A bad cell is rejected with its line and its column.
    let (_, r) = read(
        b"kabupaten_kota,2023,2024\nKota Batu,10,1O\n",
        &ReadOptions::default(),
    );
    assert_eq!(r.rejected.len(), 1);
    let bad = &r.rejected[0];
    assert_eq!(
        (bad.line, bad.column.as_deref(), bad.value.as_deref()),
        (2, Some("2024"), Some("1O"))
    );
}

#[test]
fn one_period_column_is_wide_only_when_asked() {
    let csv = b"kabupaten_kota,2024\nKota Batu,10\nKota Malang,20\n";
    let e = refusal(csv, &ReadOptions::default());
    assert!(e.to_string().contains("--wide"), "{e}");
    let o = ReadOptions {
        wide: true,
        ..ReadOptions::default()
    };
    let (p, r) = read(csv, &o);
    assert_eq!(r.shape.unwrap().kind, ShapeKind::Wide);
    assert_eq!(p.total(y(2024), "value"), Some(30));
}

/// A SIPD-like table under its title `Koperasi`: a funding parent (when `parent` is given)
/// above kecamatan rows, by path.
fn sipd_table(kids: &[(u8, i64)], parent: Option<i64>, rotate: usize) -> String {
    let names = [
        "Kota Barat",
        "Kota Selatan",
        "Kota Utara",
        "Dungingi",
        "Kota Timur",
        "Kota Tengah",
    ];
    let (depth, prefix) = if parent.is_some() {
        (3, "1.1")
    } else {
        (2, "1")
    };
    let mut rows: Vec<String> = kids
        .iter()
        .zip(names)
        .enumerate()
        .map(|(i, ((_, v), n))| format!("{depth},{prefix}.{},{n},{v},koperasi", i + 1))
        .collect();
    let len = rows.len();
    rows.rotate_left(rotate % len.max(1));
    let mut out = String::from("level,path,label,2024,satuan\n1,1,Koperasi,,\n");
    if let Some(p) = parent {
        out.push_str(&format!("2,1.1,Jumlah Dibantu Pemerintah,{p},koperasi\n"));
    }
    for r in rows {
        out.push_str(&r);
        out.push('\n');
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Shuffling the child rows, or adding a parent equal to their sum, changes no total; a
    /// parent that differs from its children gives exactly one gap.
    #[test]
    fn parents_never_change_totals(
        kids in proptest::collection::vec((0u8..1, 0i64..500), 2..6),
        rotate in 0usize..6,
        off in 1i64..50,
    ) {
        let o = ReadOptions { region: Some(KodeWilayah::parse("75.71").unwrap()), ..ReadOptions::default() };
        let sum: i64 = kids.iter().map(|(_, v)| v).sum();
        let total = |csv: String| {
            let (p, r) = read(csv.as_bytes(), &o);
            (p.totals_by_period(&["total"]), r.shape.unwrap().parent_gaps.len())
        };
        let (bare, _) = total(sipd_table(&kids, None, 0));
        let (shuffled, _) = total(sipd_table(&kids, None, rotate));
        let (with_parent, gaps) = total(sipd_table(&kids, Some(sum), rotate));
        let (wrong_parent, wrong_gaps) = total(sipd_table(&kids, Some(sum + off), 0));
        proptest::prop_assert_eq!(&bare, &shuffled);
        proptest::prop_assert_eq!(&bare, &with_parent);
        proptest::prop_assert_eq!(&bare, &wrong_parent);
        proptest::prop_assert_eq!(gaps, 0);
        proptest::prop_assert_eq!(wrong_gaps, 1);
    }
}

#[test]
fn a_hierarchy_not_about_coops_counts_no_coops() {
    let csv = "level,path,label,2023,2024,satuan\n1,1,Jumlah UMKM,10,12,unit\n2,1.1,Usaha Mikro,8,9,unit\n2,1.2,Usaha Kecil,2,3,unit\n";
    let (p, r) = read(csv.as_bytes(), &ReadOptions::default());
    assert_eq!(r.shape.unwrap().kind, ShapeKind::Hierarchy);
    assert_eq!(p.total(y(2024), "total"), None);
    assert_eq!(p.total(y(2024), "usaha_mikro"), Some(9));
}

#[test]
fn read_as_states_the_shape_the_region_given_and_the_parent_rows() {
    let o = ReadOptions {
        region: Some(KodeWilayah::parse("75.71").unwrap()),
        ..ReadOptions::default()
    };
    let (p, r) = read(&real("sipd-gorontalo-koperasi"), &o);
    let shape = r.shape.clone().unwrap();
    let options = koperasi::report::ReportOptions {
        read: o,
        ..koperasi::report::ReportOptions::new(
            koperasi::NaiveDate::from_ymd_opt(2026, 8, 5).unwrap(),
        )
    };
    let rep = koperasi::report::panel_report(&p, r, "sipd", &options);
    let ra = &rep.read_as;
    assert_eq!(ra.layout, "hierarchy");
    assert!(ra.region_given.as_deref().unwrap().contains("75.71"));
    assert!(!ra.parent_rows.is_empty());
    assert_eq!(ra.parent_rows, shape.parent_lines);
    assert_eq!(ra.period_columns.first().map(String::as_str), Some("2014"));
    assert!(
        ra.text_en
            .starts_with("a panel read from a hierarchical table (SIPD): nested rows"),
        "{}",
        ra.text_en
    );
    assert!(
        ra.text_en.contains("total the rows below them"),
        "{}",
        ra.text_en
    );
    assert!(
        ra.text_id
            .starts_with("panel dibaca dari tabel berjenjang (SIPD)"),
        "{}",
        ra.text_id
    );
    // Parent rows are no totals of the levels; within one breakdown the kota's own leaf row
    // (Konsumsi > Dibantu: aktif 41, line 47) stands above the kecamatan of that breakdown.
    assert!(
        ra.totals
            .iter()
            .all(|t| t.region == "Kota Gorontalo" && t.level == "kabupaten_kota"),
        "{:?}",
        ra.totals
    );
}

/// A real SIPD table no test had seen before it was run through the product: `Jumlah Koperasi
/// Primer`, `Jumlah KUD` and `Jumlah Non KUD` are overlapping kinds (KUD + Non KUD = Primer),
/// so they are measures of their own and never summed into one total (it printed 494 for 2010,
/// 247 + 231 + 16); aktif and tidak aktif on separate rows are no duplicate; the file's own
/// region (none named) is no unknown region.
#[test]
fn sipd_seed_kinds_of_coop_are_never_summed_into_a_total() {
    let (p, _) = read(
        &real("sipd-seed-koperasi-2010-2014"),
        &ReadOptions::default(),
    );
    let years = |v: [i64; 5]| -> Vec<(Period, i64)> {
        (2010..=2014).zip(v).map(|(yr, x)| (y(yr), x)).collect()
    };
    assert_eq!(series(&p, "aktif"), years([222, 211, 215, 216, 216]));
    assert_eq!(series(&p, "tidak_aktif"), years([25, 22, 22, 22, 22]));
    assert_eq!(series(&p, "total"), []);
    assert_eq!(
        series(&p, "jumlah_koperasi_primer"),
        years([247, 233, 237, 238, 238])
    );
    assert_eq!(series(&p, "jumlah_kud"), years([16; 5]));
    assert_eq!(
        series(&p, "jumlah_non_kud"),
        years([231, 217, 221, 222, 222])
    );
    let findings = koperasi::stats::run_checks(&p, &koperasi::stats::CheckParams::default());
    let codes: Vec<&str> = findings.iter().map(|f| f.code.as_str()).collect();
    assert!(!codes.contains(&"duplicate_row"), "{codes:?}");
    assert!(!codes.contains(&"unknown_region"), "{codes:?}");
}
