//! Status of a cooperative as of a date, derived from facts under a [`StatusPolicy`], always
//! with reasons (DOMAIN.md 2.2).
//!
//! # The rules, in order
//!
//! [`assess`] applies the first rule that decides:
//!
//! 1. **Dissolved** — a [`Dissolution`](crate::cooperative::Dissolution) dated on or before
//!    `as_of` gives [`Status::Dissolved`] (terminal), reason `dissolved`.
//! 2. **Not yet founded** — a founding date after `as_of` (or, when only a year is known, a
//!    founding year after the year of `as_of`) gives [`Status::NotAssessable`], reason
//!    `not_yet_founded`: the cooperative did not exist on that date, so it has no status.
//! 3. **Field check** — the latest field check on or before `as_of` (no older than
//!    `field_check_max_age_days`, when set, and not superseded by a counted RAT dated after it,
//!    which shows the cooperative met after the visit): "not found at the address" gives
//!    [`Status::NotFound`] (reason `not_found_at_address`) when `not_found_overrides` (all
//!    presets); with
//!    `field_check_first`, "business running" gives [`Status::Active`]
//!    (`field_check_business_active`) and "business not running" gives [`Status::Inactive`]
//!    (`field_check_business_inactive`).
//! 4. **RAT rule** — see below.
//! 5. **Business activity** — only with
//!    [`require_business_activity`](StatusPolicy::require_business_activity) (the
//!    `permenkop_25_2015` preset): an `Active` verdict of the RAT rule becomes
//!    [`Status::Inactive`] (`no_business_activity`) when the business is known not to run in
//!    the window (business activity or volume usaha of the latest window book year that has
//!    one, or a later field check); otherwise the verdict stands and says what is known
//!    (`business_running`, or `business_activity_unknown`: never assumed).
//!
//! # Book years, deadlines and the RAT window
//!
//! Book years are calendar years. As of a date `D`:
//!
//! * book year `Y` is **closed** when `D > 31 Dec Y` (so the latest closed year is
//!   `D.year() - 1`);
//! * the RAT for `Y` is **due** (overdue if not held) when `D > rat_deadline(Y, months)`
//!   (30 June `Y+1` by default). The deadline day itself is not yet overdue;
//! * an RAT **counts** as held as of `D` when its book year is closed and its date is on or
//!   before `D`; an RAT with no recorded date counts once its deadline has passed. An RAT dated
//!   after `D` does not count (facts are as of the date), nor does one dated before its book
//!   year ended (an RAT closes the book year: such a date is a data error);
//! * the **window end** `E` is the latest closed book year whose RAT is due, or a later closed
//!   book year whose RAT has already been held. A held RAT always counts once held; a
//!   not-yet-due year never counts against the cooperative;
//! * the **window** is the `rat_window_years` book years ending at `E`;
//! * the **first required book year** `F` is the founding year, or the next one when
//!   `grace_first_book_year` and the cooperative was not founded on 1 January. With only a
//!   founding year (from the nomor badan hukum), founding is taken to be after 1 January.
//!   Window years before `F` are not required (an RAT held for them still counts).
//!
//! Examples with the national preset (window 3, deadline 6 months):
//!
//! | as of | RAT held | window | status |
//! |---|---|---|---|
//! | 2025-03-31 | for 2021 on 2022-05-10 | 2021..=2023 (2024 not due until 2025-06-30) | Active |
//! | 2025-06-30 | for 2021 | 2021..=2023 (deadline day: 2024 still not due) | Active |
//! | 2025-07-01 | for 2021 | 2022..=2024 | Inactive |
//! | 2025-03-31 | for 2024 on 2025-03-15 | 2022..=2024 (held, so counted) | Active |
//! | 2025-03-31 | for 2024 on 2025-04-20 | 2021..=2023 (held after as-of: not counted) | by 2021..=2023 |
//!
//! With the national rule one counted RAT in the window gives `Active`; with
//! `require_every_year` (office) every required window year needs a counted RAT, and each
//! missing year gets a `rat_missing_for_year` reason. When no window year is required yet
//! (a young cooperative) and no RAT counts, the status is [`Status::NotYetDue`]
//! (`too_young_for_rat`). A missing RAT only counts against a cooperative whose record carries
//! RAT facts for the years that decide (an RAT counted, or
//! [`Koperasi::rat_known`](crate::cooperative::Koperasi::rat_known) covering the year); otherwise the status is
//! [`Status::NotAssessable`] (`no_rat_history` when the record has no RAT facts at all: the
//! Kota Bogor register case; `rat_history_incomplete` when its RAT columns do not cover them). A founding date that is unknown is, by
//! default, taken as "old enough" and an `Inactive` verdict then carries a `no_founding_date`
//! reason; with `unknown_founding_assume_old = false` it is `NotAssessable` instead.
//!
//! A register's last-RAT column ([`RatKnowledge::LastRat`](crate::cooperative::RatKnowledge::LastRat))
//! covers the book years after the last RAT whose deadline (the policy's) passed before the
//! register's data date: with the last RAT for 2020 and a register as of 2024-12-31, the
//! national preset as of 2025-03-31 finds no RAT for 2021–2023 (Inactive, the reason naming
//! the last RAT and the register's date); as of 2025-07-01 the window 2022–2024 needs 2024,
//! which the register cannot know (NotAssessable, `rat_history_incomplete`). Without a data
//! date ([`RatKnowledge::After`](crate::cooperative::RatKnowledge::After)) the column is taken
//! as current on the assessment date.
//!
//! An `Active` verdict from the RAT rule (or from the field check) carries the sub-flag reason
//! `no_rat_for_last_closed_year` when no RAT was held for the window end year `E` (Kemenkop
//! "KA – tidak RAT"), reported also as [`Assessment::rat_for_last_closed_year`].

