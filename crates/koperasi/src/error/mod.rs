//! Errors, one enum per domain area, each variant carrying what a user needs to fix the input
//! (the value, and where it came from when known).
//!
//! Every enum has a `code()` method returning a stable snake_case string (for example
//! `"date_out_of_range"`). Codes are part of the public contract: the Python and JavaScript
//! bindings expose them, and the conformance vectors in `tests/vectors/` assert them.
//! [`Error`] wraps them all for callers that want one type.

mod demography;
mod id;
mod identity;
mod io;
mod locale;
mod money;
mod shu;
mod stats;
mod status;
mod wilayah;

pub use demography::DemographyError;
pub use identity::IdentityError;
pub use io::{ExportError, ReadError};
pub use locale::{DateError, NumberError};
pub use money::MoneyError;
pub use shu::ShuError;
pub use stats::StatsError;
pub use status::PolicyError;
pub use wilayah::WilayahError;

/// Any error of this crate.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A date could not be read.
    #[error(transparent)]
    Date(#[from] DateError),
    /// A number or money amount could not be read.
    #[error(transparent)]
    Number(#[from] NumberError),
    /// Money arithmetic failed (overflow, negative where not allowed).
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A region code or name could not be resolved.
    #[error(transparent)]
    Wilayah(#[from] WilayahError),
    /// An identifier (Nomor Induk Koperasi, NIB, ...) is malformed.
    #[error(transparent)]
    Identity(#[from] IdentityError),
    /// A status policy is invalid or unknown.
    #[error(transparent)]
    Policy(#[from] PolicyError),
    /// A statistic cannot be computed from the given figures.
    #[error(transparent)]
    Stats(#[from] StatsError),
    /// A file or its structure could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// An SHU plan or distribution cannot be computed.
    #[error(transparent)]
    Shu(#[from] ShuError),
    /// A demography statistic cannot be computed.
    #[error(transparent)]
    Demography(#[from] DemographyError),
    /// An export could not be written.
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl Error {
    /// The stable snake_case code of the underlying error, e.g. `"date_invalid"`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Date(e) => e.code(),
            Error::Number(e) => e.code(),
            Error::Money(e) => e.code(),
            Error::Wilayah(e) => e.code(),
            Error::Identity(e) => e.code(),
            Error::Policy(e) => e.code(),
            Error::Stats(e) => e.code(),
            Error::Read(e) => e.code(),
            Error::Shu(e) => e.code(),
            Error::Demography(e) => e.code(),
            Error::Export(e) => e.code(),
        }
    }
}

/// The area of an [`Error`]: which wrapped enum it comes from. Not `non_exhaustive`, so a
/// binding that maps areas to its own exception types with a `match` fails to compile when an
/// area is added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorArea {
    /// [`DateError`].
    Date,
    /// [`NumberError`].
    Number,
    /// [`MoneyError`].
    Money,
    /// [`WilayahError`].
    Wilayah,
    /// [`IdentityError`].
    Identity,
    /// [`PolicyError`].
    Policy,
    /// [`StatsError`].
    Stats,
    /// [`ReadError`].
    Read,
    /// [`ShuError`].
    Shu,
    /// [`DemographyError`].
    Demography,
    /// [`ExportError`].
    Export,
}

/// The structured fields of an [`Error`], for bindings that expose them as attributes
/// (Python exception attributes, JavaScript `Error` properties): the one error map of the
/// crate, built by [`Error::details`].
///
/// `fields` lists every named field of the variant under its Rust name (`field`, `column`,
/// `limit`, `found`, `sheet`, ...), as text, in declaration order (a list of candidates is
/// joined with `; `): a key means one thing in every error. `line`, `column` and `value` pick
/// from them what says where and what: `line`, the 1-based line (or sheet row) of a file
/// (`None` when the error has none, or it is 0: the whole file); `column`, the column or field
/// name concerned (the limit's name for [`ReadError::LimitExceeded`]); `value`, the offending
/// input as given (the column named by a mapping for [`ReadError::BadMapping`], the amount
/// found for a limit, the name not found, the sum of a plan).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ErrorDetails {
    /// 1-based line, when the error has one.
    pub line: Option<u64>,
    /// Column or field name, when the error has one.
    pub column: Option<String>,
    /// The offending value as given, when the error has one.
    pub value: Option<String>,
    /// Every named field of the variant, as text, under its Rust name.
    pub fields: Vec<(&'static str, String)>,
}

impl ErrorDetails {
    /// The details of `fields`: `line` from the field `line` (0 is none), `column` from
    /// `column` or else `field`, `value` from `value`.
    fn of(fields: Vec<(&'static str, String)>) -> ErrorDetails {
        let mut d = ErrorDetails {
            fields,
            ..ErrorDetails::default()
        };
        d.line = d
            .get("line")
            .and_then(|l| l.parse().ok())
            .filter(|l| *l > 0);
        d.column = d.get("column").or_else(|| d.get("field"));
        d.value = d.get("value");
        d
    }

    /// The field named `key`, when the variant has it.
    fn get(&self, key: &str) -> Option<String> {
        self.fields
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }

    /// `value` taken from the field `key` (a variant whose offending input has its own name).
    fn value_of(mut self, key: &str) -> ErrorDetails {
        self.value = self.get(key);
        self
    }

    /// `column` taken from the field `key`.
    fn column_of(mut self, key: &str) -> ErrorDetails {
        self.column = self.get(key);
        self
    }

    /// `line` taken from the field `key` (0 is none).
    fn line_of(mut self, key: &str) -> ErrorDetails {
        self.line = self
            .get(key)
            .and_then(|l| l.parse().ok())
            .filter(|l| *l > 0);
        self
    }

    /// The fields as a map from name to text (the `details` of the Python and JavaScript
    /// errors).
    pub fn fields_map(&self) -> std::collections::BTreeMap<&'static str, String> {
        self.fields.iter().cloned().collect()
    }
}

impl Error {
    /// Which area (wrapped enum) the error belongs to.
    pub fn area(&self) -> ErrorArea {
        match self {
            Error::Date(_) => ErrorArea::Date,
            Error::Number(_) => ErrorArea::Number,
            Error::Money(_) => ErrorArea::Money,
            Error::Wilayah(_) => ErrorArea::Wilayah,
            Error::Identity(_) => ErrorArea::Identity,
            Error::Policy(_) => ErrorArea::Policy,
            Error::Stats(_) => ErrorArea::Stats,
            Error::Read(_) => ErrorArea::Read,
            Error::Shu(_) => ErrorArea::Shu,
            Error::Demography(_) => ErrorArea::Demography,
            Error::Export(_) => ErrorArea::Export,
        }
    }

    /// The structured fields of the error (see [`ErrorDetails`]). Every variant of every area
    /// is matched without a wildcard (here and in the area's own function), so a new variant
    /// must say what it carries.
    pub fn details(&self) -> ErrorDetails {
        match self {
            Error::Date(e) => date_details(e),
            Error::Number(e) => number_details(e),
            Error::Money(MoneyError::Overflow { operation }) => {
                ErrorDetails::of(vec![("operation", s(operation))])
            }
            Error::Wilayah(e) => wilayah_details(e),
            Error::Identity(e) => identity_details(e),
            Error::Policy(e) => policy_details(e),
            Error::Stats(e) => stats_details(e),
            Error::Read(e) => read_details(e),
            Error::Export(e) => export_details(e),
            Error::Shu(e) => shu_details(e),
            Error::Demography(e) => demography_details(e),
        }
    }
}

/// A field's value as text.
fn s(x: &(impl std::fmt::Display + ?Sized)) -> String {
    x.to_string()
}

fn date_details(e: &DateError) -> ErrorDetails {
    ErrorDetails::of(match e {
        DateError::Unrecognised { value } => vec![("value", s(value))],
        DateError::Invalid { value, why } => vec![("value", s(value)), ("why", s(why))],
    })
}

fn number_details(e: &NumberError) -> ErrorDetails {
    ErrorDetails::of(match e {
        NumberError::NotANumber { value } => vec![("value", s(value))],
        NumberError::Ambiguous { value, why }
        | NumberError::OutOfRange { value, why }
        | NumberError::Inexact { value, why } => vec![("value", s(value)), ("why", s(why))],
    })
}

fn wilayah_details(e: &WilayahError) -> ErrorDetails {
    match e {
        WilayahError::BadCode { value } => ErrorDetails::of(vec![("value", s(value))]),
        WilayahError::NotFound { name } => {
            ErrorDetails::of(vec![("name", s(name))]).value_of("name")
        }
        WilayahError::Ambiguous { name, candidates } => ErrorDetails::of(vec![
            ("name", s(name)),
            ("candidates", candidates.join("; ")),
        ])
        .value_of("name"),
        WilayahError::BadTable { line, why } => {
            ErrorDetails::of(vec![("line", s(line)), ("why", s(why))])
        }
    }
}

fn identity_details(e: &IdentityError) -> ErrorDetails {
    ErrorDetails::of(match e {
        IdentityError::BadNik { value, why } => vec![("value", s(value)), ("why", s(why))],
        IdentityError::BadNib { value } => vec![("value", s(value))],
    })
}

fn policy_details(e: &PolicyError) -> ErrorDetails {
    match e {
        PolicyError::UnknownPreset { name, known } => {
            ErrorDetails::of(vec![("name", s(name)), ("known", s(known))]).value_of("name")
        }
        PolicyError::Parse { why } => ErrorDetails::of(vec![("why", s(why))]),
        PolicyError::Invalid { field, why } => {
            ErrorDetails::of(vec![("field", s(field)), ("why", s(why))])
        }
    }
}

fn stats_details(e: &StatsError) -> ErrorDetails {
    match e {
        StatsError::NonPositiveBase { what, base } => {
            ErrorDetails::of(vec![("what", s(what)), ("base", s(base))]).value_of("base")
        }
        StatsError::EmptySpan { from, to } => {
            ErrorDetails::of(vec![("from", s(from)), ("to", s(to))])
        }
        StatsError::BadPeriod { value, why } | StatsError::InvalidPeriod { value, why } => {
            ErrorDetails::of(vec![("value", s(value)), ("why", s(why))])
        }
        StatsError::NonPositiveYears { what, years } => {
            ErrorDetails::of(vec![("what", s(what)), ("years", s(years))]).value_of("years")
        }
        StatsError::NegativeValue { what, value } => {
            ErrorDetails::of(vec![("what", s(what)), ("value", s(value))])
        }
        StatsError::PartExceedsTotal { what, part, total } => ErrorDetails::of(vec![
            ("what", s(what)),
            ("part", s(part)),
            ("total", s(total)),
        ]),
        StatsError::NotFinite { what, why } => {
            ErrorDetails::of(vec![("what", s(what)), ("why", s(why))])
        }
        StatsError::BadParameter { name, value, why } => ErrorDetails::of(vec![
            ("name", s(name)),
            ("value", s(value)),
            ("why", s(why)),
        ])
        .column_of("name"),
    }
}

fn read_details(e: &ReadError) -> ErrorDetails {
    match e {
        ReadError::Csv { line, why } => ErrorDetails::of(vec![("line", s(line)), ("why", s(why))]),
        ReadError::Empty => ErrorDetails::of(vec![]),
        ReadError::MissingColumn {
            field,
            looked_for,
            found,
        } => ErrorDetails::of(vec![
            ("field", s(field)),
            ("looked_for", s(looked_for)),
            ("found", s(found)),
        ]),
        ReadError::UnknownLayout { why }
        | ReadError::ConflictingMapping { why }
        | ReadError::Io { why }
        | ReadError::Workbook { why } => ErrorDetails::of(vec![("why", s(why))]),
        ReadError::BadMapping { field, column } => {
            ErrorDetails::of(vec![("field", s(field)), ("column", s(column))]).value_of("column")
        }
        ReadError::UnknownField { field, known } => {
            ErrorDetails::of(vec![("field", s(field)), ("known", s(known))]).value_of("field")
        }
        ReadError::LimitExceeded {
            limit,
            found,
            max,
            line,
            sheet,
            cell,
        } => {
            let mut f = vec![
                ("limit", s(limit)),
                ("found", s(found)),
                ("max", s(max)),
                ("line", s(line)),
            ];
            f.extend(sheet.as_deref().map(|x| ("sheet", s(x))));
            f.extend(cell.as_deref().map(|x| ("cell", s(x))));
            ErrorDetails::of(f).column_of("limit").value_of("found")
        }
        ReadError::NoSuchSheet { sheet, available } => {
            ErrorDetails::of(vec![("sheet", s(sheet)), ("available", s(available))])
                .value_of("sheet")
        }
    }
}

fn export_details(e: &ExportError) -> ErrorDetails {
    match e {
        ExportError::CellTooLong {
            row,
            column,
            chars,
            max,
        } => ErrorDetails::of(vec![
            ("row", s(row)),
            ("column", s(column)),
            ("chars", s(chars)),
            ("max", s(max)),
        ])
        .line_of("row")
        .value_of("chars"),
        ExportError::TooLarge { why } | ExportError::Write { why } => {
            ErrorDetails::of(vec![("why", s(why))])
        }
    }
}

fn shu_details(e: &ShuError) -> ErrorDetails {
    let of = ErrorDetails::of;
    match e {
        ShuError::PlanSum { sum, percent, hint } => of(vec![
            ("sum", s(sum)),
            ("percent", s(percent)),
            ("hint", s(hint)),
        ])
        .value_of("sum"),
        ShuError::PlanEmpty | ShuError::EmptyKey => of(vec![]),
        ShuError::PlanDuplicate { component } => {
            of(vec![("component", s(component))]).value_of("component")
        }
        ShuError::PlanInvalid { why } | ShuError::PlanParse { why } => of(vec![("why", s(why))]),
        ShuError::NegativeShu { shu } => of(vec![("shu", s(shu))]).value_of("shu"),
        ShuError::NonMemberShu { non_member, shu } => {
            of(vec![("non_member", s(non_member)), ("shu", s(shu))]).value_of("non_member")
        }
        ShuError::NegativeBase {
            member_id,
            base,
            value,
        } => of(vec![
            ("member_id", s(member_id)),
            ("base", s(base)),
            ("value", s(value)),
        ])
        .column_of("base"),
        ShuError::DuplicateMember { member_id } => {
            of(vec![("member_id", s(member_id))]).value_of("member_id")
        }
        ShuError::EmptyMemberId { position } => of(vec![("position", s(position))]),
        ShuError::Granularity { value } => of(vec![("value", s(value))]),
        ShuError::Overflow { what } => of(vec![("what", s(what))]),
        ShuError::PseudonymCollision { pseudonym } => {
            of(vec![("pseudonym", s(pseudonym))]).value_of("pseudonym")
        }
        ShuError::UnknownBase {
            what,
            name,
            available,
            suggestion,
        } => of(vec![
            ("what", s(what)),
            ("name", s(name)),
            ("available", s(available)),
            ("suggestion", s(suggestion)),
        ])
        .value_of("name"),
    }
}

fn demography_details(e: &DemographyError) -> ErrorDetails {
    let of = ErrorDetails::of;
    match e {
        DemographyError::EmptySpan { from, to, why } => {
            of(vec![("from", s(from)), ("to", s(to)), ("why", s(why))])
        }
        DemographyError::LengthMismatch {
            what,
            expected,
            got,
        } => of(vec![
            ("what", s(what)),
            ("expected", s(expected)),
            ("got", s(got)),
        ])
        .value_of("got"),
        DemographyError::InvalidValue { what, value, why } => of(vec![
            ("what", s(what)),
            ("value", s(value)),
            ("why", s(why)),
        ]),
        DemographyError::EntryAfterDuration {
            index,
            entry,
            duration,
        } => of(vec![
            ("index", s(index)),
            ("entry", s(entry)),
            ("duration", s(duration)),
        ])
        .value_of("entry"),
        DemographyError::Empty { what } => of(vec![("what", s(what))]),
        DemographyError::YearsAfterAsOf {
            first,
            last,
            as_of,
            max_year,
        } => of(vec![
            ("first", s(first)),
            ("last", s(last)),
            ("as_of", s(as_of)),
            ("max_year", s(max_year)),
        ])
        .value_of("max_year"),
        DemographyError::StatusBreakdown => of(vec![]),
    }
}
