//! SIMKOPDES statistics exports and KDMP/KKMP coverage on real files
//! (tests/data/real/simkopdes-statistics/PROVENANCE.md; the figures were computed there with
//! pandas by `figures.py`, not with this library).
#![cfg(feature = "desa")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::kopdes::coverage::{CoverageOptions, coverage};
use koperasi::kopdes::matching::MatchStatus;
use koperasi::kopdes::simkopdes::{
    StatsOptions, StatsSnapshot, check_levels, compare_snapshots, coops_per_desa, read_statistics,
};
use koperasi::wilayah::{KodeWilayah, RegionLevel, table};

fn read(file: &str) -> StatsSnapshot {
    let path = format!(
        "{}/../../tests/data/real/simkopdes-statistics/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    let f = std::fs::File::open(&path).unwrap();
    let opts = StatsOptions {
        data_as_of: None,
        file_name: Some(format!("2026-08-05_{file}")),
        ..Default::default()
    };
    read_statistics(f, table(), &opts).unwrap()
}

fn code(s: &str) -> KodeWilayah {
    KodeWilayah::parse(s).unwrap()
}

#[test]
fn province_table_reproduces_the_national_summary() {
    let p = read("kopdes_stats_province.csv");
    assert_eq!(p.level, RegionLevel::Provinsi);
    assert_eq!(p.data_as_of.unwrap().to_string(), "2026-08-05");
    assert_eq!((p.matching.rows, p.matching.matched), (38, 38));
    assert_eq!(p.matching.match_rate_pct, 100.0);
    // kopdes_national_summary.csv: total_legal_entity, with_account, with_npwp, with_nib.
    for (m, v) in [
        ("cooperatives", 83_382),
        ("accounts_count", 79_709),
        ("npwp_count", 80_978),
        ("nib_count", 60_807),
        ("rat_count", 50_174),
    ] {
        assert_eq!(p.totals.get(m), Some(&v), "{m}");
    }
    // Scores, indexes and averages are not counts: never summed.
    assert!(
        !p.measures
            .iter()
            .any(|m| m.contains("health_score") || m.contains("average"))
    );
    assert!(p.other_columns.iter().any(|c| c == "average_health_index"));
    // Against the 83,762 desa/kelurahan (landing_total_village of the summary).
    let n = coops_per_desa(&p, table());
    let nation = n.first().unwrap();
    assert_eq!(
        (nation.desa, nation.cooperatives, nation.pct),
        (83_762, 83_382, 99.55)
    );
}

#[test]
fn district_table_matched_within_provinces() {
    let d = read("kopdes_stats_district.csv");
    assert_eq!(d.level, RegionLevel::KabupatenKota);
    let m = &d.matching;
    assert_eq!(
        (m.rows, m.matched, m.misplaced, m.not_found),
        (525, 514, 5, 6)
    );
    assert_eq!(m.match_rate_pct, 97.9);
    assert_eq!(d.totals.get("cooperatives"), Some(&83_382));
    let misplaced: Vec<(String, String, String)> = d
        .rows
        .iter()
        .filter(|r| r.status() == MatchStatus::Misplaced)
        .map(|r| {
            let p = r.matched.problem().unwrap();
            let kab = r.names.kab_kota.clone().unwrap();
            (
                kab,
                p.code.unwrap().to_string(),
                p.written_under.unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("KAB. MAPPI", "93.03", "91"),
        ("KAB. NIAS SELATAN", "12.14", "96"),
        ("KAB. TOLIKARA", "95.04", "96"),
        ("KAB. RAJA AMPAT", "96.03", "95"),
        ("KAB. TEBO", "15.09", "95"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(misplaced, want);
    let foreign: Vec<&str> = d
        .rows
        .iter()
        .filter(|r| r.status() == MatchStatus::NotFound)
        .filter_map(|r| r.names.kab_kota.as_deref())
        .collect();
    assert_eq!(
        foreign,
        [
            "Akaiwa",
            "Asakuchi",
            "Kobayashi, Miyazaki",
            "Sak Lek",
            "Fukuoka",
            "Khun Yuam"
        ]
    );
    // Every one of the 514 kab/kota is matched exactly once.
    let mut codes: Vec<KodeWilayah> = d
        .rows
        .iter()
        .filter(|r| r.status() == MatchStatus::Matched)
        .filter_map(|r| r.matched.code)
        .collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), 514);
}

#[test]
fn districts_sum_to_their_province_except_where_the_export_says_otherwise() {
    let d = read("kopdes_stats_district.csv");
    let p = read("kopdes_stats_province.csv");
    let f = check_levels(&d, &p);
    // rat_count is 0 in every district row: 38 provinces differ; Banten's npwp and nib
    // differ by one; cooperatives and accounts agree everywhere.
    assert_eq!(f.len(), 40);
    let rat = f
        .iter()
        .filter(|x| x.measure.as_deref() == Some("rat_count"))
        .count();
    assert_eq!(rat, 38);
    let other: Vec<(String, String, Vec<i64>)> = f
        .iter()
        .filter(|x| x.measure.as_deref() != Some("rat_count"))
        .map(|x| {
            (
                x.region.clone().unwrap(),
                x.measure.clone().unwrap(),
                x.values.clone(),
            )
        })
        .collect();
    assert_eq!(
        other,
        [
            (
                "BANTEN".to_string(),
                "npwp_count".to_string(),
                vec![1553, 1552]
            ),
            (
                "BANTEN".to_string(),
                "nib_count".to_string(),
                vec![1342, 1341]
            ),
        ]
    );
    assert!(f.iter().all(|x| x.code == "child_sum_not_equal_parent"));
    let jatim = f
        .iter()
        .find(|x| x.region.as_deref() == Some("JAWA TIMUR"))
        .unwrap();
    assert_eq!(jatim.values, vec![6366, 0]);
}

#[test]
fn coverage_of_kota_denpasar_is_complete() {
    let v = read("kopdes_stats_village_slice.csv");
    assert_eq!(v.level, RegionLevel::DesaKelurahan);
    assert_eq!((v.matching.rows, v.matching.matched), (65, 65));
    let opts = CoverageOptions {
        level: RegionLevel::Kecamatan,
        region: Some(code("51.71")),
    };
    let c = coverage(&v.entries(), table(), &opts);
    assert_eq!(c.total.name, "Kota Denpasar");
    assert_eq!(
        (c.total.desa, c.total.with_coop, c.total.without_coop),
        (43, 43, 0)
    );
    assert_eq!(c.total.coverage_pct, 100.0);
    let by_kec: Vec<(&str, u64, u64)> = c
        .rows
        .iter()
        .map(|r| (r.name.as_str(), r.desa, r.with_coop))
        .collect();
    assert_eq!(
        by_kec,
        [
            ("Denpasar Selatan", 10, 10),
            ("Denpasar Timur", 11, 11),
            ("Denpasar Barat", 11, 11),
            ("Denpasar Utara", 11, 11)
        ]
    );
    // The Lebak rows of the slice lie outside the region and are counted as such.
    assert_eq!(c.coops_outside_region, 25);
}

#[test]
fn coverage_of_two_lebak_kecamatan_lists_the_desa_without_and_the_duplicates() {
    let v = read("kopdes_stats_village_slice.csv");
    for (kec, desa, with, without) in [
        ("36.02.18", 15, 14, "Cimenteng Jaya"),
        ("36.02.28", 9, 8, "Cikaratuan"),
    ] {
        let opts = CoverageOptions {
            level: RegionLevel::DesaKelurahan,
            region: Some(code(kec)),
        };
        let c = coverage(&v.entries(), table(), &opts);
        assert_eq!((c.total.desa, c.total.with_coop), (desa, with), "{kec}");
        let names: Vec<&str> = c.without_coop.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, [without]);
        assert_eq!(c.rows.len() as u64, desa);
    }
    let opts = CoverageOptions {
        level: RegionLevel::KabupatenKota,
        region: Some(code("36.02")),
    };
    let c = coverage(&v.entries(), table(), &opts);
    let several: Vec<(&str, u32)> = c
        .with_several
        .iter()
        .map(|s| (s.desa.name.as_str(), s.coops))
        .collect();
    assert_eq!(
        several,
        [("Pasar Keong", 2), ("Bojong Leles", 2), ("Cikaret", 2)]
    );
    assert_eq!((c.total.with_coop, c.total.coops), (22, 25));
}

#[test]
fn comparing_two_snapshots_says_what_changed_where() {
    let old = read("kopdes_stats_province.csv");
    let text = std::fs::read_to_string(format!(
        "{}/../../tests/data/real/simkopdes-statistics/kopdes_stats_province.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
    .replace(
        "17,BALI,-8.409518,115.188916,718,",
        "17,BALI,-8.409518,115.188916,720,",
    );
    let opts = StatsOptions {
        data_as_of: Some(chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()),
        file_name: None,
        ..Default::default()
    };
    let new = read_statistics(text.as_bytes(), table(), &opts).unwrap();
    let ch = compare_snapshots(&old, &new);
    assert_eq!(ch.changes.len(), 1);
    let c = ch.changes.first().unwrap();
    assert_eq!(
        (c.code.unwrap().to_string(), c.old, c.new, c.change),
        ("51".into(), Some(718), Some(720), 2)
    );
    assert_eq!(ch.totals.get("cooperatives"), Some(&2));
}

#[test]
fn coverage_from_a_simkopdes_location_export_takes_the_desa_from_the_coop_name() {
    let path = format!(
        "{}/../../tests/data/real/simkopdes-kopdes-locations/kopdes_locations_situbondo.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let options = koperasi::io::ReadOptions::default();
    let koperasi::io::Table::Register(r, _) =
        koperasi::io::read_any(std::fs::File::open(path).unwrap(), &options).unwrap()
    else {
        panic!("a register");
    };
    let entries = koperasi::kopdes::coverage::entries_from_register(&r.records);
    let opts = CoverageOptions {
        level: RegionLevel::Kecamatan,
        region: Some(code("35.12")),
    };
    let c = coverage(&entries, table(), &opts);
    // 47 coops on 47 distinct desa; the five kecamatan of the slice complete (Besuki 10,
    // Panarukan 8, Panji 12, Kapongan 10, Banyuglugur 7 desa in the table), 136 desa in all.
    assert_eq!((c.matching.rows, c.matching.matched), (47, 47));
    assert_eq!(
        (c.total.desa, c.total.with_coop, c.total.coverage_pct),
        (136, 47, 34.56)
    );
    let full: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.with_coop > 0)
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(
        full,
        ["Besuki", "Panarukan", "Panji", "Kapongan", "Banyuglugur"]
    );
    assert!(
        c.rows
            .iter()
            .filter(|r| r.with_coop > 0)
            .all(|r| r.without_coop == 0)
    );
}

mod invariants {
    use super::*;
    use koperasi::kopdes::coverage::KopdesEntry;
    use koperasi::wilayah::Level;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any number of coops (0 to 3) on each desa of Kota Denpasar, given by code: the rows
        /// add up to the total, with + without = desa, and every coop is counted once.
        #[test]
        fn rows_add_up(mult in proptest::collection::vec(0u32..4, 43)) {
            let t = table();
            let desa: Vec<KodeWilayah> = t
                .iter()
                .filter(|w| w.level == Level::DesaKelurahan && code("51.71").contains(&w.code))
                .map(|w| w.code)
                .collect();
            let entries: Vec<KopdesEntry> = desa
                .iter()
                .zip(&mult)
                .flat_map(|(c, m)| (0..*m).map(move |_| KopdesEntry { code: Some(*c), coops: 1, ..Default::default() }))
                .collect();
            let opts = CoverageOptions { level: RegionLevel::Kecamatan, region: Some(code("51.71")) };
            let c = coverage(&entries, t, &opts);
            let sum = |f: fn(&koperasi::kopdes::coverage::CoverageRow) -> u64| c.rows.iter().map(f).sum::<u64>();
            prop_assert_eq!(c.total.desa, 43);
            prop_assert_eq!(sum(|r| r.desa), c.total.desa);
            prop_assert_eq!(sum(|r| r.with_coop), c.total.with_coop);
            prop_assert_eq!(sum(|r| r.coops), c.total.coops);
            prop_assert_eq!(c.total.with_coop + c.total.without_coop, c.total.desa);
            prop_assert_eq!(c.total.coops, mult.iter().map(|m| u64::from(*m)).sum::<u64>());
            prop_assert_eq!(c.total.with_coop, mult.iter().filter(|m| **m > 0).count() as u64);
            prop_assert_eq!(c.with_several.len() as u64, c.total.with_several);
            prop_assert_eq!(c.without_coop.len() as u64, c.total.without_coop);
            prop_assert_eq!(c.matching.matched, entries.len() as u64);
        }
    }
}

#[test]
fn a_table_beyond_the_row_cap_is_refused_not_read_in_part() {
    let path = format!(
        "{}/../../tests/data/real/simkopdes-statistics/kopdes_stats_province.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut opts = StatsOptions::default();
    opts.limits.max_rows = 10;
    let e = read_statistics(std::fs::File::open(path).unwrap(), table(), &opts).unwrap_err();
    assert!(
        matches!(e, koperasi::error::ReadError::LimitExceeded { ref limit, max: 10, .. } if limit == "max_rows"),
        "{e}"
    );
    let e =
        read_statistics("a,b\n1,2\n".as_bytes(), table(), &StatsOptions::default()).unwrap_err();
    assert_eq!(e.code(), "read_missing_column");
}

/// A table of RAT and building progress (no `cooperatives` column, the book year in
/// `rat_period`): the year is never summed, and no figure per desa is made.
#[test]
fn a_progress_table_sums_no_year_and_makes_no_coops_per_desa() {
    let p = read("kopdes_province_rat_and_construction_slice.csv");
    assert_eq!((p.matching.rows, p.matching.matched), (11, 11));
    assert_eq!(
        p.rows[0].code(koperasi::wilayah::Level::Provinsi),
        Some(code("11"))
    );
    assert!(
        !p.measures.iter().any(|m| m == "rat_period"),
        "{:?}",
        p.measures
    );
    assert!(!p.totals.contains_key("rat_period"));
    assert_eq!(p.totals.get("total_no_rat"), Some(&36_330));
    assert_eq!(p.totals.get("build_100"), Some(&13_228));
    assert!(coops_per_desa(&p, table()).is_empty());
}