mod business;
mod compare;
mod facts;
mod policy;
mod reasons;
mod row;
mod text;

pub use compare::{
    ChangeGroup, CrossCell, PairComparison, PolicyComparer, PolicyComparison, PolicyCounts,
    compare_policies,
};
pub use facts::{NikCertificate, RatReport, nik_certificate, rat_report};
pub use policy::{MAX_DEADLINE_MONTHS, MAX_WINDOW_YEARS, StatusPolicy};
pub use row::AssessmentRow;

/// The statutory RAT deadline in months after the book year ends (30 June: Permenkop 19/2015
/// via SE Deputi 1/2025, DOMAIN.md 2.3): what a register's last-RAT column is read against
/// when no policy is at hand ([`RatKnowledge::covers`](crate::cooperative::RatKnowledge::covers)).
pub const STATUTORY_DEADLINE_MONTHS: u32 = 6;

use crate::cooperative::{FieldCheck, Koperasi, Rat};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use text::{business_inactive_reason, date_en, date_id, not_found_reason, years, years_id};

/// Derived status (DOMAIN.md 2.2). The order of the variants is the order of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Aktif.
    Active,
    /// Tidak aktif.
    Inactive,
    /// Tidak ditemukan (not found at the registered address by the latest field check).
    NotFound,
    /// Dibubarkan (dissolved on or before the date).
    Dissolved,
    /// Belum dinilai: too young for any RAT to be due.
    NotYetDue,
    /// Tidak dapat dinilai: the record lacks the facts the policy needs (or the cooperative
    /// did not yet exist on the date).
    NotAssessable,
}

impl Status {
    /// All statuses, in report order.
    pub const ALL: [Status; 6] = [
        Status::Active,
        Status::Inactive,
        Status::NotFound,
        Status::Dissolved,
        Status::NotYetDue,
        Status::NotAssessable,
    ];

    /// Stable snake_case code (the serde name): `active`, `inactive`, `not_found`,
    /// `dissolved`, `not_yet_due`, `not_assessable`.
    pub fn code(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Inactive => "inactive",
            Status::NotFound => "not_found",
            Status::Dissolved => "dissolved",
            Status::NotYetDue => "not_yet_due",
            Status::NotAssessable => "not_assessable",
        }
    }

    /// Indonesian label: `Aktif`, `Tidak Aktif`, `Tidak Ditemukan`, `Dibubarkan`,
    /// `Belum Dinilai`, `Tidak Dapat Dinilai`.
    pub fn label_id(self) -> &'static str {
        match self {
            Status::Active => "Aktif",
            Status::Inactive => "Tidak Aktif",
            Status::NotFound => "Tidak Ditemukan",
            Status::Dissolved => "Dibubarkan",
            Status::NotYetDue => "Belum Dinilai",
            Status::NotAssessable => "Tidak Dapat Dinilai",
        }
    }

    /// English label.
    pub fn label_en(self) -> &'static str {
        match self {
            Status::Active => "Active",
            Status::Inactive => "Inactive",
            Status::NotFound => "Not found",
            Status::Dissolved => "Dissolved",
            Status::NotYetDue => "Not yet due",
            Status::NotAssessable => "Not assessable",
        }
    }
}

