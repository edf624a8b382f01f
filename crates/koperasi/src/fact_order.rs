//! Facts of one record in an impossible order: each a [`Finding`] with a stable code, the
//! record's source line and the values, shown by `koperasi check` and in the report.
//!
//! | code | when | `values` |
//! |---|---|---|
//! | `dissolved_before_founding` | dissolved before the founding date (or in a year before the founding year) | dissolution `YYYYMMDD`, founding `YYYYMMDD` (or year) |
//! | `rat_before_founding` | an RAT for a book year before the founding year, or held before the founding date | book year, RAT date `YYYYMMDD` (0 when not recorded), founding `YYYYMMDD` (or year) |
//! | `rat_after_dissolution` | an RAT held after the dissolution date, or (undated) for a book year after the year of dissolution | book year, RAT date `YYYYMMDD` (0 when not recorded), dissolution `YYYYMMDD` |
//! | `last_rat_after_data_date` | a register's last RAT is for a book year not closed on the register's data date, or dated after it | book year, RAT date `YYYYMMDD` (0 when not recorded), data date `YYYYMMDD` |
//!
//! The founding date and year are [`Koperasi::founded`] and [`Koperasi::founding_year`] (an
//! amendment number never founds). Dates in `values` are integers `YYYYMMDD` (`20241231`).
//! All are errors: the record contradicts itself; the status is still derived from its facts.

use crate::cooperative::{Koperasi, Rat, RatKnowledge};
use crate::stats::checks::{Finding, Severity};
use chrono::{Datelike, NaiveDate};

/// The codes of [`fact_order_findings`], with their English and Indonesian labels.
pub const FACT_ORDER_CODES: &[(&str, &str, &str)] = &[
    (
        "dissolved_before_founding",
        "Dissolved before it was founded",
        "Dibubarkan sebelum didirikan",
    ),
    (
        "rat_before_founding",
        "RAT before the founding",
        "RAT sebelum pendirian",
    ),
    (
        "rat_after_dissolution",
        "RAT after the dissolution",
        "RAT setelah pembubaran",
    ),
    (
        "last_rat_after_data_date",
        "Last RAT after the register's data date",
        "RAT terakhir setelah tanggal data register",
    ),
];

/// `2024-12-31` -> `20241231`.
pub(crate) fn date_value(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day())
}

/// The founding as (value, English text, Indonesian text): the date when known, else the year.
fn founding(k: &Koperasi) -> Option<(i64, String, String)> {
    match (k.founded(), k.founding_year()) {
        (Some(d), _) => Some((
            date_value(d),
            format!("founded on {d}"),
            format!("didirikan {}", crate::locale::format_date(d)),
        )),
        (None, Some(y)) => Some((
            i64::from(y),
            format!("founded in {y}"),
            format!("didirikan tahun {y}"),
        )),
        (None, None) => None,
    }
}

/// The RAT as (English, Indonesian) text and its date value (0 when not recorded).
fn rat_text(r: &Rat) -> (String, String, i64) {
    match r.date {
        Some(d) => (
            format!("RAT for book year {} held on {d}", r.book_year),
            format!(
                "RAT tahun buku {} diadakan {}",
                r.book_year,
                crate::locale::format_date(d)
            ),
            date_value(d),
        ),
        None => (
            format!("RAT for book year {}", r.book_year),
            format!("RAT tahun buku {}", r.book_year),
            0,
        ),
    }
}

fn finding(k: &Koperasi, code: &str, values: Vec<i64>, en: String, id: String) -> Finding {
    Finding {
        code: code.to_string(),
        severity: Severity::Error,
        region: None,
        periods: Vec::new(),
        measure: None,
        lines: k.source_line.into_iter().collect(),
        values,
        message_en: format!("{}: {en}", k.name),
        message_id: format!("{}: {id}", k.name),
    }
}

