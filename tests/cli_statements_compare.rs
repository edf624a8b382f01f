//! `koperasi check statements.csv --register register.csv`: each statement against the real
//! Gianyar register's funnel as of 2022-05-15 (figures counted by hand in
//! tests/data/real/gianyar-koperasi-rat-terakhir/PROVENANCE.md: 20 on record, RAT held for
//! book year 2020 by 7, no field-check column).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;

const GIANYAR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv"
);

/// An office's statements about Gianyar: one right, one off by one, one the register cannot
/// support, one about another year.
const STATEMENTS: &str = "id,tanggal,periode,definisi,nilai\n\
terdata,1 Juni 2022,15 Mei 2022,terdata,20\n\
rat,1 Juni 2022,15 Mei 2022,rat_held,8\n\
jelas,1 Juni 2022,15 Mei 2022,teridentifikasi,5\n\
lama,1 Juni 2022,2021,terdata,18\n";

fn run(extra: &[&str]) -> (bool, String, String) {
    let dir = std::env::temp_dir().join(format!(
        "koperasi-cmp-{}-{}",
        std::process::id(),
        extra.join("").len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("pernyataan.csv");
    std::fs::write(&path, STATEMENTS).unwrap();
    let mut args = vec![
        "check",
        path.to_str().unwrap(),
        "--register",
        GIANYAR,
        "--data-as-of",
        "2022-05-15",
    ];
    args.extend(extra);
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(&args)
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn json_gives_each_outcome() {
    let (ok, out, err) = run(&["--format", "json"]);
    assert!(ok, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Default date: the latest day the statements describe.
    assert_eq!(v["funnel"]["as_of"], "2022-05-15");
    let c = v["compared"].as_array().unwrap();
    let kinds: Vec<&str> = c
        .iter()
        .map(|x| x["outcome"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["matched", "off", "unsupported", "not_comparable"]);
    assert_eq!(c[0]["outcome"]["register"], 20.0);
    assert_eq!(c[1]["outcome"]["register"], 7.0);
    assert_eq!(c[1]["outcome"]["by"], 1.0);
}

#[test]
fn indonesian_text_names_each_outcome() {
    let (ok, out, err) = run(&["--locale", "id", "--as-of", "15 Mei 2022"]);
    assert!(ok, "{err}");
    assert!(out.contains("15 Mei 2022"), "{out}");
    let lines: Vec<&str> = out.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(
        lines[0].contains("cocok") && lines[0].contains("20"),
        "{out}"
    );
    assert!(
        lines[1].contains("selisih +1") && lines[1].contains("register 7"),
        "{out}"
    );
    assert!(lines[2].contains("tidak didukung register"), "{out}");
    assert!(lines[3].contains("tidak dapat dibandingkan"), "{out}");
}

#[test]
fn english_text_and_another_date() {
    // As of 2021-12-31 every statement describes another date (or a year): none is compared.
    let (ok, out, err) = run(&["--as-of", "2021-12-31"]);
    assert!(ok, "{err}");
    assert!(out.contains("as of 2021-12-31"), "{out}");
    assert_eq!(out.matches("not comparable").count(), 4, "{out}");
    assert!(!out.contains("matched") && !out.contains("off by"), "{out}");
}

#[test]
fn as_of_without_register_is_refused() {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args([
            "check",
            "--sample",
            "balikpapan_statements",
            "--as-of",
            "2025-02-01",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--register"));
}