/// A reason for a status: a stable code with labels in both languages, and a detail naming
/// the years and dates involved, in both languages (the same facts in each).
///
/// For example, for code `rat_within_window`:
/// * `detail`: `RAT held for book year 2023 on 2024-04-20 (window: book years 2021–2023)`
/// * `detail_id`: `RAT tahun buku 2023 diadakan pada 20 April 2024 (jangka waktu penilaian:
///   tahun buku 2021–2023)`
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Reason {
    /// Stable snake_case code, e.g. `no_rat_within_window` (see [`REASONS`]).
    pub code: String,
    /// Indonesian label (the same for every reason with this code).
    pub label_id: String,
    /// English label (the same for every reason with this code).
    pub label_en: String,
    /// The facts behind the reason (years, dates) in English, dates as ISO 8601
    /// `YYYY-MM-DD` (unambiguous in any locale), e.g. `no RAT held for book year 2024 (due by
    /// 2025-06-30)`. Never empty.
    pub detail: String,
    /// The same facts in Indonesian, for a Dinas Koperasi officer, dates written as
    /// [`format_date`](crate::locale::format_date) does (`30 Juni 2025`), e.g. `tidak ada RAT
    /// untuk tahun buku 2024 (batas waktu 30 Juni 2025)`. Never empty.
    pub detail_id: String,
}

/// Every reason code [`assess`] and [`dissolution_review`] can give, as
/// `(code, Indonesian label, English label)`.
pub const REASONS: &[(&str, &str, &str)] = &[
    ("dissolved", "Dibubarkan", "Dissolved"),
    (
        "not_yet_founded",
        "Belum berdiri pada tanggal penilaian",
        "Not yet founded on the assessment date",
    ),
    (
        "not_found_at_address",
        "Tidak ditemukan di alamat terdaftar",
        "Not found at the registered address",
    ),
    (
        "field_check_business_active",
        "Usaha berjalan menurut verifikasi lapangan",
        "Business running according to the field check",
    ),
    (
        "field_check_noted",
        "Catatan verifikasi lapangan",
        "Field check noted",
    ),
    (
        "field_check_business_inactive",
        "Usaha tidak berjalan menurut verifikasi lapangan",
        "Business not running according to the field check",
    ),
    (
        "rat_within_window",
        "RAT diselenggarakan dalam jangka waktu penilaian",
        "RAT held within the window",
    ),
    (
        "rat_every_year_in_window",
        "RAT diselenggarakan untuk setiap tahun buku dalam jangka waktu penilaian",
        "RAT held for every book year of the window",
    ),
    (
        "no_rat_within_window",
        "Tidak ada RAT dalam jangka waktu penilaian",
        "No RAT within the window",
    ),
    (
        "rat_missing_for_year",
        "Tidak ada RAT untuk satu tahun buku",
        "No RAT for a book year",
    ),
    (
        "no_rat_for_last_closed_year",
        "Aktif, tetapi tidak ada RAT untuk tahun buku terakhir yang jatuh tempo (KA – tidak RAT)",
        "Active without an RAT for the latest book year due",
    ),
    (
        "too_young_for_rat",
        "Belum wajib RAT (belum ada RAT tahun buku penuh yang jatuh tempo)",
        "No RAT due yet (no full book year due)",
    ),
    (
        "no_rat_history",
        "Status tidak dapat dinilai: data tidak memuat riwayat RAT",
        "Status cannot be assessed: the record has no RAT history",
    ),
    (
        "rat_history_incomplete",
        "Status tidak dapat dinilai: data RAT tidak lengkap untuk tahun buku yang dinilai",
        "Status cannot be assessed: the RAT data do not cover the book years assessed",
    ),
    (
        "no_founding_date",
        "Tanggal pendirian tidak diketahui",
        "Founding date unknown",
    ),
    (
        "no_rat_for_consecutive_years",
        "Tidak menyelenggarakan RAT selama beberapa tahun buku berturut-turut",
        "No RAT for consecutive book years",
    ),
    (
        "no_business_activity",
        "Tidak melakukan kegiatan usaha (Permenkop 25/2015 Pasal 1 angka 3-4)",
        "No business activity (Permenkop 25/2015 art. 1 no. 3-4)",
    ),
    (
        "business_running",
        "Kegiatan usaha berjalan",
        "Business running",
    ),
    (
        "business_activity_unknown",
        "Kegiatan usaha tidak diketahui (tidak diasumsikan)",
        "Business activity unknown (not assumed)",
    ),
];

