//! Growth statistics. Fixture: national active cooperatives (DOMAIN.md §5.1, BPS/Kemenkop via
//! dataindonesia.id): 2013: 143,117 ... 2017: 152,174; 2018: 126,343; 2019: 123,048;
//! 2020: 127,124; 2021: 127,846. Expected values computed with python3.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::stats::{
    GrowthRow, Panel, PanelRow, Period, active_share, cagr, change, pct_change, rank_by_change,
    shrank_most,
};
use std::collections::BTreeMap;

fn r2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[test]
fn national_active_coops_2017_2018() {
    assert_eq!(change(152_174, 126_343), -25_831);
    let pct = pct_change(152_174, 126_343).unwrap();
    assert_eq!(r2(pct), -16.97);
    // python3: round((123048-126343)/126343*100, 2) = -2.61; (127124-123048)/123048 -> 3.31
    assert_eq!(r2(pct_change(126_343, 123_048).unwrap()), -2.61);
    assert_eq!(r2(pct_change(123_048, 127_124).unwrap()), 3.31);
}

#[test]
fn cagr_2013_2021() {
    // python3: ((127846/143117)**(1/8)-1)*100 = -1.4005505307014388
    let years = Period::years_between(&Period::Year(2013), &Period::Year(2021));
    assert_eq!(years, 8.0);
    let c = cagr(143_117, 127_846, years).unwrap();
    assert!((c - -1.400_550_530_701_438_8).abs() < 1e-9, "{c}");
    assert_eq!(cagr(100, 0, 2.0).unwrap(), -100.0);
    assert_eq!(cagr(100, 121, 2.0).unwrap().round(), 10.0);
}

#[test]
fn growth_errors() {
    assert_eq!(
        pct_change(0, 5).unwrap_err().code(),
        "stats_non_positive_base"
    );
    assert_eq!(
        pct_change(-3, 5).unwrap_err().code(),
        "stats_non_positive_base"
    );
    assert_eq!(
        cagr(0, 5, 1.0).unwrap_err().code(),
        "stats_non_positive_base"
    );
    assert_eq!(cagr(5, -1, 1.0).unwrap_err().code(), "stats_negative_value");
    assert_eq!(
        cagr(5, 6, 0.0).unwrap_err().code(),
        "stats_non_positive_years"
    );
    assert_eq!(
        cagr(5, 6, -1.0).unwrap_err().code(),
        "stats_non_positive_years"
    );
    assert_eq!(
        cagr(5, 6, f64::NAN).unwrap_err().code(),
        "stats_non_positive_years"
    );
    assert_eq!(
        active_share(1, 0).unwrap_err().code(),
        "stats_non_positive_base"
    );
    assert_eq!(
        active_share(3, 2).unwrap_err().code(),
        "stats_part_exceeds_total"
    );
    assert_eq!(
        active_share(-1, 2).unwrap_err().code(),
        "stats_negative_value"
    );
    let e = cagr(0, 5, 1.0).unwrap_err();
    assert!(
        e.to_string().contains("CAGR") && e.to_string().contains('0'),
        "{e}"
    );
}

#[test]
fn active_share_surabaya_2022_q1() {
    // data/samples/jatim...: Kota Surabaya 2022-Q1 aktif 1600, total 1976; python3: 0.8097165991902834
    let s = active_share(1600, 1976).unwrap();
    assert!((s - 0.809_716_599_190_283_4).abs() < 1e-12);
    assert_eq!(active_share(0, 5).unwrap(), 0.0);
    assert_eq!(active_share(5, 5).unwrap(), 1.0);
}

fn row(region: &str, period: &str, total: i64) -> PanelRow {
    PanelRow::new(
        0,
        region,
        Period::parse(period).unwrap(),
        BTreeMap::from([("total".to_string(), total)]),
    )
}

#[test]
fn growth_rows_and_ranking() {
    let panel = Panel::new(vec![
        row("Kota A", "2020", 100),
        row("Kota B", "2020", 0),
        row("Kota C", "2020", 50),
        row("Kota A", "2021", 90),
        row("Kota B", "2021", 10),
        row("Kota C", "2021", 80),
        row("Kota D", "2021", 5),
    ]);
    let g = panel.growth("total", Period::Year(2020), Period::Year(2021));
    assert_eq!(g.len(), 3); // Kota D has no 2020 figure
    assert_eq!(
        g[0],
        GrowthRow {
            region: "Kota A".into(),
            region_code: None,
            from_period: Period::Year(2020),
            to_period: Period::Year(2021),
            from: 100,
            to: 90,
            change: -10,
            pct_change: Some(-10.0),
        }
    );
    assert_eq!(g[1].pct_change, None); // from 0
    let ranked_rows = rank_by_change(&g);
    let ranked: Vec<&str> = ranked_rows.iter().map(|r| r.region.as_str()).collect();
    assert_eq!(ranked, vec!["Kota C", "Kota B", "Kota A"]);
    let s = shrank_most(&g, 5);
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].region, "Kota A");
    assert_eq!(
        panel
            .total_cagr("total", Period::Year(2021), Period::Year(2020))
            .unwrap_err()
            .code(),
        "stats_empty_span"
    );
}

/// Regression: a CAGR that overflows f64 is an error, never `Ok(inf)`; NaN and infinite spans
/// are refused.
#[test]
fn cagr_is_finite_or_an_error() {
    let e = cagr(1, 2, 1e-300).unwrap_err();
    assert_eq!(e.code(), "stats_not_finite");
    assert!(
        e.to_string().contains("CAGR") && e.to_string().contains("1e-300"),
        "{e}"
    );
    for years in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -1e-300, 0.0] {
        let e = cagr(1, 2, years).unwrap_err();
        assert_eq!(e.code(), "stats_non_positive_years", "{years}");
    }
    // A very short but representable span is still a finite rate: 2^(1/0.01) = 2^100.
    let c = cagr(1, 2, 0.01).unwrap();
    assert!(c.is_finite());
    assert!((c / 100.0 + 1.0 - 2f64.powi(100)).abs() <= 2f64.powi(100) * 1e-12);
}

/// Regression: i64 extremes neither overflow nor give non-finite values.
#[test]
fn extremes_of_i64() {
    // change saturates at the i64 limits.
    assert_eq!(change(i64::MIN, i64::MAX), i64::MAX);
    assert_eq!(change(i64::MAX, i64::MIN), i64::MIN);
    assert_eq!(change(i64::MAX, i64::MAX), 0);
    assert_eq!(change(0, i64::MAX), i64::MAX);
    // (2^63 - 1 - 1) / 1 * 100 = 922337203685477580600 (python3: (2**63-2)*100)
    let p = pct_change(1, i64::MAX).unwrap();
    assert!(p.is_finite());
    assert_eq!(p, 922_337_203_685_477_580_600.0);
    let p = pct_change(i64::MAX, i64::MIN).unwrap();
    assert!(p.is_finite());
    // python3: (-(2**63) - (2**63-1)) / (2**63-1) * 100 -> -200.0
    assert!((p - -200.0).abs() < 1e-9, "{p}");
    // The difference is exact: one fewer than i64::MAX is a (tiny) negative change, not 0.
    let p = pct_change(i64::MAX, i64::MAX - 1).unwrap();
    assert!(p < 0.0 && p > -1e-16, "{p}");
    assert_eq!(active_share(i64::MAX, i64::MAX).unwrap(), 1.0);
    assert_eq!(active_share(0, i64::MAX).unwrap(), 0.0);
}
