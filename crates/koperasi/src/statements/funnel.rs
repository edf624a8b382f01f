//! The funnel of a register: for one date, the figure of every definition of the vocabulary
//! the register can support ([`Definition`]), each with the facts it rests on, and what it
//! cannot support said as such (never a bare 0).
//!
//! [`funnel`] counts a register held in memory; [`FunnelTally`] counts one record at a time
//! (the register report holds one, [`crate::report::RegisterReport::funnel`], and gives it the
//! assessment it already made, so nothing is assessed twice).
//!
//! Every figure but `new` and `dissolved` counts among the records **on record** as of the
//! date ([`crate::status::on_register`]: founded by then, or founding unknown, and not
//! dissolved), so that `identified <= found <= verified <= on_record`, `found + not_found =
//! verified`, `active + inactive <= on_record` and `rat_held <= active` hold by
//! construction (`rat_held` counts the **active** cooperatives that held the RAT of the last
//! due book year, as the RAT share is published). `new` counts the records founded in a year (up to the date for the year of
//! the date), `dissolved` those dissolved on or before the date.

use super::Definition;
use super::funnel_support::{Basis, Support, counts, figure_basis};
use crate::cooperative::Koperasi;
use crate::io::ReadReport;
use crate::register::{Field, Register, record_key};
use crate::stats::period::Period;
use crate::status::{Assessment, Status, StatusPolicy};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One figure of the funnel: a definition, the date or year it describes, and its count or why
/// the register cannot give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FunnelFigure {
    /// What it counts.
    pub definition: Definition,
    /// The date (stocks: on record, active, ...) or year (`new`) it describes.
    pub describes: Period,
    /// The book year of a `rat_held` figure: the latest whose RAT deadline under the policy
    /// passed before the date ([`crate::status::latest_due_book_year`]).
    pub book_year: Option<i32>,
    /// The count, or why the register cannot support it.
    pub support: Support,
    /// The facts it rests on.
    pub basis: Basis,
}

impl FunnelFigure {
    /// The count, when the register supports the figure.
    pub fn value(&self) -> Option<u64> {
        match self.support {
            Support::Counted { value } => Some(value),
            Support::Unsupported { .. } => None,
        }
    }
}

/// The counts of the supported figures within one part of a breakdown (a kecamatan, a jenis).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FunnelPart {
    /// The breakdown field.
    pub dimension: Field,
    /// The part's value as [`crate::register::record_key`] gives it (`32.71.03 Bogor Tengah`,
    /// `simpan_pinjam`); `None` for the records that do not say.
    pub value: Option<String>,
    /// `(index into Funnel::figures, count)` of every supported figure; over the parts of one
    /// dimension the counts of a figure sum to its total.
    pub counts: Vec<(usize, u64)>,
}

/// The funnel of a register as of a date under a policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Funnel {
    /// The date the figures describe.
    pub as_of: NaiveDate,
    /// The name of the status policy of `active` / `inactive`.
    pub policy: String,
    /// The policy's RAT deadline in months after the book year (what decides `rat_held`'s
    /// book year).
    pub rat_deadline_months: u32,
    /// The region the register covers: the kab/kota (`32.71 Kota Bogor`, or its name as
    /// written when it did not resolve) all its records on record share, else `None`.
    pub region: Option<String>,
    /// Records read, whatever their state.
    pub records: u64,
    /// Records on record as of the date, by status under the policy (the `not_yet_due` and
    /// `not_assessable` ones are neither active nor inactive).
    pub status_counts: BTreeMap<Status, u64>,
    /// The figures, in the order of the vocabulary ([`Definition::all`]); `new` twice (the
    /// year of the date, then the year before).
    pub figures: Vec<FunnelFigure>,
    /// The breakdown parts asked for, by dimension then value (empty when none was asked).
    pub parts: Vec<FunnelPart>,
}

impl Funnel {
    /// The figure of `definition` describing `describes`, if the funnel has one.
    pub fn figure(&self, definition: &Definition, describes: &Period) -> Option<&FunnelFigure> {
        self.figures
            .iter()
            .find(|f| &f.definition == definition && &f.describes == describes)
    }