impl Reason {
    /// A reason with the labels of `code` from [`REASONS`] (empty labels for an unknown code),
    /// the English detail `detail_en` and the Indonesian detail `detail_id` (the same facts).
    pub fn new(code: &str, detail_en: impl Into<String>, detail_id: impl Into<String>) -> Reason {
        let (id, en) = REASONS
            .iter()
            .find(|(c, _, _)| *c == code)
            .map_or(("", ""), |(_, id, en)| (*id, *en));
        Reason {
            code: code.to_string(),
            label_id: id.to_string(),
            label_en: en.to_string(),
            detail: detail_en.into(),
            detail_id: detail_id.into(),
        }
    }
}

/// The result of [`assess`]: the status, at least one reason, and the facts used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assessment {
    /// The date assessed.
    pub as_of: NaiveDate,
    /// The status.
    pub status: Status,
    /// Why (never empty; the first reason is the deciding one).
    pub reasons: Vec<Reason>,
    /// Identified (found at address and board known, [`Koperasi::identified`]), reported beside
    /// the status, not part of it.
    pub identified: Option<bool>,
    /// The latest book year with an RAT counted as held as of the date.
    pub latest_rat_book_year: Option<i32>,
    /// The RAT window as inclusive book years `(first, last)`; `None` at dates so extreme that
    /// no book year is due.
    pub rat_window: Option<(i32, i32)>,
    /// Whether an RAT was held for the window's last book year (the latest closed book year
    /// whose RAT is due or held). `Some(false)` on an active cooperative is Kemenkop's
    /// "KA – tidak RAT". `None` when that year is not required of the cooperative (too young)
    /// and no RAT was held for it.
    pub rat_for_last_closed_year: Option<bool>,
}

