//! Exact proportional shares: rounding once by a stated policy, then largest-remainder
//! reconciliation (DOMAIN.md 3.3 "Implementation rules").

use crate::error::ShuError;
use crate::money::Rupiah;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How an exact share (a rational number of units) becomes a whole number of units.
///
/// Serialised as `"floor"`, `"half_up"` or `"half_even"`. Shares are never negative, so
/// "up" means away from zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Truncate (what the textbook sources do: 397,058.82 gives 397,058). The default.
    #[default]
    Floor,
    /// Round to nearest, a half goes up (2.5 gives 3).
    HalfUp,
    /// Round to nearest, a half goes to the even neighbour (2.5 gives 2, 3.5 gives 4;
    /// "banker's rounding").
    HalfEven,
}

impl Rounding {
    /// The name used in plans and JSON: `floor`, `half_up` or `half_even`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rounding::Floor => "floor",
            Rounding::HalfUp => "half_up",
            Rounding::HalfEven => "half_even",
        }
    }

    /// Round `q + r/den` (with `0 <= r < den`) to a whole number: `q` or `q + 1`.
    fn round(self, q: i128, r: i128, den: i128) -> i128 {
        let twice = 2 * r; // r < den <= i128::MAX / 2 in all callers (den <= n * i64::MAX)
        let up = match self {
            Rounding::Floor => false,
            Rounding::HalfUp => twice >= den && r > 0,
            Rounding::HalfEven => twice > den || (twice == den && q % 2 != 0),
        };
        q + i128::from(up)
    }
}

/// A total shared in proportion to bases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Apportionment {
    /// Each share, in sen, in the order of the bases; a multiple of the granularity.
    pub amounts: Vec<Rupiah>,
    /// `total - sum(amounts)`: what rounding left over (when not reconciled), the part of the
    /// total below one granularity unit, or the whole total when all bases are zero.
    pub undistributed: Rupiah,
    /// How many shares reconciliation moved by one unit (0 when not asked or not needed).
    pub adjusted: u64,
}

/// Share `total` among holders in proportion to `bases`, exactly.
///
/// Computation (DOMAIN.md 3.3): with `g` = `granularity_sen` (1 = sen, 100 = whole rupiah),
/// the total is `units = total / g` units; holder `i`'s exact share is
/// `bases[i] * units / sum(bases)` units, computed as an integer quotient and remainder in
/// `i128` (no floating point), then rounded once by `rounding`. When `reconcile` is true the
/// rounded shares are then made to sum to `units` by the largest-remainder method: while the
/// sum is short, one unit goes to the holder whose exact share exceeds its rounded share the
/// most; while it is over, one unit is taken from the holder whose rounded share exceeds its
/// exact share the most. Ties, in this documented deterministic order: the larger excess
/// first, then the **larger base**, then the **earlier position** (for taking a unit away the
/// exact reverse: smaller excess, smaller base, later position). A holder never gains or
/// loses more than one unit, a zero base always gets zero, and a larger base never gets less.
///
/// `undistributed = total - sum(amounts)` (so amounts + undistributed = total, exactly): the
/// rounding remainder when not reconciled, plus `total % g`; all of `total` when the bases
/// sum to zero.
///
/// Errors: [`ShuError::NegativeShu`] for a negative total, [`ShuError::NegativeBase`] (member
/// id = 1-based position) for a negative base, [`ShuError::Granularity`] when `g <= 0`,
/// [`ShuError::Overflow`] when the bases sum beyond `i128`.
pub fn apportion(
    total: Rupiah,
    bases: &[i64],
    rounding: Rounding,
    reconcile: bool,
    granularity_sen: i64,
) -> Result<Apportionment, ShuError> {
    if total.is_negative() {
        return Err(ShuError::NegativeShu {
            shu: total.to_string(),
        });
    }
    if granularity_sen <= 0 {
        return Err(ShuError::Granularity {
            value: granularity_sen,
        });
    }
    if let Some((i, b)) = bases.iter().enumerate().find(|(_, b)| **b < 0) {
        return Err(ShuError::NegativeBase {
            member_id: (i + 1).to_string(),
            base: "base".into(),
            value: *b,
        });
    }
    let units = i128::from(total.sen() / granularity_sen);
    let g = i128::from(granularity_sen);
    let den = bases
        .iter()
        .try_fold(0i128, |acc, b| acc.checked_add(i128::from(*b)))
        .ok_or_else(|| ShuError::Overflow {
            what: "the total base".into(),
        })?;
    if den == 0 {
        return Ok(Apportionment {
            amounts: vec![Rupiah::ZERO; bases.len()],
            undistributed: total,
            adjusted: 0,
        });
    }
    // rounded[i] in units; excess[i] = (exact - rounded) * den, in (-den, den).
    let mut rounded: Vec<i128> = Vec::with_capacity(bases.len());
    let mut excess: Vec<i128> = Vec::with_capacity(bases.len());
    for b in bases {
        let num = i128::from(*b) * units; // < 2^63 * 2^63 = 2^126
        let (q, r) = divmod(num, den);
        let v = rounding.round(q, r, den);
        rounded.push(v);
        excess.push(r - (v - q) * den);
    }
    let sum: i128 = rounded.iter().sum();
    let mut adjusted = 0u64;
    let diff = units - sum;
    if reconcile && diff != 0 {
        // Rank for receiving a unit: larger excess, larger base, earlier position.
        let rank = |a: &usize, b: &usize| -> Ordering {
            let ea = excess.get(*a).copied().unwrap_or_default();
            let eb = excess.get(*b).copied().unwrap_or_default();
            let ba = bases.get(*a).copied().unwrap_or_default();
            let bb = bases.get(*b).copied().unwrap_or_default();
            eb.cmp(&ea).then(bb.cmp(&ba)).then(a.cmp(b))
        };
        let k = usize::try_from(diff.unsigned_abs()).unwrap_or(usize::MAX);
        let mut idx: Vec<usize> = (0..bases.len()).collect();
        let k = k.min(idx.len());
        let step: i128 = if diff > 0 { 1 } else { -1 };
        if k > 0 {
            if diff > 0 {
                if k < idx.len() {
                    idx.select_nth_unstable_by(k - 1, rank);
                }
            } else {
                let reverse = |a: &usize, b: &usize| rank(b, a);
                if k < idx.len() {
                    idx.select_nth_unstable_by(k - 1, reverse);
                }
            }
            for i in idx.iter().take(k) {
                if let Some(v) = rounded.get_mut(*i) {
                    *v += step;
                    adjusted += 1;
                }
            }
        }
    }
    let mut amounts = Vec::with_capacity(rounded.len());
    let mut paid: i128 = 0;
    for v in rounded {
        let sen = v * g;
        paid += sen;
        amounts.push(Rupiah::from_sen(i64::try_from(sen).map_err(|_| {
            ShuError::Overflow {
                what: "a share".into(),
            }
        })?));
    }
    let undistributed =
        i64::try_from(i128::from(total.sen()) - paid).map_err(|_| ShuError::Overflow {
            what: "the undistributed remainder".into(),
        })?;
    Ok(Apportionment {
        amounts,
        undistributed: Rupiah::from_sen(undistributed),
        adjusted,
    })
}

