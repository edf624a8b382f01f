//! `koperasi assess FILE --compare ...`: the same register under several status policies
//! (issue 20), in every output format, on the synthetic register whose figures an independent
//! pandas script computed (`tests/data/policy_compare/`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const REGISTER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/policy_compare/register.csv"
);

fn run(extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "assess",
        REGISTER,
        "--as-of",
        "2025-07-01",
        "--compare",
        "national,office,permenkop_25_2015",
    ];
    args.extend_from_slice(extra);
    Command::cargo_bin("koperasi")
        .unwrap()
        .args(&args)
        .output()
        .unwrap()
}

fn stdout(extra: &[&str]) -> String {
    let out = run(extra);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_gives_the_pandas_figures() {
    let v: Value = serde_json::from_str(&stdout(&["--format", "json"])).unwrap();
    let active: Vec<u64> = v["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["counts"]["active"].as_u64().unwrap())
        .collect();
    assert_eq!(active, [85, 35, 20]);
    let changed: Vec<u64> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["changed"].as_u64().unwrap())
        .collect();
    assert_eq!(changed, [50, 65, 18]);
}

#[test]
fn table_names_the_reason_and_the_lines() {
    let out = stdout(&[]);
    assert!(out.contains("Counts under each policy"), "{out}");
    assert!(
        out.contains("Cross table: national -> permenkop_25_2015"),
        "{out}"
    );
    assert!(
        out.contains("same status: 55 · changed status: 65"),
        "{out}"
    );
    assert!(
        out.contains("RAT held for 2 of the last 3 book years"),
        "{out}"
    );
    // Every policy's source is printed.
    assert!(out.contains("25/Per/M.KUKM/IX/2015"), "{out}");
    assert!(out.contains("kompaspedia.kompas.id/?p=22181"), "{out}");
}

#[test]
fn indonesian_markdown() {
    let out = stdout(&["--format", "markdown", "--locale", "id"]);
    assert!(out.contains("## Jumlah menurut setiap kebijakan"), "{out}");
    assert!(
        out.contains("RAT diadakan untuk 2 dari 3 tahun buku terakhir"),
        "{out}"
    );
    assert!(out.contains("| Aktif"), "{out}");
}

#[test]
fn csv_has_one_row_per_group() {
    let out = stdout(&["--format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let h = r.headers().unwrap().clone();
    assert_eq!(&h[0], "from_policy");
    assert_eq!(&h[12], "signature");
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    // 3 policies x 6 statuses of counts, then 7 + 8 + 5 change groups (expected.json).
    assert_eq!(rows.len(), 18 + 20);
    let groups: u64 = rows
        .iter()
        .filter(|x| &x[0] == "national" && &x[1] == "permenkop_25_2015")
        .map(|x| x[4].parse::<u64>().unwrap())
        .sum();
    assert_eq!(groups, 65);
}

#[test]
fn a_bad_policy_is_a_clear_error() {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(["assess", REGISTER, "--compare", "national,national"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("two policies are named `national`"), "{err}");
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(["assess", REGISTER, "--compare", "national,permenkop"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--compare `permenkop` is neither a preset")
            && err.contains("permenkop_25_2015"),
        "{err}"
    );
}
