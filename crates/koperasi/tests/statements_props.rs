//! Property tests of the statement checks: a consistent synthetic set of statements (a
//! funnel per kecamatan at one date, their totals, and an on-record series with its stated
//! changes) gives no finding; changing any one figure gives a finding naming that statement.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use koperasi::statements::{Definition, Relations, StatedValue, Statement, check_statements};
use koperasi::stats::Period;
use proptest::prelude::*;

/// One kecamatan's consistent funnel: (definition, count).
fn funnel() -> impl Strategy<Value = Vec<(Definition, i64)>> {
    (
        0i64..200,
        0i64..200,
        0i64..100,
        0i64..50,
        0i64..50,
        0i64..50,
    )
        .prop_flat_map(|(ver, nis_extra, active, inactive, rec_extra, _)| {
            (
                Just((ver, nis_extra, active, inactive, rec_extra)),
                0..=ver,
                0..=active,
            )
        })
        .prop_flat_map(|(t, found, rat)| (Just((t, found, rat)), 0..=found))
        .prop_map(
            |(((ver, nis_extra, active, inactive, rec_extra), found, rat), ident)| {
                use Definition::*;
                let on_record = (active + inactive).max(ident) + rec_extra;
                vec![
                    (OnRecord, on_record),
                    (InNationalSystem, ver + nis_extra),
                    (Verified, ver),
                    (Found, found),
                    (NotFound, ver - found),
                    (Identified, ident),
                    (Active, active),
                    (Inactive, inactive),
                    (RatHeld, rat),
                ]
            },
        )
}

fn statement(id: String, definition: Definition, value: StatedValue) -> Statement {
    Statement {
        id,
        said_on: NaiveDate::from_ymd_opt(2025, 2, 1),
        describes: Some(Period::Year(2024)),
        region: Some("Kota Contoh".into()),
        definition,
        policy: None,
        book_year: None,
        breakdown: None,
        value,
        percent_of: None,
        stated_change: None,
        change_from: None,
        source: Some("synthetic".into()),
        quote: None,
        line: None,
    }
}

/// The consistent set: per-kecamatan funnels, their totals, a percentage of RAT among the
/// active (one decimal), and on-record totals for 2022 and 2023 with stated changes.
fn consistent(kecs: &[Vec<(Definition, i64)>], earlier: (i64, i64)) -> Vec<Statement> {
    let mut out = Vec::new();
    let mut totals: Vec<(Definition, i64)> = Vec::new();
    for (k, f) in kecs.iter().enumerate() {
        for (d, n) in f {
            let mut s = statement(
                format!("{}@k{k}", d.code()),
                d.clone(),
                StatedValue::Count(*n),
            );
            s.breakdown = Some(("kecamatan".into(), format!("K{k}")));
            out.push(s);
            match totals.iter_mut().find(|(x, _)| x == d) {
                Some(t) => t.1 += n,
                None => totals.push((d.clone(), *n)),
            }
        }
    }
    let total_of = |d: &Definition| totals.iter().find(|(x, _)| x == d).map_or(0, |t| t.1);
    let (y22, y23) = earlier;
    let rec24 = total_of(&Definition::OnRecord);
    for (y, n) in [(2022, y22), (2023, y23)] {
        let mut s = statement(
            format!("on_record@{y}"),
            Definition::OnRecord,
            StatedValue::Count(n),
        );
        s.describes = Some(Period::Year(y));
        out.push(s);
    }
    if let Some(s) = out.iter_mut().find(|s| s.id == "on_record@2023") {
        s.stated_change = Some(y23 - y22);
    }
    for (d, n) in &totals {
        let mut s = statement(d.code().to_string(), d.clone(), StatedValue::Count(*n));
        if *d == Definition::OnRecord {
            s.stated_change = Some(rec24 - y23);
        }
        out.push(s);
    }
    let active = total_of(&Definition::Active);
    if active > 0 {
        let p = (total_of(&Definition::RatHeld) as f64 * 1000.0 / active as f64).round() / 10.0;
        let mut s = statement(
            "rat_pct".into(),
            Definition::RatHeld,
            StatedValue::Percent(p),
        );
        s.percent_of = Some(Definition::Active);
        out.push(s);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_consistent_set_gives_no_finding(
        kecs in prop::collection::vec(funnel(), 1..4),
        earlier in (0i64..1000, 0i64..1000),
    ) {
        let set = consistent(&kecs, earlier);
        let f = check_statements(&set, &Relations::embedded());
        prop_assert!(f.is_empty(), "{:#?}", f);
    }

    #[test]
    fn changing_one_figure_is_found(
        kecs in prop::collection::vec(funnel(), 1..4),
        earlier in (0i64..1000, 0i64..1000),
        pick in any::<prop::sample::Index>(),
        delta in prop_oneof![-20i64..=-1, 1i64..=20],
        change_the_stated_change in any::<bool>(),
    ) {
        let mut set = consistent(&kecs, earlier);
        let i = pick.index(set.len());
        let s = &mut set[i];
        let id = s.id.clone();
        match (s.value, s.stated_change) {
            (_, Some(c)) if change_the_stated_change => s.stated_change = Some(c + delta),
            (StatedValue::Count(n), _) => s.value = StatedValue::Count(n + delta),
            // Beyond any rounding of a percentage (at most ± 5 points).
            (StatedValue::Percent(p), _) => s.value = StatedValue::Percent(p + delta.signum() as f64 * 11.0),
        }
        let f = check_statements(&set, &Relations::embedded());
        prop_assert!(
            f.iter().any(|x| x.statements.contains(&id)),
            "changing {} gave no finding naming it: {:#?}", id, f
        );
    }
}