/// The date by which the RAT for `book_year` is due: the last day of the month `months` months
/// after December of `book_year` (month-end clamping: 6 gives 30 June of the next year, 2 gives
/// 28 or 29 February). `None` when the date is out of range. Source: DOMAIN.md 2.3
/// (Permenkop 19/2015 via SE Deputi 1/2025: 6 months).
pub fn rat_deadline(book_year: i32, months: u32) -> Option<NaiveDate> {
    // Zero-based month index of the deadline month, counted from year 0.
    let idx = i64::from(book_year) * 12 + 11 + i64::from(months);
    let next = idx.checked_add(1)?;
    let y = i32::try_from(next.div_euclid(12)).ok()?;
    let m = u32::try_from(next.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// The latest book year whose RAT is due (its deadline strictly before `as_of`), if any.
pub fn latest_due_book_year(as_of: NaiveDate, months: u32) -> Option<i32> {
    // The deadline of book year `last_closed - j` is before `as_of` only if
    // j >= (months - 11) / 12, and always if j >= months / 12 + 1: three candidates suffice.
    let last_closed = i64::from(as_of.year()) - 1;
    let j0 = i64::from(months / 12);
    ((j0 - 1).max(0)..=j0 + 1)
        .filter_map(|j| i32::try_from(last_closed - j).ok())
        .find(|&y| rat_deadline(y, months).is_some_and(|d| d < as_of))
}

/// The day after the RAT deadline of `book_year` (the first day its RAT is overdue, and the
/// first day an undated RAT for it counts), if in range.
pub(crate) fn day_after_deadline(book_year: i32, months: u32) -> Option<NaiveDate> {
    rat_deadline(book_year, months)?.succ_opt()
}

/// The first date from which `r` counts as held (see the module documentation), or `None`
/// when it never counts. `after_deadline(book_year)` gives [`day_after_deadline`] (possibly
/// from a cache). An RAT counts as of `as_of` exactly when this date is on or before it: a
/// dated RAT counts from its date when that is after its book year; an undated one from the
/// day after its deadline (which is after its book year, so the year is closed by then).
pub(crate) fn rat_counts_from(
    r: &Rat,
    after_deadline: impl FnOnce(i32) -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    match r.date {
        // An RAT closes its book year: a meeting dated within the year is not its RAT.
        Some(d) => (d.year() > r.book_year).then_some(d),
        None => after_deadline(r.book_year),
    }
}

/// Whether an RAT counts as held as of `as_of` (see the module documentation).
fn rat_counts(r: &Rat, as_of: NaiveDate, months: u32) -> bool {
    rat_counts_from(r, |y| day_after_deadline(y, months)).is_some_and(|from| from <= as_of)
}

/// The facts as of a date that decide the status ([`decide`]), without allocation. Computed
/// from scratch by [`rat_facts`], or incrementally by the status sweep
/// ([`crate::demography::status_steps`]), which walks a record's change dates in order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RatFacts {
    /// The RAT window (see [`rat_window`]).
    pub(crate) window: Option<(i32, i32)>,
    /// See [`first_required_year`].
    pub(crate) first_required: Option<i32>,
    /// The latest book year with an RAT counted as held.
    pub(crate) latest_counted: Option<i32>,
    /// Bit `i` set: an RAT for book year `window.0 + i` counts as held (0 without a window).
    pub(crate) held_in_window: u64,
    /// The latest date of a dated RAT counted as held (a field check before it is superseded).
    pub(crate) latest_rat_date: Option<NaiveDate>,
}

impl RatFacts {
    /// An RAT for `year` counts as held; only for years within the window.
    fn held(&self, year: i32) -> bool {
        window_bit(self.window, year) & self.held_in_window != 0
    }

    /// The record says whether an RAT was held for `year` (within the window), RATs being due
    /// `months` months after their book year.
    fn year_known(&self, k: &Koperasi, year: i32, months: u32) -> bool {
        k.rat_known.covers_by(year, months) || self.held(year)
    }

    /// Whether an RAT was held for the window's last year (see
    /// [`Assessment::rat_for_last_closed_year`]).
    fn last_year_flag(&self, k: &Koperasi, months: u32) -> Option<bool> {
        self.window.and_then(|(_, e)| {
            if self.held(e) {
                Some(true)
            } else if self.first_required.is_none_or(|f| e >= f) && k.rat_known.covers_by(e, months)
            {
                Some(false)
            } else {
                // Not required yet, or the record does not say: unknown, not "no RAT".
                None
            }
        })
    }
}

/// Bit `year - window.0` for a book year within `window` (0 outside it or without a window).
pub(crate) fn window_bit(window: Option<(i32, i32)>, year: i32) -> u64 {
    match window {
        Some((s, e)) if year >= s && year <= e => u32::try_from(i64::from(year) - i64::from(s))
            .ok()
            .and_then(|b| 1u64.checked_shl(b))
            .unwrap_or(0),
        _ => 0,
    }
}

/// The number of book years of the RAT window: `rat_window_years`, within
/// `1..=MAX_WINDOW_YEARS`.
pub(crate) fn rat_window_years(p: &StatusPolicy) -> i32 {
    i32::try_from(p.rat_window_years.clamp(1, MAX_WINDOW_YEARS)).unwrap_or(1)
}

/// The RAT window as of a date from the latest book year due and the latest counted (see the
/// module documentation): the `n` ([`rat_window_years`]) book years ending at the later of the
/// two.
pub(crate) fn rat_window(
    latest_due: Option<i32>,
    latest_counted: Option<i32>,
    n: i32,
) -> Option<(i32, i32)> {
    let end = match (latest_due, latest_counted) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    end.map(|e| (e.saturating_sub(n - 1), e))
}

/// The first book year whose RAT is required of `k` (see the module documentation), `None`
/// when the founding is unknown.
pub(crate) fn first_required_year(k: &Koperasi, p: &StatusPolicy) -> Option<i32> {
    let grace = p.grace_first_book_year;
    match (k.founded(), k.founding_year()) {
        (Some(d), _) => Some(if grace && !(d.month() == 1 && d.day() == 1) {
            d.year().saturating_add(1)
        } else {
            d.year()
        }),
        (None, Some(y)) => Some(if grace { y.saturating_add(1) } else { y }),
        (None, None) => None,
    }
}

fn held(k: &Koperasi, year: i32, as_of: NaiveDate, months: u32) -> bool {
    k.rat
        .iter()
        .any(|r| r.book_year == year && rat_counts(r, as_of, months))
}

/// [`RatFacts`] as of `as_of`, from scratch.
fn rat_facts(k: &Koperasi, as_of: NaiveDate, p: &StatusPolicy) -> RatFacts {
    let months = p.rat_deadline_months;
    let mut latest_counted = None;
    let mut latest_rat_date = None;
    for r in k.rat.iter().filter(|r| rat_counts(r, as_of, months)) {
        latest_counted = latest_counted.max(Some(r.book_year));
        latest_rat_date = latest_rat_date.max(r.date);
    }
    let window = rat_window(
        latest_due_book_year(as_of, months),
        latest_counted,
        rat_window_years(p),
    );
    let mut held_in_window = 0;
    for r in &k.rat {
        let bit = window_bit(window, r.book_year);
        if bit != 0 && rat_counts(r, as_of, months) {
            held_in_window |= bit;
        }
    }
    RatFacts {
        window,
        first_required: first_required_year(k, p),
        latest_counted,
        held_in_window,
        latest_rat_date,
    }
}

/// The latest RAT (by book year, then date) counted as held as of `as_of` within the window
/// (for reasons).
fn latest_in_window(k: &Koperasi, as_of: NaiveDate, months: u32, f: &RatFacts) -> Option<Rat> {
    f.window.and_then(|(s, e)| {
        k.rat
            .iter()
            .filter(|r| r.book_year >= s && r.book_year <= e && rat_counts(r, as_of, months))
            .max_by_key(|r| (r.book_year, r.date))
            .copied()
    })
}

/// What decided the status (internal; reasons are built from it only when asked).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Verdict {
    Dissolved,
    NotYetFounded,
    NotFound(FieldCheck),
    FieldActive(FieldCheck),
    FieldInactive(FieldCheck),
    RatActive,
    RatEveryYear,
    RatNone,
    RatMissing,
    TooYoung,
    NoHistory,
    NoFounding,
    /// The RAT rule says active, but the business is known not to run (policies with
    /// `require_business_activity`).
    NoBusiness(business::Business),
}

