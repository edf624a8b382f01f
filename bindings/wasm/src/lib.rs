//! JavaScript (WASM) bindings of koperasi: the raw wasm-bindgen layer.
//!
//! JavaScript users do not call this layer: the npm package `koperasi` wraps it
//! (`bindings/wasm/js/api.mjs`) into camelCase functions, classes and a `KoperasiError`.
//! This crate only converts; every figure comes from the core crate `koperasi`.
//!
//! Conventions of this layer ([`convert`]):
//! - arguments and results cross as JS values through `serde-wasm-bindgen`, in the serde shape
//!   of the core's types (the same shape as Python's `to_dict()` and the CLI's JSON): maps as
//!   plain objects, `None` as `null`;
//! - every integer in a result is a JS `number`; one past 2^53 - 1 (money in sen, say) is
//!   refused with a `range` error `number_unsafe_integer` instead of being rounded; integer
//!   arguments may be a safe `number` or a `bigint` (scalar `i64` parameters take a `bigint`);
//! - dates cross as ISO `YYYY-MM-DD` text;
//! - CSV input crosses as bytes (UTF-8);
//! - errors cross as an object `{kind, code, message, line, column, value, details}`
//!   ([`ErrorPayload`]; a core error's fields from `Error::details`, the map Python uses too),
//!   `kind` being `koperasi` (a core error with its stable code), `range` or `type` (a bad
//!   argument), which the wrapper turns into `KoperasiError`, `RangeError` or `TypeError`.
//!
//! One module per area: [`convert`] (errors and the value bridge), [`values`] (dates, numbers,
//! money, identifiers), [`wilayah`], [`status`], [`read`], [`register`], [`stats`], [`report`],
//! [`shu`], [`demography`], [`statements`], [`kopdes`] and the files out (`export`).
#![forbid(unsafe_code)]

pub mod convert;
pub mod demography;
mod export;
pub mod kopdes;
pub mod read;
pub mod register;
pub mod report;
pub mod shu;
pub mod statements;
pub mod stats;
pub mod status;
pub mod values;
pub mod wilayah;

pub use convert::{
    ErrorPayload, MAX_SAFE_INTEGER, core_error, fail, from_js, iso_date, policy_arg, to_js,
};
pub use read::{PanelHandle, ReadResult, RegisterHandle};
