//! `koperasi check` on published statements: a statements file recognised by its header (or
//! `.toml`/`.json`), the embedded 1 February 2025 sample, text/json/csv and both locales, a
//! user's relations file (tests/data/real/balikpapan-statements/PROVENANCE.md has the figures).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

const DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/real/balikpapan-statements"
);

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

#[test]
fn the_sample_as_json_gives_the_two_findings() {
    let (ok, out, err) = run(&[
        "check",
        "--sample",
        "balikpapan_statements",
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = v["findings"].as_array().unwrap();
    let codes: Vec<&str> = f.iter().map(|x| x["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["stated_change_mismatch", "definitions_mixed"]);
    assert_eq!(f[0]["values"], serde_json::json!([9, 113, 125, 125, 134]));
    assert_eq!(v["read"]["accepted"], 5);
    assert!(!out.contains("325"));
}

#[test]
fn the_sample_in_indonesian_text() {
    let (ok, out, err) = run(&[
        "check",
        "--sample",
        "balikpapan_statements",
        "--locale",
        "id",
    ]);
    assert!(ok, "{err}");
    assert!(out.contains("Temuan (2)"), "{out}");
    assert!(out.contains("perubahan +12"), "{out}");
    assert!(out.contains("menghitung terdata"), "{out}");
}

#[test]
fn a_csv_file_is_recognised_by_its_header() {
    let path = format!("{DIR}/bisnis_2024-07-15.csv");
    let (ok, out, err) = run(&["check", &path, "--format", "csv"]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[1].starts_with("finding,11 12 13 14 15 16 3,"),
        "{out}"
    );
    assert!(lines[1].contains("parts_not_equal_total"));
    assert!(lines[1].contains("add up to 439"));
}

#[test]
fn the_printed_date_is_a_rejected_row() {
    let path = format!("{DIR}/tanggal_tercetak_20245.csv");
    let (ok, out, err) = run(&["check", &path]);
    assert!(ok, "{err}");
    assert!(out.contains("Rejected rows (1)"), "{out}");
    assert!(out.contains("20245"), "{out}");
    assert!(out.contains("is not a real date"), "{out}");
}

#[test]
fn toml_statements_and_own_relations() {
    let path = format!("{DIR}/prokal_2025-10-28.toml");
    let (ok, out, err) = run(&["check", &path, "--format", "json"]);
    assert!(ok, "{err}");
    assert!(out.contains("found_plus_not_found_eq_verified"));
    let dir = std::env::temp_dir().join(format!("koperasi-cli-stmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rel = dir.join("rel.toml");
    std::fs::write(
        &rel,
        "[[relation]]\nid = \"rat_le_half_active\"\nleft = [\"found\"]\nop = \"<=\"\nright = [\"active\"]\nsource = \"test\"\n",
    )
    .unwrap();
    let (ok, out, err) = run(&[
        "check",
        &path,
        "--relations",
        rel.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["findings"][0]["measure"], "rat_le_half_active");
    assert_eq!(v["findings"][0]["values"], serde_json::json!([225, 109]));
    std::fs::write(&rel, "[[relation]]\nid = 1\n").unwrap();
    let (ok, _, err) = run(&["check", &path, "--relations", rel.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("--relations"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unknown_sample_is_refused_with_the_names() {
    let (ok, _, err) = run(&["check", "--sample", "nope"]);
    assert!(!ok);
    assert!(err.contains("balikpapan_statements"), "{err}");
}
