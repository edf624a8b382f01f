//! Dates as they appear in Indonesian sources (DOMAIN.md §6.1). Weekdays were checked
//! independently with Python's `datetime.date(...).strftime('%A')`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test helpers

use koperasi::NaiveDate;
use koperasi::locale::{format_date, format_date_numeric, parse_date};
use proptest::prelude::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[track_caller]
fn ok(s: &str, y: i32, m: u32, d: u32) {
    assert_eq!(parse_date(s), Ok(ymd(y, m, d)), "input {s:?}");
}

#[track_caller]
fn err(s: &str, code: &str) -> String {
    let e = parse_date(s).expect_err(s);
    assert_eq!(e.code(), code, "input {s:?}: {e}");
    let msg = e.to_string();
    assert!(msg.contains(s.trim()), "message {msg:?} should name {s:?}");
    msg
}

#[test]
fn long_form_and_numeric_forms() {
    ok("1 Februari 2025", 2025, 2, 1);
    ok("28 Desember 2020", 2020, 12, 28);
    ok("01/02/2025", 2025, 2, 1);
    ok("1-2-2025", 2025, 2, 1);
    ok("1.2.2025", 2025, 2, 1);
    ok("2025-02-01", 2025, 2, 1);
    ok("  2025-02-01  ", 2025, 2, 1);
    ok("01 / 02 / 2025", 2025, 2, 1);
    // Never month/day: 12/01 is 12 January.
    ok("12/01/2025", 2025, 1, 12);
    ok("01-Feb-2025", 2025, 2, 1);
    ok("1 Feb. 2025", 2025, 2, 1);
}

#[test]
fn every_month_spelling() {
    let table: [(&str, u32); 44] = [
        ("Januari", 1),
        ("Jan", 1),
        ("January", 1),
        ("Februari", 2),
        ("Pebruari", 2),
        ("Feb", 2),
        ("Peb", 2),
        ("February", 2),
        ("Maret", 3),
        ("Mar", 3),
        ("March", 3),
        ("April", 4),
        ("Apr", 4),
        ("Mei", 5),
        ("May", 5),
        ("Juni", 6),
        ("Jun", 6),
        ("June", 6),
        ("Juli", 7),
        ("Jul", 7),
        ("July", 7),
        ("Agustus", 8),
        ("Agu", 8),
        ("Agt", 8),
        ("Ags", 8),
        ("Aug", 8),
        ("August", 8),
        ("September", 9),
        ("Sep", 9),
        ("Sept", 9),
        ("Oktober", 10),
        ("Okt", 10),
        ("Oct", 10),
        ("October", 10),
        ("November", 11),
        ("Nopember", 11),
        ("Nov", 11),
        ("Nop", 11),
        ("Desember", 12),
        ("Des", 12),
        ("Dec", 12),
        ("December", 12),
        ("DESEMBER", 12),
        ("pebruari", 2),
    ];
    for (name, m) in table {
        ok(&format!("3 {name} 2021"), 2021, m, 3);
    }
    // Observed spellings (DOMAIN.md §6.1).
    ok("6 Nop 2019", 2019, 11, 6);
    ok("1 Pebruari 2025", 2025, 2, 1);
    ok("February 1, 2025", 2025, 2, 1);
}

#[test]
fn weekday_around_the_date() {
    // 2025-02-01 is a Saturday (Sabtu); 2025-03-07 a Friday (Jumat); 2025-09-18 a Thursday.
    ok("Sabtu, 1 Februari 2025", 2025, 2, 1);
    ok("Sabtu (1/2/2025)", 2025, 2, 1);
    ok("Jumat 7 Maret 2025", 2025, 3, 7);
    ok("Jum'at, 7 Maret 2025", 2025, 3, 7);
    ok("Jum\u{2019}at 7 Maret 2025", 2025, 3, 7);
    ok("Kamis (18/9/2025)", 2025, 9, 18);
    ok("Saturday, 1 February 2025", 2025, 2, 1);
    ok("1 Februari 2025 (Sabtu)", 2025, 2, 1);
    // 2020-12-28 is a Monday (Senin); 2019-11-06 a Wednesday (Rabu); Ahad = Minggu = Sunday.
    ok("Senin, 28 Desember 2020", 2020, 12, 28);
    ok("Rabu, 6 Nop 2019", 2019, 11, 6);
    ok("Ahad, 2 Februari 2025", 2025, 2, 2);
    ok("Minggu, 2 Februari 2025", 2025, 2, 2);
    let msg = err("Jumat, 1 Februari 2025", "date_invalid");
    assert!(msg.contains("is a Sabtu, not a Jumat"), "{msg}");
}

