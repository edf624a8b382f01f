//! `--decimal comma|point|auto` on the commands that read files (issue 13, item 4): `1,500`
//! and `1.500` are read only when the file's decimal mark settles them.
//! Files: the example member register (examples/shu/) and the real East Java panel
//! (crates/koperasi/data/samples/jatim-koperasi-kabkota-quarterly, see its PROVENANCE.md).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/cli.rs"]
mod support;

use serde_json::Value;
use support::{JATIM, MEMBERS, PLAN, run, stderr_of_failure as err, stdout as ok};

/// `text` in a fresh file of the temporary directory.
fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("koperasi-cli-decimal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// The example members with A-004's simpanan pokok written `pokok` instead of `100.000`.
fn members_with_a004_pokok(pokok: &str) -> String {
    let text = std::fs::read_to_string(MEMBERS).unwrap();
    let old = "A-004,Anggota Empat,1 Februari 2019,31 Desember 2024,100.000,";
    assert!(text.contains(old));
    text.replace(
        old,
        &format!("A-004,Anggota Empat,1 Februari 2019,31 Desember 2024,{pokok},"),
    )
}

fn shu_json(members: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "shu",
        "--plan",
        PLAN,
        "--members",
        members,
        "--shu",
        "60000000",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&args)).unwrap()
}

#[test]
fn shu_refuses_1_comma_500_by_default_and_reads_it_as_the_option_says() {
    let english = temp(
        "members_english.csv",
        &members_with_a004_pokok("\"100,000\""),
    );
    let e = err(&[
        "shu",
        "--plan",
        PLAN,
        "--members",
        &english,
        "--shu",
        "60000000",
    ]);
    assert!(e.contains("line 5 `Simpanan Pokok` = `100,000`"), "{e}");
    assert!(e.contains("`100,000` is ambiguous"), "{e}");
    assert!(e.contains("--decimal"), "{e}");
    // `--decimal comma`: 100,000 rupiah is Rp 100 (as if written `100`).
    let as_comma = shu_json(&english, &["--decimal", "comma"]);
    let written_100 = temp("members_100.csv", &members_with_a004_pokok("100"));
    assert_eq!(as_comma, shu_json(&written_100, &[]));
    assert_ne!(as_comma, shu_json(MEMBERS, &[]));
    // The untouched file reads the same with `--decimal comma` as without.
    assert_eq!(
        shu_json(MEMBERS, &["--decimal", "comma"]),
        shu_json(MEMBERS, &[])
    );
}

#[test]
fn shu_auto_refuses_a_column_nothing_settles_and_says_how_it_decided() {
    // Simpanan Pokok holds only `100.000` cells (1.0 or 100000?); the other columns have
    // `2.400.000` and the like, which settle them.
    let out = run(&[
        "shu",
        "--plan",
        PLAN,
        "--members",
        MEMBERS,
        "--shu",
        "60000000",
        "--decimal",
        "auto",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let e = String::from_utf8(out.stderr).unwrap();
    assert!(
        e.contains("column `Simpanan Wajib`: decimal comma (from 4 unambiguous cells)"),
        "{e}"
    );
    assert!(
        e.contains("column `Simpanan Pokok`: decimal mark not settled"),
        "{e}"
    );
    assert!(e.contains("`100.000` is ambiguous"), "{e}");
}

#[test]
fn check_takes_decimal_and_reports_the_decision() {
    // The real panel with a row whose counts pass a million in English style.
    let mut text = std::fs::read_to_string(JATIM).unwrap();
    if !text.ends_with('\n') {
        text.push('\n'); // the real file has no line break after its last row
    }
    text = text.replace(
        ",2018-Q4,699,672,672,59,1371,",
        ",2018-Q4,699,672,672,59,\"1,371\",",
    );
    text.push_str("Kota Contoh,2025-Q2,1,1,1,1,\"2,000,000\",0,0,0,0,1,1\n");
    let file = temp("jatim_english.csv", &text);
    let v: Value = serde_json::from_str(&ok(&[
        "check",
        &file,
        "--format",
        "json",
        "--decimal",
        "auto",
    ]))
    .unwrap();
    assert_eq!(v["read"]["accepted"], 799);
    assert!(v["read"]["rejected"].as_array().unwrap().is_empty());
    let notes = v["read"]["notes"].to_string();
    assert!(
        notes.contains("column `JUMLAH KOPERASI TOTAL`: decimal point (from 1 unambiguous cell)"),
        "{notes}"
    );
    // Without the option, Tulungagung's `1,371` is refused, never read as 1.371 or 1371.
    let v: Value = serde_json::from_str(&ok(&["check", &file, "--format", "json"])).unwrap();
    let rejected = v["read"]["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert_eq!(rejected[0]["code"], "number_ambiguous");
    assert_eq!(rejected[0]["value"], "1,371");
    // A value clap does not know is refused with the list.
    let e = err(&["check", &file, "--decimal", "koma"]);
    assert!(
        e.contains("comma") && e.contains("point") && e.contains("auto"),
        "{e}"
    );
}
