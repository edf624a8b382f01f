//! `koperasi report` / `check` on published tables of every shape (tests/data/real/): read
//! right, or refused with exit 2 and the option that fixes it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/cli.rs"]
mod support;

use support::{fails, json, real};

#[test]
fn sipd_table_is_read_as_a_hierarchy_with_its_totals() {
    let f = real("sipd-gorontalo-koperasi");
    let v = json(&["report", &f, "--format", "json"]);
    assert_eq!(v["kind"], "panel");
    assert_eq!(v["read"]["shape"]["kind"], "hierarchy");
    assert_eq!(v["read"]["shape"]["header_line"], 1);
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods[0]["period"], "2014");
    assert_eq!(periods[0]["aktif"], 126);
    assert_eq!(periods[0]["tidak_aktif"], 141);
    assert_eq!(periods[4]["aktif"], 141);
    let gaps = v["read"]["shape"]["parent_gaps"].as_array().unwrap();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0]["line"], 125);
}

#[test]
fn snapshot_refused_without_period_and_read_with_it() {
    let f = real("bps-koperasi-aktif-provinsi-2024");
    fails(&["report", &f], "--period");
    fails(&["check", &f], "--period");
    fails(&["report", &f, "--period", "kemarin"], "--period");
    let v = json(&["report", &f, "--period", "2024", "--format", "json"]);
    assert_eq!(v["read"]["shape"]["kind"], "snapshot");
    assert_eq!(v["read"]["shape"]["period_given"], "2024");
    assert_eq!(v["periods"][0]["aktif"], 38_538);
    let v = json(&[
        "check",
        &real("databoks-cooperatives-province-en"),
        "--period",
        "2023-02",
        "--format",
        "json",
    ]);
    assert!(v.is_object() || v.is_array());
}

#[test]
fn key_value_summary_with_period_and_region() {
    let f = real("jabar-cooperatives-2015-en");
    fails(&["report", &f], "--period");
    let v = json(&[
        "report",
        &f,
        "--period",
        "2015-12-31",
        "--region",
        "32",
        "--format",
        "json",
    ]);
    assert_eq!(v["read"]["shape"]["kind"], "key_value");
    assert_eq!(v["periods"][0]["total"], 25_741);
    assert_eq!(v["periods"][0]["aktif"], 16_855);
    assert_eq!(v["periods"][0]["tidak_aktif"], 8_886);
}

#[test]
fn percentages_are_never_totals() {
    let v = json(&[
        "report",
        &real("blitar-ksp-sehat-persen"),
        "--format",
        "json",
    ]);
    assert_eq!(v["read"]["shape"]["kind"], "wide");
    assert_eq!(v["read"]["shape"]["measures"][0]["count"], false);
    for p in v["periods"].as_array().unwrap() {
        assert!(p["total"].is_null() && p["aktif"].is_null(), "{p}");
    }
}

#[test]
fn a_column_with_one_name_is_not_a_register() {
    let dir = std::env::temp_dir().join(format!("kop-shapes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("sama.csv");
    std::fs::write(
        &f,
        "nama,kecamatan,jumlah\nKoperasi,Kota Barat,1\nKoperasi,Kota Utara,2\nKoperasi,Dungingi,3\n",
    )
    .unwrap();
    fails(&["report", f.to_str().unwrap()], "same value");
    std::fs::remove_dir_all(&dir).ok();
}
