//! What an officer hands on: the Excel CSV of `--locale id`, `--format xlsx` workbooks (read
//! back with calamine) and `report --chart` SVGs (parsed with quick-xml), on the two real
//! sample files (East Java panel, Kota Bogor register) and the SHU example, whose figures the
//! other CLI tests already establish independently.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx};
use std::path::PathBuf;

const BOGOR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv"
);
const JATIM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../koperasi/data/samples/jatim-koperasi-kabkota-quarterly/koperasi_jatim_kabkota_2018Q4_2025Q2.csv"
);
const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/shu/plan.toml");
const MEMBERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/shu/members.csv"
);

fn run(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("koperasi")
        .unwrap()
        .args(args)
        .output()
        .unwrap()
}

fn stdout_bytes(args: &[&str]) -> Vec<u8> {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A fresh file path in a directory of this test process.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Run a command with `--format xlsx -o FILE` and open the workbook.
fn workbook(args: &[&str], name: &str) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let path = temp(name);
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "xlsx", "-o", path.to_str().unwrap()]);
    let out = run(&all);
    assert!(
        out.status.success(),
        "{all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout with -o");
    calamine::open_workbook(&path).unwrap()
}

/// The sheet whose name starts with `name` (long titles are cut to 31 characters).
fn sheet(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Vec<Data>> {
    let full = wb
        .sheet_names()
        .into_iter()
        .find(|n| n.starts_with(name))
        .unwrap_or_else(|| panic!("no sheet {name}"));
    let range = wb.worksheet_range(&full).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        other => panic!("not text: {other:?}"),
    }
}

fn num(d: &Data) -> f64 {
    match d {
        Data::Float(x) => *x,
        Data::Int(n) => *n as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn csv_in_indonesian_is_an_excel_csv() {
    let out = stdout_bytes(&["report", JATIM, "--format", "csv", "--locale", "id"]);
    assert!(
        out.starts_with(b"\xef\xbb\xbf# dibaca_sebagai: "),
        "BOM first"
    );
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.split('\n').skip(1);
    assert_eq!(
        lines.next().unwrap(),
        "Periode;Jumlah wilayah;Aktif;Tidak aktif;Jumlah;Perubahan;% perubahan;% aktif;Wilayah dijumlahkan;Baris jumlah (tidak dijumlahkan);Sebanding"
    );
    // 2018-Q4 province totals (tests/cli.rs: summed with python's csv module); the share
    // active 21322 / 34504 = 61.7957 % with a decimal comma; the first period is comparable.
    assert_eq!(
        lines.next().unwrap(),
        "2018-Q4;38;21322;13182;34504;;;61,7957;38;0;ya"
    );
    // The last period: 42,725, +25.09 % on 34,155 (8570 / 34155 = 25.0915 %).
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with("2025-Q2;") && last.contains(";42725;8570;25,0915;"),
        "{last}"
    );
}

#[test]
fn csv_in_english_is_unchanged() {
    let out = stdout_bytes(&["report", JATIM, "--format", "csv"]);
    assert!(out.starts_with(b"# read_as: a panel"));
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains('\r') && !text.contains('\u{feff}'));
    assert!(text.contains("\nperiod,regions,aktif,tidak_aktif,total,change,pct_change,active_share,summed,total_rows,comparable\n2018-Q4,38,21322,13182,34504,,,61.7957,38,0,true\n"));
}

#[test]
fn assess_csv_in_indonesian_has_indonesian_statuses() {
    let out = stdout_bytes(&[
        "assess",
        BOGOR,
        "--as-of",
        "2022-08-15",
        "--format",
        "csv",
        "--locale",
        "id",
    ]);
    assert!(out.starts_with(
        b"\xef\xbb\xbfBaris;ID sumber;Nama;Wilayah;Desa/kelurahan;Status;Kode alasan;"
    ));
    let text = String::from_utf8(out).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let status = r
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "Status")
        .unwrap();
    let mut counts = std::collections::BTreeMap::new();
    for row in r.records() {
        *counts.entry(row.unwrap()[status].to_string()).or_insert(0) += 1;
    }
    // tests/cli.rs: 3 not yet due, 395 not assessable (no RAT column) as of 2022-08-15.
    assert_eq!(counts["Belum Dinilai"], 3);
    assert_eq!(counts["Tidak Dapat Dinilai"], 395);
    assert_eq!(counts.len(), 2);
    // Counts by status: the status keys are labels too.
    let by = String::from_utf8(stdout_bytes(&[
        "report",
        BOGOR,
        "--as-of",
        "2022-08-15",
        "--by",
        "status",
        "--format",
        "csv",
        "--locale",
        "id",
    ]))
    .unwrap();
    assert_eq!(
        by,
        "\u{feff}Status;Jumlah\nTidak Dapat Dinilai;395\nBelum Dinilai;3\n"
    );
}

