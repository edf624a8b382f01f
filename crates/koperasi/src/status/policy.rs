//! [`StatusPolicy`]: the parameters of the status rules, as data.
//!
//! A policy is plain serde data (JSON). The shipped presets live in
//! `crates/koperasi/data/policies/*.json` and are embedded in the library; an office can copy
//! one, change a number, and load it with [`StatusPolicy::from_json`]. Fields left out of a
//! JSON text take the defaults of the `national` preset ([`StatusPolicy::default`]); unknown
//! fields are refused (a misspelt field must not be silently ignored).

use crate::error::PolicyError;
use serde::{Deserialize, Serialize};

const NATIONAL_JSON: &str = include_str!("../../data/policies/national.json");
const OFFICE_JSON: &str = include_str!("../../data/policies/office.json");
const FIELD_FIRST_JSON: &str = include_str!("../../data/policies/field_verification_first.json");
const PERMENKOP_25_2015_JSON: &str = include_str!("../../data/policies/permenkop_25_2015.json");

/// Largest accepted [`StatusPolicy::rat_window_years`].
pub const MAX_WINDOW_YEARS: u32 = 50;
/// Largest accepted [`StatusPolicy::rat_deadline_months`].
pub const MAX_DEADLINE_MONTHS: u32 = 24;

/// The parameters of [`crate::status::assess`] (DOMAIN.md 2.2), as data.
///
/// Defaults (the `national` preset, used for any field missing from a JSON text):
///
/// | field | default | meaning |
/// |---|---|---|
/// | `rat_window_years` | 3 | length of the RAT window in book years (Kemenkop: "at least once in the last three years") |
/// | `require_every_year` | false | true: an RAT is needed for **each** book year of the window (office practice) |
/// | `rat_deadline_months` | 6 | months after the book-year end by which the RAT is due (30 June; Permenkop 19/2015) |
/// | `grace_first_book_year` | false | true: the partial first book year (founding year, unless founded on 1 January) needs no RAT. Off by default: UU 25/1992 art. 35 asks for an RAT after every book year, and offices expect one for the founding year too |
/// | `unknown_founding_assume_old` | true | founding date and year unknown: assume old enough for every window year to be due |
/// | `field_check_first` | false | the latest field check decides before the RAT rule (Balikpapan 2025) |
/// | `field_check_max_age_days` | none | field checks older than this many days before `as_of` are ignored |
/// | `not_found_overrides` | true | a latest field check "not found at the address" gives `NotFound` |
/// | `dissolution_review_years` | 2 | consecutive due book years without RAT that raise a dissolution-review flag |
/// | `nik_certificate_valid_years` | 2 | years a NIK koperasi certificate is valid ([`crate::status::nik_certificate`]; Jakarta, beritajakarta.id) |
/// | `rat_report_within_days` | 30 | days after the meeting by which the RAT is reported to the national system ([`crate::status::rat_report`]; beritajakarta.id) |
/// | `require_business_activity` | false | true: an RAT-rule `Active` also needs the business to run (Permenkop 25/2015 Pasal 1 angka 3); known not running gives `Inactive`, unknown is said in the reasons |
///
/// Every preset names its source in [`StatusPolicy::source`] (DOMAIN.md 2.1, 9.1).
///
/// How the window is placed as of a date is documented in [`crate::status`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct StatusPolicy {
    /// Preset or user name (non-empty).
    pub name: String,
    /// What the policy means, in one paragraph.
    pub description: String,
    /// Where the rule comes from (regulation, official statement, news report).
    pub source: String,
    /// Length of the RAT window in book years, 1..=50. National: 3; office: 2.
    pub rat_window_years: u32,
    /// When true an RAT must have been held for every book year of the window that is required
    /// of the cooperative (office practice: "RAT 2 consecutive years"); when false one RAT in
    /// the window suffices (Kemenkop).
    pub require_every_year: bool,
    /// Months after the end of the book year (31 December) by which the RAT is due, 0..=24;
    /// 6 gives 30 June of the next year (DOMAIN.md 2.3). See [`crate::status::rat_deadline`].
    pub rat_deadline_months: u32,
    /// When true, the first, partial book year of a cooperative (the founding year, unless it
    /// was founded on 1 January) needs no RAT: the first required book year is the first full
    /// one. A cooperative with no required book year yet due is `NotYetDue` (belum dinilai).
    pub grace_first_book_year: bool,
    /// When neither the founding date nor a founding year is known: true assumes the
    /// cooperative is old enough for every window year to be required (a `no_founding_date`
    /// reason is added to an `Inactive` verdict); false makes such a record `NotAssessable`
    /// unless an RAT in the window shows it active.
    pub unknown_founding_assume_old: bool,
    /// When true the latest field check decides first: business seen running gives `Active`,
    /// business seen stopped gives `Inactive`; otherwise the RAT rule decides.
    pub field_check_first: bool,
    /// Field checks dated more than this many days before `as_of` are ignored (1 or more);
    /// `None`: every check on or before `as_of` is used.
    pub field_check_max_age_days: Option<u32>,
    /// When true, a latest field check that did not find the cooperative at its registered
    /// address gives `NotFound`, whatever the RAT history says.
    pub not_found_overrides: bool,
    /// Number of consecutive due book years without an RAT that raise the
    /// dissolution-review flag, 1..=50. Default 2: the Bantul office's practice (no RAT and no
    /// report for 2 consecutive years, then verification and a proposal to close; DOMAIN.md 2.1).
    /// PP 17/1994 art. 3 lets the government dissolve a cooperative; its grounds as reported do
    /// not name RAT, so this is a flag for review, never a verdict (DOMAIN.md 2.5).
    pub dissolution_review_years: u32,
    /// When true (the `permenkop_25_2015` preset), an `Active` verdict of the RAT rule also
    /// needs business activity ("melakukan kegiatan usaha untuk melayani anggota",
    /// Permenkop 25/Per/M.KUKM/IX/2015 Pasal 1 angka 3): business known not to run gives
    /// `Inactive` (reason `no_business_activity`); business unknown keeps the RAT verdict and
    /// says so (reason `business_activity_unknown`), never assumed either way. Evidence, latest
    /// first: a field check dated after the book year (see [`crate::status`]), then the
    /// business activity or volume usaha of the latest window book year that has one.
    pub require_business_activity: bool,
    /// Years a NIK koperasi certificate is valid from its issue date, 1..=50. Default 2: the
    /// Jakarta office (beritajakarta.id; a Kotawaringin Timur official said 1 year in 2020)
    /// (DOMAIN.md 9.1). See [`crate::status::nik_certificate`].
    pub nik_certificate_valid_years: u32,
    /// Days after the RAT by which it is to be reported to the national system (ODS),
    /// 1..=366. Default 30: "within 1 month of the meeting" (beritajakarta.id, DOMAIN.md 9.1;
    /// 2.3 gives 1 month for audited KSP/KSPPS). See [`crate::status::rat_report`].
    pub rat_report_within_days: u32,
}