impl Verdict {
    /// The status this verdict gives.
    pub(crate) fn status(self) -> Status {
        match self {
            Verdict::Dissolved => Status::Dissolved,
            Verdict::NotYetFounded | Verdict::NoHistory | Verdict::NoFounding => {
                Status::NotAssessable
            }
            Verdict::NotFound(_) => Status::NotFound,
            Verdict::FieldActive(_) | Verdict::RatActive | Verdict::RatEveryYear => Status::Active,
            Verdict::FieldInactive(_)
            | Verdict::RatNone
            | Verdict::RatMissing
            | Verdict::NoBusiness(_) => Status::Inactive,
            Verdict::TooYoung => Status::NotYetDue,
        }
    }
}

/// True when the cooperative is on the register as of `as_of`: founded by then (or its founding
/// unknown) and not dissolved on or before it. What "jumlah koperasi" counts (DOMAIN.md 5.1).
pub fn on_register(k: &Koperasi, as_of: NaiveDate) -> bool {
    !not_yet_founded(k, as_of) && k.dissolution.is_none_or(|d| d.date > as_of)
}

fn not_yet_founded(k: &Koperasi, as_of: NaiveDate) -> bool {
    match k.founded() {
        Some(d) => d > as_of,
        None => k.founding_year().is_some_and(|y| y > as_of.year()),
    }
}

/// True when the record says, as of `as_of`, whether an RAT was held for `year`: one counts as
/// held, or the record's [`RatKnowledge`](crate::cooperative::RatKnowledge) covers the year.
fn year_known(k: &Koperasi, year: i32, as_of: NaiveDate, months: u32) -> bool {
    k.rat_known.covers_by(year, months) || held(k, year, as_of, months)
}

/// The latest field check on or before `as_of` that is not older than the policy allows, and
/// not superseded: an RAT counted as of `as_of` and dated after the check shows what the check
/// could not (the cooperative met after it), so the RAT rule decides instead.
/// `latest_rat_date`: [`RatFacts::latest_rat_date`].
fn usable_check<'a>(
    k: &'a Koperasi,
    as_of: NaiveDate,
    p: &StatusPolicy,
    latest_rat_date: Option<NaiveDate>,
) -> Option<&'a FieldCheck> {
    let c = k.latest_field_check(as_of)?;
    if let Some(max) = p.field_check_max_age_days {
        if (as_of - c.date).num_days() > i64::from(max) {
            return None;
        }
    }
    let superseded = latest_rat_date.is_some_and(|d| d > c.date);
    (!superseded).then_some(c)
}