    /// The first figure of `definition` (for `new`: the year of the date).
    pub fn first(&self, definition: &Definition) -> Option<&FunnelFigure> {
        self.figures.iter().find(|f| &f.definition == definition)
    }
}

/// The counts of one population (the whole register, or one part of a breakdown).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) records: u64,
    pub(crate) on_record: u64,
    pub(crate) verified: u64,
    pub(crate) found: u64,
    pub(crate) not_found: u64,
    pub(crate) identified: u64,
    pub(crate) identified_known: u64,
    pub(crate) board_known: u64,
    pub(crate) active: u64,
    pub(crate) inactive: u64,
    pub(crate) status_known: u64,
    pub(crate) rat_held: u64,
    pub(crate) rat_known: u64,
    pub(crate) nik: u64,
    pub(crate) nik_known: u64,
    pub(crate) new_this_year: u64,
    pub(crate) new_last_year: u64,
    pub(crate) founding_known: u64,
    pub(crate) dissolved: u64,
    pub(crate) dissolution_known: u64,
    pub(crate) kopdes: u64,
}

/// The name patterns of a Koperasi Desa/Kelurahan Merah Putih (Inpres 9/2025): the rule of
/// [`crate::kopdes::is_kdmp_name`] (the full name, or KDMP / KKMP as words), after a test
/// without allocation that most names fail.
pub fn is_kopdes_merah_putih(name: &str) -> bool {
    // Most names have none of the words: decided without allocating.
    if !["merah", "kdmp", "kkmp"]
        .iter()
        .any(|w| contains_ascii_ci(name, w))
    {
        return false;
    }
    // The one rule of the programme's names, shared with the wave ([`crate::kopdes::wave`]).
    crate::kopdes::is_kdmp_name(name)
}

