//! Every command x every output format on files full of hostile cells (formulas, terminal
//! escapes, bidi overrides, markdown and HTML): no output cell starts a live formula, no raw
//! control or bidi character reaches stdout or stderr, markdown tables keep their shape, and
//! JSON keeps the exact values. The rule lives in `koperasi::io::safe`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/shu/plan.toml");

/// A register whose every kind of cell is hostile. `'=1+1` is read as `=1+1` (the reader
/// removes the escape) and must be written out escaped again.
fn register_rows() -> Vec<[&'static str; 6]> {
    vec![
        [
            "id_koperasi",
            "nama_koperasi",
            "kecamatan",
            "tanggal_badan_hukum",
            "RAT 2023",
            "keterangan",
        ],
        [
            "1",
            "=HYPERLINK(\"http://x\",\"klik\")",
            "@SUM(1+1)",
            "2019-05-01",
            "ya",
            "'=1+1",
        ],
        [
            "2",
            "=1+1",
            "\u{1b}[2JBogor\u{202e}",
            "\u{1b}]0;x\u{7}",
            "ya",
            "-5",
        ],
        ["3", "-5", "Bogor|Utara<script>", "+1", "tidak", "\t=1"],
        ["-1+1", "+62 Koperasi", "a`b`", "2020-01-02", "ya", "\r=1+1"],
        [
            "5",
            "\u{202e}KSP\u{200f}\u{85}",
            "Bogor Utara",
            "2018-03-04",
            "ya",
            "@x",
        ],
        [
            "6",
            "=1+1",
            "Bogor Utara",
            "2018-03-04",
            "ya",
            "a\u{1b}[31m\r\nb",
        ],
        [
            "7",
            "KSP\tTab\rCR",
            "\u{2066}x\u{2069}",
            "2017-01-01",
            "ya",
            "ok",
        ],
    ]
}

fn panel_rows() -> Vec<[&'static str; 5]> {
    let h = [
        "KABUPATEN / KOTA",
        "PERIODE UPDATE",
        "JUMLAH KOPERASI AKTIF",
        "JUMLAH KOPERASI TIDAK AKTIF",
        "JUMLAH KOPERASI TOTAL",
    ];
    let mut rows = vec![h];
    for (region, a, b) in [
        (
            "=HYPERLINK(\"http://x\",\"klik\")",
            ["10", "2", "12"],
            ["5", "1", "6"],
        ),
        (
            "\u{1b}[2JKab\u{202e} X",
            ["20", "5", "25"],
            ["40", "5", "45"],
        ),
        ("Kota|<b>Bogor</b>`", ["7", "1", "8"], ["9", "1", "10"]),
        (
            "Kabupaten Pacitan",
            ["436", "116", "552"],
            ["440", "110", "550"],
        ),
    ] {
        rows.push([region, "2018-Q4", a[0], a[1], a[2]]);
        rows.push([region, "2019-Q4", b[0], b[1], b[2]]);
    }
    rows
}

fn member_rows() -> Vec<[&'static str; 9]> {
    vec![
        [
            "No Anggota",
            "Nama",
            "Tanggal Masuk",
            "Tanggal Keluar",
            "Simpanan Pokok",
            "Simpanan Wajib",
            "Simpanan Sukarela",
            "Pembelian",
            "Jasa Pinjaman",
        ],
        [
            "=1+1",
            "\u{1b}[2J\u{202e}Nama",
            "12 Januari 2015",
            "",
            "100.000",
            "2.400.000",
            "",
            "18.500.000",
            "1.200.000",
        ],
        [
            "-5",
            "@SUM(1+1)",
            "3/4/2016",
            "",
            "100.000",
            "2.100.000",
            "",
            "12.250.000",
            "850.000",
        ],
        [
            "A|3",
            "<b>x</b>\t=2",
            "3/4/2016",
            "",
            "100.000",
            "1.000.000",
            "",
            "2.000.000",
            "0",
        ],
    ]
}

fn write_csv<const N: usize>(path: &Path, rows: &[[&str; N]]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    for r in rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
}