/// The decision rules (module documentation), from the facts as of `as_of`: the one place that
/// says what the status is, for [`assess`], [`assess_status`] and the status sweep. The
/// business activity a policy may require is checked last ([`business::apply`]).
#[inline]
pub(crate) fn decide(k: &Koperasi, as_of: NaiveDate, p: &StatusPolicy, f: &RatFacts) -> Verdict {
    business::apply(decide_rules(k, as_of, p, f), k, as_of, p, f)
}

/// The rules of [`decide`] before business activity.
#[inline]
fn decide_rules(k: &Koperasi, as_of: NaiveDate, p: &StatusPolicy, f: &RatFacts) -> Verdict {
    if k.dissolution.is_some_and(|d| d.date <= as_of) {
        return Verdict::Dissolved;
    }
    if not_yet_founded(k, as_of) {
        return Verdict::NotYetFounded;
    }
    if let Some(c) = usable_check(k, as_of, p, f.latest_rat_date) {
        if p.not_found_overrides && c.found_at_address == Some(false) {
            return Verdict::NotFound(*c);
        }
        if p.field_check_first {
            match c.business_active {
                Some(true) => return Verdict::FieldActive(*c),
                Some(false) => return Verdict::FieldInactive(*c),
                None => {}
            }
        }
    }
    let Some((start, end)) = f.window else {
        return if f.latest_counted.is_some() {
            Verdict::RatActive
        } else {
            Verdict::TooYoung
        };
    };
    let first_needed = f.first_required.map_or(start, |fr| fr.max(start));
    let nothing_required = first_needed > end;
    if !p.require_every_year {
        if f.held_in_window != 0 {
            return Verdict::RatActive;
        }
        if f.first_required.is_none() && !p.unknown_founding_assume_old {
            return Verdict::NoFounding;
        }
        if nothing_required {
            return Verdict::TooYoung;
        }
        if (first_needed..=end).any(|y| !f.year_known(k, y, p.rat_deadline_months)) {
            return Verdict::NoHistory;
        }
        return Verdict::RatNone;
    }
    if nothing_required {
        return if f.held_in_window != 0 {
            Verdict::RatActive
        } else {
            Verdict::TooYoung
        };
    }
    let all_held = (first_needed..=end).all(|y| f.held(y));
    if f.first_required.is_none() && !p.unknown_founding_assume_old {
        return if all_held {
            Verdict::RatEveryYear
        } else {
            Verdict::NoFounding
        };
    }
    // One required year known to have had no RAT decides, whatever the unknown years say.
    let months = p.rat_deadline_months;
    let known_missing =
        (first_needed..=end).any(|y| k.rat_known.covers_by(y, months) && !f.held(y));
    if all_held {
        Verdict::RatEveryYear
    } else if known_missing {
        Verdict::RatMissing
    } else {
        Verdict::NoHistory
    }
}

/// The status only, without reasons: the same verdict as [`assess`], with no allocation (for
/// counting large registers).
pub fn assess_status(k: &Koperasi, as_of: NaiveDate, policy: &StatusPolicy) -> Status {
    let f = rat_facts(k, as_of, policy);
    decide(k, as_of, policy, &f).status()
}

