//! # koperasi
//!
//! Registers and statistics of Indonesian cooperatives (koperasi): who they are, whether they are
//! alive as of a date (with reasons), how the population grows, and whether published figures
//! add up.
//!
//! Conventions used everywhere in this crate:
//! - money is [`money::Rupiah`], an exact integer number of **sen** (1 rupiah = 100 sen);
//! - dates are [`chrono::NaiveDate`] (civil dates, no time zone); no function reads the clock:
//!   everything that depends on time takes an explicit `as_of` date;
//! - every fallible function returns a `Result` whose error names the value and why it was
//!   refused; nothing panics on bad input.
//!
//! Where to start:
//!
//! | to | use |
//! |---|---|
//! | read a CSV that is a register or a panel | [`io::read_any`] (or [`io::read_register`], [`io::read_panel`]) |
//! | status of one cooperative as of a date, with reasons | [`status::assess`] with a [`status::StatusPolicy`] preset |
//! | counts by kecamatan, jenis, status, ... | [`register::Register::count_by`] |
//! | growth and checks of published counts | [`stats::Panel`], [`stats::growth`], [`stats::checks::run_checks`] |
//! | everything `koperasi report` shows | [`report::build_report`] |
//! | Indonesian dates, numbers, money | [`locale`], [`money::Rupiah`] |
//! | Kemendagri region codes and names | [`wilayah::table`] |
//! | nomor badan hukum, Nomor Induk Koperasi | [`identity`] |
//!
//! Cargo features: `samples` embeds two real files (`koperasi::samples`); `desa` adds
//! the 83,762 desa/kelurahan of the Kemendagri table to [`wilayah::table`].
//!
//! Domain rules and their sources are collected in `docs/DOMAIN.md` of the repository; items
//! cite its sections (e.g. "DOMAIN.md 2.2").
//!
//! ```
//! use koperasi::locale::{parse_date, parse_rupiah};
//! let d = parse_date("Sabtu (1/2/2025)")?;
//! assert_eq!(d.to_string(), "2025-02-01");
//! let r = parse_rupiah("Rp 1.234.567,89")?;
//! assert_eq!(r.sen(), 123_456_789);
//! assert_eq!(r.to_string(), "Rp 1.234.567,89");
//! # Ok::<(), koperasi::Error>(())
//! ```
#![forbid(unsafe_code)]

pub mod columns;
pub mod cooperative;
pub mod demography;
pub mod error;
pub mod fact_order;
pub mod geo;
pub mod identity;
pub mod io;
pub mod kopdes;
pub mod locale;
pub mod money;
pub mod office;
pub mod register;
pub mod report;
#[cfg(feature = "samples")]
pub mod samples;
pub mod shu;
pub mod statements;
pub mod stats;
pub mod status;
pub mod wilayah;

pub use chrono::NaiveDate;
pub use cooperative::Koperasi;
pub use error::Error;
pub use money::Rupiah;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(all(doctest, feature = "samples"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctest;
