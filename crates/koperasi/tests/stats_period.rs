//! Period parsing, display, order and spans.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use koperasi::stats::Period;
use proptest::prelude::*;

fn p(s: &str) -> Period {
    Period::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap()
}

#[test]
fn parses_the_forms_found_in_files() {
    assert_eq!(p("2021"), Period::Year(2021));
    for s in [
        "2021-Q3",
        "2021Q3",
        "2021 Q3",
        "Q3 2021",
        "q3-2021",
        " 2021-q3 ",
        "Triwulan III 2021",
        "TRIWULAN 3 2021",
        "Triwulan ke-3 2021",
        "TW3 2021",
        "TW III/2021",
        "Kuartal 3 2021",
        "2021 Triwulan III",
    ] {
        assert_eq!(p(s), Period::Quarter(2021, 3), "{s}");
    }
    assert_eq!(p("2021-03"), Period::Month(2021, 3));
    assert_eq!(p("2021/3"), Period::Month(2021, 3));
    assert_eq!(p("03/2021"), Period::Month(2021, 3));
    assert_eq!(p("2021-03-31"), Period::Date(d(2021, 3, 31)));
    assert_eq!(p("2021-03-31 00:00:00"), Period::Date(d(2021, 3, 31)));
    assert_eq!(p("2021-03-31T00:00:00.000"), Period::Date(d(2021, 3, 31)));
}

#[test]
fn refuses_what_is_not_a_period() {
    for s in [
        "",
        "21",
        "2021-Q5",
        "2021-Q0",
        "2021-13",
        "2021-02-30",
        "kemarin",
        "Q3",
        "TW V 2021",
        "2021-Q3-1",
    ] {
        let e = Period::parse(s).unwrap_err();
        assert_eq!(e.code(), "stats_bad_period", "{s}");
        assert!(e.to_string().contains(&format!("`{s}`")), "{e}");
    }
}

#[test]
fn displays_canonically() {
    assert_eq!(Period::Year(2021).to_string(), "2021");
    assert_eq!(Period::Quarter(2021, 3).to_string(), "2021-Q3");
    assert_eq!(Period::Month(2021, 3).to_string(), "2021-03");
    assert_eq!(Period::Date(d(2021, 3, 1)).to_string(), "2021-03-01");
    assert_eq!(p("Triwulan IV 2019").to_string(), "2019-Q4");
    assert_eq!(
        serde_json::to_string(&Period::Quarter(2021, 3)).unwrap(),
        "\"2021-Q3\""
    );
    assert_eq!(
        serde_json::from_str::<Period>("\"2021Q3\"").unwrap(),
        Period::Quarter(2021, 3)
    );
    assert!(serde_json::from_str::<Period>("\"2021-Q7\"").is_err());
}

#[test]
fn dates_of_a_period() {
    assert_eq!(p("2021-Q3").start_date().unwrap(), d(2021, 7, 1));
    assert_eq!(p("2021-Q3").end_date().unwrap(), d(2021, 9, 30));
    assert_eq!(p("2024-02").end_date().unwrap(), d(2024, 2, 29));
    assert_eq!(p("2023-02").end_date().unwrap(), d(2023, 2, 28));
    assert_eq!(p("2021").start_date().unwrap(), d(2021, 1, 1));
    assert_eq!(p("2021").end_date().unwrap(), d(2021, 12, 31));
    assert_eq!(p("2021-03-31").end_date().unwrap(), d(2021, 3, 31));
    assert_eq!(
        Period::Quarter(2021, 0).end_date().unwrap_err().code(),
        "stats_invalid_period"
    );
    assert_eq!(
        Period::Month(2021, 13).start_date().unwrap_err().code(),
        "stats_invalid_period"
    );
    assert_eq!(
        Period::Year(i32::MAX).end_date().unwrap_err().code(),
        "stats_invalid_period"
    );
    assert!(Period::quarter(2021, 5).is_err());
    assert_eq!(Period::month(2021, 12).unwrap(), Period::Month(2021, 12));
    assert!(p("2021-Q1").contains(d(2021, 3, 31)));
    assert!(!p("2021-Q1").contains(d(2021, 4, 1)));
}

#[test]
fn orders_chronologically() {
    let mut v = [
        p("2022"),
        p("2022-03-31"),
        p("2022-03"),
        p("2022-Q1"),
        p("2021-Q4"),
        p("2019-Q4"),
        p("2021"),
    ];
    v.sort();
    let s: Vec<String> = v.iter().map(ToString::to_string).collect();
    assert_eq!(
        s,
        [
            "2019-Q4",
            "2021",
            "2021-Q4",
            "2022-Q1",
            "2022-03",
            "2022-03-31",
            "2022"
        ]
    );
    assert!(p("2018-Q4") < p("2019-Q4"));
    assert!(p("2021-Q4") < p("2022-Q1"));
}

#[test]
fn years_between_periods() {
    assert_eq!(Period::years_between(&p("2017"), &p("2018")), 1.0);
    assert_eq!(Period::years_between(&p("2018-Q4"), &p("2025-Q2")), 6.5);
    assert_eq!(Period::years_between(&p("2021-Q1"), &p("2021-Q2")), 0.25);
    assert_eq!(Period::years_between(&p("2018"), &p("2021-Q2")), 2.5);
    assert_eq!(Period::years_between(&p("2021-01"), &p("2021-04")), 0.25);
    assert_eq!(Period::years_between(&p("2025-Q2"), &p("2018-Q4")), -6.5);
    // with a date: days between end dates / 365.2425; 2020-12-31 -> 2021-12-31 is 365 days
    let y = Period::years_between(&p("2020-12-31"), &p("2021"));
    assert!((y - 365.0 / 365.2425).abs() < 1e-12);
}