/// Assess one record as of a date under a policy (rules in the module documentation).
///
/// ```
/// use koperasi::cooperative::{Koperasi, Rat, RatKnowledge};
/// use koperasi::status::{assess, Status, StatusPolicy};
/// use koperasi::NaiveDate;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("no such date");
/// let mut k = Koperasi::new("KSP Maju");
/// k.tanggal_badan_hukum = Some(d(2010, 5, 1)?);
/// k.rat_known = RatKnowledge::Complete;
/// k.rat.push(Rat { book_year: 2021, date: Some(d(2022, 5, 10)?) });
/// let p = StatusPolicy::national();
/// // Window 2021..=2023 until the 2024 RAT falls due on 30 June 2025.
/// assert_eq!(assess(&k, d(2025, 6, 30)?, &p).status, Status::Active);
/// let a = assess(&k, d(2025, 7, 1)?, &p);
/// assert_eq!(a.status, Status::Inactive);
/// assert_eq!(a.reasons[0].code, "no_rat_within_window");
/// # Ok::<(), &str>(())
/// ```
///
/// Never panics; the same `(k, as_of, policy)` always gives the same [`Assessment`]. The
/// policy is used as given (call [`StatusPolicy::validate`] on hand-built policies; out-of-range
/// values give some status, never a panic).
pub fn assess(k: &Koperasi, as_of: NaiveDate, policy: &StatusPolicy) -> Assessment {
    let f = rat_facts(k, as_of, policy);
    let verdict = decide(k, as_of, policy, &f);
    let months = policy.rat_deadline_months;
    let last_year_flag = f.last_year_flag(k, months);
    let mut reasons =
        reasons::Ctx::new(k, as_of, months, &f).verdict_reasons(verdict, last_year_flag);
    if policy.require_business_activity
        && matches!(verdict, Verdict::RatActive | Verdict::RatEveryYear)
    {
        reasons.push(business::active_note(k, as_of, policy, &f));
    }
    reasons.extend(reasons::field_check_noted(k, as_of, verdict));
    Assessment {
        as_of,
        status: verdict.status(),
        reasons,
        identified: k.identified(as_of),
        latest_rat_book_year: f.latest_counted,
        rat_window: f.window,
        rat_for_last_closed_year: last_year_flag,
    }
}

/// A flag that a cooperative may be due for review for dissolution by the government
/// (DOMAIN.md 2.5: UU 25/1992 art. 46–48, PP 17/1994 art. 3). A flag, never a verdict: the
/// Minister must first weigh the case and hear the cooperative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DissolutionReview {
    /// The date assessed.
    pub as_of: NaiveDate,
    /// Why (at least one): `no_rat_for_consecutive_years`, `not_found_at_address`,
    /// `field_check_business_inactive`.
    pub reasons: Vec<Reason>,
}

/// Flag a cooperative for dissolution review as of a date (DOMAIN.md 2.5), or `None`.
///
/// Grounds (any): the record carries RAT history and no RAT was held for the last
/// `dissolution_review_years` due book years, all of them required of the cooperative, nor for
/// any later closed year; or the latest field check (within `field_check_max_age_days`) did
/// not find it at its address, or found its business not running. Never flags a cooperative
/// dissolved or not yet founded on `as_of`.
pub fn dissolution_review(
    k: &Koperasi,
    as_of: NaiveDate,
    policy: &StatusPolicy,
) -> Option<DissolutionReview> {
    if k.dissolution.is_some_and(|d| d.date <= as_of) || not_yet_founded(k, as_of) {
        return None;
    }
    let months = policy.rat_deadline_months;
    let f = rat_facts(k, as_of, policy);
    let mut reasons = Vec::new();
    if k.rat_known.is_known() {
        if let Some(ld) = latest_due_book_year(as_of, months) {
            let n = i32::try_from(policy.dissolution_review_years.clamp(1, MAX_WINDOW_YEARS))
                .unwrap_or(1);
            let start = ld.saturating_sub(n - 1);
            let required = f.first_required.is_none_or(|fr| fr <= start);
            let none_since = f.latest_counted.is_none_or(|y| y < start);
            let known = (start..=ld).all(|y| year_known(k, y, as_of, months));
            if required && none_since && known {
                let mut en = format!("no RAT held for {}", years(start, ld));
                let mut id = format!("tidak ada RAT untuk {}", years_id(start, ld));
                if let Some(y) = f.latest_counted {
                    en.push_str(&format!("; latest RAT: book year {y}"));
                    id.push_str(&format!("; RAT terakhir: tahun buku {y}"));
                }
                reasons.push(Reason::new("no_rat_for_consecutive_years", en, id));
            }
        }
    }
    if let Some(c) = usable_check(k, as_of, policy, f.latest_rat_date) {
        if c.found_at_address == Some(false) {
            reasons.push(not_found_reason(c));
        } else if c.business_active == Some(false) {
            reasons.push(business_inactive_reason(c));
        }
    }
    if reasons.is_empty() {
        None
    } else {
        Some(DissolutionReview { as_of, reasons })
    }
}
