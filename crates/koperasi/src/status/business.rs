//! Business activity as the `permenkop_25_2015` preset reads it
//! ([`StatusPolicy::require_business_activity`]): Permenkop 25/Per/M.KUKM/IX/2015 Pasal 1
//! angka 3 calls a cooperative active when it held its RATs **and** "melakukan kegiatan usaha
//! untuk melayani anggota" (DOMAIN.md 9.1).
//!
//! The evidence, as of a date, within the RAT window `(s, e)`:
//!
//! 1. per book year, latest first from `e` down to `s`: the record's
//!    [`BusinessActivity`](crate::cooperative::BusinessActivity) for that year, else the volume
//!    usaha of its [`Finances`](crate::cooperative::Finances) (above 0: running; 0: not
//!    running; negative or absent: unknown);
//! 2. the latest usable field check (the one the status rules use) with a business finding,
//!    dated within or after the window's first year: it wins over a book-year fact when it is
//!    dated after that book year ended (it saw the business later).
//!
//! No evidence: unknown, said in the reasons (`business_activity_unknown`), never assumed.

use super::{RatFacts, Reason, StatusPolicy, Verdict, date_en, date_id, usable_check};
use crate::cooperative::Koperasi;
use chrono::{Datelike, NaiveDate};

/// Where a business fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// The record's business activity for a book year.
    Activity(i32),
    /// The volume usaha of a book year.
    Volume(i32),
    /// A field check on a date.
    Check(NaiveDate),
}

/// A business fact: running or not, and from what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Business {
    /// True when the business runs.
    pub(crate) running: bool,
    /// Its evidence.
    pub(crate) from: Evidence,
}

/// The latest book-year fact within `s..=e`.
fn year_fact(k: &Koperasi, s: i32, e: i32) -> Option<Business> {
    (s..=e).rev().find_map(|y| {
        let activity = k.business_activity.iter().find(|b| b.year == y);
        if let Some(b) = activity {
            return Some(Business {
                running: b.active,
                from: Evidence::Activity(y),
            });
        }
        k.finances
            .iter()
            .filter(|f| f.book_year == y)
            .find_map(|f| f.business_volume)
            .filter(|v| v.sen() >= 0)
            .map(|v| Business {
                running: v.sen() > 0,
                from: Evidence::Volume(y),
            })
    })
}

/// The business fact of `k` as of `as_of` within the RAT window of `f` (module documentation),
/// `None` when unknown.
pub(crate) fn business(
    k: &Koperasi,
    as_of: NaiveDate,
    p: &StatusPolicy,
    f: &RatFacts,
) -> Option<Business> {
    let (s, e) = f.window?;
    let year = year_fact(k, s, e);
    let check = usable_check(k, as_of, p, f.latest_rat_date)
        .filter(|c| c.date.year() >= s)
        .and_then(|c| {
            c.business_active.map(|running| Business {
                running,
                from: Evidence::Check(c.date),
            })
        });
    match (year, check) {
        (Some(y), Some(c)) => {
            let y_year = match y.from {
                Evidence::Activity(v) | Evidence::Volume(v) => v,
                Evidence::Check(d) => d.year(),
            };
            let c_year = match c.from {
                Evidence::Check(d) => d.year(),
                Evidence::Activity(v) | Evidence::Volume(v) => v,
            };
            Some(if c_year > y_year { c } else { y })
        }
        (y, c) => y.or(c),
    }
}

/// The verdict of the RAT rule, checked for business activity when the policy asks for it: an
/// `Active` verdict becomes [`Verdict::NoBusiness`] when the business is known not to run.
pub(crate) fn apply(
    v: Verdict,
    k: &Koperasi,
    as_of: NaiveDate,
    p: &StatusPolicy,
    f: &RatFacts,
) -> Verdict {
    if !p.require_business_activity || !matches!(v, Verdict::RatActive | Verdict::RatEveryYear) {
        return v;
    }
    match business(k, as_of, p, f) {
        Some(b) if !b.running => Verdict::NoBusiness(b),
        _ => v,
    }
}

/// The evidence in words, English and Indonesian.
fn evidence_text(b: &Business) -> (String, String) {
    let (run_en, run_id) = if b.running {
        ("business running", "usaha berjalan")
    } else {
        ("no business activity", "tidak ada kegiatan usaha")
    };
    match b.from {
        Evidence::Activity(y) => (
            format!("{run_en} in book year {y}"),
            format!("{run_id} pada tahun buku {y}"),
        ),
        Evidence::Volume(y) => {
            let (en, id) = if b.running {
                ("volume usaha above 0", "volume usaha di atas 0")
            } else {
                ("volume usaha 0", "volume usaha 0")
            };
            (
                format!("{run_en} in book year {y} ({en})"),
                format!("{run_id} pada tahun buku {y} ({id})"),
            )
        }
        Evidence::Check(d) => (
            format!("{run_en} (field check on {})", date_en(d)),
            format!("{run_id} (verifikasi lapangan {})", date_id(d)),
        ),
    }
}

/// The deciding reason of [`Verdict::NoBusiness`]: `no_business_activity`.
pub(crate) fn no_business_reason(b: &Business) -> Reason {
    let (en, id) = evidence_text(b);
    Reason::new(
        "no_business_activity",
        format!("{en}: the RATs were held, but Permenkop 25/2015 also asks for a running business"),
        format!("{id}: RAT diadakan, tetapi Permenkop 25/2015 juga mensyaratkan kegiatan usaha"),
    )
}

/// The note beside an `Active` RAT verdict under a policy that requires business activity:
/// `business_running` with its evidence, or `business_activity_unknown`.
pub(crate) fn active_note(
    k: &Koperasi,
    as_of: NaiveDate,
    p: &StatusPolicy,
    f: &RatFacts,
) -> Reason {
    match business(k, as_of, p, f) {
        Some(b) => {
            let (en, id) = evidence_text(&b);
            Reason::new("business_running", en, id)
        }
        None => Reason::new(
            "business_activity_unknown",
            "the record does not say whether the business runs (no business activity, volume \
             usaha or field check for the window): active by the RAT rule, business not assumed",
            "data tidak menyebutkan apakah usaha berjalan (tidak ada data kegiatan usaha, volume \
             usaha atau verifikasi lapangan untuk jangka waktu penilaian): aktif menurut aturan \
             RAT, kegiatan usaha tidak diasumsikan",
        ),
    }
}
