//! `koperasi demography` on the real Kota Bogor register (2022): births per founding year as
//! a Python reading of the file counts them, the population, and the chart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

const BOGOR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv"
);

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("koperasi")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn bogor_yearly_table_json() {
    let out = run(&[
        "demography",
        BOGOR,
        "--from",
        "2015",
        "--to",
        "2022",
        "--as-of",
        "2022-12-31",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // No RAT history in this register: the population is "registered".
    assert_eq!(v["population"], "registered");
    // Births by founding year, as counted independently with Python (the 4-digit year at the
    // end of nomor_bh, amendment (PAD) numbers excluded): 2016: 9, 2017: 46, 2018: 19,
    // 2019: 18, 2020: 20, 2021: 35, 2022: 3; none in 2015.
    // Registered population in 2015: the 58 founded by 2015 (Python: 4-digit year at the end
    // of nomor_bh, or a 2-digit year after a Roman month with pivot 45, PAD excluded). The 190
    // with no founding year count only from the as-of year 2022 (review finding 1): each
    // earlier year adds that year's births, and 2022 = 205 + 3 + 190 = all 398 records.
    let expect = [
        (2015, 0, 58),
        (2016, 9, 67),
        (2017, 46, 113),
        (2018, 19, 132),
        (2019, 18, 150),
        (2020, 20, 170),
        (2021, 35, 205),
        (2022, 3, 398),
    ];
    let years = v["years"].as_array().unwrap();
    assert_eq!(years.len(), expect.len());
    for (row, (y, b, a)) in years.iter().zip(expect) {
        assert_eq!(row["year"], y);
        assert_eq!(row["births"], b, "births {y}");
        assert_eq!(row["active"], a, "active {y}");
        assert_eq!(row["deaths"], 0, "no dissolution in the register");
    }
    // 2017: 46 births among 113 on the register = 40.7...%.
    let r = years[2]["rates"]["birth_rate"].as_f64().unwrap();
    assert!((r - 46.0 * 100.0 / 113.0).abs() < 1e-9);
    assert_eq!(v["unknown_founding"], 190);
    // Deaths are provisional for the last two years (window 2).
    assert_eq!(years[5]["provisional"], false);
    assert_eq!(years[6]["provisional"], true);
    // Cohort 2017: 46 births, all still on the register 5 years later (2022).
    let c2017 = &v["cohorts"][2];
    assert_eq!(c2017["births"], 46);
    assert_eq!(c2017["survivors"][4], 46);
    assert_eq!(
        v["cohorts"][3]["survivors"][4],
        Value::Null,
        "2023 not observed"
    );
    // Kaplan-Meier: no deaths, so S = 1 and the median is not reached.
    let km = &v["kaplan_meier"];
    assert_eq!(km["deaths"], 0);
    assert_eq!(km["median_years"], Value::Null);
    assert!(km["coops"].as_u64().unwrap() >= 197);
}

#[test]
fn bogor_table_csv_and_chart() {
    let dir = std::env::temp_dir().join(format!("koperasi-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let svg = dir.join("bogor.svg");
    let out = run(&[
        "demography",
        BOGOR,
        "--from",
        "2015",
        "--to",
        "2022",
        "--as-of",
        "2022-12-31",
        "--chart",
        svg.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Cohort survival") && text.contains("Kaplan-Meier"));
    // Review finding 1: the coops with no founding year are named in a note.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("note: 190 cooperative(s) have no founding year"),
        "{err}"
    );
    let chart = std::fs::read_to_string(&svg).unwrap();
    assert!(chart.starts_with("<svg") && chart.contains("Births and deaths per year"));
    assert!(chart.contains("Kaplan-Meier survival"));
    let out = run(&[
        "demography",
        BOGOR,
        "--from",
        "2016",
        "--to",
        "2017",
        "--as-of",
        "2022-12-31",
        "--format",
        "csv",
    ]);
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("section,years"));
    assert!(lines.next().unwrap().starts_with("year,active,births"));
    assert!(lines.next().unwrap().starts_with("2016,67,9,"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn from_after_to_is_refused() {
    let out = run(&[
        "demography",
        BOGOR,
        "--from",
        "2022",
        "--to",
        "2015",
        "--as-of",
        "2022-12-31",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("error: ") && err.contains("--from 2022"),
        "{err}"
    );
}

const OFFICE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/bad/office.xlsx"
);

/// Review findings 4-6: a workbook is read through the shared reader (sheet `Data`), the
/// rejected row and the unreadable cell are reported as `assess` does, and the text tables use
/// box drawing like the other commands.
#[test]
fn workbook_is_read_with_notes_and_box_tables() {
    let out = run(&[
        "demography",
        OFFICE,
        "--sheet",
        "Data",
        "--from",
        "2019",
        "--to",
        "2024",
        "--as-of",
        "2024-12-31",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8(out.stderr).unwrap();
    // tests/data/bad/README.md: row 11 (JUMLAH) rejected, cell D9 `1/2/20245` unreadable.
    assert!(
        err.contains("note: 1 row(s) could not be read; `koperasi check"),
        "{err}"
    );
    assert!(err.contains("1 cell(s) could not be read"), "{err}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // Two of the five accepted rows were founded on 2019-11-06 (text date and serial 43775).
    assert_eq!(v["years"][0]["year"], 2019);
    assert_eq!(v["years"][0]["births"], 2);
    let out = run(&[
        "demography",
        OFFICE,
        "--sheet",
        "2",
        "--from",
        "2019",
        "--to",
        "2024",
        "--as-of",
        "2024-12-31",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains('┌') && text.contains('╞'), "{text}");
    assert!(!text.contains("+---"), "{text}");
}

/// Review finding 3: `--as-of` is required (a register is a snapshot; the clock would make up
/// survival), years after it are refused by name, and a register without dissolution, RAT or
/// activity facts gets a note that deaths cannot be measured.
#[test]
fn as_of_required_and_later_years_refused() {
    let out = run(&["demography", BOGOR, "--from", "2020", "--to", "2022"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("demography needs --as-of"), "{err}");
    let out = run(&[
        "demography",
        BOGOR,
        "--from",
        "2020",
        "--to",
        "2026",
        "--as-of",
        "2022-12-31",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("years 2023-2026 are after the as-of date 2022-12-31"),
        "{err}"
    );
    let out = run(&[
        "demography",
        BOGOR,
        "--from",
        "2020",
        "--to",
        "2022",
        "--as-of",
        "2022-12-31",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("deaths and survival cannot be measured from it"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["deaths_measurable"], false);
}

/// Review finding 1: the 190 Bogor records with no founding year are not on the register in
/// 1900 (they count only from the as-of year), so nothing is active then.
#[test]
fn unknown_founding_not_counted_back_to_1900() {
    let out = run(&[
        "demography",
        BOGOR,
        "--from",
        "1900",
        "--to",
        "1902",
        "--as-of",
        "2022-12-31",
        "--format",
        "csv",
    ]);
    assert!(out.status.success());
    let csv = String::from_utf8(out.stdout).unwrap();
    for y in ["1900", "1901", "1902"] {
        assert!(csv.contains(&format!("\n{y},0,0,")), "{csv}");
    }
}

/// Review finding 2: book years before the first RAT column are unknown, not inactive. The
/// register of `tests/vectors/demography/report.json` (case "book years before the first RAT
/// column"): no reactivation in 2019, no death in 2016, 2018 counts P and R by the survivor
/// assumption, and the CLI names the incomplete years.
#[test]
fn years_before_first_rat_column_are_unknown() {
    let dir = std::env::temp_dir().join(format!("koperasi-demo-unknown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("rat_from_2018.csv");
    std::fs::write(
        &file,
        "nama_koperasi,tanggal_badan_hukum,rat_2018,rat_2019,rat_2020,rat_2021\n\
         Koperasi P,2016-03-01,2019-04-01,2020-04-01,2021-04-01,2022-04-01\n\
         Koperasi Q,2010-01-01,,,,\n\
         Koperasi R,2012-05-01,2019-03-01,,,\n\
         Koperasi S,2015-02-01,,,,\n",
    )
    .unwrap();
    let out = run(&[
        "demography",
        file.to_str().unwrap(),
        "--from",
        "2016",
        "--to",
        "2021",
        "--as-of",
        "2022-12-31",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("note: incomplete years 2016, 2017, 2018, 2019, 2020, 2021"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let years = v["years"].as_array().unwrap();
    let col = |k: &str| -> Vec<u64> { years.iter().map(|y| y[k].as_u64().unwrap()).collect() };
    assert_eq!(col("active"), [3, 2, 2, 2, 2, 2]);
    assert_eq!(col("reactivations"), [0; 6]);
    assert_eq!(col("deaths"), [0; 6]);
    assert_eq!(col("assumed_active"), [1, 1, 2, 0, 0, 0]);
    assert_eq!(col("deaths_undetermined"), [1, 0, 0, 0, 0, 0]);
    assert_eq!(
        v["cohorts"][0]["survivors"],
        serde_json::json!([1, 1, 1, 1, 1])
    );
    std::fs::remove_dir_all(&dir).ok();
}
