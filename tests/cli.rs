//! The `koperasi` command on the two real files, as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/cli.rs"]
mod support;

use serde_json::Value;
use support::{BOGOR, JATIM, fails, json, koperasi, stdout};

#[test]
fn report_without_file_uses_the_embedded_east_java_panel() {
    let out = stdout(&["report"]);
    assert!(out.contains("embedded sample: Jawa Timur"));
    assert!(out.contains("Read: 798 rows, 798 accepted, 0 rejected"));
    // 2018-Q4 province totals, summed independently with python's csv module.
    assert!(out.contains("21,322") && out.contains("13,182") && out.contains("34,504"));
    assert!(out.contains("42,725"));
    assert!(out.contains("[implausible_swing]") && out.contains("762-799"));
    let md = stdout(&["report", "--format", "markdown"]);
    // In a markdown cell `>` is written `&gt;` (koperasi::io::safe::markdown_cell).
    assert!(md.contains("Kabupaten Mojokerto, total: 949 (2021-Q3) -&gt; 356 (2021-Q4) -&gt; 925"));
    assert!(md.contains("34,155 (2025-Q1) -&gt; 42,725 (2025-Q2), +25.1 %"));
}

#[test]
fn panel_report_as_json_has_the_figures_and_the_mojokerto_finding() {
    let v = json(&["report", JATIM, "--format", "json"]);
    assert_eq!(v["kind"], "panel");
    assert_eq!(v["read"]["rows_read"], 798);
    assert_eq!(v["regions"], 38);
    let periods = v["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 21);
    let first = &periods[0];
    assert_eq!(first["period"], "2018-Q4");
    assert_eq!(
        (
            first["aktif"].as_i64(),
            first["tidak_aktif"].as_i64(),
            first["total"].as_i64()
        ),
        (Some(21322), Some(13182), Some(34504))
    );
    let last = periods.last().unwrap();
    assert_eq!(
        (last["period"].as_str(), last["total"].as_i64()),
        (Some("2025-Q2"), Some(42725))
    );
    // 34,155 -> 42,725 is +8,570 (+25.09 %).
    assert_eq!(last["change"], 8570);
    assert!((last["pct_change"].as_f64().unwrap() - 25.0915).abs() < 1e-3);
    // CAGR of the total over 6.5 years: (42725/34504)^(1/6.5) - 1 = 3.3425 % (python).
    assert!((v["span"]["cagr_total"].as_f64().unwrap() - 3.342_476_691_9).abs() < 1e-6);
    let moj: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["code"] == "implausible_swing"
                && f["region"] == "Kabupaten Mojokerto"
                && f["measure"] == "total"
        })
        .collect();
    assert_eq!(moj.len(), 1);
    assert_eq!(moj[0]["lines"], serde_json::json!([207, 245, 283]));
    assert_eq!(moj[0]["values"], serde_json::json!([949, 356, 925]));
}

