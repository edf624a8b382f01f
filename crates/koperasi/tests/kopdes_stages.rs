//! KDMP/KKMP stages and loan readiness (issue 19, items 2-3) on a synthetic register with
//! dated stages: `tests/data/synthetic/kopdes-stages/` (written by its `generate.py`, which
//! computes the expected figures with pandas from its own table of truth, not from the CSV).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::io::{ReadOptions, Table, read_any};
use koperasi::kopdes::{
    Checklist, Stage, StallPreset, readiness_report, stage_facts, stages_report,
};
use koperasi::register::{Field, Register};
use serde_json::Value;

fn dir() -> String {
    format!(
        "{}/../../tests/data/synthetic/kopdes-stages",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn load() -> (Register, koperasi::io::ReadReport, Value) {
    let csv = std::fs::read_to_string(format!("{}/kopdes_stages_synth.csv", dir())).unwrap();
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(format!("{}/expected.json", dir())).unwrap())
            .unwrap();
    match read_any(csv.as_bytes(), &ReadOptions::default()).unwrap() {
        Table::Register(r, read) => (r, read, expected),
        Table::Panel(..) => panic!("read as a panel"),
    }
}

fn as_of(e: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(e["as_of"].as_str().unwrap(), "%Y-%m-%d").unwrap()
}

#[test]
fn every_cell_is_read_and_every_stage_column_is_named() {
    let (r, read, e) = load();
    assert_eq!(r.records.len() as u64, e["n"].as_u64().unwrap());
    assert!(
        read.cell_errors.is_empty(),
        "{:?}",
        read.cell_errors.first()
    );
    // Every column is understood: none is left in `extra`.
    assert!(r.records.iter().all(|k| k.extra.is_empty()));
    let col = |h: &str| {
        read.columns
            .iter()
            .find(|(c, _)| c == h)
            .and_then(|(_, f)| f.clone())
    };
    assert_eq!(col("tgl_akta").as_deref(), Some("stage_akta"));
    assert_eq!(col("status_lahan").as_deref(), Some("stage_land"));
    assert_eq!(col("progres_bangunan").as_deref(), Some("stage_building"));
    assert_eq!(col("nik").as_deref(), Some("nik"));
}

#[test]
fn funnel_matches_pandas() {
    let (r, _, e) = load();
    let preset = StallPreset::default_preset().unwrap();
    let rep = stages_report(&r.records, as_of(&e), Some(Field::KabKota), &preset);
    assert_eq!(rep.coops, 600);
    for c in &rep.funnel {
        let want = &e["funnel"][c.stage.code()];
        assert_eq!(
            (c.reached, c.undated),
            (
                want["reached"].as_u64().unwrap(),
                want["undated"].as_u64().unwrap()
            ),
            "{:?}",
            c.stage
        );
    }
    // Spot values, as printed by generate.py.
    let get = |s: Stage| rep.funnel.iter().find(|c| c.stage == s).unwrap().reached;
    assert_eq!((get(Stage::Musdesus), get(Stage::SkAhu)), (560, 421));
    assert_eq!(rep.by_region.len(), 4);
    for row in &rep.by_region {
        let want = &e["by_kab_kota"][row.region.as_deref().unwrap()];
        assert_eq!(row.coops, want["coops"].as_u64().unwrap());
        for c in &row.stages {
            assert_eq!(c.reached, want[c.stage.code()].as_u64().unwrap());
        }
    }
}

#[test]
fn durations_and_stalls_match_pandas() {
    let (r, _, e) = load();
    let preset = StallPreset::default_preset().unwrap();
    let rep = stages_report(&r.records, as_of(&e), None, &preset);
    let want_d = e["durations"].as_array().unwrap();
    let want_s = e["stalls"].as_array().unwrap();
    assert_eq!(rep.durations.len(), want_d.len());
    for (got, want) in rep.durations.iter().zip(want_d) {
        assert_eq!(got.from.code(), want["from"].as_str().unwrap());
        assert_eq!(got.n, want["n"].as_u64().unwrap(), "{got:?}");
        assert_eq!(got.median_days, want["median_days"].as_f64(), "{got:?}");
    }
    for (got, want) in rep.stall_counts.iter().zip(want_s) {
        assert_eq!(got.step.to.code(), want["to"].as_str().unwrap());
        assert_eq!(
            (got.stalled, got.undated),
            (
                want["stalled"].as_u64().unwrap(),
                want["undated"].as_u64().unwrap()
            ),
            "{:?}",
            got.step
        );
    }
    let total: u64 = rep.stall_counts.iter().map(|c| c.stalled).sum();
    assert_eq!(rep.stalled.len() as u64, total);
    assert!(
        rep.stalled
            .iter()
            .all(|s| s.days_waiting > i64::from(s.allowed_days))
    );
}

#[test]
fn readiness_matches_pandas() {
    let (r, _, e) = load();
    let c = Checklist::pmk_49_2025().unwrap();
    let rep = readiness_report(&r.records, &c, None, Some(Field::KabKota));
    let want = &e["readiness"];
    assert_eq!(rep.overall.coops, want["coops"].as_u64().unwrap());
    assert_eq!(rep.overall.ready, want["ready"].as_u64().unwrap());
    assert_eq!(rep.overall.ready, 71);
    for item in &rep.overall.items {
        assert_eq!(item.missing, want["missing"][&item.code].as_u64().unwrap());
    }
    // The region rows add up to the whole; each coop's list agrees with the counts.
    let ready: u64 = rep.by_region.iter().map(|r| r.ready).sum();
    assert_eq!(ready, rep.overall.ready);
    let listed = rep.coops.iter().filter(|c| c.ready).count() as u64;
    assert_eq!(listed, rep.overall.ready);
    assert!(rep.coops.iter().all(|c| c.met.len() + c.missing.len() == 7));
}

#[test]
fn facts_of_one_record() {
    let (r, _, _) = load();
    // Line 2 of the CSV: akta 10 Juni 2025, SK 6 Juli 2025 with its number, NIK.
    let k = &r.records[0];
    let f = stage_facts(k);
    let sk = f.iter().find(|f| f.stage == Stage::SkAhu).unwrap();
    assert_eq!(sk.date, NaiveDate::from_ymd_opt(2025, 7, 6));
    assert_eq!(sk.value.as_deref(), Some("AHU-0311665.AH.01.29.TAHUN 2025"));
    assert!(f.iter().any(|f| f.stage == Stage::NikKoperasi));
}

mod props {
    use super::*;
    use koperasi::Koperasi;
    use koperasi::kopdes::StageFact;
    use proptest::prelude::*;

    fn coop() -> impl Strategy<Value = Koperasi> {
        proptest::collection::vec((0usize..16, proptest::option::of(0i64..700)), 0..12).prop_map(
            |facts| {
                let mut k = Koperasi::new("Koperasi Desa Merah Putih X");
                let start = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
                k.stages = facts
                    .into_iter()
                    .map(|(s, d)| {
                        StageFact::reached(
                            Stage::ALL[s],
                            d.map(|d| start + chrono::Duration::days(d)),
                        )
                    })
                    .collect();
                k
            },
        )
    }

    proptest! {
        /// Reached counts never fall as the as-of date moves on, never exceed the coops, and
        /// the ready coops never exceed those meeting any one item.
        #[test]
        fn funnel_is_monotone_and_readiness_bounded(
            coops in proptest::collection::vec(coop(), 0..40),
            a in 0i64..800,
            b in 0i64..800,
        ) {
            let start = NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
            let (early, late) = (a.min(b), a.max(b));
            let preset = StallPreset::default_preset().unwrap();
            let at = |d: i64| start + chrono::Duration::days(d);
            let r1 = stages_report(&coops, at(early), None, &preset);
            let r2 = stages_report(&coops, at(late), None, &preset);
            for (x, y) in r1.funnel.iter().zip(&r2.funnel) {
                prop_assert!(x.reached <= y.reached);
                prop_assert!(y.reached <= coops.len() as u64);
                prop_assert!(x.undated <= x.reached);
            }
            let c = Checklist::pmk_49_2025().unwrap();
            let r = readiness_report(&coops, &c, Some(at(late)), None);
            for item in &r.overall.items {
                prop_assert!(r.overall.ready <= item.met);
                prop_assert_eq!(item.met + item.missing, coops.len() as u64);
            }
        }
    }
}
