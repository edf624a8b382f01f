//! Per-member distribution of the member pools (DOMAIN.md 3.3).

use super::allocate::{Allocation, ShuSource, shu_allocate};
use super::apportion::apportion;
use super::members::{Exclusion, Member};
use super::plan::{AllocationPlan, Component};
use crate::NaiveDate;
use crate::error::ShuError;
use crate::money::Rupiah;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Why (part of) a pool was not paid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum UndistributedReason {
    /// No counted member has any of the pool's base (division by zero): the whole pool stays
    /// with the coop, for the RAT to decide.
    ZeroTotalBase,
    /// Rounding left a remainder (the plan does not reconcile), or the pool is not a multiple
    /// of the plan's granularity. Negative when half-up rounding without reconciliation paid
    /// out more than the pool.
    RoundingRemainder,
}

/// One member pool and how it was shared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PoolShare {
    /// The component (e.g. `jasa_modal`).
    pub component: Component,
    /// The base it is shared by (`capital`, `purchases`, ...).
    pub base: String,
    /// The pool, in sen.
    pub amount: Rupiah,
    /// Sum of the counted members' bases, in sen.
    pub total_base: Rupiah,
    /// Paid to members, in sen.
    pub distributed: Rupiah,
    /// `amount - distributed`, in sen.
    pub undistributed: Rupiah,
    /// Why something is undistributed; `None` when the pool was paid out in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<UndistributedReason>,
    /// How many member amounts the largest-remainder step moved by one unit.
    pub adjusted: u64,
}

/// One member's SHU. `bases` and `amounts` follow the order of [`Distribution::pools`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberShu {
    /// The member's id (no name: join it from the register when the output may show it).
    pub member_id: String,
    /// Why the member is not counted; `None` when counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded: Option<Exclusion>,
    /// The member's base in each pool, in sen (as found, also when excluded).
    pub bases: Vec<Rupiah>,
    /// The member's amount from each pool, in sen (zeros when excluded).
    pub amounts: Vec<Rupiah>,
    /// Sum of `amounts`, in sen.
    pub total: Rupiah,
}

/// The SHU of a book year: allocation, pools, and every member's amounts.
///
/// Totals reconcile exactly: `allocation.shu = retained + distributed + undistributed +
/// allocation.unallocated`, and for each pool `distributed + undistributed = amount`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Distribution {
    /// The book year's closing date, on which membership is evaluated.
    pub year_end: NaiveDate,
    /// The SHU split into components.
    pub allocation: Allocation,
    /// The member pools, in plan order.
    pub pools: Vec<PoolShare>,
    /// Every member, in input order.
    pub members: Vec<MemberShu>,
    /// Members counted.
    pub members_counted: u64,
    /// Members not counted (see [`MemberShu::excluded`]).
    pub members_excluded: u64,
    /// Components kept by the coop (reserve, funds, all non-member SHU), in sen.
    pub retained: Rupiah,
    /// Paid to members over all pools, in sen.
    pub distributed: Rupiah,
    /// Member pools not paid out, in sen.
    pub undistributed: Rupiah,
}

/// Allocate `shu` by the plan and share the member pools among `members` (DOMAIN.md 3.3).
///
/// `shu` and `non_member_shu` in sen (see [`shu_allocate`]); `year_end` is the book year's
/// closing date (membership is evaluated on it: [`Member::eligibility`]).
///
/// Errors: those of [`shu_allocate`] and [`distribute_allocation`].
pub fn shu_distribute(
    plan: &AllocationPlan,
    members: &[Member],
    shu: Rupiah,
    non_member_shu: Option<Rupiah>,
    year_end: NaiveDate,
) -> Result<Distribution, ShuError> {
    let allocation = shu_allocate(plan, shu, non_member_shu)?;
    distribute_allocation(plan, allocation, members, year_end)
}

