//! `--data-as-of`, a data date in the title block, and fact-order findings, as a user runs
//! the command on the real Gianyar register (tests/data/real/gianyar-koperasi-rat-terakhir).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const GIANYAR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv"
);

const MAP: [&str; 8] = [
    "--map",
    "name=namaKoperasi",
    "--map",
    "nomor_badan_hukum=nomorBadanHukum",
    "--map",
    "tanggal_badan_hukum=tglBadanHukumPendirian",
    "--map",
    "last_rat_date=tglRAT_terakhir",
];

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn report(extra: &[&str]) -> Value {
    let mut args = vec!["report", GIANYAR, "--format", "json", "--policy", "office"];
    args.extend(MAP);
    args.extend(extra);
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn data_as_of_turns_not_assessable_into_known_facts() {
    let r = report(&["--as-of", "2022-05-15", "--data-as-of", "2022-05-15"]);
    assert_eq!(r["status_counts"]["inactive"], 13);
    assert_eq!(r["status_counts"]["not_assessable"], 7);
    assert_eq!(r["read"]["data_as_of"]["date"], "2022-05-15");
    assert_eq!(r["read"]["data_as_of"]["source"], "option");
    assert_eq!(r["findings"].as_array().unwrap().len(), 0);
    // Without it: the same counts, and the note saying what was assumed.
    let r = report(&["--as-of", "2022-05-15"]);
    assert_eq!(r["status_counts"]["inactive"], 13);
    let notes = r["read"]["notes"].as_array().unwrap();
    assert_eq!(
        notes
            .iter()
            .filter(|n| n.as_str().unwrap().contains("states no data date"))
            .count(),
        1
    );
}

#[test]
fn the_text_report_names_the_data_date_in_both_languages() {
    let mut args = vec!["report", GIANYAR, "--as-of", "2022-05-15"];
    args.extend(MAP);
    args.extend(["--data-as-of", "15/05/2022"]);
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    assert!(
        out.contains("Register's data date: 2022-05-15 (given)"),
        "{out}"
    );
    args.extend(["--locale", "id"]);
    let (_, out, _) = run(&args);
    assert!(
        out.contains("Tanggal data register: 15 Mei 2022 (diberikan)"),
        "{out}"
    );
}

#[test]
fn a_bad_data_date_is_refused() {
    let (ok, _, err) = run(&["report", GIANYAR, "--data-as-of", "31/02/2024"]);
    assert!(!ok);
    assert!(err.contains("--data-as-of"), "{err}");
}

#[test]
fn check_lists_fact_order_findings() {
    let dir = std::env::temp_dir().join(format!("koperasi-fact-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("reg.csv");
    std::fs::write(
        &file,
        "Daftar Koperasi;;;\nKeadaan per 31 Desember 2024;;;\n\
nama_koperasi;tanggal_badan_hukum;tanggal_pembubaran;tahun_rat_terakhir\n\
KSP Satu;01/05/2010;31/12/2009;2020\n\
KSP Dua;01/05/2010;;2025\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let (ok, out, err) = run(&["check", path, "--format", "json"]);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["read"]["data_as_of"]["source"], "title");
    let codes: Vec<(&str, u64)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["lines"][0].as_u64().unwrap()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("dissolved_before_founding", 4),
            ("rat_after_dissolution", 4),
            ("last_rat_after_data_date", 5)
        ]
    );
    let (_, out, _) = run(&["check", path, "--locale", "id"]);
    assert!(
        out.contains("dibubarkan 31 Desember 2009, tetapi didirikan 1 Mei 2010"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
