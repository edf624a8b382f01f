//! Consistency checks on small hand-made panels (values chosen so the expected result is
//! obvious by arithmetic), plus parameter handling.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::type_complexity
)]

use koperasi::stats::{
    CheckParams, Finding, Panel, PanelRow, Period, Severity, StatedContext, SwingParams,
    check_children_vs_parent, check_children_vs_parent_region, check_duplicates,
    check_parts_vs_total, check_stated_change, check_stated_pct_change, check_swings, run_checks,
};
use std::collections::BTreeMap;

fn row(line: u64, region: &str, period: &str, vals: &[(&str, i64)]) -> PanelRow {
    PanelRow {
        line,
        region: region.into(),
        region_code: None,
        period: Period::parse(period).unwrap(),
        values: vals
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect::<BTreeMap<_, _>>(),
        extra: Vec::new(),
    }
}

#[test]
fn parts_vs_total() {
    let panel = Panel::new(vec![
        row(
            2,
            "Kota A",
            "2021-Q1",
            &[("aktif", 10), ("tidak_aktif", 5), ("total", 15)],
        ),
        row(
            3,
            "Kota B",
            "2021-Q1",
            &[("aktif", 10), ("tidak_aktif", 5), ("total", 16)],
        ),
        row(4, "Kota C", "2021-Q1", &[("aktif", 10), ("total", 16)]), // part missing: skipped
    ]);
    let f = check_parts_vs_total(&panel, &["aktif", "tidak_aktif"], "total");
    assert_eq!(f.len(), 1);
    let f = &f[0];
    assert_eq!(f.code, "parts_not_equal_total");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.region.as_deref(), Some("Kota B"));
    assert_eq!(f.lines, vec![3]);
    assert_eq!(f.values, vec![10, 5, 16]);
    assert!(
        f.message_en.contains("= 15 but total is 16"),
        "{}",
        f.message_en
    );
    assert!(
        f.message_id.contains("tetapi total tercatat 16"),
        "{}",
        f.message_id
    );
}

#[test]
fn children_vs_parent() {
    let children = Panel::new(vec![
        row(2, "Kota A", "2021", &[("total", 1_000)]),
        row(3, "Kota B", "2021", &[("total", 234)]),
        row(4, "Kota A", "2022", &[("total", 1_000)]),
        row(5, "Kota B", "2022", &[("total", 300)]),
    ]);
    let parent = Panel::new(vec![
        row(10, "Provinsi X", "2021", &[("total", 1_234)]),
        row(11, "Provinsi X", "2022", &[("total", 1_234)]),
        row(12, "Provinsi X", "2023", &[("total", 1_234)]),
    ]);
    let f = check_children_vs_parent(&children, &parent, "total");
    let codes: Vec<(&str, Vec<Period>, Vec<i64>, Vec<u64>)> = f
        .iter()
        .map(|f| {
            (
                f.code.as_str(),
                f.periods.clone(),
                f.values.clone(),
                f.lines.clone(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            (
                "child_sum_not_equal_parent",
                vec![Period::Year(2022)],
                vec![1_234, 1_300],
                vec![11, 4, 5]
            ),
            (
                "children_missing",
                vec![Period::Year(2023)],
                vec![1_234],
                vec![12]
            ),
        ]
    );
    assert!(
        f[0].message_en
            .contains("the 2 regions below it sum to 1,300 (difference 66)"),
        "{}",
        f[0].message_en
    );
    assert!(f[0].message_id.contains("1.300"), "{}", f[0].message_id);

    // the same with the parent rows inside the panel
    let mut all = children.rows.clone();
    all.extend(parent.rows.clone());
    let f2 = check_children_vs_parent_region(&Panel::new(all), "PROVINSI  X", "total");
    assert_eq!(f2, f);
}

#[test]
fn stated_change() {
    let ctx = StatedContext {
        region: Some("Indonesia".into()),
        from_period: Some(Period::Year(2017)),
        to_period: Some(Period::Year(2018)),
        measure: Some("aktif".into()),
        lines: vec![],
    };
    // DOMAIN.md §5.1: 152,174 -> 126,343 is a change of -25,831
    assert!(check_stated_change(-25_831, 152_174, 126_343, &ctx).is_empty());
    let f = check_stated_change(-25_000, 152_174, 126_343, &ctx);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, "stated_change_mismatch");
    assert_eq!(f[0].values, vec![-25_000, 152_174, 126_343]);
    assert_eq!(f[0].periods, vec![Period::Year(2017), Period::Year(2018)]);
    assert!(
        f[0].message_en.contains("change -25,831"),
        "{}",
        f[0].message_en
    );
    // dataindonesia.id states -16.97 %
    assert!(check_stated_pct_change(-16.97, 152_174, 126_343, 0.005, &ctx).is_empty());
    let f = check_stated_pct_change(-17.5, 152_174, 126_343, 0.005, &ctx);
    assert_eq!(f[0].code, "stated_pct_change_mismatch");
    assert!(f[0].message_en.contains("-16.97 %"), "{}", f[0].message_en);
    assert_eq!(
        check_stated_pct_change(5.0, 0, 3, 0.1, &StatedContext::default()).len(),
        1
    );
}

fn series(region: &str, vals: &[i64]) -> Vec<PanelRow> {
    vals.iter()
        .enumerate()
        .map(|(i, v)| {
            row(
                i as u64 + 2,
                region,
                &format!("{}", 2000 + i),
                &[("total", *v)],
            )
        })
        .collect()
}

fn swings(vals: &[i64], p: &SwingParams) -> Vec<Finding> {
    check_swings(&Panel::new(series("Kota A", vals)), "total", p)
}

#[test]
fn swing_rules() {
    let p = SwingParams::default();
    // a drop of 62 % that comes back next period
    let f = swings(&[949, 356, 925], &p);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].values, vec![949, 356, 925]);
    assert_eq!(f[0].lines, vec![2, 3, 4]);
    assert_eq!(f[0].severity, Severity::Warning);
    // a real fall that stays: not flagged
    assert!(swings(&[949, 356, 360, 370], &p).is_empty());
    // comes back after 2 periods: flagged; after 3: not
    assert_eq!(swings(&[1000, 400, 420, 990], &p).len(), 1);
    assert!(swings(&[1000, 400, 420, 430, 990], &p).is_empty());
    // a jump up that reverts
    assert_eq!(swings(&[100, 300, 110], &p)[0].values, vec![100, 300, 110]);
    // large relative but below the absolute minimum (50)
    assert!(swings(&[40, 5, 40], &p).is_empty());
    // 30 % is below 40 %
    assert!(swings(&[1000, 700, 1000], &p).is_empty());
    // does not come back close enough (tolerance 15 %: 1000 -> 800 is 20 % off)
    assert!(swings(&[1000, 400, 800], &p).is_empty());
    // thresholds are parameters
    let loose = SwingParams {
        min_relative: 0.2,
        ..SwingParams::default()
    };
    assert_eq!(swings(&[1000, 700, 1000], &loose).len(), 1);
    // two separate glitches give two findings
    assert_eq!(swings(&[1000, 100, 1000, 1000, 3000, 1000], &p).len(), 2);
    // the series is per region
    let mut rows = series("Kota A", &[1000, 1000]);
    rows.extend(series("Kota B", &[100, 1000]));
    assert!(check_swings(&Panel::new(rows), "total", &p).is_empty());
}

