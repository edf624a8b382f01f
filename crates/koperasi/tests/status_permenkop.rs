//! The `permenkop_25_2015` preset (Permenkop 25/Per/M.KUKM/IX/2015 Pasal 1 angka 3-4: an RAT
//! in each of the last 3 book years and a running business), with dated examples at every
//! edge: the deadline day, the founding year, a gap year, business unknown or known; and the
//! property that permenkop-active implies national-active.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::Rupiah;
use koperasi::cooperative::{BusinessActivity, FieldCheck, Finances, Koperasi, Rat, RatKnowledge};
use koperasi::status::{Assessment, Status, StatusPolicy, assess, assess_status};
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A coop founded on `founded` with RATs for `years`, each held on 20 April of the next year.
fn coop(founded: NaiveDate, years: &[i32]) -> Koperasi {
    let mut k = Koperasi::new("KSP Uji");
    k.tanggal_badan_hukum = Some(founded);
    k.rat_known = RatKnowledge::Complete;
    k.rat = years
        .iter()
        .map(|&y| Rat {
            book_year: y,
            date: Some(d(y + 1, 4, 20)),
        })
        .collect();
    k
}

fn pk() -> StatusPolicy {
    StatusPolicy::preset("permenkop_25_2015").unwrap()
}

fn codes(a: &Assessment) -> Vec<&str> {
    a.reasons.iter().map(|r| r.code.as_str()).collect()
}

#[test]
fn deadline_day() {
    let k = coop(d(2010, 5, 1), &[2021, 2022, 2023]);
    // 30 June 2025 is the deadline of book year 2024 itself: the window is still 2021-2023.
    let a = assess(&k, d(2025, 6, 30), &pk());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2021, 2023)));
    assert_eq!(
        codes(&a),
        ["rat_every_year_in_window", "business_activity_unknown"]
    );
    assert_eq!(
        a.reasons[0].detail,
        "RAT held for each of book years 2021–2023"
    );
    // The day after, 2024 is due and missing: inactive under the regulation's wording...
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(a.rat_window, Some((2022, 2024)));
    assert_eq!(codes(&a), ["rat_missing_for_year"]);
    assert_eq!(
        a.reasons[0].detail,
        "no RAT held for book year 2024 (due by 2025-06-30)"
    );
    // ... still active under the Kemenkop count's reading (RATs for 2022 and 2023).
    let n = assess(&k, d(2025, 7, 1), &StatusPolicy::national());
    assert_eq!(n.status, Status::Active);
    assert_eq!(
        codes(&n),
        ["rat_within_window", "no_rat_for_last_closed_year"]
    );
}

#[test]
fn an_rat_held_before_its_deadline_counts_from_its_date() {
    let k = coop(d(2010, 5, 1), &[2022, 2023, 2024]);
    // RAT for 2024 on 20 April 2025: counted from that day, before its deadline.
    assert_eq!(assess_status(&k, d(2025, 4, 19), &pk()), Status::Inactive);
    let a = assess(&k, d(2025, 4, 20), &pk());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2022, 2024)));
}

#[test]
fn founding_year() {
    // Founded 1 March 2023: the founding year 2023 is required (no grace year), 2022 is not.
    let k = coop(d(2023, 3, 1), &[2023, 2024]);
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Active);
    assert_eq!(
        a.reasons[0].detail,
        "RAT held for each of book years 2023–2024"
    );
    // Without the founding year's RAT: inactive, naming 2023 only.
    let k = coop(d(2023, 3, 1), &[2024]);
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(
        a.reasons[0].detail,
        "no RAT held for book year 2023 (due by 2024-06-30)"
    );
    assert_eq!(a.reasons.len(), 1);
    // Founded in 2025: no book year is required yet on 1 July 2025.
    let k = coop(d(2025, 2, 1), &[]);
    assert_eq!(assess(&k, d(2025, 7, 1), &pk()).status, Status::NotYetDue);
    // Founded 1 August 2024: only 2024 is required, and it was held.
    let k = coop(d(2024, 8, 1), &[2024]);
    assert_eq!(assess(&k, d(2025, 7, 1), &pk()).status, Status::Active);
}

