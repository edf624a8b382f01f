//! Errors, one enum per domain area, each variant carrying what a user needs to fix the input
//! (the value, and where it came from when known).
//!
//! Every enum has a `code()` method returning a stable snake_case string (for example
//! `"date_out_of_range"`). Codes are part of the public contract: the Python and JavaScript
//! bindings expose them, and the conformance vectors in `tests/vectors/` assert them.
//! [`Error`] wraps them all for callers that want one type.

mod demography;
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
