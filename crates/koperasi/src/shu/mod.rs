//! SHU (sisa hasil usaha): allocation by the AD/ART plan and distribution to members,
//! exact to the sen (DOMAIN.md section 3; the rules as implemented: docs/DOMAIN.md 3.6).
//!
//! | step | function |
//! |---|---|
//! | read or build a plan (basis points summing to exactly 10,000) | [`AllocationPlan::from_toml`], [`AllocationPlan::new`] |
//! | split the SHU into components (optionally member / non-member SHU first) | [`shu_allocate`] |
//! | share the member pools among members, as of the book year's end | [`shu_distribute`] |
//! | check the plan's bases against the members (misspelt names) | [`shu_check_bases`] |
//! | share any amount in proportion to bases (rounding + largest remainder) | [`apportion`] |
//! | read members from CSV (with a read report) | [`read_members`] |
//! | stable pseudonyms for an export without names | [`anonymise_members`], [`anonymise_distribution`] |
//!
//! ```
//! use koperasi::shu::{AllocationPlan, Member, shu_distribute, book_year_end};
//! use koperasi::Rupiah;
//! // DOMAIN.md 3.4 T1: SHU Rp 5,000,000; jasa simpanan 30 %, jasa pinjaman 20 %.
//! let plan = AllocationPlan::from_toml(r#"
//!     [[components]]
//!     component = "jasa_modal"
//!     basis_points = 3000
//!     base = "capital"
//!     [[components]]
//!     component = "jasa_pinjaman"
//!     basis_points = 2000
//!     base = "loans"
//!     [[components]]
//!     component = "cadangan"
//!     basis_points = 5000
//! "#)?;
//! let rp = |r: i64| Rupiah::from_sen(r * 100);
//! let mut me = Member::new("A");
//! me.savings.insert("wajib".into(), rp(500_000));
//! me.transactions.insert("loans".into(), rp(600_000));
//! let mut rest = Member::new("B");
//! rest.savings.insert("wajib".into(), rp(19_500_000));
//! rest.transactions.insert("loans".into(), rp(11_900_000));
//! let year_end = book_year_end(2024).unwrap_or_default();
//! let d = shu_distribute(&plan, &[me, rest], rp(5_000_000), None, year_end)?;
//! assert_eq!(d.members[0].total, rp(85_500));
//! # Ok::<(), koperasi::Error>(())
//! ```

mod allocate;
mod anonymise;
mod apportion;
mod bases;
mod distribute;
mod members;
mod members_csv;
mod members_privacy;
mod plan;

pub use allocate::{AllocatedLine, Allocation, ShuSource, shu_allocate};
pub use anonymise::{Pseudonymiser, anonymise_distribution, anonymise_members, shu_pseudonym};
pub use apportion::{Apportionment, Rounding, apportion};
pub use bases::{ProvidedBases, STATUTORY_SAVINGS, shu_check_bases};
pub use distribute::{
    Distribution, MemberShu, PoolShare, UndistributedReason, book_year_end, distribute_allocation,
    shu_distribute,
};
pub use members::{Exclusion, Member, Personal};
pub use members_csv::{member_fields, read_members};
pub use plan::{AllocationPlan, CAPITAL, Component, PlanLine};