impl Default for StatusPolicy {
    /// The `national` preset's values (kept equal to `data/policies/national.json`; a test
    /// checks it).
    fn default() -> StatusPolicy {
        StatusPolicy {
            name: "national".into(),
            description: "The Kemenkop national count's reading (as Kompaspedia describes the definition behind the 2019 count): a cooperative is active (aktif) when it held at least one RAT for a book year within the last 3 book years whose RAT is due (or held). This is not the regulation's wording: Permenkop 25/Per/M.KUKM/IX/2015 Pasal 1 angka 3 asks for an RAT in each of the 3 years and business activity (preset permenkop_25_2015). A latest field check that did not find the cooperative at its registered address gives 'not found'.".into(),
            source: "Kompaspedia (kompaspedia.kompas.id/?p=22181), describing the Kemenkop definition behind the 2019 count (123,048 active coops): active = held an RAT at least once in the last three years; RAT deadline 6 months after the book-year end: Permenkop 19/2015 via SE Deputi 1/2025 (DOMAIN.md 2.1, 2.3, 9.1).".into(),
            rat_window_years: 3,
            require_every_year: false,
            rat_deadline_months: 6,
            grace_first_book_year: false,
            unknown_founding_assume_old: true,
            field_check_first: false,
            field_check_max_age_days: None,
            not_found_overrides: true,
            dissolution_review_years: 2,
            require_business_activity: false,
            nik_certificate_valid_years: 2,
            rat_report_within_days: 30,
        }
    }
}

