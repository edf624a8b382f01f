//! Property tests: `assess` is total, deterministic and monotonic in the obvious ways.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::Datelike;
use koperasi::NaiveDate;
use koperasi::cooperative::{Dissolution, DissolvedBy, FieldCheck, Koperasi, Rat, RatKnowledge};
use koperasi::status::{
    REASONS, Status, StatusPolicy, assess, assess_status, dissolution_review, rat_deadline,
};
use proptest::prelude::*;

fn date_in(y0: i32, y1: i32) -> impl Strategy<Value = NaiveDate> {
    (y0..=y1, 1u32..=12, 1u32..=31).prop_map(|(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
            .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))
            .unwrap()
    })
}

fn rat() -> impl Strategy<Value = Rat> {
    (1995i32..=2032, proptest::option::of(date_in(1995, 2034)))
        .prop_map(|(book_year, date)| Rat { book_year, date })
}

fn check() -> impl Strategy<Value = FieldCheck> {
    (
        date_in(2015, 2034),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(any::<bool>()),
    )
        .prop_map(|(date, f, b, a)| FieldCheck {
            date,
            found_at_address: f,
            board_known: b,
            business_active: a,
        })
}

fn by() -> impl Strategy<Value = DissolvedBy> {
    prop_oneof![
        Just(DissolvedBy::MemberMeeting),
        Just(DissolvedBy::Government),
        Just(DissolvedBy::Court),
        Just(DissolvedBy::Unknown),
    ]
}

fn knowledge() -> impl Strategy<Value = RatKnowledge> {
    prop_oneof![
        Just(RatKnowledge::Unknown),
        Just(RatKnowledge::Complete),
        (1990i32..2035, any::<u64>()).prop_map(|(from, known)| RatKnowledge::Years { from, known }),
        (1990i32..2035).prop_map(|year| RatKnowledge::After { year }),
    ]
}

fn record() -> impl Strategy<Value = Koperasi> {
    (
        proptest::option::of(date_in(1990, 2034)),
        proptest::collection::vec(rat(), 0..8),
        knowledge(),
        proptest::collection::vec(check(), 0..3),
        proptest::option::of((date_in(2000, 2034), by())),
    )
        .prop_map(|(founded, rat, known, checks, diss)| {
            let mut k = Koperasi::new("Koperasi Uji");
            k.tanggal_badan_hukum = founded;
            k.rat = rat;
            k.rat_known = known;
            k.field_checks = checks;
            k.dissolution = diss.map(|(date, by)| Dissolution { date, by });
            k
        })
}

fn policy() -> impl Strategy<Value = StatusPolicy> {
    (
        0usize..3,
        1u32..=6,
        any::<bool>(),
        0u32..=24,
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(1u32..=2000),
        any::<bool>(),
    )
        .prop_map(|(i, w, every, m, grace, old, first, age, nf)| {
            let mut p = StatusPolicy::preset(StatusPolicy::PRESETS[i]).unwrap();
            p.rat_window_years = w;
            p.require_every_year = every;
            p.rat_deadline_months = m;
            p.grace_first_book_year = grace;
            p.unknown_founding_assume_old = old;
            p.field_check_first = first;
            p.field_check_max_age_days = age;
            p.not_found_overrides = nf;
            p.validate().unwrap();
            p
        })
}

