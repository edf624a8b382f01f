//! Definition sensitivity ([`compare_policies`]): the same register under `national`,
//! `office` and `permenkop_25_2015`, checked against an independent pandas computation
//! (`tests/data/policy_compare/compare_policies.py` and its committed `expected.json`), and
//! the invariants every comparison keeps.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::io::{ReadOptions, read_register};
use koperasi::status::{PolicyComparison, Status, StatusPolicy, assess_status, compare_policies};
use serde_json::{Value, json};
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/policy_compare")
}

fn presets(names: &[&str]) -> Vec<StatusPolicy> {
    names
        .iter()
        .map(|n| StatusPolicy::preset(n).unwrap())
        .collect()
}

fn synthetic() -> (koperasi::register::Register, PolicyComparison) {
    let csv = std::fs::read(dir().join("register.csv")).unwrap();
    let (reg, rep) = read_register(&csv[..], &ReadOptions::default()).unwrap();
    assert_eq!(rep.rejected.len(), 0);
    assert_eq!(reg.records.len(), 120);
    let as_of = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    let c = compare_policies(
        &reg.records,
        as_of,
        &presets(&["national", "office", "permenkop_25_2015"]),
    )
    .unwrap();
    (reg, c)
}

/// A change group without its texts, as the pandas script writes it.
fn group_key(g: &Value) -> String {
    let keys = [
        "from_status",
        "to_status",
        "from_reason",
        "to_reason",
        "rat_window",
        "rat_required",
        "rat_held",
        "rat_unknown",
        "business",
        "count",
        "records",
    ];
    keys.iter()
        .map(|k| g[k].to_string())
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn synthetic_register_matches_pandas() {
    let (_, c) = synthetic();
    let got = serde_json::to_value(&c).unwrap();
    let text = std::fs::read_to_string(dir().join("expected.json")).unwrap();
    let want: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(got["as_of"], want["as_of"]);
    assert_eq!(got["records"], want["records"]);
    for (g, w) in got["policies"]
        .as_array()
        .unwrap()
        .iter()
        .zip(want["policies"].as_array().unwrap())
    {
        assert_eq!(g["policy"], w["policy"]);
        assert_eq!(g["counts"], w["counts"], "{}", w["policy"]);
    }
    let (gp, wp) = (
        got["pairs"].as_array().unwrap(),
        want["pairs"].as_array().unwrap(),
    );
    assert_eq!(gp.len(), 3);
    assert_eq!(gp.len(), wp.len());
    for (g, w) in gp.iter().zip(wp) {
        let name = format!("{} -> {}", w["from"], w["to"]);
        for k in ["from", "to", "same", "changed", "cross"] {
            assert_eq!(g[k], w[k], "{name}: {k}");
        }
        // Groups: the same set (the order of equal counts is the library's).
        let mut a: Vec<String> = g["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(group_key)
            .collect();
        let mut b: Vec<String> = w["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(group_key)
            .collect();
        a.sort();
        b.sort();
        assert_eq!(a, b, "{name}: change groups");
    }
}

#[test]
fn synthetic_register_figures() {
    // The figures pandas computed (expected.json), written out: a change in either side shows.
    let (_, c) = synthetic();
    let counts = |i: usize| -> Vec<u64> { c.policies[i].counts.values().copied().collect() };
    // active, inactive, not_found, dissolved, not_yet_due, not_assessable
    assert_eq!(counts(0), [85, 13, 14, 0, 7, 1]);
    assert_eq!(counts(1), [35, 56, 14, 0, 7, 8]);
    assert_eq!(counts(2), [20, 72, 14, 0, 7, 7]);
    let changed: Vec<u64> = c.pairs.iter().map(|p| p.changed).collect();
    assert_eq!(changed, [50, 65, 18]);
    // The largest reason national -> permenkop: RAT in 2 of the last 3 book years.
    let top = &c.pairs[1].changes[0];
    assert_eq!(
        (
            top.from_status,
            top.to_status,
            top.rat_held,
            top.rat_required
        ),
        (Status::Active, Status::Inactive, 2, 3)
    );
    assert_eq!(top.count, 27);
    assert_eq!(
        top.signature,
        "RAT held for 2 of the last 3 book years; active under national (RAT held within the \
         window) -> inactive under permenkop_25_2015 (No RAT for a book year)"
    );
    assert_eq!(
        top.signature_id,
        "RAT diadakan untuk 2 dari 3 tahun buku terakhir; Aktif menurut national (RAT \
         diselenggarakan dalam jangka waktu penilaian) -> Tidak Aktif menurut \
         permenkop_25_2015 (Tidak ada RAT untuk satu tahun buku)"
    );
}

#[test]
fn groups_explain_the_differences_coop_by_coop() {
    let (reg, c) = synthetic();
    let as_of = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    for pair in &c.pairs {
        let count = |name: &str, s: Status| -> i64 {
            let p = c.policies.iter().find(|p| p.policy == name).unwrap();
            p.counts[&s] as i64
        };
        for s in Status::ALL {
            let into: u64 = pair
                .changes
                .iter()
                .filter(|g| g.to_status == s)
                .map(|g| g.count)
                .sum();
            let out: u64 = pair
                .changes
                .iter()
                .filter(|g| g.from_status == s)
                .map(|g| g.count)
                .sum();
            assert_eq!(
                count(&pair.to, s) - count(&pair.from, s),
                into as i64 - out as i64,
                "{} -> {}: {s:?}",
                pair.from,
                pair.to
            );
        }
        // Every record listed is one that changes, with the statuses its group says.
        let (pa, pb) = (
            StatusPolicy::preset(&pair.from).unwrap(),
            StatusPolicy::preset(&pair.to).unwrap(),
        );
        let mut listed = 0;
        for g in &pair.changes {
            assert_eq!(g.count as usize, g.records.len());
            for &i in &g.records {
                let k = &reg.records[i as usize];
                assert_eq!(assess_status(k, as_of, &pa), g.from_status);
                assert_eq!(assess_status(k, as_of, &pb), g.to_status);
                listed += 1;
            }
        }
        assert_eq!(listed, pair.changed);
        assert_eq!(pair.same + pair.changed, c.records);
        let cross: u64 = pair.cross.iter().map(|x| x.count).sum();
        assert_eq!(cross, c.records);
    }
}

#[test]
fn one_policy_gives_counts_and_no_pairs() {
    let (reg, _) = synthetic();
    let as_of = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    let c = compare_policies(&reg.records, as_of, &presets(&["office"])).unwrap();
    assert!(c.pairs.is_empty());
    assert_eq!(c.policies[0].counts[&Status::Active], 35);
}

#[test]
fn bad_policy_lists_are_refused() {
    let as_of = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
    let e = compare_policies(&[], as_of, &[]).unwrap_err();
    assert_eq!(e.code(), "policy_invalid");
    assert!(e.to_string().contains("at least one policy"), "{e}");
    let e = compare_policies(&[], as_of, &presets(&["national", "national"])).unwrap_err();
    assert_eq!(e.code(), "policy_invalid");
    assert!(
        e.to_string().contains("two policies are named `national`"),
        "{e}"
    );
    let mut bad = StatusPolicy::national();
    bad.name = "zero".into();
    bad.rat_window_years = 0;
    let e = compare_policies(&[], as_of, &[bad]).unwrap_err();
    assert_eq!(e.code(), "policy_invalid");
    // An empty register is no error: zero everywhere.
    let c = compare_policies(&[], as_of, &presets(&["national", "office"])).unwrap();
    assert_eq!(c.records, 0);
    assert_eq!(c.pairs[0].changed, 0);
    assert_eq!(serde_json::to_value(&c.pairs[0].cross).unwrap(), json!([]));
}

/// The comparison of a report (counted as the CSV is read, the register not held) is the one
/// `compare_policies` gives on the records.
#[test]
fn report_section_streamed_equals_compare_policies() {
    let (_, c) = synthetic();
    let csv = std::fs::read(dir().join("register.csv")).unwrap();
    let mut options =
        koperasi::report::ReportOptions::new(NaiveDate::from_ymd_opt(2025, 7, 1).unwrap());
    options.compare = presets(&["national", "office", "permenkop_25_2015"]);
    let koperasi::report::Report::Register(r) =
        koperasi::report::build_report(&csv[..], "synthetic", &options).unwrap()
    else {
        panic!("a register");
    };
    assert_eq!(r.policy_comparison.as_ref(), Some(&c));
    assert_eq!(
        Some(&r.status_counts),
        c.policies.first().map(|p| &p.counts)
    );
    // No comparison asked, none given; an invalid list gives none either.
    options.compare = presets(&["national", "national"]);
    let koperasi::report::Report::Register(r) =
        koperasi::report::build_report(&csv[..], "synthetic", &options).unwrap()
    else {
        panic!("a register");
    };
    assert_eq!(r.policy_comparison, None);
}

/// A real register with RAT history (`tests/data/real/subang-koperasi-rat/`: two book years of
/// RAT dates from a Subang assessment application), against its `figures.py`.
#[test]
fn real_subang_register_with_rat_history_matches_its_figures() {
    let csv = std::fs::read(dir().join("../real/subang-koperasi-rat/koperasi.csv")).unwrap();
    let (reg, rep) = read_register(&csv[..], &ReadOptions::default()).unwrap();
    assert_eq!((reg.records.len(), rep.rejected.len()), (10, 0));
    let policies = presets(&["national", "office", "permenkop_25_2015"]);
    let active = |c: &PolicyComparison| -> Vec<u64> {
        c.policies
            .iter()
            .map(|p| p.counts[&Status::Active])
            .collect()
    };
    let changed =
        |c: &PolicyComparison| -> Vec<u64> { c.pairs.iter().map(|p| p.changed).collect() };
    // (as of, active under each, changed per pair) from figures.py.
    for (date, want_active, want_changed) in [
        ((2020, 3, 1), [10, 9, 0], [1, 10, 9]),
        ((2020, 7, 1), [10, 10, 0], [0, 10, 10]),
        ((2021, 7, 12), [10, 0, 0], [10, 10, 0]),
    ] {
        let as_of = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
        let c = compare_policies(&reg.records, as_of, &policies).unwrap();
        assert_eq!(active(&c), want_active, "{as_of}");
        assert_eq!(changed(&c), want_changed, "{as_of}");
        // Everyone not active is not assessable: no year is known to be missing.
        for p in &c.policies {
            assert_eq!(
                p.counts[&Status::Active] + p.counts[&Status::NotAssessable],
                10
            );
        }
    }
    // 2020-03-01, national -> office: coop 4 (position 3), an RAT for 2018 only, 2 years unknown.
    let c = compare_policies(
        &reg.records,
        NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(),
        &policies,
    )
    .unwrap();
    let g = &c.pairs[0].changes[0];
    assert_eq!(g.records, [3]);
    assert_eq!((g.rat_window, g.rat_held, g.rat_unknown), (3, 1, 2));
    assert_eq!(g.to_status, Status::NotAssessable);
    // national -> permenkop_25_2015: 9 coops with 2 of 3 held and 1 unknown, coop 4 apart.
    let counts: Vec<(u64, u32, u32)> = c.pairs[1]
        .changes
        .iter()
        .map(|g| (g.count, g.rat_held, g.rat_unknown))
        .collect();
    assert_eq!(counts, [(9, 2, 1), (1, 1, 2)]);
}