#[test]
fn params_validate_and_deserialize() {
    assert!(SwingParams::default().validate().is_ok());
    let bad = SwingParams {
        min_relative: f64::NAN,
        ..SwingParams::default()
    };
    assert_eq!(bad.validate().unwrap_err().code(), "stats_bad_parameter");
    assert!(swings(&[949, 356, 925], &bad).is_empty());
    let bad = SwingParams {
        max_revert_periods: 0,
        ..SwingParams::default()
    };
    assert_eq!(bad.validate().unwrap_err().code(), "stats_bad_parameter");
    let p: CheckParams = serde_json::from_str("{}").unwrap();
    assert_eq!(p, CheckParams::default());
    let p: CheckParams =
        serde_json::from_str(r#"{"swing": {"min_relative": 0.2}, "parent_region": "Jawa Timur"}"#)
            .unwrap();
    assert_eq!(p.swing.min_relative, 0.2);
    assert_eq!(p.swing.min_absolute, 50);
    assert_eq!(p.parent_region.as_deref(), Some("Jawa Timur"));
}

#[test]
fn run_checks_and_duplicates() {
    let panel = Panel::new(vec![
        row(
            2,
            "Kota A",
            "2021",
            &[("aktif", 1), ("tidak_aktif", 1), ("total", 2)],
        ),
        row(
            3,
            "kota a",
            "2021",
            &[("aktif", 1), ("tidak_aktif", 1), ("total", 3)],
        ),
        row(
            4,
            "Jatim",
            "2021",
            &[("aktif", 2), ("tidak_aktif", 2), ("total", 5)],
        ),
    ]);
    assert_eq!(check_duplicates(&panel).len(), 1);
    let params = CheckParams {
        parent_region: Some("Jatim".into()),
        ..CheckParams::default()
    };
    let f = run_checks(&panel, &params);
    let codes: Vec<(&str, Option<&str>)> = f
        .iter()
        .map(|f| (f.code.as_str(), f.measure.as_deref()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("duplicate_row", None),
            ("parts_not_equal_total", Some("total")), // line 3: 1 + 1 != 3
            ("parts_not_equal_total", Some("total")), // line 4: 2 + 2 != 5
            // children vs parent: aktif 2 = 2, tidak_aktif 2 = 2, total 5 vs 2 + 3
            // (duplicates both count) = 5: no finding; `Kota A` is no Indonesian region
            ("unknown_region", None),
        ]
    );
    assert_eq!(f[0].lines, vec![2, 3]);
    let json = serde_json::to_value(&f[1]).unwrap();
    assert_eq!(json["severity"], "error");
    assert_eq!(json["periods"][0], "2021");
}
