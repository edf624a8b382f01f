//! Status policies as data: presets, JSON round trips, validation errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::status::StatusPolicy;

#[test]
fn presets_load_and_round_trip() {
    assert_eq!(
        StatusPolicy::PRESETS,
        [
            "national",
            "office",
            "field_verification_first",
            "permenkop_25_2015"
        ]
    );
    for name in StatusPolicy::PRESETS {
        let p = StatusPolicy::preset(name).unwrap();
        assert_eq!(&p.name, name);
        assert!(!p.source.is_empty() && !p.description.is_empty());
        p.validate().unwrap();
        let text = p.to_json_pretty();
        assert_eq!(StatusPolicy::from_json(&text).unwrap(), p);
        // The embedded file is the same data.
        let raw = StatusPolicy::preset_json(name).unwrap();
        assert_eq!(StatusPolicy::from_json(raw).unwrap(), p);
        let a: serde_json::Value = serde_json::from_str(raw).unwrap();
        let b: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(a, b, "{name}: embedded JSON and to_json_pretty differ");
    }
}

#[test]
fn preset_values() {
    let n = StatusPolicy::national();
    assert_eq!(n, StatusPolicy::default());
    assert_eq!(n, StatusPolicy::preset("national").unwrap());
    assert_eq!(
        (
            n.rat_window_years,
            n.require_every_year,
            n.rat_deadline_months
        ),
        (3, false, 6)
    );
    assert!(!n.field_check_first && n.not_found_overrides && !n.grace_first_book_year);
    let o = StatusPolicy::office();
    assert_eq!(o, StatusPolicy::preset("office").unwrap());
    assert_eq!((o.rat_window_years, o.require_every_year), (2, true));
    let f = StatusPolicy::field_verification_first();
    assert_eq!(f, StatusPolicy::preset("field_verification_first").unwrap());
    assert!(f.field_check_first);
    assert_eq!(f.rat_window_years, 3);
    // The regulation's wording: every one of the last 3 book years, and business activity.
    let r = StatusPolicy::permenkop_25_2015();
    assert_eq!(r, StatusPolicy::preset("permenkop_25_2015").unwrap());
    assert_eq!(
        (
            r.rat_window_years,
            r.require_every_year,
            r.require_business_activity
        ),
        (3, true, true)
    );
    assert!(r.description.contains("Pasal 1 angka 3"));
    assert!(r.source.contains("25/Per/M.KUKM/IX/2015"));
    // The national preset says whose reading it is, and where it is written.
    assert!(n.description.contains("Kemenkop national count's reading"));
    assert!(n.source.contains("kompaspedia.kompas.id/?p=22181"));
    assert!(!n.require_business_activity && !o.require_business_activity);
}

#[test]
fn unknown_preset() {
    let e = StatusPolicy::preset("kemenkop").unwrap_err();
    assert_eq!(e.code(), "policy_unknown_preset");
    let msg = e.to_string();
    assert!(
        msg.contains("kemenkop")
            && msg.contains("national, office, field_verification_first, permenkop_25_2015")
    );
}

#[test]
fn missing_fields_take_the_national_defaults() {
    let p = StatusPolicy::from_json(r#"{"name": "bantul", "rat_window_years": 2}"#).unwrap();
    assert_eq!(p.name, "bantul");
    assert_eq!(p.rat_window_years, 2);
    assert_eq!(p.rat_deadline_months, 6);
    assert!(!p.require_every_year);
    assert_eq!(p.field_check_max_age_days, None);
}

fn invalid_field(json: &str) -> String {
    match StatusPolicy::from_json(json) {
        Err(koperasi::error::PolicyError::Invalid { field, why }) => {
            assert!(!why.is_empty());
            field
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn invalid_values_name_the_field() {
    assert_eq!(
        invalid_field(r#"{"rat_window_years": 0}"#),
        "rat_window_years"
    );
    assert_eq!(
        invalid_field(r#"{"rat_window_years": 51}"#),
        "rat_window_years"
    );
    assert_eq!(
        invalid_field(r#"{"rat_deadline_months": 25}"#),
        "rat_deadline_months"
    );
    assert_eq!(invalid_field(r#"{"name": "  "}"#), "name");
    assert_eq!(
        invalid_field(r#"{"field_check_max_age_days": 0}"#),
        "field_check_max_age_days"
    );
    assert_eq!(
        invalid_field(r#"{"dissolution_review_years": 0}"#),
        "dissolution_review_years"
    );
    let e = StatusPolicy::from_json(r#"{"rat_window_years": 0}"#).unwrap_err();
    assert_eq!(e.code(), "policy_invalid");
    assert!(e.to_string().contains("rat_window_years"));
    let ok = StatusPolicy::from_json(r#"{"rat_deadline_months": 0, "rat_window_years": 50}"#);
    assert!(ok.is_ok());
}

#[test]
fn parse_errors() {
    for bad in [
        r#"{"rat_window_yeras": 3}"#,  // misspelt field: refused, not ignored
        r#"{"rat_window_years": -1}"#, // wrong type
        r#"{"rat_window_years": "3"}"#,
        "not json",
        "",
        "[]", // serde would read a struct from an array: refused
        "[\"national\"]",
        "3",
    ] {
        let e = StatusPolicy::from_json(bad).unwrap_err();
        assert_eq!(e.code(), "policy_parse", "{bad}");
    }
    let e = StatusPolicy::from_json(r#"{"rat_window_yeras": 3}"#).unwrap_err();
    assert!(e.to_string().contains("rat_window_yeras"));
}
