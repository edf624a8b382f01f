//! All 398 nomor badan hukum of the Kota Bogor register (koperasi_kota_bogor_2022.csv, see its
//! PROVENANCE.md). Expected counts computed independently with a python3 script over the CSV
//! applying the rules documented on `NomorBadanHukum` (regular expressions, not this code).

use koperasi::identity::{BadanHukumKind, NomorBadanHukum};
use std::collections::{BTreeMap, HashSet};

const CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv"
);

#[allow(clippy::unwrap_used)] // test helper
fn numbers() -> Vec<String> {
    let mut rdr = csv::Reader::from_path(CSV).unwrap();
    let col = rdr
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "nomor_bh")
        .unwrap();
    rdr.records().map(|r| r.unwrap()[col].to_string()).collect()
}

#[test]
fn bogor_register_numbers() {
    let raw = numbers();
    assert_eq!(raw.len(), 398);
    let parsed: Vec<NomorBadanHukum> = raw
        .iter()
        .map(|s| NomorBadanHukum::parse(s).unwrap())
        .collect();
    let count = |k: BadanHukumKind| parsed.iter().filter(|n| n.kind == k).count();
    assert_eq!(count(BadanHukumKind::Ahu), 68);
    assert_eq!(parsed.iter().filter(|n| n.is_ahu).count(), 68);
    assert_eq!(count(BadanHukumKind::Kemenkop), 83);
    assert_eq!(count(BadanHukumKind::Kwk), 73);
    assert_eq!(count(BadanHukumKind::Kdk), 37);
    assert_eq!(count(BadanHukumKind::Kankop), 117);
    assert_eq!(count(BadanHukumKind::Other), 20);
    assert_eq!(parsed.iter().filter(|n| n.year.is_some()).count(), 247);
    assert_eq!(parsed.iter().filter(|n| n.month.is_some()).count(), 174);
    assert_eq!(parsed.iter().filter(|n| n.is_amendment).count(), 60);
    let mut by_year: BTreeMap<i32, usize> = BTreeMap::new();
    for y in parsed.iter().filter_map(|n| n.year) {
        *by_year.entry(y).or_default() += 1;
    }
    for (y, n) in [
        (1967, 1),
        (1976, 1),
        (1996, 25),
        (1998, 16),
        (2000, 14),
        (2017, 46),
        (2018, 19),
        (2020, 20),
        (2021, 35),
        (2022, 3),
    ] {
        assert_eq!(by_year.get(&y), Some(&n), "year {y}");
    }
    assert_eq!(by_year.len(), 25);
    // duplicates: 398 numbers, 386 distinct keys
    let keys: HashSet<String> = parsed.iter().map(|n| n.key()).collect();
    assert_eq!(keys.len(), 386);
}