#[test]
fn notarial_style() {
    // Deed wording observed on 123dok (DOMAIN.md §6.1).
    ok(
        "tanggal 15 (lima belas), bulan Juli, tahun 2014 (dua ribu empat belas)",
        2014,
        7,
        15,
    );
    ok("tgl. 15 Juli 2014", 2014, 7, 15);
}

#[test]
fn time_of_day_is_ignored() {
    ok("2025-02-01T10:00:00", 2025, 2, 1);
    ok("2025-02-01 10:00:00", 2025, 2, 1);
    ok("2025-02-01T10:00:00+07:00", 2025, 2, 1);
    ok("01/02/2025 10:00 WIB", 2025, 2, 1);
    ok("1 Februari 2025 08:30 WITA", 2025, 2, 1);
    err("2025-02-01 10", "date_unrecognised");
}

#[test]
fn invalid_dates() {
    let msg = err("31/02/2024", "date_invalid");
    assert!(
        msg.contains("day 31 does not exist in Februari 2024"),
        "{msg}"
    );
    let msg = err("29/02/2023", "date_invalid");
    assert!(msg.contains("2023 is not a leap year"), "{msg}");
    ok("29/02/2024", 2024, 2, 29);
    // The typo printed in a 2025 news article (DOMAIN.md §6.1).
    let msg = err("1/2/20245", "date_invalid");
    assert!(msg.contains("`20245`"), "{msg}");
    let msg = err("1/2/25", "date_invalid");
    assert!(msg.contains("two-digit year"), "{msg}");
    // A five-digit first number is a year out of range, not a day with a two-digit year.
    let msg = err("99999-01-01", "date_invalid");
    assert!(
        msg.contains("year `99999` is outside the accepted range 1900..=2100"),
        "{msg}"
    );
    assert!(!msg.contains("two-digit"), "{msg}");
    let msg = err("1/2/20245", "date_invalid");
    assert!(msg.contains("outside the accepted range"), "{msg}");
    let msg = err("202-01-01", "date_invalid");
    assert!(msg.contains("year `202` must have 4 digits"), "{msg}");
    err("1 Feb 25", "date_invalid");
    let msg = err("1/13/2025", "date_invalid");
    assert!(msg.contains("month `13`"), "{msg}");
    err("32/01/2025", "date_invalid");
    err("0/01/2025", "date_invalid");
    err("1/0/2025", "date_invalid");
    let msg = err("1/2/1850", "date_invalid");
    assert!(msg.contains("1900..=2100"), "{msg}");
    err("1/2/2101", "date_invalid");
    ok("1/1/1900", 1900, 1, 1);
    ok("31/12/2100", 2100, 12, 31);
    // Missing year (news writes "Rabu (5/2)") or day.
    let msg = err("Rabu (5/2)", "date_invalid");
    assert!(msg.contains("year is missing"), "{msg}");
    err("5 Februari", "date_invalid");
    let msg = err("Februari 2025", "date_invalid");
    assert!(msg.contains("day is missing"), "{msg}");
    err("2025-02-30", "date_invalid");
    for s in ["2025-02", "02/2025"] {
        let msg = err(s, "date_invalid");
        assert!(msg.contains("day is missing"), "{msg}");
    }
}

#[test]
fn unrecognised_dates() {
    for s in [
        "",
        "   ",
        "-",
        "45000",
        "20250201",
        "1/2-2025",
        "1 Foo 2025",
        "besok",
        "1 2 2025",
        "1/2/2025/3",
        "Sabtu Sabtu 1/2/2025",
        "1 Februari Maret 2025",
        "1 Februari 2025 x",
        "1@2@2025",
        "١/٢/٢٠٢٥",
    ] {
        err(s, "date_unrecognised");
    }
}

#[test]
fn formatting() {
    assert_eq!(format_date(ymd(2025, 2, 1)), "1 Februari 2025");
    assert_eq!(format_date(ymd(2020, 12, 28)), "28 Desember 2020");
    assert_eq!(format_date_numeric(ymd(2025, 2, 1)), "01/02/2025");
    assert_eq!(format_date_numeric(ymd(2020, 12, 28)), "28/12/2020");
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let lo = ymd(1900, 1, 1).num_days_from_ce();
    let hi = ymd(2100, 12, 31).num_days_from_ce();
    (lo..=hi).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
}

use chrono::Datelike as _;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_date_never_panics(s in any::<String>()) {
        let _ = parse_date(&s);
    }

    #[test]
    fn parse_date_never_panics_on_date_like_text(s in "[0-9 /.\\-(),:TtA-Za-z']{0,40}") {
        let _ = parse_date(&s);
    }

    #[test]
    fn format_date_round_trips(d in any_date()) {
        prop_assert_eq!(parse_date(&format_date(d)), Ok(d));
        prop_assert_eq!(parse_date(&format_date_numeric(d)), Ok(d));
        prop_assert_eq!(parse_date(&d.to_string()), Ok(d));
    }
}
