//! The status sweep equals `status::assess` at every date (property tests), and the series
//! counts equal the register's status counts at each date.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::NaiveDate;
use koperasi::cooperative::{
    Dissolution, DissolvedBy, FieldCheck, Jenis, Koperasi, Rat, RatKnowledge,
};
use koperasi::demography::{Frequency, period_ends, status_series, statuses_at};
use koperasi::register::{Field, Register, record_key};
use koperasi::status::{StatusPolicy, assess, assess_status};
use koperasi::wilayah::KodeWilayah;
use proptest::prelude::*;

fn day(n: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2005, 1, 1).unwrap() + chrono::Days::new(n as u64)
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (0i64..9500).prop_map(day)
}

fn coop() -> impl Strategy<Value = Koperasi> {
    (
        proptest::option::of(any_date()),
        proptest::collection::vec((2004i32..2031, proptest::option::of(any_date())), 0..8),
        0u8..4,
        proptest::collection::vec(
            (
                any_date(),
                proptest::option::of(any::<bool>()),
                proptest::option::of(any::<bool>()),
            ),
            0..3,
        ),
        proptest::option::of(any_date()),
        proptest::option::of(prop_oneof![Just("kec A"), Just("kec B")]),
        proptest::collection::vec((2004i32..2031, any::<bool>()), 0..3),
    )
        .prop_map(|(founded, rats, known, checks, dissolved, kec, business)| {
            let mut k = Koperasi::new("KSP Uji");
            k.tanggal_badan_hukum = founded;
            k.rat = rats
                .into_iter()
                .map(|(book_year, date)| Rat { book_year, date })
                .collect();
            k.rat_known = match known {
                0 => RatKnowledge::Unknown,
                1 => RatKnowledge::Complete,
                2 => RatKnowledge::After { year: 2015 },
                _ => RatKnowledge::years(2010..2020),
            };
            k.field_checks = checks
                .into_iter()
                .map(|(date, found, business)| FieldCheck {
                    date,
                    found_at_address: found,
                    board_known: None,
                    business_active: business,
                })
                .collect();
            k.dissolution = dissolved.map(|date| Dissolution {
                date,
                by: DissolvedBy::Government,
            });
            k.location.kecamatan = kec.map(str::to_string);
            // Business activity by book year: read by policies that require it.
            k.business_activity = business
                .into_iter()
                .map(|(year, active)| koperasi::cooperative::BusinessActivity { year, active })
                .collect();
            k
        })
}

