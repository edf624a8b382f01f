//! `--locale id` on every command: the notes, reasons, warnings and errors are the library's
//! Indonesian texts (`notes_id`, `label_id`, `message_id`), on real files; `--locale en` (the
//! default) keeps the English ones.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/cli.rs"]
mod support;

use support::{BOGOR, MEMBERS, PLAN, koperasi};

/// The real Gianyar register (tests/data/real/gianyar-koperasi-rat-terakhir): 20 coops, a
/// last-RAT date column, no data date, one founding date written `0000-00-00`.
const GIANYAR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/data/real/gianyar-koperasi-rat-terakhir/koperasi.csv"
);

/// Standard output and standard error of a run, and whether it succeeded.
fn run(args: &[&str]) -> (bool, String) {
    let out = koperasi().args(args).output().unwrap();
    let text = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// English phrases of notes, warnings and messages that `--locale id` must not print.
const ENGLISH: &[&str] = &[
    "error:",
    "note:",
    "warning:",
    "Note:",
    "were skipped",
    "were read as empty",
    "have no founding year",
    "incomplete years",
    "cannot be measured",
    "states no data date",
    "could not be read",
    "decimal comma (from",
    "decimal point (from",
    "cells hold no figure",
    "Business demography",
    "Cohort survival",
    "Per year (rates",
];

/// No English phrase of [`ENGLISH`], of a status reason ([`koperasi::status::REASONS`]) or of
/// a rejection label ([`koperasi::io::REJECTION_LABELS`]) whose Indonesian differs.
fn assert_indonesian(args: &[&str], text: &str) {
    let reasons = koperasi::status::REASONS
        .iter()
        .map(|(_, id, en)| (*en, *id));
    let labels = koperasi::io::REJECTION_LABELS
        .iter()
        .map(|(_, en, id)| (*en, *id));
    let phrases = ENGLISH
        .iter()
        .map(|p| (*p, ""))
        .chain(reasons)
        .chain(labels);
    for (en, id) in phrases {
        if en != id {
            assert!(!text.contains(en), "{args:?} printed `{en}`:\n{text}");
        }
    }
}

#[test]
fn every_command_speaks_indonesian() {
    let runs: &[&[&str]] = &[
        &["report", "--locale", "id"],
        &["report", BOGOR, "--as-of", "2022-12-31", "--locale", "id"],
        &["check", GIANYAR, "--locale", "id"],
        &["assess", GIANYAR, "--as-of", "2022-05-15", "--locale", "id"],
        &["assess", BOGOR, "--as-of", "2022-12-31", "--locale", "id"],
        &[
            "demography",
            BOGOR,
            "--from",
            "2016",
            "--to",
            "2022",
            "--as-of",
            "2022-12-31",
            "--locale",
            "id",
        ],
        &["wilayah", "35.16", "--locale", "id"],
        &["policy", "--locale", "id"],
        &[
            "shu",
            "--plan",
            PLAN,
            "--members",
            MEMBERS,
            "--shu",
            "60 jt",
            "--locale",
            "id",
        ],
    ];
    for args in runs {
        let (ok, text) = run(args);
        assert!(ok, "{args:?}:\n{text}");
        assert_indonesian(args, &text);
    }
}

/// Gianyar: its one `0000-00-00` founding date and its missing data date, said in each
/// language (PROVENANCE.md: 19 founding dates, 1 unknown; no title block).
#[test]
fn read_notes_in_both_languages() {
    let (ok, id) = run(&["check", GIANYAR, "--locale", "id"]);
    assert!(ok, "{id}");
    assert!(
        id.contains(
            "Catatan: 1 sel tanggal berisi tanggal kosong dari spreadsheet (`00/01/1900`, \
             `0/0/0000`, `0000-00-00`, serial 0) dan dibaca sebagai kosong"
        ),
        "{id}"
    );
    assert!(
        id.contains("Catatan: register tidak menyebutkan tanggal data"),
        "{id}"
    );
    let (ok, en) = run(&["check", GIANYAR]);
    assert!(ok, "{en}");
    assert!(
        en.contains(
            "Note: 1 date cell(s) held a spreadsheet's empty date (`00/01/1900`, `0/0/0000`, \
             `0000-00-00`, serial 0) and were read as empty\n"
        ),
        "{en}"
    );
    assert!(!en.contains("sel tanggal"), "{en}");
    // JSON carries both, in the same order.
    let (ok, json) = run(&["check", GIANYAR, "--format", "json"]);
    assert!(ok, "{json}");
    assert!(json.contains("\"notes_id\""), "{json}");
}

/// Kota Bogor 2022: 190 coops with no founding year (as `cli_demography` counts them).
#[test]
fn demography_notes_in_indonesian() {
    let (ok, text) = run(&[
        "demography",
        BOGOR,
        "--from",
        "2015",
        "--to",
        "2022",
        "--as-of",
        "2022-12-31",
        "--locale",
        "id",
    ]);
    assert!(ok, "{text}");
    assert!(
        text.contains("catatan: 190 koperasi tidak memiliki tahun pendirian"),
        "{text}"
    );
    assert!(
        text.contains("Demografi usaha") && text.contains("Kelangsungan hidup kohort"),
        "{text}"
    );
}

#[test]
fn errors_in_indonesian_and_english() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["report", "/nonexistent/koperasi.csv", "--locale", "id"],
            "kesalahan: tidak dapat membuka /nonexistent/koperasi.csv: ",
        ),
        (
            &["assess", BOGOR, "--as-of", "2024-02-30", "--locale", "id"],
            "kesalahan: --as-of: `2024-02-30` bukan tanggal yang ada: ",
        ),
        (
            &[
                "demography",
                BOGOR,
                "--from",
                "2020",
                "--to",
                "2024",
                "--as-of",
                "2022-12-31",
                "--locale",
                "id",
            ],
            "kesalahan: tahun 2023-2024 sesudah tanggal acuan 2022-12-31: tidak ada yang \
             teramati di sana; akhiri rentang pada 2022",
        ),
        (
            &[
                "shu",
                "--plan",
                PLAN,
                "--members",
                MEMBERS,
                "--shu",
                "-5",
                "--locale",
                "id",
            ],
            "kesalahan: SHU negatif (-Rp 5,00): kerugian tidak dibagikan",
        ),
        (
            // The example's `Simpanan Pokok` (`100.000` on every row) reads both ways:
            // each of its 8 rows is refused, with the label of its code.
            &[
                "shu",
                "--plan",
                PLAN,
                "--members",
                MEMBERS,
                "--shu",
                "60 jt",
                "--decimal",
                "auto",
                "--locale",
                "id",
            ],
            "kesalahan: {MEMBERS}: 8 baris anggota tidak terbaca (baris 2 `Simpanan Pokok` = \
             `Rp 100.000`: penulisan angka tidak jelas",
        ),
        (
            &["policy", "kantor", "--locale", "id"],
            "kesalahan: tidak ada preset kebijakan status bernama `kantor` (yang tersedia: ",
        ),
        (
            &["wilayah", "Atlantisxx", "--locale", "id"],
            "kesalahan: tidak ada wilayah yang cocok dengan `Atlantisxx`",
        ),
        (
            &["policy", "kantor"],
            "error: no status policy preset named `kantor` (known: ",
        ),
        (
            &[
                "demography",
                BOGOR,
                "--from",
                "2020",
                "--to",
                "2024",
                "--as-of",
                "2022-12-31",
            ],
            "error: years 2023-2024 are after the as-of date 2022-12-31",
        ),
    ];
    for (args, want) in cases {
        let want = want.replace("{MEMBERS}", MEMBERS);
        let (ok, text) = run(args);
        assert!(!ok, "{args:?} succeeded:\n{text}");
        assert!(text.contains(&want), "{args:?}: want `{want}` in:\n{text}");
    }
}