impl StatusPolicy {
    /// Names of the shipped presets: `national` (the Kemenkop count's reading, Kompaspedia: 1
    /// RAT in the last 3 book years), `office` (Dinas, RAT in each of the last 2 book years),
    /// `field_verification_first` (Balikpapan 2025: the field check first, then the national
    /// RAT rule), `permenkop_25_2015` (the regulation's wording: an RAT in each of the last 3
    /// book years and business activity, Pasal 1 angka 3-4).
    pub const PRESETS: &'static [&'static str] = &[
        "national",
        "office",
        "field_verification_first",
        "permenkop_25_2015",
    ];

    /// A shipped preset by name (one of [`StatusPolicy::PRESETS`]).
    ///
    /// Errors: [`PolicyError::UnknownPreset`] naming the name given and the known names.
    pub fn preset(name: &str) -> Result<StatusPolicy, PolicyError> {
        StatusPolicy::from_json(StatusPolicy::preset_json(name)?)
    }

    /// The JSON text of a shipped preset, as embedded (to copy and edit).
    ///
    /// Errors: [`PolicyError::UnknownPreset`].
    pub fn preset_json(name: &str) -> Result<&'static str, PolicyError> {
        match name {
            "national" => Ok(NATIONAL_JSON),
            "office" => Ok(OFFICE_JSON),
            "field_verification_first" => Ok(FIELD_FIRST_JSON),
            "permenkop_25_2015" => Ok(PERMENKOP_25_2015_JSON),
            _ => Err(PolicyError::UnknownPreset {
                name: name.to_string(),
                known: StatusPolicy::PRESETS.join(", "),
            }),
        }
    }

    /// The `national` preset (Kemenkop: at least one RAT within the last 3 book years).
    pub fn national() -> StatusPolicy {
        StatusPolicy::from_json(NATIONAL_JSON).unwrap_or_default()
    }

    /// The `office` preset (Dinas: an RAT in each of the last 2 book years).
    pub fn office() -> StatusPolicy {
        StatusPolicy::from_json(OFFICE_JSON).unwrap_or_else(|_| StatusPolicy {
            name: "office".into(),
            rat_window_years: 2,
            require_every_year: true,
            ..StatusPolicy::default()
        })
    }

    /// The `field_verification_first` preset (Balikpapan 2025).
    pub fn field_verification_first() -> StatusPolicy {
        StatusPolicy::from_json(FIELD_FIRST_JSON).unwrap_or_else(|_| StatusPolicy {
            name: "field_verification_first".into(),
            field_check_first: true,
            ..StatusPolicy::default()
        })
    }

    /// The `permenkop_25_2015` preset: the regulation's wording (Permenkop
    /// 25/Per/M.KUKM/IX/2015 Pasal 1 angka 3-4): an RAT for each of the last 3 due book years
    /// and business activity when known.
    pub fn permenkop_25_2015() -> StatusPolicy {
        StatusPolicy::from_json(PERMENKOP_25_2015_JSON).unwrap_or_else(|_| StatusPolicy {
            name: "permenkop_25_2015".into(),
            require_every_year: true,
            require_business_activity: true,
            ..StatusPolicy::default()
        })
    }

    /// Read a policy from JSON; missing fields take the defaults of [`StatusPolicy::default`];
    /// the result is validated.
    ///
    /// Errors: [`PolicyError::Parse`] (bad JSON, unknown field, wrong type; the message has
    /// line and column) or [`PolicyError::Invalid`] (see [`StatusPolicy::validate`]).
    pub fn from_json(s: &str) -> Result<StatusPolicy, PolicyError> {
        let value: serde_json::Value =
            serde_json::from_str(s).map_err(|e| PolicyError::Parse { why: e.to_string() })?;
        if !value.is_object() {
            return Err(PolicyError::Parse {
                why: "a policy is a JSON object such as {\"name\": \"my office\", \"rat_window_years\": 2}".into(),
            });
        }
        // Parse the text again (not the value) so that errors keep their line and column.
        let p: StatusPolicy =
            serde_json::from_str(s).map_err(|e| PolicyError::Parse { why: e.to_string() })?;
        p.validate()?;
        Ok(p)
    }

    /// Read a policy from TOML (the same fields as the JSON form, e.g.
    /// `name = "my office"` and `rat_window_years = 2` on separate lines); missing fields take the
    /// defaults of [`StatusPolicy::default`]; the result is validated.
    ///
    /// Errors: [`PolicyError::Parse`] (bad TOML, unknown field, wrong type; the message has
    /// line and column) or [`PolicyError::Invalid`] (see [`StatusPolicy::validate`]).
    pub fn from_toml(s: &str) -> Result<StatusPolicy, PolicyError> {
        let p: StatusPolicy = toml::from_str(s).map_err(|e| PolicyError::Parse {
            why: e.to_string().trim_end().to_string(),
        })?;
        p.validate()?;
        Ok(p)
    }

    /// The policy as pretty-printed JSON (the format of the shipped presets).
    pub fn to_json_pretty(&self) -> String {
        // Serialising plain strings, integers and booleans cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Check every parameter.
    ///
    /// Errors: [`PolicyError::Invalid`] naming the first bad field: `name` empty,
    /// `rat_window_years` outside 1..=50, `rat_deadline_months` above 24,
    /// `field_check_max_age_days` = 0, `dissolution_review_years` outside 1..=50,
    /// `nik_certificate_valid_years` outside 1..=50, `rat_report_within_days` outside 1..=366.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let invalid = |field: &str, why: String| {
            Err(PolicyError::Invalid {
                field: field.to_string(),
                why,
            })
        };
        if self.name.trim().is_empty() {
            return invalid("name", "must not be empty".into());
        }
        if self.rat_window_years == 0 || self.rat_window_years > MAX_WINDOW_YEARS {
            return invalid(
                "rat_window_years",
                format!(
                    "{} is outside 1..={MAX_WINDOW_YEARS} book years",
                    self.rat_window_years
                ),
            );
        }
        if self.rat_deadline_months > MAX_DEADLINE_MONTHS {
            return invalid(
                "rat_deadline_months",
                format!(
                    "{} is more than {MAX_DEADLINE_MONTHS} months after the book-year end",
                    self.rat_deadline_months
                ),
            );
        }
        if self.field_check_max_age_days == Some(0) {
            return invalid(
                "field_check_max_age_days",
                "0 would ignore every field check; use null for no limit".into(),
            );
        }
        if self.dissolution_review_years == 0 || self.dissolution_review_years > MAX_WINDOW_YEARS {
            return invalid(
                "dissolution_review_years",
                format!(
                    "{} is outside 1..={MAX_WINDOW_YEARS} book years",
                    self.dissolution_review_years
                ),
            );
        }
        if self.nik_certificate_valid_years == 0
            || self.nik_certificate_valid_years > MAX_WINDOW_YEARS
        {
            return invalid(
                "nik_certificate_valid_years",
                format!(
                    "{} is outside 1..={MAX_WINDOW_YEARS} years",
                    self.nik_certificate_valid_years
                ),
            );
        }
        if self.rat_report_within_days == 0 || self.rat_report_within_days > 366 {
            return invalid(
                "rat_report_within_days",
                format!("{} is outside 1..=366 days", self.rat_report_within_days),
            );
        }
        Ok(())
    }
}