/// True when `s` contains an ISO date `dddd-dd-dd` (the Indonesian detail writes dates out).
fn has_iso_date(s: &str) -> bool {
    s.as_bytes().windows(10).any(|w| {
        w.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn total_deterministic_and_explained(k in record(), as_of in date_in(1990, 2036), p in policy()) {
        let a = assess(&k, as_of, &p);
        let b = assess(&k.clone(), as_of, &p.clone());
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.as_of, as_of);
        prop_assert_eq!(a.status, assess_status(&k, as_of, &p));
        prop_assert!(!a.reasons.is_empty());
        for r in &a.reasons {
            prop_assert!(REASONS.iter().any(|(c, id, en)| *c == r.code && *id == r.label_id && *en == r.label_en));
            prop_assert!(!r.detail.is_empty());
            prop_assert!(!r.detail_id.is_empty(), "empty detail_id for {}", r.code);
            prop_assert!(!has_iso_date(&r.detail_id), "ISO date in {:?}", r.detail_id);
        }
        prop_assert_eq!(a.identified, k.identified(as_of));
        if let Some((s, e)) = a.rat_window {
            prop_assert_eq!(i64::from(e - s) + 1, i64::from(p.rat_window_years));
            prop_assert!(e < as_of.year());
        }
        if let Some(y) = a.latest_rat_book_year {
            prop_assert!(y < as_of.year());
        }
        if let Some(review) = dissolution_review(&k, as_of, &p) {
            prop_assert!(!review.reasons.is_empty());
            for r in &review.reasons {
                prop_assert!(REASONS.iter().any(|(c, id, en)| *c == r.code && *id == r.label_id && *en == r.label_en));
                prop_assert!(!r.detail.is_empty());
                prop_assert!(!r.detail_id.is_empty(), "empty detail_id for {}", r.code);
                prop_assert!(!has_iso_date(&r.detail_id), "ISO date in {:?}", r.detail_id);
            }
        }
    }

    #[test]
    fn a_dissolution_on_or_before_as_of_gives_dissolved(
        k in record(), as_of in date_in(2000, 2036), back in 0i64..5000, p in policy(), who in by()
    ) {
        let mut k = k;
        let date = as_of - chrono::Duration::days(back);
        k.dissolution = Some(Dissolution { date, by: who });
        let a = assess(&k, as_of, &p);
        prop_assert_eq!(a.status, Status::Dissolved);
        prop_assert_eq!(a.reasons[0].code.as_str(), "dissolved");
        prop_assert!(dissolution_review(&k, as_of, &p).is_none());
    }

    #[test]
    fn facts_after_as_of_change_nothing(k in record(), as_of in date_in(2000, 2030), p in policy(), extra in check()) {
        // A field check and an RAT dated after as-of are invisible.
        let before = assess(&k, as_of, &p);
        let mut k2 = k.clone();
        let mut c = extra;
        c.date = as_of + chrono::Duration::days(1);
        k2.field_checks.push(c);
        k2.rat.push(Rat { book_year: as_of.year() - 1, date: Some(as_of + chrono::Duration::days(1)) });
        prop_assert_eq!(assess(&k2, as_of, &p), before);
    }

    #[test]
    fn a_counted_rat_in_the_window_never_makes_it_inactive(k in record(), as_of in date_in(2000, 2036), p in policy()) {
        // Under the one-RAT rule, adding an RAT for the window's last year, held by as-of,
        // turns Inactive/NotYetDue/NotAssessable (by RAT) into Active.
        let mut p = p;
        p.require_every_year = false;
        let a = assess(&k, as_of, &p);
        if let Some((_, e)) = a.rat_window {
            let mut k2 = k.clone();
            k2.rat.push(Rat { book_year: e, date: Some(as_of) });
            let b = assess(&k2, as_of, &p);
            match a.status {
                Status::Dissolved => prop_assert_eq!(b.status, a.status),
                // An RAT dated after a "not found" check outweighs it.
                Status::NotFound => prop_assert!(matches!(b.status, Status::NotFound | Status::Active), "{:?}", b),
                Status::Active => prop_assert_eq!(b.status, Status::Active),
                _ => {
                    let by_field = b.reasons[0].code == "field_check_business_inactive";
                    let unfounded = b.reasons[0].code == "not_yet_founded";
                    prop_assert!(b.status == Status::Active || by_field || unfounded, "{:?}", b);
                }
            }
        }
    }

    #[test]
    fn every_year_active_implies_one_rat_active(k in record(), as_of in date_in(2000, 2036), p in policy()) {
        let mut strict = p.clone();
        strict.require_every_year = true;
        let mut loose = p;
        loose.require_every_year = false;
        if assess_status(&k, as_of, &strict) == Status::Active {
            prop_assert_eq!(assess_status(&k, as_of, &loose), Status::Active);
        }
    }

    #[test]
    fn extreme_values_never_panic(
        y in any::<i32>(), m in any::<u32>(),
        by in -262_000i32..262_000, as_of in date_in(-262_000, 262_000), p in policy()
    ) {
        let _ = rat_deadline(y, m);
        let mut k = Koperasi::new("x");
        k.rat = vec![Rat { book_year: by, date: None }, Rat { book_year: y, date: Some(as_of) }];
        k.rat_known = RatKnowledge::Complete;
        k.tanggal_badan_hukum = Some(as_of);
        let a = assess(&k, as_of, &p);
        prop_assert!(!a.reasons.is_empty());
        let _ = dissolution_review(&k, as_of, &p);
        // Out-of-range parameters (an unvalidated hand-built policy) are clamped, not a panic.
        let mut wild = p.clone();
        wild.rat_window_years = u32::MAX;
        wild.rat_deadline_months = u32::MAX;
        wild.dissolution_review_years = 0;
        let _ = assess(&k, as_of, &wild);
        let _ = dissolution_review(&k, as_of, &wild);
    }
}
