//! Dated facts beside the status (DOMAIN.md 9.1): NIK certificate validity and the RAT report
//! deadline, thresholds as policy data.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::status::{StatusPolicy, nik_certificate, rat_report};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn nik_certificate_is_valid_two_years_by_default() {
    let p = StatusPolicy::permenkop_25_2015();
    assert_eq!(p.nik_certificate_valid_years, 2);
    let issued = d(2023, 8, 17);
    assert!(!nik_certificate(issued, d(2023, 8, 16), &p).valid); // not yet issued
    assert!(nik_certificate(issued, issued, &p).valid);
    let last = nik_certificate(issued, d(2025, 8, 16), &p);
    assert_eq!(last.valid_until, Some(d(2025, 8, 16)));
    assert!(last.valid);
    assert!(!nik_certificate(issued, d(2025, 8, 17), &p).valid);
    // Issued on 29 February: the anniversary in 2026 is 28 February.
    let leap = nik_certificate(d(2024, 2, 29), d(2026, 2, 27), &p);
    assert_eq!(leap.valid_until, Some(d(2026, 2, 27)));
    assert!(leap.valid);
    // The Kotawaringin Timur reading: one year, as data.
    let one =
        StatusPolicy::from_json(r#"{"name": "kotim", "nik_certificate_valid_years": 1}"#).unwrap();
    assert!(!nik_certificate(issued, d(2024, 8, 17), &one).valid);
}

#[test]
fn rat_report_within_30_days() {
    let p = StatusPolicy::national();
    let meeting = d(2025, 3, 15);
    assert_eq!(rat_report(meeting, d(2025, 4, 14), &p).days, 30);
    assert!(rat_report(meeting, d(2025, 4, 14), &p).on_time);
    assert!(!rat_report(meeting, d(2025, 4, 15), &p).on_time);
    // A report dated before the meeting is a data error, never "on time".
    let early = rat_report(meeting, d(2025, 3, 14), &p);
    assert_eq!((early.days, early.on_time), (-1, false));
}

#[test]
fn thresholds_are_validated() {
    for (json, field) in [
        (
            r#"{"name": "x", "nik_certificate_valid_years": 0}"#,
            "nik_certificate_valid_years",
        ),
        (
            r#"{"name": "x", "rat_report_within_days": 400}"#,
            "rat_report_within_days",
        ),
    ] {
        let e = StatusPolicy::from_json(json).unwrap_err();
        assert_eq!(e.code(), "policy_invalid");
        assert!(e.to_string().contains(field), "{e}");
    }
}