#[test]
fn xlsx_of_the_panel_report() {
    let mut wb = workbook(&["report", JATIM], "jatim.xlsx");
    let names = wb.sheet_names();
    assert_eq!(names[0], "Notes");
    assert_eq!(names[1], "Totals per period");
    let notes = sheet(&mut wb, "Notes");
    assert_eq!(text(&notes[0][0]), "Item");
    assert!(notes.iter().any(|r| text(&r[0]) == "Source"
        && text(&r[1]).contains("koperasi_jatim_kabkota_2018Q4_2025Q2.csv")));
    assert!(notes.iter().any(|r| text(&r[0]) == "Read as"
        && text(&r[1]).starts_with("a panel, one row per region and period")));
    // The growth over the span, as the text report gives it (34,504 -> 42,725 over 6.5 years).
    let growth: Vec<String> = notes
        .iter()
        .filter(|r| text(&r[0]) == "Growth over the span")
        .map(|r| text(&r[1]))
        .collect();
    assert_eq!(growth[0], "2018-Q4 -> 2025-Q2 (6.5 years)");
    assert!(
        growth[1].starts_with("Total: 34,504 -> 42,725, CAGR "),
        "{growth:?}"
    );
    let t = sheet(&mut wb, "Totals per period");
    assert_eq!(text(&t[0][3]), "Aktif");
    assert_eq!(text(&t[1][0]), "2018-Q4");
    assert_eq!(
        [num(&t[1][1]), num(&t[1][3]), num(&t[1][4]), num(&t[1][5])],
        [38.0, 21322.0, 13182.0, 34504.0]
    );
    let last = t.last().unwrap();
    assert_eq!(text(&last[0]), "2025-Q2");
    assert_eq!((num(&last[5]), num(&last[6])), (42725.0, 8570.0));
    // The Mojokerto swing of tests/cli.rs is a finding.
    let f = sheet(&mut wb, "Findings");
    // The findings of tests/cli.rs: the Mojokerto swing, the jump of the last period.
    assert!(
        f.iter()
            .any(|r| text(&r[2]) == "implausible_swing" && text(&r[3]) == "20, 58, 96")
    );
    assert!(
        f.iter()
            .any(|r| text(&r[2]) == "large_change_at_end" && text(&r[3]) == "762-799")
    );
}

#[test]
fn xlsx_of_the_register_report_in_indonesian() {
    let mut wb = workbook(
        &["report", BOGOR, "--as-of", "2022-08-15", "--locale", "id"],
        "bogor.xlsx",
    );
    let names = wb.sheet_names();
    assert_eq!(names[0], "Catatan");
    assert!(
        names.contains(&"Jumlah menurut Kecamatan".to_string()),
        "{names:?}"
    );
    let notes = sheet(&mut wb, "Catatan");
    assert!(
        notes
            .iter()
            .any(|r| text(&r[0]) == "Per tanggal" && text(&r[1]) == "15 Agustus 2022")
    );
    assert!(
        notes
            .iter()
            .any(|r| text(&r[0]) == "Kebijakan" && text(&r[1]).starts_with("nasional"))
    );
    // tests/cli.rs: 398 with a number, 68 in the AHU form.
    assert!(notes.iter().any(|r| text(&r[0]) == "Nomor badan hukum"
        && text(&r[1]).starts_with("398 ada nomor, 0 tanpa nomor; 68 bentuk AHU")));
    let c = sheet(&mut wb, "Jumlah menurut Kecamatan");
    let got: Vec<(String, f64)> = c
        .iter()
        .skip(1)
        .map(|r| (text(&r[0]), num(&r[1])))
        .collect();
    let want = [
        ("32.71.01 Bogor Selatan", 12.0),
        ("32.71.02 Bogor Timur", 21.0),
        ("32.71.03 Bogor Tengah", 127.0),
        ("32.71.04 Bogor Barat", 98.0),
        ("32.71.05 Bogor Utara", 39.0),
        ("32.71.06 Tanah Sareal", 101.0),
        ("Jumlah", 398.0),
    ];
    assert_eq!(got, want.map(|(k, n)| (k.to_string(), n)).to_vec());
    let s = sheet(&mut wb, "Status");
    assert_eq!(text(&s[1][0]), "Belum Dinilai");
    assert_eq!(num(&s[1][2]), 3.0);
    assert_eq!(text(&s[2][0]), "Tidak Dapat Dinilai");
    assert_eq!(num(&s[2][2]), 395.0);
    let reg = sheet(&mut wb, "Pengesahan badan hukum");
    assert!(
        reg.iter()
            .any(|r| matches!(r[0], Data::Float(y) if y == 2017.0) && num(&r[1]) == 46.0)
    );
    // 11 shared badan hukum numbers + 2 shared names (tests/cli.rs).
    let d = sheet(&mut wb, "Kemungkinan duplikat");
    assert_eq!(d.len(), 1 + 13);
}