/// Every fact-order finding of one record (see the module documentation), in the order of the
/// table; at most one per code (the earliest RAT for `rat_before_founding`, the latest for
/// `rat_after_dissolution`).
pub fn fact_order_findings(k: &Koperasi) -> Vec<Finding> {
    let mut out = Vec::new();
    let founded = founding(k);
    if let (Some(d), Some((fv, f_en, f_id))) = (k.dissolution, &founded) {
        let before = match k.founded() {
            Some(f) => d.date < f,
            None => k.founding_year().is_some_and(|y| d.date.year() < y),
        };
        if before {
            out.push(finding(
                k,
                "dissolved_before_founding",
                vec![date_value(d.date), *fv],
                format!("dissolved on {}, but {f_en}", d.date),
                format!(
                    "dibubarkan {}, tetapi {f_id}",
                    crate::locale::format_date(d.date)
                ),
            ));
        }
    }
    if let Some((fv, f_en, f_id)) = &founded {
        let early = k.rat.iter().filter(|r| {
            k.founding_year().is_some_and(|y| r.book_year < y)
                || matches!((r.date, k.founded()), (Some(rd), Some(fd)) if rd < fd)
        });
        if let Some(r) = early.min() {
            let (en, id, rv) = rat_text(r);
            out.push(finding(
                k,
                "rat_before_founding",
                vec![i64::from(r.book_year), rv, *fv],
                format!("{en}, but {f_en}"),
                format!("{id}, tetapi {f_id}"),
            ));
        }
    }
    if let Some(d) = k.dissolution {
        let late = k.rat.iter().filter(|r| match r.date {
            Some(rd) => rd > d.date,
            None => r.book_year > d.date.year(),
        });
        if let Some(r) = late.max() {
            let (en, id, rv) = rat_text(r);
            out.push(finding(
                k,
                "rat_after_dissolution",
                vec![i64::from(r.book_year), rv, date_value(d.date)],
                format!("{en}, after the dissolution on {}", d.date),
                format!(
                    "{id}, setelah pembubaran {}",
                    crate::locale::format_date(d.date)
                ),
            ));
        }
    }
    if let RatKnowledge::LastRat { year, as_of } = k.rat_known {
        let rat = k.rat.iter().find(|r| r.book_year == year).copied();
        let dated_after = rat.and_then(|r| r.date).is_some_and(|rd| rd > as_of);
        if year >= as_of.year() || dated_after {
            let (en, id, rv) = rat_text(&rat.unwrap_or(Rat {
                book_year: year,
                date: None,
            }));
            out.push(finding(
                k,
                "last_rat_after_data_date",
                vec![i64::from(year), rv, date_value(as_of)],
                format!(
                    "last {en}, after the register's data date {as_of} (book year {year} \
                     closes on {year}-12-31; its RAT is held after that)"
                ),
                format!(
                    "{id} sebagai RAT terakhir, setelah tanggal data register {} (tahun buku \
                     {year} berakhir 31 Desember {year}; RAT-nya diadakan sesudahnya)",
                    crate::locale::format_date(as_of)
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::cooperative::{Dissolution, DissolvedBy};
    use crate::identity::NomorBadanHukum;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn coop(founded: &str) -> Koperasi {
        let mut k = Koperasi::new("KSP Maju");
        k.source_line = Some(7);
        k.tanggal_badan_hukum = Some(d(founded));
        k
    }

    fn codes(k: &Koperasi) -> Vec<String> {
        fact_order_findings(k).into_iter().map(|f| f.code).collect()
    }

    #[test]
    fn dissolution_before_founding() {
        let mut k = coop("2010-05-01");
        k.dissolution = Some(Dissolution {
            date: d("2009-12-31"),
            by: DissolvedBy::Government,
        });
        let f = fact_order_findings(&k);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "dissolved_before_founding");
        assert_eq!(f[0].lines, vec![7]);
        assert_eq!(f[0].values, vec![20091231, 20100501]);
        assert!(
            f[0].message_en
                .contains("dissolved on 2009-12-31, but founded on 2010-05-01")
        );
        assert!(f[0].message_id.contains("dibubarkan 31 Desember 2009"));
        // The founding day itself is no contradiction.
        k.dissolution = Some(Dissolution {
            date: d("2010-05-01"),
            by: DissolvedBy::Unknown,
        });
        assert!(codes(&k).is_empty());
        // Only a founding year, from the number: a dissolution in an earlier year.
        let mut k = Koperasi::new("KUD");
        k.badan_hukum = NomorBadanHukum::parse("9290/BH/KWK-10/IX-1996");
        k.dissolution = Some(Dissolution {
            date: d("1995-03-01"),
            by: DissolvedBy::Unknown,
        });
        assert_eq!(fact_order_findings(&k)[0].values, vec![19950301, 1996]);
    }

    #[test]
    fn rat_before_founding() {
        let mut k = coop("2015-08-17");
        k.rat.push(Rat {
            book_year: 2015,
            date: Some(d("2016-03-01")),
        });
        assert!(codes(&k).is_empty());
        k.rat.push(Rat {
            book_year: 2013,
            date: Some(d("2014-03-01")),
        });
        k.rat.push(Rat {
            book_year: 2014,
            date: None,
        });
        let f = fact_order_findings(&k);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "rat_before_founding");
        assert_eq!(f[0].values, vec![2013, 20140301, 20150817]);
    }

    #[test]
    fn an_amendment_date_does_not_found() {
        // RATs before the 1996 amendment are no contradiction: the amendment founds nothing.
        let mut k = Koperasi::new("KUD Sukawati");
        k.badan_hukum = NomorBadanHukum::parse("56/BH/PAD/KWK.22/III/96");
        k.tanggal_badan_hukum = Some(d("1996-03-25"));
        k.rat.push(Rat {
            book_year: 1990,
            date: Some(d("1991-03-01")),
        });
        assert!(codes(&k).is_empty());
    }

    #[test]
    fn rat_after_dissolution() {
        let mut k = coop("2000-01-10");
        k.dissolution = Some(Dissolution {
            date: d("2020-06-30"),
            by: DissolvedBy::MemberMeeting,
        });
        k.rat.push(Rat {
            book_year: 2019,
            date: Some(d("2020-06-30")),
        });
        assert!(codes(&k).is_empty(), "the meeting on the dissolution day");
        k.rat.push(Rat {
            book_year: 2020,
            date: Some(d("2021-03-01")),
        });
        k.rat.push(Rat {
            book_year: 2021,
            date: None,
        });
        let f = fact_order_findings(&k);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code, "rat_after_dissolution");
        assert_eq!(f[0].values, vec![2021, 0, 20200630]);
    }

    #[test]
    fn last_rat_after_the_data_date() {
        let as_of = d("2024-12-31");
        let mut k = coop("2000-01-10");
        k.rat_known = RatKnowledge::LastRat { year: 2023, as_of };
        k.rat.push(Rat {
            book_year: 2023,
            date: Some(d("2024-03-10")),
        });
        assert!(codes(&k).is_empty());
        // Dated after the register's date.
        k.rat[0].date = Some(d("2025-02-01"));
        let f = fact_order_findings(&k);
        assert_eq!(f[0].code, "last_rat_after_data_date");
        assert_eq!(f[0].values, vec![2023, 20250201, 20241231]);
        // A book year not closed on the register's date (2024 closes on its last day).
        let mut k = coop("2000-01-10");
        k.rat_known = RatKnowledge::LastRat { year: 2024, as_of };
        k.rat.push(Rat {
            book_year: 2024,
            date: None,
        });
        assert_eq!(fact_order_findings(&k)[0].values, vec![2024, 0, 20241231]);
        // A year in the future; without a data date nothing can be said.
        k.rat_known = RatKnowledge::LastRat { year: 2030, as_of };
        assert_eq!(codes(&k), vec!["last_rat_after_data_date"]);
        k.rat_known = RatKnowledge::After { year: 2030 };
        assert!(codes(&k).is_empty());
    }

    #[test]
    fn every_code_is_labelled() {
        let mut k = coop("2010-05-01");
        k.dissolution = Some(Dissolution {
            date: d("2009-01-01"),
            by: DissolvedBy::Unknown,
        });
        k.rat.push(Rat {
            book_year: 2008,
            date: Some(d("2009-03-01")),
        });
        k.rat_known = RatKnowledge::LastRat {
            year: 2008,
            as_of: d("2008-12-31"),
        };
        let got = codes(&k);
        let all: Vec<&str> = FACT_ORDER_CODES.iter().map(|(c, _, _)| *c).collect();
        assert_eq!(got, all);
    }
}
