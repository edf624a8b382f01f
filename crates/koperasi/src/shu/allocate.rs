//! Allocation of the year's SHU to the plan's components (DOMAIN.md 3.1, 3.2).

use super::apportion::apportion;
use super::plan::{AllocationPlan, Component, PlanLine};
use crate::error::ShuError;
use crate::money::Rupiah;
use serde::{Deserialize, Serialize};

/// Where an allocated amount comes from (DOMAIN.md 3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShuSource {
    /// SHU from business with members (or all SHU when it is not split).
    Member,
    /// SHU from business with non-members: never shared among members.
    NonMember,
}

/// One component's amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AllocatedLine {
    /// The component.
    pub component: Component,
    /// Its share in basis points of its source.
    pub basis_points: u32,
    /// The base it is shared by among members; `None` when the coop keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// Member or non-member SHU.
    pub source: ShuSource,
    /// The amount, in sen.
    pub amount: Rupiah,
}

/// The SHU split into components.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Allocation {
    /// The whole SHU, in sen.
    pub shu: Rupiah,
    /// SHU from business with members, in sen.
    pub member_shu: Rupiah,
    /// SHU from business with non-members, in sen.
    pub non_member_shu: Rupiah,
    /// Member-SHU lines in plan order, then non-member lines.
    pub lines: Vec<AllocatedLine>,
    /// `shu - sum(lines)`: rounding left over when the plan does not reconcile, plus what is
    /// below the plan's granularity (0 in the usual case).
    pub unallocated: Rupiah,
}

/// Split `shu` (sen) by the plan (DOMAIN.md 3.2).
///
/// `non_member_shu` (sen, optional; DOMAIN.md 3.1) is the part of `shu` earned from business
/// with non-members: it is allocated by `plan.non_member_components` (all to `cadangan` when
/// those are empty) and never reaches a member pool; the rest, `shu - non_member_shu`, is
/// allocated by `plan.components`. Each component gets `amount * basis_points / 10000`,
/// exactly, rounded and reconciled as the plan says ([`super::apportion::apportion`] with the
/// basis points as bases, so ties go to the larger share, then the earlier line).
///
/// Errors: [`ShuError::NegativeShu`] for a loss (a loss is not distributed);
/// [`ShuError::NonMemberShu`] when `non_member_shu` is negative or above `shu`; the plan's
/// [`AllocationPlan::validate`] errors.
pub fn shu_allocate(
    plan: &AllocationPlan,
    shu: Rupiah,
    non_member_shu: Option<Rupiah>,
) -> Result<Allocation, ShuError> {
    plan.validate()?;
    if shu.is_negative() {
        return Err(ShuError::NegativeShu {
            shu: shu.to_string(),
        });
    }
    let non_member = non_member_shu.unwrap_or(Rupiah::ZERO);
    if non_member.is_negative() || non_member > shu {
        return Err(ShuError::NonMemberShu {
            non_member: non_member.to_string(),
            shu: shu.to_string(),
        });
    }
    let member = Rupiah::from_sen(shu.sen() - non_member.sen());
    let mut lines = Vec::new();
    let mut unallocated = 0i64;
    let all_cadangan = [PlanLine {
        component: Component::Cadangan,
        basis_points: 10_000,
        base: None,
    }];
    let non_member_lines: &[PlanLine] = if plan.non_member_components.is_empty() {
        &all_cadangan
    } else {
        &plan.non_member_components
    };
    let parts: [(&[PlanLine], Rupiah, ShuSource); 2] = [
        (&plan.components, member, ShuSource::Member),
        (non_member_lines, non_member, ShuSource::NonMember),
    ];
    for (plan_lines, amount, source) in parts {
        if source == ShuSource::NonMember && non_member_shu.is_none() {
            continue;
        }
        let bp: Vec<i64> = plan_lines
            .iter()
            .map(|l| i64::from(l.basis_points))
            .collect();
        let a = apportion(
            amount,
            &bp,
            plan.rounding,
            plan.reconcile,
            plan.granularity_sen,
        )?;
        unallocated += a.undistributed.sen();
        for (l, amount) in plan_lines.iter().zip(a.amounts) {
            lines.push(AllocatedLine {
                component: l.component.clone(),
                basis_points: l.basis_points,
                base: l.base.clone(),
                source,
                amount,
            });
        }
    }
    Ok(Allocation {
        shu,
        member_shu: member,
        non_member_shu: non_member,
        lines,
        unallocated: Rupiah::from_sen(unallocated),
    })
}
