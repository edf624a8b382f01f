//! Dated facts that regulations and practice use beside the status, each with its source
//! (DOMAIN.md 9.1), their thresholds in the [`StatusPolicy`] as data:
//!
//! * the **NIK koperasi certificate**: issued on a date, valid for
//!   [`StatusPolicy::nik_certificate_valid_years`] years (2 in Jakarta, beritajakarta.id; a
//!   Kotawaringin Timur official said 1 year in 2020): [`nik_certificate`] says whether it
//!   certifies the cooperative as of a date;
//! * the **RAT report** to the national system (ODS) within
//!   [`StatusPolicy::rat_report_within_days`] days of the meeting (1 month, beritajakarta.id):
//!   [`rat_report`] is the compliance flag of one RAT.
//!
//! The dissolution review ("no RAT for 2 consecutive years" -> proposed for review, the Bantul
//! office's practice) is [`super::dissolution_review`]; "KA - tidak RAT" is the
//! `no_rat_for_last_closed_year` reason of an active cooperative.

use super::StatusPolicy;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// A NIK koperasi certificate as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NikCertificate {
    /// The date it was issued.
    pub issued: NaiveDate,
    /// The last day it is valid: the day before the anniversary `issued` +
    /// `nik_certificate_valid_years` years (an anniversary on 29 February of a common year is
    /// 28 February, so the last valid day is 27 February). `None` when out of the date range.
    pub valid_until: Option<NaiveDate>,
    /// True when issued on or before `as_of` and `as_of` is on or before `valid_until`.
    pub valid: bool,
}

/// The NIK certificate issued on `issued`, as of `as_of`, under the validity of `policy`.
///
/// ```
/// use koperasi::NaiveDate;
/// use koperasi::status::{StatusPolicy, nik_certificate};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
/// let p = StatusPolicy::national(); // valid 2 years
/// let c = nik_certificate(d(2023, 8, 17)?, d(2025, 8, 16)?, &p);
/// assert_eq!(c.valid_until, Some(d(2025, 8, 16)?));
/// assert!(c.valid);
/// assert!(!nik_certificate(d(2023, 8, 17)?, d(2025, 8, 17)?, &p).valid);
/// # Ok::<(), &str>(())
/// ```
pub fn nik_certificate(
    issued: NaiveDate,
    as_of: NaiveDate,
    policy: &StatusPolicy,
) -> NikCertificate {
    let valid_until = issued
        .checked_add_months(Months::new(
            policy.nik_certificate_valid_years.saturating_mul(12),
        ))
        .and_then(|d| d.pred_opt());
    NikCertificate {
        issued,
        valid_until,
        valid: issued <= as_of && valid_until.is_some_and(|u| as_of <= u),
    }
}

/// Whether an RAT was reported to the national system in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RatReport {
    /// Days from the meeting to the report (negative: a report dated before the meeting, a
    /// data error the caller should show).
    pub days: i64,
    /// True when `0 <= days <= rat_report_within_days`.
    pub on_time: bool,
}

/// The compliance flag of an RAT held on `meeting` and reported on `reported`.
///
/// ```
/// use koperasi::NaiveDate;
/// use koperasi::status::{StatusPolicy, rat_report};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
/// let p = StatusPolicy::national(); // within 30 days
/// assert!(rat_report(d(2025, 3, 15)?, d(2025, 4, 14)?, &p).on_time);
/// assert_eq!(rat_report(d(2025, 3, 15)?, d(2025, 4, 15)?, &p).days, 31);
/// assert!(!rat_report(d(2025, 3, 15)?, d(2025, 4, 15)?, &p).on_time);
/// # Ok::<(), &str>(())
/// ```
pub fn rat_report(meeting: NaiveDate, reported: NaiveDate, policy: &StatusPolicy) -> RatReport {
    let days = (reported - meeting).num_days();
    RatReport {
        days,
        on_time: (0..=i64::from(policy.rat_report_within_days)).contains(&days),
    }
}