/// Regression: a leading sign is not dropped, and years are restricted to 1900..=2100 (the
/// range of `koperasi::locale::MIN_YEAR..=MAX_YEAR`).
#[test]
fn refuses_signs_and_years_outside_the_range() {
    for s in ["-2023", "+2023", "\u{2212}2023", "-2023-Q1", "+2021-03"] {
        let e = Period::parse(s).unwrap_err();
        assert_eq!(e.code(), "stats_bad_period", "{s}");
        let msg = e.to_string();
        assert!(msg.contains(&format!("`{s}`")), "{msg}");
        assert!(msg.contains("sign"), "{msg}");
    }
    for (s, y) in [
        ("0000", "0"),
        ("9999-Q4", "9999"),
        ("1899", "1899"),
        ("2101", "2101"),
        ("Q1 1899", "1899"),
        ("1899-12", "1899"),
        ("12/2101", "2101"),
        ("1899-12-31", "1899"),
        ("9999-12-31 00:00:00", "9999"),
        ("31/12/1899", "1899"),
    ] {
        let e = Period::parse(s).unwrap_err();
        assert_eq!(e.code(), "stats_bad_period", "{s}");
        let msg = e.to_string();
        assert!(msg.contains(&format!("`{s}`")), "{msg}");
        assert!(msg.contains(&format!("year {y} ")), "{msg}");
        assert!(msg.contains("1900..=2100"), "{msg}");
    }
    assert_eq!(p("1900"), Period::Year(1900));
    assert_eq!(p("2100-Q4"), Period::Quarter(2100, 4));
    assert_eq!(p("1900-01-01"), Period::Date(d(1900, 1, 1)));
    assert_eq!(koperasi::locale::MIN_YEAR, 1900);
    assert_eq!(koperasi::locale::MAX_YEAR, 2100);
    // Checked constructors and validate use the same range.
    let e = Period::quarter(9999, 4).unwrap_err();
    assert_eq!(e.code(), "stats_invalid_period");
    assert!(e.to_string().contains("1900..=2100"), "{e}");
    assert!(Period::month(1899, 12).is_err());
    assert!(Period::Year(0).start_date().is_err());
    assert!(Period::Year(2100).end_date().is_ok());
}

/// Regression: a period that cannot exist says why, and still names the value.
#[test]
fn bad_period_says_why() {
    for (s, why) in [
        ("2021-Q5", "quarter 5 does not exist (1-4)"),
        ("2021-Q0", "quarter 0 does not exist (1-4)"),
        ("Triwulan 7 2021", "quarter 7 does not exist (1-4)"),
        ("2021-13", "month 13 does not exist (1-12)"),
        ("13/2021", "month 13 does not exist (1-12)"),
        ("2021-00", "month 0 does not exist (1-12)"),
        ("2021-13-01", "month 13 does not exist (1-12)"),
        // 2021 is not a leap year (python3: calendar.monthrange(2021, 2) -> (0, 28)); the
        // locale module names months in Indonesian.
        ("2021-02-30", "day 30 does not exist in Februari 2021"),
        ("30/02/2021", "day 30 does not exist in Februari 2021"),
        ("2021-04-31", "day 31 does not exist in April 2021"),
        (
            "2021-02-29",
            "day 29 does not exist in Februari 2021 (2021 is not a leap year)",
        ),
        (
            "kemarin",
            "expected `2021`, `2021-Q3`, `2021-03` or `2021-03-31`",
        ),
    ] {
        let e = Period::parse(s).unwrap_err();
        assert_eq!(e.code(), "stats_bad_period", "{s}");
        assert_eq!(e.to_string(), format!("`{s}` is not a period: {why}"));
    }
    assert_eq!(p("2024-02-29"), Period::Date(d(2024, 2, 29)));
    assert_eq!(
        Period::Quarter(2021, 5).validate().unwrap_err().to_string(),
        "`Quarter(2021, 5)` is not a valid period: quarter 5 does not exist (1-4)"
    );
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (1900i32..=2100).prop_map(Period::Year),
        (1900i32..=2100, 1u8..=4).prop_map(|(y, q)| Period::Quarter(y, q)),
        (1900i32..=2100, 1u8..=12).prop_map(|(y, m)| Period::Month(y, m)),
        (1900i32..=2100, 1u32..=366).prop_map(|(y, o)| Period::Date(
            NaiveDate::from_yo_opt(y, o).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
        )),
    ]
}

proptest! {
    #[test]
    fn parse_display_roundtrip(x in period()) {
        prop_assert_eq!(Period::parse(&x.to_string()).unwrap(), x);
    }

    #[test]
    fn order_is_by_end_date(a in period(), b in period()) {
        let (ea, eb) = (a.end_date().unwrap(), b.end_date().unwrap());
        if ea < eb { prop_assert!(a < b); }
        if a == b { prop_assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal); }
        if a != b { prop_assert_ne!(a.cmp(&b), std::cmp::Ordering::Equal); }
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,30}") {
        let _ = Period::parse(&s);
    }
}