fn policy() -> impl Strategy<Value = StatusPolicy> {
    (
        0usize..4,
        1u32..5,
        0u32..25,
        any::<bool>(),
        any::<bool>(),
        proptest::option::of(1u32..800),
    )
        .prop_map(|(preset, window, months, grace, every, max_age)| {
            let mut p = match preset {
                0 => StatusPolicy::national(),
                1 => StatusPolicy::office(),
                2 => StatusPolicy::field_verification_first(),
                _ => StatusPolicy::permenkop_25_2015(),
            };
            p.rat_window_years = window;
            p.rat_deadline_months = months;
            p.grace_first_book_year = grace;
            p.require_every_year = every;
            p.field_check_max_age_days = max_age;
            p
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn sweep_equals_assess_at_every_date(
        k in coop(),
        p in policy(),
        dates in proptest::collection::vec(any_date(), 1..60),
    ) {
        let got = statuses_at(&k, &p, &dates);
        for (d, s) in dates.iter().zip(&got) {
            prop_assert_eq!(*s, assess(&k, *d, &p).status, "at {}", d);
        }
    }

    #[test]
    fn sweep_equals_assess_every_day_of_a_span(k in coop(), p in policy(), start in 0i64..8000) {
        let dates: Vec<NaiveDate> = (start..start + 1500).map(day).collect();
        let got = statuses_at(&k, &p, &dates);
        for (d, s) in dates.iter().zip(&got) {
            prop_assert_eq!(*s, assess_status(&k, *d, &p), "at {}", d);
        }
    }

    /// RAT book years far apart (more than 128 years: the sweep scans the counted RATs instead
    /// of keeping a bit set) and far from the span (deadlines not cached), through both
    /// `statuses_at` and `status_series`.
    #[test]
    fn sweep_equals_assess_with_far_book_years(
        k in coop(),
        far in proptest::collection::vec(
            (
                prop_oneof![1800i32..1830, 1960i32..1990, 2150i32..2200],
                proptest::option::of(0i64..9500),
            ),
            1..4,
        ),
        p in policy(),
        dates in proptest::collection::vec(any_date(), 1..40),
    ) {
        let mut k = k;
        for (book_year, date) in far {
            k.rat.push(Rat { book_year, date: date.map(day) });
        }
        let got = statuses_at(&k, &p, &dates);
        for (d, s) in dates.iter().zip(&got) {
            prop_assert_eq!(*s, assess_status(&k, *d, &p), "at {}", d);
        }
        let series = status_series(std::slice::from_ref(&k), &dates, &p, &[]).unwrap();
        for (j, d) in series.dates.iter().enumerate() {
            let want = assess_status(&k, *d, &p);
            for (s, col) in &series.groups[0].counts {
                prop_assert_eq!(col[j], u64::from(*s == want), "{:?} at {}", s, d);
            }
        }
    }

    /// Groups by several fields (region codes with and without a name as written, untidy
    /// text): each group holds the records whose `record_key`s are its key, in any order.
    #[test]
    fn series_groups_are_the_record_keys(
        records in proptest::collection::vec(
            (coop(), 0usize..4, 0usize..4, 0usize..4, 0usize..3),
            0..30,
        ),
        p in policy(),
    ) {
        let codes = [None, Some("35"), Some("35.06"), Some("95.05")];
        let names = [None, Some("JAWA TIMUR"), Some("Jawa  Timur "), Some("Papua")];
        let kelompok = [None, Some("KUD"), Some(" KUD "), Some("kopwan")];
        let jenis = [None, Some(Jenis::SimpanPinjam), Some(Jenis::Jasa)];
        let records: Vec<Koperasi> = records
            .into_iter()
            .map(|(mut k, c, n, g, j)| {
                k.location.code = codes[c].map(|c| KodeWilayah::parse(c).unwrap());
                k.location.provinsi = names[n].map(str::to_string);
                k.location.kab_kota = names[(n + 1) % 4].map(str::to_string);
                k.kelompok = kelompok[g].map(str::to_string);
                k.jenis = jenis[j];
                k
            })
            .collect();
        let dates = period_ends(day(1500), day(6000), Frequency::Yearly).unwrap();
        let field_sets: [&[Field]; 4] = [
            &[Field::Provinsi],
            &[Field::Kelompok],
            &[Field::Jenis, Field::FoundingYear],
            &[Field::Provinsi, Field::KabKota, Field::Kelompok, Field::Jenis, Field::FoundingYear],
        ];
        for fields in field_sets {
            let series = status_series(&records, &dates, &p, fields).unwrap();
            let mut seen = 0;
            for g in &series.groups {
                let members: Vec<&Koperasi> = records
                    .iter()
                    .filter(|k| {
                        fields.iter().map(|f| record_key(k, *f)).collect::<Vec<_>>() == g.key
                    })
                    .collect();
                prop_assert!(!members.is_empty());
                seen += members.len();
                for (j, d) in series.dates.iter().enumerate() {
                    for (s, col) in &g.counts {
                        let want = members
                            .iter()
                            .filter(|k| assess_status(k, *d, &p) == *s)
                            .count() as u64;
                        prop_assert_eq!(col[j], want);
                    }
                }
            }
            prop_assert_eq!(seen, records.len());
        }
    }

    #[test]
    fn series_counts_equal_status_counts(
        records in proptest::collection::vec(coop(), 0..25),
        p in policy(),
    ) {
        let dates = period_ends(day(1500), day(6000), Frequency::Monthly).unwrap();
        let series = status_series(&records, &dates, &p, &[]).unwrap();
        let reg = Register::new(records.clone());
        for (j, d) in series.dates.iter().enumerate() {
            let want = reg.status_counts(*d, &p);
            for (s, n) in want {
                let got: u64 = series
                    .groups
                    .iter()
                    .map(|g| g.counts.iter().find(|(x, _)| *x == s).unwrap().1[j])
                    .sum();
                prop_assert_eq!(got, n, "{:?} at {}", s, d);
            }
        }
        // By kecamatan: each group's counts equal the count over its records.
        let by_kec = status_series(&records, &dates, &p, &[Field::Kecamatan]).unwrap();
        for g in &by_kec.groups {
            let members: Vec<&Koperasi> = records
                .iter()
                .filter(|k| k.location.kecamatan.as_deref() == g.key[0].as_deref())
                .collect();
            for (j, d) in by_kec.dates.iter().enumerate() {
                for (s, col) in &g.counts {
                    let want = members.iter().filter(|k| assess_status(k, *d, &p) == *s).count() as u64;
                    prop_assert_eq!(col[j], want);
                }
            }
        }
    }
}

#[test]
fn monthly_period_ends() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let m = period_ends(d(2024, 1, 15), d(2024, 3, 1), Frequency::Monthly).unwrap();
    assert_eq!(m, vec![d(2024, 1, 31), d(2024, 2, 29), d(2024, 3, 31)]);
    let y = period_ends(d(2020, 6, 1), d(2022, 1, 1), Frequency::Yearly).unwrap();
    assert_eq!(y, vec![d(2020, 12, 31), d(2021, 12, 31), d(2022, 12, 31)]);
    assert_eq!(
        period_ends(d(2022, 1, 1), d(2021, 1, 1), Frequency::Yearly)
            .unwrap_err()
            .code(),
        "demography_empty_span"
    );
}

#[test]
fn status_is_not_a_breakdown() {
    let e = status_series(&[], &[day(0)], &StatusPolicy::national(), &[Field::Status]).unwrap_err();
    assert_eq!(e.code(), "demography_status_breakdown");
}

#[test]
fn records_without_the_new_lifecycle_fields_still_read() {
    let k = Koperasi::new("KUD Makmur");
    let mut v = serde_json::to_value(&k).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("origin");
    o.remove("business_activity");
    let back: Koperasi = serde_json::from_value(v).unwrap();
    assert_eq!(back, k);
}

#[test]
fn series_dates_as_a_caller_gives_them() {
    use koperasi::demography::SeriesDates;
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let span: SeriesDates = serde_json::from_str(
        r#"{"start": "2024-01-15", "end": "2024-03-02", "frequency": "monthly"}"#,
    )
    .unwrap();
    // month ends of January to March 2024 (a leap year)
    assert_eq!(
        span.dates().unwrap(),
        [d("2024-01-31"), d("2024-02-29"), d("2024-03-31")]
    );
    let list: SeriesDates = serde_json::from_str(r#"["2023-06-30", "2022-01-01"]"#).unwrap();
    assert_eq!(list.dates().unwrap(), [d("2023-06-30"), d("2022-01-01")]);
    let backwards: SeriesDates = serde_json::from_str(
        r#"{"start": "2024-02-01", "end": "2023-01-01", "frequency": "yearly"}"#,
    )
    .unwrap();
    assert!(backwards.dates().is_err());
}
