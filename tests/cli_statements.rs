//! `koperasi statements REGISTER --as-of DATE` and the funnel section of `koperasi report`, on
//! the real Gianyar register (tests/data/real/gianyar-koperasi-rat-terakhir/PROVENANCE.md: 20
//! coops, last RAT for book year 2020 for 7 of them, 6 with a valid NIK certificate).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const GIANYAR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv"
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

const BASE: [&str; 6] = [
    "statements",
    GIANYAR,
    "--as-of",
    "2022-05-15",
    "--data-as-of",
    "2022-05-15",
];

#[test]
fn statements_csv_is_the_set_to_publish() {
    let dir = std::env::temp_dir().join(format!("koperasi-statements-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("statements.csv");
    let mut args = BASE.to_vec();
    args.extend(["--said-on", "2022-06-01", "-o", path.to_str().unwrap()]);
    let (ok, _, err) = run(&args);
    assert!(ok, "{err}");
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "said_on,describes,region,definition,policy,book_year,breakdown,value,percent_of,stated_change,change_from,source,quote"
    );
    // New in 2022 counts only to 15 May: not published as the figure of 2022.
    assert_eq!(lines.len(), 1 + 7, "{text}");
    assert!(!text.contains(",2022,51.04"), "{text}");
    assert!(lines.contains(
        &"2022-06-01,2022-05-15,51.04 Kabupaten Gianyar,rat_held,,2020,,7,,,,koperasi: funnel of the register,"
    ));
    assert!(lines.contains(
        &"2022-06-01,2022-05-15,51.04 Kabupaten Gianyar,nik_certified,,,,6,,,,koperasi: funnel of the register,"
    ));
    // Nothing the register cannot support is published.
    assert!(!text.contains("identified") && !text.contains(",found,"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn statements_json_and_text_say_what_is_unknown() {
    let mut args = BASE.to_vec();
    args.extend(["--format", "json", "--by", "jenis", "--policy", "office"]);
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let figure = |code: &str| {
        v["funnel"]["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["definition"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(figure("inactive")["support"]["value"], 13);
    assert_eq!(figure("active")["support"]["value"], 0);
    assert_eq!(figure("identified")["support"]["kind"], "unsupported");
    assert_eq!(figure("rat_held")["basis"]["columns"][0], "tglRAT_terakhir");
    // Statements by jenis sum to the total.
    let sum: i64 = v["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["definition"] == "on_record" && !s["breakdown"].is_null())
        .map(|s| s["value"]["value"].as_i64().unwrap())
        .sum();
    assert_eq!(sum, 20);
    let mut args = BASE.to_vec();
    args.extend(["--locale", "id", "--format", "markdown"]);
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    assert!(out.contains("Sudah RAT (tahun buku 2020)"), "{out}");
    assert!(
        out.contains("tidak diketahui: register tidak memiliki kolom pembubaran"),
        "{out}"
    );
}

#[test]
fn report_shows_the_funnel() {
    let args = [
        "report",
        GIANYAR,
        "--as-of",
        "2022-05-15",
        "--data-as-of",
        "2022-05-15",
        "--format",
        "json",
    ];
    let (ok, out, err) = run(&args);
    assert!(ok, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let f = &v["funnel"];
    assert_eq!(f["region"], "51.04 Kabupaten Gianyar");
    assert_eq!(f["figures"][0]["support"]["value"], 20);
    let (ok, out, _) = run(&args[..6]);
    assert!(ok);
    assert!(
        out.contains("Published figures the register supports"),
        "{out}"
    );
}