#[test]
fn gap_year() {
    // 2022 missing: inactive under the regulation until 2022 leaves the window.
    let k = coop(d(2010, 5, 1), &[2021, 2023, 2024, 2025]);
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(
        a.reasons[0].detail,
        "no RAT held for book year 2022 (due by 2023-06-30)"
    );
    assert_eq!(
        assess_status(&k, d(2025, 7, 1), &StatusPolicy::national()),
        Status::Active
    );
    // The office preset (last 2 years) reads 2023-2024: active.
    assert_eq!(
        assess_status(&k, d(2025, 7, 1), &StatusPolicy::office()),
        Status::Active
    );
    // 2026-06-30: RAT for 2025 held on 20 April 2026, window 2023-2025: active again.
    let a = assess(&k, d(2026, 6, 30), &pk());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.rat_window, Some((2023, 2025)));
}

#[test]
fn a_year_the_record_does_not_cover_is_unknown_not_missing() {
    let mut k = coop(d(2010, 5, 1), &[2022, 2023]);
    k.rat_known = RatKnowledge::years(2022..=2023);
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::NotAssessable);
    assert_eq!(codes(&a), ["rat_history_incomplete"]);
}

fn three_years() -> Koperasi {
    coop(d(2010, 5, 1), &[2022, 2023, 2024])
}

#[test]
fn business_unknown_is_said_not_assumed() {
    let a = assess(&three_years(), d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Active);
    let r = &a.reasons[1];
    assert_eq!(r.code, "business_activity_unknown");
    assert!(r.detail.contains("business not assumed"), "{}", r.detail);
    assert!(r.detail_id.contains("tidak diasumsikan"), "{}", r.detail_id);
    assert_eq!(r.label_en, "Business activity unknown (not assumed)");
}

#[test]
fn business_known_not_running_gives_inactive() {
    let mut k = three_years();
    k.business_activity.push(BusinessActivity {
        year: 2024,
        active: false,
    });
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(codes(&a), ["no_business_activity"]);
    assert!(
        a.reasons[0]
            .detail
            .starts_with("no business activity in book year 2024:"),
        "{}",
        a.reasons[0].detail
    );
    // The national reading does not look at business.
    assert_eq!(
        assess_status(&k, d(2025, 7, 1), &StatusPolicy::national()),
        Status::Active
    );
}

fn finances(year: i32, volume_rupiah: i64) -> Finances {
    Finances {
        book_year: year,
        assets: None,
        own_capital: None,
        borrowed_capital: None,
        business_volume: Some(Rupiah::from_sen(volume_rupiah * 100)),
        shu: None,
    }
}

#[test]
fn volume_usaha_tells_business() {
    let mut k = three_years();
    k.finances.push(finances(2023, 0));
    k.finances.push(finances(2024, 12_500_000));
    // The latest window year with a figure decides: 2024, running.
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Active);
    assert_eq!(a.reasons[1].code, "business_running");
    assert_eq!(
        a.reasons[1].detail,
        "business running in book year 2024 (volume usaha above 0)"
    );
    // Volume 0 in the latest year: no business.
    k.finances = vec![finances(2023, 9_000_000), finances(2024, 0)];
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Inactive);
    assert_eq!(
        a.reasons[0].detail,
        "no business activity in book year 2024 (volume usaha 0): the RATs were held, but \
         Permenkop 25/2015 also asks for a running business"
    );
    // A figure outside the window (2021) says nothing about the window.
    k.finances = vec![finances(2021, 0)];
    assert_eq!(
        assess(&k, d(2025, 7, 1), &pk()).reasons[1].code,
        "business_activity_unknown"
    );
}

fn check(date: NaiveDate, business: bool) -> FieldCheck {
    FieldCheck {
        date,
        found_at_address: Some(true),
        board_known: Some(true),
        business_active: Some(business),
    }
}