#[test]
fn register_report_on_the_bogor_file() {
    let v = json(&["report", BOGOR, "--as-of", "2022-08-15", "--format", "json"]);
    assert_eq!(v["kind"], "register");
    assert_eq!(v["records"], 398);
    let rows = v["counts"]["rows"].as_array().unwrap();
    let got: Vec<(String, u64)> = rows
        .iter()
        .map(|r| {
            (
                r[0][0].as_str().unwrap().to_string(),
                r[1].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("32.71.01 Bogor Selatan", 12),
        ("32.71.02 Bogor Timur", 21),
        ("32.71.03 Bogor Tengah", 127),
        ("32.71.04 Bogor Barat", 98),
        ("32.71.05 Bogor Utara", 39),
        ("32.71.06 Tanah Sareal", 101),
    ];
    assert_eq!(got, want.map(|(k, n)| (k.to_string(), n)).to_vec());
    assert_eq!(v["badan_hukum"]["ahu"], 68);
    assert_eq!(v["badan_hukum"]["with_number"], 398);
    // No RAT column: nobody is active or inactive; the 3 coops whose number states 2022 have
    // no RAT due yet as of 2022-08-15 (the RAT for book year 2022 is due 30 June 2023); for the
    // other 395 an RAT is due and the file does not say.
    assert_eq!(v["status_counts"]["active"], 0);
    assert_eq!(v["status_counts"]["inactive"], 0);
    assert_eq!(v["status_counts"]["not_yet_due"], 3);
    assert_eq!(v["status_counts"]["not_assessable"], 395);
    let reasons = v["reasons"].as_array().unwrap();
    assert!(reasons.iter().any(|r| r["status"] == "not_assessable"
        && r["code"] == "no_rat_history"
        && r["count"] == 395));
    assert_eq!(v["unresolved_regions"], serde_json::json!([]));
    assert_eq!(v["registrations"]["by_year"]["2017"], 46);
    // 11 shared badan hukum numbers + 2 shared names.
    assert_eq!(v["duplicates"].as_array().unwrap().len(), 13);
    let c = json(&["check", BOGOR, "--format", "json"]);
    assert_eq!(c["duplicates"].as_array().unwrap().len(), 13);
    assert_eq!(v["on_register"], 398);
}

#[test]
fn register_table_in_indonesian() {
    let out = stdout(&[
        "report",
        BOGOR,
        "--as-of",
        "15 Agustus 2022",
        "--locale",
        "id",
    ]);
    assert!(out.contains("Per tanggal: 15 Agustus 2022"));
    assert!(out.contains("32.71.03 Bogor Tengah"));
    assert!(
        out.contains("Tidak dapat dinilai") || out.contains("tidak dapat dinilai"),
        "{out}"
    );
    let panel = stdout(&["report", "--locale", "id"]);
    assert!(panel.contains("21.322") && panel.contains("34.504"));
}

#[test]
fn csv_output_is_a_real_csv() {
    let out = stdout(&["report", "--format", "csv"]);
    // The "Read as" statement comes first, as comment lines.
    assert!(
        out.starts_with("# read_as: a panel, one row per region and period"),
        "{out}"
    );
    let mut r = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(out.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header[..5],
        ["period", "regions", "aktif", "tidak_aktif", "total"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 21);
    assert_eq!(&rows[0][4], "34504");
}

#[test]
fn check_lists_bad_rows_with_lines() {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.csv");
    std::fs::write(&f, "nama;kecamatan;tanggal_bh\nKSP A;Bogor Barat;1/2/20245\n;Bogor Timur;\nKSP B;Tanah Sareal;6 Nop 2019\n").unwrap();
    let v = json(&["check", f.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["read"]["rows_read"], 3);
    assert_eq!(v["read"]["accepted"], 2);
    assert_eq!(v["read"]["rejected"][0]["line"], 3);
    assert_eq!(v["read"]["rejected"][0]["code"], "missing_name");
    assert_eq!(v["read"]["cell_errors"][0]["line"], 2);
    assert_eq!(v["read"]["cell_errors"][0]["value"], "1/2/20245");
    assert_eq!(v["read"]["cell_errors"][0]["code"], "date_invalid");
    // A register's check also lists its duplicate groups (none in this file).
    assert_eq!(v["duplicates"], serde_json::json!([]));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn wilayah_lookup() {
    let out = stdout(&["wilayah", "KAB. MOJOKERTO"]);
    assert!(out.contains("35.16") && out.contains("Kabupaten Mojokerto"));
    // the level is a label in the locale, not the snake_case code (the CSV/JSON keep the code)
    assert!(out.contains("Code") && out.contains("Level") && out.contains("Kabupaten/kota"));
    assert!(!out.contains("kabupaten_kota"), "{out}");
    let id = stdout(&["wilayah", "35.16.01", "--locale", "id"]);
    assert!(id.contains("Kode") && id.contains("Tingkat") && id.contains("Kecamatan"));
    assert!(!id.contains("kecamatan ") && !id.contains("level"), "{id}");
    let v = json(&["wilayah", "64.71", "--format", "json"]);
    assert_eq!(v[0]["code"], "64.71");
    assert_eq!(v[0]["name"], "Kota Balikpapan");
}

#[test]
fn bad_input_exits_2_with_one_line() {
    fails(&["report", "no-such-file.csv"], "cannot open");
    fails(
        &["report", "--as-of", "31/02/2024"],
        "day 31 does not exist",
    );
    fails(&["report", "--as-of", "1/2/20245"], "20245");
    fails(&["report", "--policy", "nope"], "neither a preset");
    fails(&["report", "--by", "nope"], "not a field");
    fails(&["wilayah", "zzzz-no-such-place"], "no region matches");
    let dir = std::env::temp_dir().join(format!("koperasi-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("x.csv");
    std::fs::write(&f, "foo,bar\n1,2\n").unwrap();
    fails(
        &["report", f.to_str().unwrap()],
        "cannot tell what this file is",
    );
    std::fs::remove_dir_all(&dir).unwrap();
    // clap's own argument errors also exit 2.
    assert_eq!(
        koperasi()
            .args(["report", "--format", "pdf"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn assess_lists_every_cooperative_with_its_reason() {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-assess-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("reg.csv");
    // As an office keeps it: `;`, a BOM, Indonesian headers, RAT columns per book year.
    std::fs::write(
        &f,
        "\u{feff}Nama Koperasi;Tanggal Badan Hukum;Kelurahan;Kecamatan;RAT 2022;RAT 2023;RAT 2024;Keterangan\n\
         KSP Maju;1 Februari 2010;Menteng;Bogor Barat;ya;20/04/2024;;\n\
         Kop Tidur;01/02/2010;;Tanah Sareal;tidak;tidak;tidak;pengurus pindah\n\
         Kop Baru;1 Maret 2025;;Bogor Timur;;;;\n",
    )
    .unwrap();
    let out = stdout(&[
        "assess",
        f.to_str().unwrap(),
        "--as-of",
        "1 Juli 2025",
        "--format",
        "csv",
    ]);
    let mut r = csv::Reader::from_reader(out.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let got: Vec<(&str, &str, &str, &str)> =
        rows.iter().map(|x| (&x[0], &x[2], &x[3], &x[5])).collect();
    assert_eq!(
        got,
        vec![
            ("2", "KSP Maju", "32.71.04 Bogor Barat", "active"),
            ("3", "Kop Tidur", "32.71.06 Tanah Sareal", "inactive"),
            ("4", "Kop Baru", "32.71.02 Bogor Timur", "not_yet_due"),
        ]
    );
    assert!(
        rows[1][6].starts_with("no_rat_within_window"),
        "{:?}",
        &rows[1]
    );
    // The kelurahan and the file's other columns come along.
    assert_eq!(&rows[0][4], "Menteng");
    assert_eq!(r.headers().unwrap().iter().next_back(), Some("Keterangan"));
    assert_eq!(&rows[1][11], "pengurus pindah");
    // The office policy needs 2023 and 2024: KSP Maju held none for 2024.
    let out = stdout(&[
        "assess",
        f.to_str().unwrap(),
        "--as-of",
        "1 Juli 2025",
        "--policy",
        "office",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["assessment"]["status"], "inactive");
    // The presets can be printed to copy and edit.
    let p: Value = serde_json::from_str(&stdout(&["policy", "office"])).unwrap();
    assert_eq!(
        (p["name"].as_str(), p["rat_window_years"].as_u64()),
        (Some("office"), Some(2))
    );
    let list = stdout(&["policy"]);
    assert!(list.contains("national") && list.contains("field_verification_first"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn misspelt_regions_get_suggestions() {
    fails(
        &["wilayah", "Balikpapn Selatan"],
        "did you mean 64.71.05 Balikpapan Selatan",
    );
    let dir = std::env::temp_dir().join(format!("koperasi-cli-typo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("typo.csv");
    std::fs::write(&f, "nama_koperasi,kab_kota,kecamatan\nA,Kota Balikpapan,Balikpapn Selatan\nB,Kota Balikpapan,Balikpapan Kota\n").unwrap();
    let v = json(&[
        "report",
        f.to_str().unwrap(),
        "--as-of",
        "2025-07-01",
        "--format",
        "json",
    ]);
    let u = &v["unresolved_regions"][0];
    assert_eq!(
        (u["name"].as_str(), u["count"].as_u64()),
        (Some("Balikpapn Selatan"), Some(1))
    );
    assert_eq!(u["suggestions"][0], "64.71.05 Balikpapan Selatan");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A file's control characters (terminal escape sequences) never reach the terminal raw in the
/// text formats, neither in tables nor in error messages; JSON keeps the value exact.
#[test]
fn escape_sequences_from_a_file_are_shown_escaped() {
    let dir = std::env::temp_dir().join(format!("koperasi-esc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cell = "\u{1b}]0;PWNED\u{7}\u{1b}[31mRED";
    let file = dir.join("esc.csv");
    std::fs::write(
        &file,
        format!("nama_koperasi,tanggal_badan_hukum\nKop A,{cell}\n"),
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let text = stdout(&["check", f]);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    assert!(text.contains(r"\u{1b}]0;PWNED\u{7}\u{1b}[31mRED"), "{text}");
    let j = json(&["check", f, "--format", "json"]);
    assert_eq!(j["read"]["cell_errors"][0]["value"], cell);
    // An error message quoting a header.
    let bad = dir.join("bad-header.csv");
    std::fs::write(&bad, "\u{1b}[2Jnama\u{1b}[31m;x\n1;2\n").unwrap();
    let out = koperasi()
        .args(["check", bad.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.contains('\u{1b}') && err.contains(r"\u{1b}[2J"),
        "{err}"
    );
}

/// A header with thousands of unknown columns is summarised, not listed in full.
#[test]
fn unknown_columns_are_summarised_past_thirty() {
    let dir = std::env::temp_dir().join(format!("koperasi-wide-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let extra: Vec<String> = (1..=5000).map(|i| format!("x{i}")).collect();
    let file = dir.join("wide.csv");
    std::fs::write(&file, format!("nama_koperasi,{}\nKop A\n", extra.join(","))).unwrap();
    let text = stdout(&["check", file.to_str().unwrap()]);
    let line = text
        .lines()
        .find(|l| l.starts_with("Columns not recognised"))
        .unwrap();
    assert!(line.contains("x30") && !line.contains("x31,"), "{line}");
    assert!(line.ends_with("... and 4,970"), "{line}");
}

#[test]
fn a_national_series_reads_as_national_and_provinces_not_summed() {
    let f = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/real/levels-bps-koperasi-aktif-nasional-2019-2021/koperasi_aktif_nasional_provinsi_2019_2021.csv"
    );
    let out = stdout(&["report", f]);
    assert!(
        out.starts_with("Read as: a panel, one row per region and period"),
        "{out}"
    );
    assert!(out.contains("1 national, 5 provinces"), "{out}");
    assert!(out.contains("123,048"), "{out}");
    assert!(!out.contains("178,862"), "{out}");
    assert!(out.contains("[partial_coverage]"), "{out}");
    assert!(!out.contains("not matched to a Kemendagri code"), "{out}");
    let out = stdout(&["report", f, "--format", "markdown", "--locale", "id"]);
    assert!(out.starts_with("Dibaca sebagai: panel"), "{out}");
    let out = stdout(&["report", f, "--format", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["read_as"]["totals"][0]["region"], "INDONESIA");
    assert_eq!(v["periods"][0]["aktif"], 123_048);
    let out = stdout(&["check", f]);
    assert!(out.starts_with("Read as: a panel"), "{out}");
}