/// Share the member pools of `allocation` (from [`shu_allocate`] with the same `plan`).
///
/// For each pool with base `B`: member `a`'s amount is `B_a / sum(B) x pool`, computed exactly
/// and rounded once by the plan's policy, then reconciled by largest remainder when the plan
/// says so ([`super::apportion::apportion`]; ties: larger remainder, then larger base, then
/// earlier member). Members not counted on `year_end` get zero and their base is left out of
/// `sum(B)`. A pool whose total base is zero stays undistributed
/// ([`UndistributedReason::ZeroTotalBase`]).
///
/// Errors: [`ShuError::EmptyMemberId`], [`ShuError::DuplicateMember`],
/// [`ShuError::UnknownBase`] (a base or capital savings kind no member provides:
/// [`super::bases::shu_check_bases`]), [`ShuError::NegativeBase`] (naming the member by id), [`ShuError::Overflow`].
pub fn distribute_allocation(
    plan: &AllocationPlan,
    allocation: Allocation,
    members: &[Member],
    year_end: NaiveDate,
) -> Result<Distribution, ShuError> {
    let mut seen: HashSet<&str> = HashSet::with_capacity(members.len());
    for (i, m) in members.iter().enumerate() {
        if m.id.trim().is_empty() {
            return Err(ShuError::EmptyMemberId { position: i + 1 });
        }
        if !seen.insert(m.id.as_str()) {
            return Err(ShuError::DuplicateMember {
                member_id: m.id.clone(),
            });
        }
    }
    drop(seen);
    super::bases::shu_check_bases(plan, members)?;
    let eligibility: Vec<Option<Exclusion>> = members
        .iter()
        .map(|m| m.eligibility(year_end).err())
        .collect();
    let n_pools = allocation
        .lines
        .iter()
        .filter(|l| l.base.is_some() && l.source == ShuSource::Member)
        .count();
    let mut out: Vec<MemberShu> = members
        .iter()
        .zip(&eligibility)
        .map(|(m, e)| MemberShu {
            member_id: m.id.clone(),
            excluded: *e,
            bases: Vec::with_capacity(n_pools),
            amounts: Vec::with_capacity(n_pools),
            total: Rupiah::ZERO,
        })
        .collect();
    let mut pools = Vec::new();
    let mut retained = 0i64;
    let mut bases: Vec<i64> = Vec::with_capacity(members.len());
    for line in &allocation.lines {
        let base = match (&line.base, line.source) {
            (Some(b), ShuSource::Member) => b,
            _ => {
                retained = retained
                    .checked_add(line.amount.sen())
                    .ok_or_else(overflow)?;
                continue;
            }
        };
        bases.clear();
        for ((m, e), o) in members.iter().zip(&eligibility).zip(out.iter_mut()) {
            let b = m.base(base, &plan.capital_savings);
            if b.is_negative() {
                return Err(ShuError::NegativeBase {
                    member_id: m.id.clone(),
                    base: base.clone(),
                    value: b.sen(),
                });
            }
            o.bases.push(b);
            bases.push(if e.is_none() { b.sen() } else { 0 });
        }
        let total_base = bases
            .iter()
            .try_fold(0i64, |acc, b| acc.checked_add(*b))
            .ok_or_else(overflow)?;
        let a = apportion(
            line.amount,
            &bases,
            plan.rounding,
            plan.reconcile,
            plan.granularity_sen,
        )?;
        let mut distributed = 0i64;
        for (o, amount) in out.iter_mut().zip(a.amounts) {
            distributed += amount.sen();
            o.amounts.push(amount);
        }
        let reason = if total_base == 0 {
            Some(UndistributedReason::ZeroTotalBase)
        } else if a.undistributed != Rupiah::ZERO {
            Some(UndistributedReason::RoundingRemainder)
        } else {
            None
        };
        pools.push(PoolShare {
            component: line.component.clone(),
            base: base.clone(),
            amount: line.amount,
            total_base: Rupiah::from_sen(total_base),
            distributed: Rupiah::from_sen(distributed),
            undistributed: a.undistributed,
            reason,
            adjusted: a.adjusted,
        });
    }
    for o in &mut out {
        o.total = Rupiah::checked_sum(o.amounts.iter().copied()).map_err(|_| overflow())?;
    }
    let distributed =
        Rupiah::checked_sum(pools.iter().map(|p| p.distributed)).map_err(|_| overflow())?;
    let undistributed =
        Rupiah::checked_sum(pools.iter().map(|p| p.undistributed)).map_err(|_| overflow())?;
    let excluded = eligibility.iter().filter(|e| e.is_some()).count() as u64;
    Ok(Distribution {
        year_end,
        allocation,
        pools,
        members_counted: members.len() as u64 - excluded,
        members_excluded: excluded,
        members: out,
        retained: Rupiah::from_sen(retained),
        distributed,
        undistributed,
    })
}

fn overflow() -> ShuError {
    ShuError::Overflow {
        what: "SHU totals".into(),
    }
}

/// The last day of book year `year`: 31 December (UU 25/1992 and typical AD/ART take the
/// calendar year as the book year). `None` outside the dates `chrono` supports.
pub fn book_year_end(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 12, 31)
}