#[test]
fn xlsx_of_assess_and_check() {
    let mut wb = workbook(&["assess", BOGOR, "--as-of", "2022-08-15"], "assess.xlsx");
    let s = sheet(&mut wb, "Status");
    assert_eq!(s.len(), 1 + 398);
    assert_eq!(text(&s[0][5]), "Status");
    let statuses: Vec<String> = s.iter().skip(1).map(|r| text(&r[5])).collect();
    assert_eq!(statuses.iter().filter(|x| *x == "Not yet due").count(), 3);
    assert_eq!(
        statuses.iter().filter(|x| *x == "Not assessable").count(),
        395
    );
    // Lines are numbers, the first record on line 2.
    assert_eq!(num(&s[1][0]), 2.0);
    let mut wb = workbook(&["check", BOGOR], "check.xlsx");
    let d = sheet(&mut wb, "Possible duplicates");
    assert_eq!(d.len(), 1 + 13);
}

#[test]
fn xlsx_of_shu_has_the_amounts_to_the_sen() {
    let json = stdout_bytes(&[
        "shu",
        "--plan",
        PLAN,
        "--members",
        MEMBERS,
        "--shu",
        "60000000",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let mut wb = workbook(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            MEMBERS,
            "--shu",
            "60000000",
        ],
        "shu.xlsx",
    );
    let m = sheet(&mut wb, "Members");
    let total_col = m[0].iter().position(|h| text(h) == "total (Rp)").unwrap();
    let members = v["members"].as_array().unwrap();
    assert_eq!(m.len(), 1 + members.len());
    for (row, want) in m.iter().skip(1).zip(members) {
        assert_eq!(text(&row[0]), want["member_id"].as_str().unwrap());
        let sen = (num(&row[total_col]) * 100.0).round() as i64;
        assert_eq!(sen, want["total"].as_i64().unwrap(), "{:?}", row[0]);
    }
    // A-001 gets 8,681,588.16 (tests/cli_shu.rs, reference.py).
    assert_eq!(num(&m[1][total_col]), 8_681_588.16);
}

#[test]
fn xlsx_of_demography() {
    let mut wb = workbook(
        &[
            "demography",
            BOGOR,
            "--from",
            "2015",
            "--to",
            "2022",
            "--as-of",
            "2022-12-31",
        ],
        "demo.xlsx",
    );
    let y = sheet(&mut wb, "years");
    assert_eq!(text(&y[0][2]), "births");
    // Births per founding year, as tests/cli_demography.rs counts them with Python.
    let births: Vec<f64> = y.iter().skip(1).map(|r| num(&r[2])).collect();
    assert_eq!(births, [0.0, 9.0, 46.0, 19.0, 18.0, 20.0, 35.0, 3.0]);
    assert!(wb.sheet_names().contains(&"cohorts".to_string()));
}

#[test]
fn xlsx_needs_a_file_and_text_never_becomes_a_formula() {
    let out = run(&["report", "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("give the file with -o"), "{err}");
    let f = temp("evil.csv");
    std::fs::write(
        &f,
        "nama_koperasi,kecamatan,nomor_badan_hukum\n\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",Bogor Barat,518/12/BH/2017\n@SUM(1+1),Bogor Timur,\n<script>alert(1)</script>,Bogor Tengah,\n",
    )
    .unwrap();
    let mut wb = workbook(
        &["assess", f.to_str().unwrap(), "--as-of", "2022-08-15"],
        "evil.xlsx",
    );
    let s = sheet(&mut wb, "Status");
    assert_eq!(text(&s[1][2]), "=HYPERLINK(\"http://x\",\"klik\")");
    assert_eq!(text(&s[2][2]), "@SUM(1+1)");
    let formulas = wb.worksheet_formula("Status").unwrap();
    assert!(
        formulas.cells().all(|(_, _, f)| f.is_empty()),
        "no formula cell"
    );
}

/// The text nodes of an SVG, which must parse as XML.
fn svg_texts(path: &std::path::Path) -> Vec<String> {
    let xml = std::fs::read_to_string(path).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Text(t) => {
                let s = t.decode().unwrap();
                let s = quick_xml::escape::unescape(&s).unwrap().trim().to_string();
                if !s.is_empty() {
                    out.push(s);
                }
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn report_charts_are_svg_with_labels_and_values() {
    let path = temp("jatim.svg");
    stdout_bytes(&[
        "report",
        JATIM,
        "--chart",
        path.to_str().unwrap(),
        "--locale",
        "id",
    ]);
    let texts = svg_texts(&path);
    for want in [
        "Jumlah per periode",
        "Aktif / Tidak aktif",
        "Aktif",
        "Tidak aktif",
        "TW IV 2018",
        "TW II 2025",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want} in {texts:?}");
    }
    let path = temp("bogor.svg");
    stdout_bytes(&[
        "report",
        BOGOR,
        "--as-of",
        "2022-08-15",
        "--by",
        "kecamatan,status",
        "--chart",
        path.to_str().unwrap(),
    ]);
    let texts = svg_texts(&path);
    for want in [
        "Counts by Kecamatan x Status",
        "32.71.03 Bogor Tengah",
        "127",
        "Not assessable",
        "395",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want} in {texts:?}");
    }
}

#[test]
fn html_is_one_printable_page_with_the_charts_inline() {
    let path = temp("jatim.html");
    stdout_bytes(&[
        "report",
        JATIM,
        "--format",
        "html",
        "-o",
        path.to_str().unwrap(),
    ]);
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("@media print") && page.contains("<svg"));
    assert!(page.contains("<h2>Totals per period</h2>"));
    // 2018-Q4: 34,504 coops (tests/cli.rs), with English separators.
    assert!(page.contains("<td class=\"n\">34,504</td>"));
    assert!(!page.contains("<script") && !page.contains("src=\"http"));
    // Years are not numbers with separators: 46 registrations in 2017 (tests/cli.rs).
    let page = String::from_utf8(stdout_bytes(&[
        "report",
        BOGOR,
        "--as-of",
        "2022-08-15",
        "--locale",
        "id",
        "--format",
        "html",
    ]))
    .unwrap();
    assert!(page.contains("<td class=\"n\">2017</td><td class=\"n\">46</td>"));
    assert!(page.contains("<td class=\"n\">398</td>"));
    let f = temp("evil-html.csv");
    std::fs::write(
        &f,
        "nama_koperasi,kecamatan\n<script>alert(1)</script>,Bogor Tengah\n",
    )
    .unwrap();
    let html = String::from_utf8(stdout_bytes(&[
        "assess",
        f.to_str().unwrap(),
        "--as-of",
        "2022-08-15",
        "--format",
        "html",
        "--locale",
        "id",
    ]))
    .unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script"));
    assert!(html.contains("<h1>Status koperasi</h1>"));
}

/// The text of one part of an XLSX file (a zip of XML parts).
fn part(path: &std::path::Path, name: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn xlsx_sheets_have_frozen_headers_widths_and_indonesian_formats() {
    // The BPS table of the ten provinces with most active coops in 2024 (PROVENANCE.md: their
    // sum is 38.538).
    let bps = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/real/bps-koperasi-aktif-provinsi-2024/bps-koperasi-aktif-provinsi-2024.csv"
    );
    let path = temp("bps.xlsx");
    let out = run(&[
        "report",
        bps,
        "--period",
        "2024",
        "--locale",
        "id",
        "--format",
        "xlsx",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut wb: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let t = sheet(&mut wb, "Jumlah per periode");
    assert_eq!(text(&t[1][0]), "2024");
    assert_eq!((num(&t[1][1]), num(&t[1][3])), (10.0, 38538.0));
    // Sheet 2 (the totals): header row frozen, column widths set.
    let xml = part(&path, "xl/worksheets/sheet2.xml");
    assert!(
        xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#),
        "{xml}"
    );
    assert!(xml.contains("<cols>") && xml.contains("customWidth=\"1\""));
    // Number formats with the Indonesian locale tag.
    let styles = part(&path, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="[$-421]#,##0""#), "{styles}");
    // The charts Excel draws from the totals: a line of the total, stacked aktif / tidak aktif.
    let jatim = temp("jatim-id.xlsx");
    stdout_bytes(&[
        "report",
        JATIM,
        "--locale",
        "id",
        "--format",
        "xlsx",
        "-o",
        jatim.to_str().unwrap(),
    ]);
    let line = part(&jatim, "xl/charts/chart1.xml");
    assert!(line.contains("<c:lineChart>"));
    assert!(
        line.contains("<c:f>'Jumlah per periode'!$F$2:$F$22</c:f>"),
        "{line}"
    );
    let bars = part(&jatim, "xl/charts/chart2.xml");
    assert!(bars.contains(r#"<c:grouping val="stacked"/>"#));
    assert!(bars.contains("<c:f>'Jumlah per periode'!$D$1</c:f>"));
    assert!(bars.contains("<c:f>'Jumlah per periode'!$E$2:$E$22</c:f>"));
    assert!(part(&jatim, "xl/styles.xml").contains(r#"formatCode="[$-421]0.00""#));
    // The same table as an Excel CSV.
    let csv = String::from_utf8(stdout_bytes(&[
        "report", bps, "--period", "2024", "--locale", "id", "--format", "csv",
    ]))
    .unwrap();
    assert!(csv.ends_with("\n2024;10;38538;;;;;;10;0;ya\n"), "{csv}");
}

#[test]
fn html_of_shu_and_demography() {
    let page = String::from_utf8(stdout_bytes(&[
        "shu",
        "--plan",
        PLAN,
        "--members",
        MEMBERS,
        "--shu",
        "60000000",
        "--format",
        "html",
    ]))
    .unwrap();
    // A-001 gets Rp 8.681.588,16 (tests/cli_shu.rs, reference.py).
    assert!(
        page.contains("<td>A-001</td>") && page.contains("Rp 8.681.588,16"),
        "{page}"
    );
    let page = String::from_utf8(stdout_bytes(&[
        "demography",
        BOGOR,
        "--from",
        "2015",
        "--to",
        "2022",
        "--as-of",
        "2022-12-31",
        "--format",
        "html",
    ]))
    .unwrap();
    assert!(page.contains("<svg") && page.contains("Births and deaths per year"));
    assert!(page.contains("<h2>years</h2>"));
}

#[test]
fn a_chart_of_figures_the_file_lacks_is_left_out() {
    // The SIPD table of Kota Gorontalo gives aktif and tidak aktif, no total measure.
    let sipd = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/real/sipd-gorontalo-koperasi/sipd-gorontalo-koperasi.csv"
    );
    let path = temp("sipd.svg");
    stdout_bytes(&["report", sipd, "--chart", path.to_str().unwrap()]);
    let texts = svg_texts(&path);
    assert!(
        texts.iter().any(|t| t == "Aktif / Tidak aktif"),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t == "Totals per period"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "2014") && texts.iter().any(|t| t == "2018"));
    // One period only (Kemenkop, 31 December 2014: 147,249 active, PROVENANCE.md): its bar is
    // drawn, as high as 147,249 on the axis.
    let kemenkop = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/real/kemenkop-koperasi-aktif-rat-2014/kemenkop-koperasi-aktif-rat-2014.csv"
    );
    let path = temp("kemenkop.svg");
    stdout_bytes(&[
        "report",
        kemenkop,
        "--period",
        "2014-12-31",
        "--chart",
        path.to_str().unwrap(),
    ]);
    let svg = std::fs::read_to_string(&path).unwrap();
    let widths: Vec<i64> = svg
        .split("<rect ")
        .filter(|r| r.contains(r##"fill="#2E7D32""##))
        .filter_map(|r| r.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
        .collect();
    // The legend's swatch (10 px) and the bar, wide across its half of the chart.
    assert!(widths.iter().any(|w| *w > 100), "{widths:?}");
}

#[test]
fn check_csv_in_indonesian_names_the_problems_in_indonesian() {
    let f = temp("bad.csv");
    std::fs::write(
        &f,
        "nama;kecamatan;tanggal_bh\nKSP A;Bogor Barat;1/2/20245\n;Bogor Timur;\nKSP B;Bogor Tngah;6 Nop 2019\n",
    )
    .unwrap();
    let out = String::from_utf8(stdout_bytes(&[
        "check",
        f.to_str().unwrap(),
        "--format",
        "csv",
        "--locale",
        "id",
    ]))
    .unwrap();
    let want = "\u{feff}Jenis masalah;Baris;Kolom;Nilai;Kode;Alasan\n\
        baris ditolak;3;nama;;missing_name;nama koperasi kosong\n\
        sel tak terbaca;2;tanggal_bh;1/2/20245;date_invalid;tanggal tidak mungkin\n\
        wilayah tak dikenal;;kecamatan;Bogor Tngah;wilayah_not_found;\"1 data menyebut wilayah yang tidak cocok dengan kode Kemendagri; mungkin maksudnya 32.71.03 Bogor Tengah?\"\n";
    assert_eq!(out, want);
}
