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
/// (Python exception attributes, JavaScript `Error` properties).
///
/// `line` (1-based line of a file), `column` (a column or field name) and `value` (the text as
/// given) are filled when the variant has them; `fields` lists every named field of the
/// variant as `(name, value as text)`, in declaration order (a list of candidates is joined
/// with `; `).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ErrorDetails {
    /// 1-based line, when the error has one.
    pub line: Option<u64>,
    /// Column or field name, when the error has one.
    pub column: Option<String>,
    /// The offending value as given, when the error has one.
    pub value: Option<String>,
    /// Every named field of the variant, as text.
    pub fields: Vec<(&'static str, String)>,
}

impl ErrorDetails {
    fn of(fields: Vec<(&'static str, String)>) -> ErrorDetails {
        let get = |k: &str| fields.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone());
        ErrorDetails {
            line: get("line").and_then(|l| l.parse().ok()),
            column: get("column").or_else(|| get("field")),
            value: get("value"),
            fields,
        }
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
    /// is matched here without a wildcard, so a new variant must say what it carries.
    pub fn details(&self) -> ErrorDetails {
        let s = |x: &str| x.to_string();
        let f: Vec<(&'static str, String)> = match self {
            Error::Date(e) => match e {
                DateError::Unrecognised { value } => vec![("value", s(value))],
                DateError::Invalid { value, why } => vec![("value", s(value)), ("why", s(why))],
            },
            Error::Number(e) => match e {
                NumberError::NotANumber { value } => vec![("value", s(value))],
                NumberError::Ambiguous { value, why }
                | NumberError::OutOfRange { value, why }
                | NumberError::Inexact { value, why } => {
                    vec![("value", s(value)), ("why", s(why))]
                }
            },
            Error::Money(e) => match e {
                MoneyError::Overflow { operation } => vec![("operation", s(operation))],
            },
            Error::Wilayah(e) => match e {
                WilayahError::BadCode { value } => vec![("value", s(value))],
                WilayahError::NotFound { name } => vec![("value", s(name)), ("name", s(name))],
                WilayahError::Ambiguous { name, candidates } => vec![
                    ("value", s(name)),
                    ("name", s(name)),
                    ("candidates", candidates.join("; ")),
                ],
                WilayahError::BadTable { line, why } => {
                    vec![("line", line.to_string()), ("why", s(why))]
                }
            },
            Error::Identity(e) => match e {
                IdentityError::BadNik { value, why } => vec![("value", s(value)), ("why", s(why))],
                IdentityError::BadNib { value } => vec![("value", s(value))],
            },
            Error::Policy(e) => match e {
                PolicyError::UnknownPreset { name, known } => {
                    vec![("value", s(name)), ("name", s(name)), ("known", s(known))]
                }
                PolicyError::Parse { why } => vec![("why", s(why))],
                PolicyError::Invalid { field, why } => vec![("field", s(field)), ("why", s(why))],
            },
            Error::Stats(e) => match e {
                StatsError::NonPositiveBase { what, base } => {
                    vec![("what", s(what)), ("value", base.to_string())]
                }
                StatsError::EmptySpan { from, to } => vec![("from", s(from)), ("to", s(to))],
                StatsError::BadPeriod { value, why } | StatsError::InvalidPeriod { value, why } => {
                    vec![("value", s(value)), ("why", s(why))]
                }
                StatsError::NonPositiveYears { what, years } => {
                    vec![("what", s(what)), ("value", s(years))]
                }
                StatsError::NegativeValue { what, value } => {
                    vec![("what", s(what)), ("value", value.to_string())]
                }
                StatsError::PartExceedsTotal { what, part, total } => vec![
                    ("what", s(what)),
                    ("part", part.to_string()),
                    ("total", total.to_string()),
                ],
                StatsError::NotFinite { what, why } => vec![("what", s(what)), ("why", s(why))],
                StatsError::BadParameter { name, value, why } => {
                    vec![("field", s(name)), ("value", s(value)), ("why", s(why))]
                }
            },
            Error::Read(e) => match e {
                ReadError::Csv { line, why } => vec![("line", line.to_string()), ("why", s(why))],
                ReadError::Empty => vec![],
                ReadError::MissingColumn {
                    field,
                    looked_for,
                    found,
                } => vec![
                    ("field", s(field)),
                    ("looked_for", s(looked_for)),
                    ("found", s(found)),
                ],
                ReadError::UnknownLayout { why } | ReadError::ConflictingMapping { why } => {
                    vec![("why", s(why))]
                }
                ReadError::BadMapping { field, column } => vec![
                    ("column", s(column)),
                    ("field", s(field)),
                    ("value", s(column)),
                ],
                ReadError::UnknownField { field, known } => {
                    vec![
                        ("field", s(field)),
                        ("value", s(field)),
                        ("known", s(known)),
                    ]
                }
                ReadError::Io { why } | ReadError::Workbook { why } => vec![("why", s(why))],
                ReadError::LimitExceeded {
                    limit,
                    found,
                    max,
                    line,
                    sheet,
                    cell,
                } => {
                    let mut f = vec![
                        ("field", s(limit)),
                        ("value", found.to_string()),
                        ("max", max.to_string()),
                        ("line", line.to_string()),
                    ];
                    f.extend(sheet.as_deref().map(|x| ("sheet", s(x))));
                    f.extend(cell.as_deref().map(|x| ("cell", s(x))));
                    f
                }
                ReadError::NoSuchSheet { sheet, available } => {
                    vec![("value", s(sheet)), ("available", s(available))]
                }
            },
            Error::Export(e) => match e {
                ExportError::CellTooLong {
                    row,
                    column,
                    chars,
                    max,
                } => vec![
                    ("line", row.to_string()),
                    ("column", s(column)),
                    ("value", chars.to_string()),
                    ("max", max.to_string()),
                ],
                ExportError::TooLarge { why } | ExportError::Write { why } => vec![("why", s(why))],
            },
            Error::Shu(e) => match e {
                ShuError::PlanSum { sum, percent, hint } => vec![
                    ("value", sum.to_string()),
                    ("percent", s(percent)),
                    ("why", s(hint)),
                ],
                ShuError::PlanEmpty | ShuError::EmptyKey => vec![],
                ShuError::PlanDuplicate { component } => vec![("value", s(component))],
                ShuError::PlanInvalid { why } | ShuError::PlanParse { why } => {
                    vec![("why", s(why))]
                }
                ShuError::NegativeShu { shu } => vec![("value", s(shu))],
                ShuError::NonMemberShu { non_member, shu } => {
                    vec![("value", s(non_member)), ("shu", s(shu))]
                }
                ShuError::NegativeBase {
                    member_id,
                    base,
                    value,
                } => vec![
                    ("member_id", s(member_id)),
                    ("field", s(base)),
                    ("value", value.to_string()),
                ],
                ShuError::DuplicateMember { member_id } => {
                    vec![("member_id", s(member_id)), ("value", s(member_id))]
                }
                ShuError::EmptyMemberId { position } => vec![("position", position.to_string())],
                ShuError::Granularity { value } => vec![("value", value.to_string())],
                ShuError::Overflow { what } => vec![("what", s(what))],
                ShuError::PseudonymCollision { pseudonym } => vec![("value", s(pseudonym))],
                ShuError::UnknownBase {
                    what,
                    name,
                    available,
                    suggestion,
                } => vec![
                    ("what", s(what)),
                    ("value", s(name)),
                    ("available", s(available)),
                    ("why", s(suggestion)),
                ],
            },
            Error::Demography(e) => match e {
                DemographyError::EmptySpan { from, to, why } => {
                    vec![("from", s(from)), ("to", s(to)), ("why", s(why))]
                }
                DemographyError::LengthMismatch {
                    what,
                    expected,
                    got,
                } => vec![
                    ("what", s(what)),
                    ("expected", expected.to_string()),
                    ("value", got.to_string()),
                ],
                DemographyError::InvalidValue { what, value, why } => {
                    vec![("what", s(what)), ("value", s(value)), ("why", s(why))]
                }
                DemographyError::EntryAfterDuration {
                    index,
                    entry,
                    duration,
                } => vec![
                    ("position", index.to_string()),
                    ("value", entry.to_string()),
                    ("duration", duration.to_string()),
                ],
                DemographyError::Empty { what } => vec![("what", s(what))],
                DemographyError::YearsAfterAsOf {
                    first,
                    last,
                    as_of,
                    max_year,
                } => vec![
                    ("from", first.to_string()),
                    ("to", last.to_string()),
                    ("as_of", s(as_of)),
                    ("value", max_year.to_string()),
                ],
                DemographyError::StatusBreakdown => vec![],
            },
        };
        ErrorDetails::of(f)
    }
}