/// True when `text` contains the lower-case ASCII `word`, ASCII case ignored.
fn contains_ascii_ci(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// True for the header of a NIK-certificate status column (`statusNIK`, `Sertifikat NIK`).
pub(crate) fn is_nik_status_header(h: &str) -> bool {
    if !contains_ascii_ci(h, "nik") {
        return false;
    }
    let h = crate::io::headers::normalize_header(h);
    h.split('_').any(|w| w == "nik") && (h.contains("status") || h.contains("sertifikat"))
}

/// What a NIK-certificate status column kept among the record's unknown columns says
/// (`statusNIK`: `Sudah Bersertifikat` -> true; `Sertifikat - Expired`, `Belum` -> false; `-`
/// or empty -> unknown). A certificate that expired does not certify (DOMAIN.md 9.1).
fn nik_certified(k: &Koperasi) -> Option<bool> {
    let (_, v) = k.extra.iter().find(|(h, _)| is_nik_status_header(h))?;
    let v = v.to_lowercase();
    if ["expired", "kadaluarsa", "kedaluwarsa", "belum", "tidak"]
        .iter()
        .any(|w| v.contains(w))
    {
        Some(false)
    } else if ["sudah", "bersertifikat", "bersetifikat", "aktif", "berlaku"]
        .iter()
        .any(|w| v.contains(w))
    {
        Some(true)
    } else {
        None
    }
}

/// Whether an RAT for `year` counts as held as of `as_of` (`Some(true)`), is known not held
/// (`Some(false)`: the record's RAT knowledge covers the year), or is unknown.
fn rat_held_for(k: &Koperasi, year: i32, as_of: NaiveDate, months: u32) -> Option<bool> {
    let held = k.rat.iter().any(|r| {
        r.book_year == year
            && crate::status::rat_counts_from(r, |y| crate::status::day_after_deadline(y, months))
                .is_some_and(|from| from <= as_of)
    });
    if held {
        Some(true)
    } else {
        k.rat_known.covers_by(year, months).then_some(false)
    }
}

impl Tally {
    /// Count one record, assessed as of `as_of` (`a`), RATs due for `rat_year`.
    fn add(&mut self, k: &Koperasi, a: &Assessment, rat_year: Option<i32>, months: u32) {
        let as_of = a.as_of;
        self.records += 1;
        let bump = |x: &mut u64, yes: bool| *x += u64::from(yes);
        let founded = k.founding_year();
        bump(&mut self.founding_known, founded.is_some());
        let born = founded.filter(|_| k.founded().is_none_or(|d| d <= as_of));
        bump(&mut self.new_this_year, born == Some(as_of.year()));
        bump(
            &mut self.new_last_year,
            born == Some(as_of.year().saturating_sub(1)),
        );
        bump(&mut self.dissolution_known, k.dissolution.is_some());
        bump(
            &mut self.dissolved,
            k.dissolution.is_some_and(|d| d.date <= as_of),
        );
        if !crate::status::on_register(k, as_of) {
            return;
        }
        self.on_record += 1;
        let check = k.latest_field_check(as_of);
        match check.and_then(|c| c.found_at_address) {
            Some(true) => self.found += 1,
            Some(false) => self.not_found += 1,
            None => {}
        }
        self.verified = self.found + self.not_found;
        bump(
            &mut self.board_known,
            check.is_some_and(|c| c.board_known.is_some()),
        );
        match k.identified(as_of) {
            Some(true) => {
                self.identified += 1;
                self.identified_known += 1;
            }
            Some(false) => self.identified_known += 1,
            None => {}
        }
        bump(&mut self.active, a.status == Status::Active);
        bump(&mut self.inactive, a.status == Status::Inactive);
        // Known when the record has a fact the policy reads and the policy decided (an RAT
        // column whose years miss the window leaves it unknown: no "active 0" from a register
        // that cannot say).
        let facts = !k.rat.is_empty() || k.rat_known.is_known() || check.is_some();
        bump(
            &mut self.status_known,
            facts && a.status != Status::NotAssessable,
        );
        match rat_year.and_then(|y| rat_held_for(k, y, as_of, months)) {
            Some(true) => {
                // Counted of the active, as the RAT share is published (relations.toml,
                // `rat_held_le_active`): an RAT held by a coop not found or dissolved since is
                // known, but not in the figure.
                bump(&mut self.rat_held, a.status == Status::Active);
                self.rat_known += 1;
            }
            Some(false) => self.rat_known += 1,
            None => {}
        }
        let nik = nik_certified(k);
        bump(&mut self.nik_known, k.nik.is_some() || nik.is_some());
        bump(&mut self.nik, k.nik.is_some() || nik == Some(true));
        bump(&mut self.kopdes, is_kopdes_merah_putih(&k.name));
    }
}

/// The kab/kota all records share so far: its code, else its name as written (lower case).
#[derive(Debug, Clone, PartialEq, Eq)]
enum SharedRegion {
    /// No record yet.
    Nothing,
    /// Every record so far is in this kab/kota (one record: its label).
    One(
        Option<crate::wilayah::KodeWilayah>,
        Option<String>,
        Option<String>,
    ),
    /// Records in several kab/kota, or some without one.
    Several,
}

impl SharedRegion {
    fn add(&mut self, k: &Koperasi) {
        let code = k.location.code.and_then(|c| c.kab_kota());
        let name = match code {
            Some(_) => None,
            None => k.location.kab_kota.as_deref().map(str::to_lowercase),
        };
        *self = match std::mem::replace(self, SharedRegion::Several) {
            SharedRegion::Nothing if code.is_some() || name.is_some() => {
                SharedRegion::One(code, name, record_key(k, Field::KabKota))
            }
            SharedRegion::One(c, n, label) if c == code && n == name => {
                SharedRegion::One(c, n, label)
            }
            _ => SharedRegion::Several,
        };
    }

    fn label(self) -> Option<String> {
        match self {
            SharedRegion::One(_, _, label) => label,
            _ => None,
        }
    }
}

/// A [`Funnel`] counted one record at a time: [`FunnelTally::add`] each record with its
/// assessment as of the tally's date under its policy, then [`FunnelTally::finish`].
#[derive(Debug, Clone)]
pub struct FunnelTally {
    as_of: NaiveDate,
    policy: String,
    months: u32,
    rat_year: Option<i32>,
    by: Vec<Field>,
    records: u64,
    total: Tally,
    status_counts: BTreeMap<Status, u64>,
    parts: BTreeMap<(Field, Option<String>), Tally>,
    /// Kab/kota labels of the records on record.
    region: SharedRegion,
}

impl FunnelTally {
    /// An empty tally as of `as_of` under `policy`, broken down by `by` (e.g. kecamatan and
    /// jenis; [`Field::Status`] is not a breakdown of the funnel and is ignored).
    pub fn new(as_of: NaiveDate, policy: &StatusPolicy, by: &[Field]) -> FunnelTally {
        let months = policy.rat_deadline_months;
        FunnelTally {
            as_of,
            policy: policy.name.clone(),
            months,
            rat_year: crate::status::latest_due_book_year(as_of, months),
            by: by.iter().copied().filter(|f| *f != Field::Status).collect(),
            records: 0,
            total: Tally::default(),
            status_counts: BTreeMap::new(),
            parts: BTreeMap::new(),
            region: SharedRegion::Nothing,
        }
    }

    /// Count one record, with its assessment as of the tally's date under its policy
    /// ([`crate::status::assess`]).
    pub fn add(&mut self, k: &Koperasi, a: &Assessment) {
        self.records += 1;
        self.total.add(k, a, self.rat_year, self.months);
        for f in &self.by {
            self.parts.entry((*f, record_key(k, *f))).or_default().add(
                k,
                a,
                self.rat_year,
                self.months,
            );
        }
        if crate::status::on_register(k, self.as_of) {
            *self.status_counts.entry(a.status).or_default() += 1;
            self.region.add(k);
        }
    }

    /// The funnel; `read`, when given, names the file's columns each figure rests on.
    pub fn finish(self, read: Option<&ReadReport>) -> Funnel {
        let (as_of, rat_year) = (self.as_of, self.rat_year);
        let figures = figure_basis(&self.total, as_of, rat_year, read);
        let parts = self
            .parts
            .into_iter()
            .map(|((dimension, value), t)| FunnelPart {
                dimension,
                value,
                counts: counts(&t, as_of, rat_year)
                    .into_iter()
                    .enumerate()
                    .filter(|(i, _)| figures.get(*i).is_some_and(|f| f.value().is_some()))
                    .collect(),
            })
            .collect();
        let region = self.region.label();
        Funnel {
            as_of,
            policy: self.policy,
            rat_deadline_months: self.months,
            region,
            records: self.records,
            status_counts: self.status_counts,
            figures,
            parts,
        }
    }
}

/// The funnel of `register` as of `as_of` under `policy`, without breakdown.
///
/// ```
/// use koperasi::NaiveDate;
/// use koperasi::statements::{Definition, funnel};
/// use koperasi::status::StatusPolicy;
/// let csv = koperasi::samples::BOGOR_REGISTER_CSV.as_bytes();
/// let Ok(koperasi::io::Table::Register(r, _)) = koperasi::io::read_any(csv, &Default::default())
/// else { return Err("not a register".into()) };
/// let as_of = NaiveDate::from_ymd_opt(2025, 2, 1).ok_or("date")?;
/// let f = funnel(&r, as_of, &StatusPolicy::national());
/// assert!(f.first(&Definition::OnRecord).and_then(|x| x.value()).is_some());
/// // The register has no field-check columns: `identified` is unknown, not 0.
/// assert_eq!(f.first(&Definition::Identified).and_then(|x| x.value()), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn funnel(register: &Register, as_of: NaiveDate, policy: &StatusPolicy) -> Funnel {
    funnel_by(register, as_of, policy, &[], None)
}

/// [`funnel`] broken down by `by` (e.g. kecamatan and jenis: [`Funnel::parts`]); `read`, the
/// read report of the register's file when at hand, names the file's columns each figure rests
/// on and tells an empty NIK or dissolution column (a count of 0) from none (unknown).
pub fn funnel_by(
    register: &Register,
    as_of: NaiveDate,
    policy: &StatusPolicy,
    by: &[Field],
    read: Option<&ReadReport>,
) -> Funnel {
    let mut t = FunnelTally::new(as_of, policy, by);
    for k in &register.records {
        t.add(k, &crate::status::assess(k, as_of, policy));
    }
    t.finish(read)
}
