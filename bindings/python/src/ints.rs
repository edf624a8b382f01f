//! Python `int` arguments, checked in one place against the range their core parameter takes.
//!
//! pyo3 turns an `int` that does not fit the Rust type into a bare `OverflowError` with no
//! code. These wrappers raise the koperasi exception of the domain instead, with a stable
//! code: [`Sen`] (amounts in sen, `i64`) raises `MoneyError` (`money_overflow`, as the
//! `Rupiah` class does); [`Int`] (counts, years, sizes) raises `ValidationError`
//! (`integer_out_of_range`). Any other failure (a `str`, a `float`) stays pyo3's `TypeError`.

use koperasi::error::ErrorDetails;
use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;

/// An amount in sen: a Python `int` within `i64` (±9223372036854775807 sen, about Rp 92
/// kuadriliun).
#[derive(Clone, Copy)]
pub(crate) struct Sen(pub i64);

/// An integer argument of Rust type `T` (a count, a year, a number of years, an index).
#[derive(Clone, Copy)]
pub(crate) struct Int<T>(pub T);

/// The range of an integer type, for the message.
pub(crate) trait Bounds {
    /// The smallest and largest values, as text.
    fn bounds() -> (String, String);
}

macro_rules! bounds {
    ($($t:ty),*) => {$(
        impl Bounds for $t {
            fn bounds() -> (String, String) {
                (<$t>::MIN.to_string(), <$t>::MAX.to_string())
            }
        }
    )*};
}
bounds!(i32, u32, i64, u64, usize);

/// `obj` as `T`; an `OverflowError` becomes `class` with `code` and a message naming `what`.
fn checked<'py, T>(
    obj: &Bound<'py, PyAny>,
    class: &str,
    code: &str,
    what: impl FnOnce() -> String,
) -> PyResult<T>
where
    T: for<'a> FromPyObject<'a, 'py, Error = PyErr>,
{
    match obj.extract::<T>() {
        Ok(v) => Ok(v),
        Err(e) if e.is_instance_of::<PyOverflowError>(obj.py()) => {
            let value = obj.str().map(|s| s.to_string()).unwrap_or_default();
            let d = ErrorDetails {
                fields: vec![("value", value.clone())],
                value: Some(value.clone()),
                ..ErrorDetails::default()
            };
            let m = format!("{value} is out of range: {}", what());
            Err(crate::errors::raise(obj.py(), class, m, code, d))
        }
        Err(e) => Err(e),
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Sen {
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        checked::<i64>(&obj, "MoneyError", "money_overflow", || {
            format!(
                "an amount in sen must fit a signed 64-bit integer (±{} sen, about Rp 92 kuadriliun)",
                i64::MAX
            )
        })
        .map(Sen)
    }
}

impl<'a, 'py, T> FromPyObject<'a, 'py> for Int<T>
where
    T: for<'b> FromPyObject<'b, 'py, Error = PyErr> + Bounds,
{
    type Error = PyErr;
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        checked::<T>(&obj, "ValidationError", "integer_out_of_range", || {
            let (lo, hi) = T::bounds();
            format!("this argument takes an integer from {lo} to {hi}")
        })
        .map(Int)
    }
}