struct Files {
    dir: PathBuf,
    register: String,
    panel: String,
    members: String,
}

fn files(tag: &str) -> Files {
    let dir = std::env::temp_dir().join(format!("koperasi-safety-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let register = dir.join("register.csv");
    write_csv(&register, &register_rows());
    let panel = dir.join("panel.csv");
    write_csv(&panel, &panel_rows());
    let members = dir.join("members.csv");
    write_csv(&members, &member_rows());
    let s = |p: PathBuf| p.to_str().unwrap().to_string();
    Files {
        register: s(register),
        panel: s(panel),
        members: s(members),
        dir,
    }
}

/// A character no output may carry raw: a control character other than the line feed, or a
/// bidirectional formatting character.
fn raw_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// A cell a spreadsheet would run: it starts with `=`, `+`, `@`, tab or CR, or with `-`
/// without being a plain negative number.
fn live_formula(cell: &str) -> bool {
    let plain_negative = cell.strip_prefix('-').is_some_and(|r| {
        r.starts_with(|c: char| c.is_ascii_digit())
            && r.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    });
    cell.starts_with(['=', '+', '@', '\t', '\r']) || (cell.starts_with('-') && !plain_negative)
}

fn csv_cells(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The number of `|` not escaped by a backslash.
fn pipes(line: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    n
}

/// Run `args`, check the output of `format` and return stdout.
fn run_checked(args: &[&str], format: &str, expect_ok: bool) -> String {
    let out = Command::cargo_bin("koperasi")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.success(), expect_ok, "{args:?}: {stderr}");
    for (what, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        let bad: Vec<char> = text.chars().filter(|c| raw_unsafe(*c)).collect();
        assert!(bad.is_empty(), "{args:?} {what}: raw {bad:?} in\n{text}");
    }
    match format {
        "csv" => {
            for row in csv_cells(&stdout) {
                for cell in row {
                    assert!(!live_formula(&cell), "{args:?}: live cell {cell:?}");
                }
            }
        }
        "markdown" => {
            assert!(
                !stdout.replace("<br>", "").contains('<'),
                "{args:?}: raw HTML in\n{stdout}"
            );
            // Every table keeps one column count on all its lines.
            let mut width = None;
            for line in stdout.lines() {
                if line.starts_with('|') {
                    let n = pipes(line);
                    assert_eq!(*width.get_or_insert(n), n, "{args:?}: {line}");
                } else {
                    width = None;
                }
            }
        }
        "json" => {
            serde_json::from_str::<Value>(&stdout).unwrap();
        }
        _ => {}
    }
    stdout
}

const FORMATS: [&str; 4] = ["table", "markdown", "csv", "json"];

#[test]
fn every_command_and_format_is_safe_on_hostile_cells() {
    let f = files("all");
    let (reg, panel) = (f.register.as_str(), f.panel.as_str());
    let runs: Vec<(Vec<&str>, &[&str])> = vec![
        (vec!["report", reg, "--as-of", "2025-06-30"], &FORMATS),
        (
            vec![
                "report",
                reg,
                "--as-of",
                "2025-06-30",
                "--by",
                "kecamatan,status",
            ],
            &FORMATS,
        ),
        (vec!["report", panel, "--as-of", "2025-06-30"], &FORMATS),
        (vec!["check", reg], &FORMATS),
        (vec!["check", panel], &FORMATS),
        (vec!["assess", reg, "--as-of", "2025-06-30"], &FORMATS),
        (
            vec![
                "demography",
                reg,
                "--as-of",
                "2024-12-31",
                "--from",
                "2016",
                "--to",
                "2024",
            ],
            &["table", "csv", "json"],
        ),
        (vec!["wilayah", "bogor"], &FORMATS),
        (
            vec![
                "shu",
                "--plan",
                PLAN,
                "--members",
                f.members.as_str(),
                "--shu",
                "60000000",
            ],
            &["table", "csv", "json"],
        ),
    ];
    for (args, formats) in runs {
        for format in formats {
            let mut a = args.clone();
            a.extend(["--format", format]);
            run_checked(&a, format, true);
            if args[0] != "shu" && args[0] != "demography" && args[0] != "wilayah" {
                a.extend(["--locale", "id"]);
                run_checked(&a, format, true);
            }
        }
    }
    run_checked(&["policy"], "table", true);
    run_checked(&["policy", "national"], "json", true);
    // Error messages quoting an argument.
    run_checked(&["wilayah", "\u{1b}[2J=1+1\u{202e}"], "table", false);
    std::fs::remove_dir_all(&f.dir).unwrap();
}

/// The reader removes the escape of `'=1+1`; `assess --format csv` puts it back, and text
/// cells that start with `-` are escaped while a file's plain negative number stays a number.
#[test]
fn assess_csv_escapes_again_what_the_reader_unescaped() {
    let f = files("assess");
    let out = run_checked(
        &[
            "assess",
            &f.register,
            "--as-of",
            "2025-06-30",
            "--format",
            "csv",
        ],
        "csv",
        true,
    );
    let cells = csv_cells(&out);
    let header = &cells[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |id: &str| {
        cells
            .iter()
            .find(|r| r[col("source_id")] == id)
            .unwrap_or_else(|| panic!("no row {id} in {out}"))
    };
    let (name, extra) = (col("name"), col("keterangan"));
    assert_eq!(row("1")[name], "'=HYPERLINK(\"http://x\",\"klik\")");
    assert_eq!(row("1")[extra], "'=1+1");
    assert_eq!(row("2")[name], "'=1+1");
    assert_eq!(row("2")[extra], "-5");
    assert_eq!(row("3")[name], "'-5");
    // A tab is a control character: shown as `\u{9}`, after which nothing is live.
    assert_eq!(row("3")[extra], "\\u{9}=1");
    assert_eq!(row("'-1+1")[name], "'+62 Koperasi");
    // The reader trims the trailing U+0085 (white space); the bidi marks are shown escaped.
    assert_eq!(row("5")[name], "\\u{202e}KSP\\u{200f}");
    assert_eq!(row("5")[extra], "'@x");
    // JSON keeps the exact values.
    let json: Value = serde_json::from_str(&run_checked(
        &[
            "assess",
            &f.register,
            "--as-of",
            "2025-06-30",
            "--format",
            "json",
        ],
        "json",
        true,
    ))
    .unwrap();
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"\u{202e}KSP\u{200f}"), "{names:?}");
    assert!(
        names.contains(&"=1+1") && names.contains(&"-5"),
        "{names:?}"
    );
    std::fs::remove_dir_all(&f.dir).unwrap();
}

/// Terminal tables show escapes visibly; markdown escapes pipes, HTML and backticks.
#[test]
fn tables_show_escapes_and_markdown_is_escaped() {
    let f = files("md");
    let table = run_checked(&["check", &f.register, "--format", "table"], "table", true);
    assert!(table.contains(r"\u{1b}]0;x\u{7}"), "{table}");
    let md = run_checked(
        &[
            "report",
            &f.register,
            "--as-of",
            "2025-06-30",
            "--format",
            "markdown",
        ],
        "markdown",
        true,
    );
    assert!(md.contains(r"Bogor\|Utara&lt;script&gt;"), "{md}");
    assert!(md.contains(r"a\`b\`"), "{md}");
    assert!(md.contains(r"\u{1b}[2JBogor\u{202e}"), "{md}");
    let shu = run_checked(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            &f.members,
            "--shu",
            "60000000",
        ],
        "table",
        true,
    );
    assert!(shu.contains(r"\u{1b}[2J\u{202e}Nama"), "{shu}");
    let csv = run_checked(
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            &f.members,
            "--shu",
            "60000000",
            "--format",
            "csv",
        ],
        "csv",
        true,
    );
    let cells = csv_cells(&csv);
    assert!(cells.iter().any(|r| r[0] == "'=1+1"), "{csv}");
    assert!(
        cells.iter().any(|r| r[0] == "'-5" && r[1] == "'@SUM(1+1)"),
        "{csv}"
    );
    std::fs::remove_dir_all(&f.dir).unwrap();
}