/// `(num / den, num % den)` for `num >= 0`, `den > 0`, with 64-bit division when both fit
/// (the common case, several times faster than 128-bit division).
fn divmod(num: i128, den: i128) -> (i128, i128) {
    match (u64::try_from(num), u64::try_from(den)) {
        (Ok(n), Ok(d)) => (i128::from(n / d), i128::from(n % d)),
        _ => (num / den, num % den),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sen(v: &[i64]) -> Vec<Rupiah> {
        v.iter().map(|s| Rupiah::from_sen(*s)).collect()
    }

    #[test]
    fn three_equal_members_share_100_sen() {
        let a = apportion(Rupiah::from_sen(100), &[1, 1, 1], Rounding::Floor, true, 1).unwrap();
        assert_eq!(a.amounts, sen(&[34, 33, 33]));
        assert_eq!(a.undistributed, Rupiah::ZERO);
        let a = apportion(Rupiah::from_sen(100), &[1, 1, 1], Rounding::Floor, false, 1).unwrap();
        assert_eq!(a.amounts, sen(&[33, 33, 33]));
        assert_eq!(a.undistributed, Rupiah::from_sen(1));
    }

    #[test]
    fn half_up_over_allocation_is_taken_back() {
        // 5 sen among two equal bases: 2.5 + 2.5 -> half-up 3 + 3 = 6, one too many.
        let a = apportion(Rupiah::from_sen(5), &[1, 1], Rounding::HalfUp, true, 1).unwrap();
        assert_eq!(a.amounts, sen(&[3, 2]));
        let a = apportion(Rupiah::from_sen(5), &[1, 1], Rounding::HalfUp, false, 1).unwrap();
        assert_eq!(a.amounts, sen(&[3, 3]));
        assert_eq!(a.undistributed, Rupiah::from_sen(-1));
        let a = apportion(Rupiah::from_sen(5), &[1, 1], Rounding::HalfEven, false, 1).unwrap();
        assert_eq!(a.amounts, sen(&[2, 2]));
    }

    #[test]
    fn zero_bases_leave_everything_undistributed() {
        let a = apportion(Rupiah::from_sen(100), &[0, 0], Rounding::Floor, true, 1).unwrap();
        assert_eq!(a.amounts, sen(&[0, 0]));
        assert_eq!(a.undistributed, Rupiah::from_sen(100));
    }
}