#[test]
fn a_later_field_check_wins_over_a_book_year_fact() {
    let mut k = three_years();
    k.business_activity.push(BusinessActivity {
        year: 2024,
        active: true,
    });
    // Seen stopped on 2 June 2025, after book year 2024 ended (and after the last RAT).
    k.field_checks.push(check(d(2025, 6, 2), false));
    let a = assess(&k, d(2025, 7, 1), &pk());
    assert_eq!(a.status, Status::Inactive);
    assert!(
        a.reasons[0]
            .detail
            .starts_with("no business activity (field check on 2025-06-02)"),
        "{}",
        a.reasons[0].detail
    );
    // A check dated before the last RAT is superseded by it: the year figure decides.
    k.field_checks = vec![check(d(2024, 9, 1), false)];
    assert_eq!(assess_status(&k, d(2025, 7, 1), &pk()), Status::Active);
}

#[test]
fn business_is_read_only_when_the_policy_asks() {
    let mut p = pk();
    p.require_business_activity = false;
    let mut k = three_years();
    k.business_activity.push(BusinessActivity {
        year: 2024,
        active: false,
    });
    let a = assess(&k, d(2025, 7, 1), &p);
    assert_eq!(a.status, Status::Active);
    assert_eq!(codes(&a), ["rat_every_year_in_window"]);
}

// ---- property: the regulation's reading is the stricter one ------------------------------

fn date_in(y0: i32, y1: i32) -> impl Strategy<Value = NaiveDate> {
    (y0..=y1, 1u32..=12, 1u32..=28).prop_map(|(y, m, day)| d(y, m, day))
}

fn record() -> impl Strategy<Value = Koperasi> {
    (
        proptest::option::of(date_in(2000, 2030)),
        proptest::collection::vec(
            (2000i32..2030, proptest::option::of(date_in(2000, 2032))),
            0..10,
        ),
        0u8..4,
        proptest::collection::vec((2000i32..2030, any::<bool>()), 0..4),
        proptest::collection::vec(
            (
                date_in(2010, 2032),
                proptest::option::of(any::<bool>()),
                proptest::option::of(any::<bool>()),
            ),
            0..3,
        ),
    )
        .prop_map(|(founded, rats, known, business, checks)| {
            let mut k = Koperasi::new("Koperasi Uji");
            k.tanggal_badan_hukum = founded;
            k.rat = rats
                .into_iter()
                .map(|(book_year, date)| Rat { book_year, date })
                .collect();
            k.rat_known = match known {
                0 => RatKnowledge::Unknown,
                1 => RatKnowledge::Complete,
                2 => RatKnowledge::After { year: 2018 },
                _ => RatKnowledge::years(2015..2026),
            };
            k.business_activity = business
                .into_iter()
                .map(|(year, active)| BusinessActivity { year, active })
                .collect();
            k.field_checks = checks
                .into_iter()
                .map(|(date, found, running)| FieldCheck {
                    date,
                    found_at_address: found,
                    board_known: None,
                    business_active: running,
                })
                .collect();
            k
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Active under `permenkop_25_2015` implies active under `national` (and under the same
    /// rule without business); the reverse does not hold.
    #[test]
    fn permenkop_active_implies_national_active(k in record(), as_of in date_in(2005, 2034)) {
        let p = pk();
        if assess_status(&k, as_of, &p) == Status::Active {
            prop_assert_eq!(assess_status(&k, as_of, &StatusPolicy::national()), Status::Active);
            let mut no_business = p.clone();
            no_business.require_business_activity = false;
            prop_assert_eq!(assess_status(&k, as_of, &no_business), Status::Active);
        }
        // assess and assess_status agree, and an active verdict always says what is known of
        // the business.
        let a = assess(&k, as_of, &p);
        prop_assert_eq!(a.status, assess_status(&k, as_of, &p));
        if a.status == Status::Active {
            prop_assert!(a.reasons.iter().any(|r| r.code == "business_running"
                || r.code == "business_activity_unknown"));
        }
    }
}
