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

/// `koperasi report FILE --compare ...` on the same register (same as-of date and policies).
fn report(extra: &[&str]) -> String {
    let mut args = vec![
        "report",
        REGISTER,
        "--as-of",
        "2025-07-01",
        "--compare",
        "national,office,permenkop_25_2015",
    ];
    args.extend_from_slice(extra);
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn report_json_has_the_comparison_with_the_pandas_figures() {
    let v: Value = serde_json::from_str(&report(&["--format", "json"])).unwrap();
    let c = &v["policy_comparison"];
    let active: Vec<u64> = c["policies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["counts"]["active"].as_u64().unwrap())
        .collect();
    assert_eq!(active, [85, 35, 20]);
    let changed: Vec<u64> = c["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["changed"].as_u64().unwrap())
        .collect();
    assert_eq!(changed, [50, 65, 18]);
    // The report's own status counts (policy national) are the first column.
    assert_eq!(v["status_counts"], c["policies"][0]["counts"]);
    // The largest group national -> permenkop_25_2015 (expected.json): 27 coops.
    assert_eq!(c["pairs"][1]["changes"][0]["count"], 27);
    assert_eq!(c["pairs"][1]["changes"][0]["rat_held"], 2);
}

#[test]
fn report_without_compare_has_no_comparison_key() {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args([
            "report",
            REGISTER,
            "--as-of",
            "2025-07-01",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.get("policy_comparison").is_none());
}

#[test]
fn report_table_shows_the_largest_groups_with_their_reasons() {
    let out = report(&[]);
    assert!(out.contains("Counts under each policy"), "{out}");
    assert!(
        out.contains("Changes: national -> permenkop_25_2015"),
        "{out}"
    );
    assert!(
        out.contains("same status: 55 · changed status: 65"),
        "{out}"
    );
    // 8 groups for this pair, 5 shown; 5 of 7 for national -> office; all 5 for the last.
    assert!(
        out.contains("Groups shown (largest first): 5 of 8"),
        "{out}"
    );
    assert!(
        out.contains("Groups shown (largest first): 5 of 7"),
        "{out}"
    );
    assert_eq!(out.matches("Groups shown").count(), 2, "{out}");
    let section = out
        .split("Changes: national -> permenkop_25_2015")
        .nth(1)
        .unwrap();
    let first_row = section
        .lines()
        .find(|l| l.contains("RAT held for"))
        .unwrap();
    assert!(first_row.contains("27"), "{first_row}");
    assert!(
        first_row.contains("RAT held for 2 of the last 3 book years"),
        "{first_row}"
    );
    // The comparison comes with the rest of the report.
    assert!(out.contains("Registrations by year"), "{out}");
}

#[test]
fn report_markdown_in_indonesian() {
    let out = report(&["--format", "markdown", "--locale", "id"]);
    assert!(out.contains("## Jumlah menurut setiap kebijakan"), "{out}");
    assert!(
        out.contains("## Perubahan: national -> permenkop_25_2015"),
        "{out}"
    );
    assert!(
        out.contains("status sama: 55 · status berubah: 65"),
        "{out}"
    );
    assert!(
        out.contains("Kelompok yang ditampilkan (terbesar dahulu): 5 dari 8"),
        "{out}"
    );
}

#[test]
fn report_and_assess_workbooks_have_the_comparison_sheets() {
    use calamine::{Reader, Xlsx};
    let dir = std::env::temp_dir().join(format!("koperasi-cmp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("report.xlsx");
    report(&["--format", "xlsx", "-o", path.to_str().unwrap()]);
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let names = wb.sheet_names();
    assert!(
        names.contains(&"Counts under each policy".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"national -> permenkop_25_2015".to_string()),
        "{names:?}"
    );
    let counts = wb.worksheet_range("Counts under each policy").unwrap();
    // Row 1 (after the header): Active 85, 35, 20.
    let row: Vec<String> = counts
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(row, ["Active", "85", "35", "20"]);
    let changes = wb.worksheet_range("national -> permenkop_25_2015").unwrap();
    assert_eq!(changes.rows().count(), 1 + 5);
    assert_eq!(changes.rows().nth(1).unwrap()[0].to_string(), "27");
    let path = dir.join("assess.xlsx");
    let out = run(&["--format", "xlsx", "-o", path.to_str().unwrap()]);
    assert!(out.status.success());
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    // Every group of the pair, with the lines of its coops.
    let changes = wb.worksheet_range("national -> permenkop_25_2015").unwrap();
    assert_eq!(changes.rows().count(), 1 + 8);
    let total: f64 = changes
        .rows()
        .skip(1)
        .map(|r| r[0].to_string().parse::<f64>().unwrap())
        .sum();
    assert_eq!(total, 65.0);
    let cross = wb.worksheet_range("national x permenkop_25_2015").unwrap();
    assert!(cross.rows().count() > 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn report_compare_on_a_panel_is_refused() {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(["report", "--compare", "national,office"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--compare is for registers"), "{err}");
}

#[test]
fn report_compare_as_csv_points_to_assess() {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args([
            "report",
            REGISTER,
            "--compare",
            "national,office",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("koperasi assess FILE --compare"), "{err}");
}
