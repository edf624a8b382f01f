//! Kaplan-Meier and cohort survival agree when nothing is censored (DOMAIN.md 5.4), and the
//! lifeline of a record follows its status.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::cooperative::{
    Dissolution, DissolvedBy, Koperasi, Origin, OriginKind, Rat, RatKnowledge,
};
use koperasi::demography::{
    DemographyParams, Lifeline, Population, cohort_survival, kaplan_meier, lifeline, survival_data,
    yearly_demography,
};
use koperasi::status::StatusPolicy;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// One founding-year cohort, every death confirmed: S_KM(k) = survivors(c + k) / births.
    #[test]
    fn km_without_censoring_is_cohort_survival(lifetimes in proptest::collection::vec(1i32..15, 1..80)) {
        let c = 2010;
        let lifelines: Vec<Lifeline> = lifetimes
            .iter()
            .map(|&d| Lifeline { founded: Some(c), active_years: (c..c + d).collect(), ..Lifeline::default() })
            .collect();
        let last = 2040;
        let data = survival_data(&lifelines, c, last, 2);
        prop_assert!(data.observed.iter().all(|o| *o), "no censoring expected");
        let km = kaplan_meier(&data.durations, &data.observed, Some(&data.entry), 0.05).unwrap();
        let cohort = cohort_survival(&lifelines, c, c, last, 5).unwrap();
        let rates = &cohort[0].rates;
        for k in 1..=5 {
            let rate = rates[k - 1].unwrap() / 100.0;
            prop_assert!((km.survival_at(k as f64) - rate).abs() < 1e-12,
                "k = {}: KM {} vs cohort {}", k, km.survival_at(k as f64), rate);
        }
    }
}

#[test]
fn lifeline_of_a_record_follows_its_status() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let mut k = Koperasi::new("KSP Maju");
    k.tanggal_badan_hukum = Some(d(2015, 3, 1));
    k.rat_known = RatKnowledge::Complete;
    // RATs for 2015 and 2016 only: active (national, window 3) until the 2019 RAT falls due
    // on 30 June 2020 with no RAT for 2017-2019; inactive from 1 July 2020.
    k.rat = vec![
        Rat {
            book_year: 2015,
            date: Some(d(2016, 4, 1)),
        },
        Rat {
            book_year: 2016,
            date: Some(d(2017, 4, 1)),
        },
    ];
    let p = StatusPolicy::national();
    let l = lifeline(&k, &p, Population::Active, 2014, 2024, d(2024, 12, 31));
    assert_eq!(l.founded, Some(2015));
    assert_eq!(l.active_years, vec![2015, 2016, 2017, 2018, 2019, 2020]);
    let rows = yearly_demography(
        std::slice::from_ref(&l),
        2015,
        2024,
        2024,
        &DemographyParams::default(),
    )
    .unwrap();
    assert_eq!(rows[0].births, 1);
    assert_eq!(
        rows[5].deaths_statistical, 1,
        "death dated 2020, the last active year"
    );
    // Dissolved by the government in March 2022: the death becomes legal (within 2 years).
    k.dissolution = Some(Dissolution {
        date: d(2022, 3, 1),
        by: DissolvedBy::Government,
    });
    let l = lifeline(&k, &p, Population::Active, 2014, 2024, d(2024, 12, 31));
    let rows = yearly_demography(&[l], 2015, 2024, 2024, &DemographyParams::default()).unwrap();
    assert_eq!((rows[5].deaths_legal, rows[5].deaths_statistical), (1, 0));
    assert_eq!(rows[7].dissolutions, 1);
    // Registered population: on the register from 2015 until dissolved in 2022.
    let l = lifeline(&k, &p, Population::Registered, 2014, 2024, d(2024, 12, 31));
    assert_eq!(l.active_years, (2015..=2022).collect::<Vec<_>>());
    // A merger is not a birth.
    k.origin = Some(Origin {
        kind: OriginKind::Merger,
        date: None,
    });
    let l = lifeline(&k, &p, Population::Active, 2014, 2024, d(2024, 12, 31));
    assert!(!l.is_birth());
}

/// Review finding 2 on plain lifelines: an unknown year after a spell is not inactivity, so
/// neither a death (window 2) nor, once activity is seen again, a reactivation is inferred.
#[test]
fn unknown_years_infer_no_death_or_reactivation() {
    use koperasi::demography::{DemographyParams, Lifeline, yearly_demography};
    // Active 2015-2016, unknown 2017, active 2018: before the fix 2017 was a gap (a
    // reactivation in 2018); now the year before 2018 is unknown.
    let a = Lifeline {
        founded: Some(2015),
        active_years: vec![2015, 2016, 2018],
        unknown_years: vec![2017],
        ..Lifeline::default()
    };
    // Active 2015, then unknown 2016-2017, nothing after: no statistical death in 2015.
    let b = Lifeline {
        founded: Some(2015),
        active_years: vec![2015],
        unknown_years: vec![2016, 2017],
        ..Lifeline::default()
    };
    let rows = yearly_demography(&[a, b], 2015, 2018, 2020, &DemographyParams::default()).unwrap();
    let r = |y: i32| rows.iter().find(|r| r.year == y).unwrap();
    assert_eq!((r(2015).births, r(2015).deaths), (2, 0));
    assert_eq!(r(2015).deaths_undetermined, 1);
    // a's spell ending 2016 sees activity again within the window (2018): no death at all.
    assert_eq!((r(2016).deaths_undetermined, r(2016).deaths), (0, 0));
    assert_eq!(r(2018).reactivations, 0);
    assert!(r(2018).incomplete && r(2017).incomplete);
    assert_eq!(r(2017).unknown_status, 2);
}
