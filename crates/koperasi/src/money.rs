//! Exact money: [`Rupiah`] is an integer number of sen (1 rupiah = 100 sen) with checked
//! arithmetic. No floating point ever touches an amount.

use crate::error::MoneyError;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in Indonesian rupiah, stored exactly as an integer number of **sen**
/// (1 rupiah = 100 sen). Negative amounts are allowed (losses, corrections).
///
/// Serialises as the integer number of sen. `Display` gives the Indonesian form
/// `Rp 1.234.567,89` (see [`crate::locale::format_rupiah`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Rupiah(i64);

impl Rupiah {
    /// Zero rupiah.
    pub const ZERO: Rupiah = Rupiah(0);
    /// The largest amount: `i64::MAX` sen (about Rp 92 kuadriliun).
    pub const MAX: Rupiah = Rupiah(i64::MAX);

    /// An amount of `sen` sen.
    pub const fn from_sen(sen: i64) -> Rupiah {
        Rupiah(sen)
    }

    /// An amount of whole rupiah; `None` if `rupiah * 100` overflows.
    pub const fn from_rupiah(rupiah: i64) -> Option<Rupiah> {
        match rupiah.checked_mul(100) {
            Some(sen) => Some(Rupiah(sen)),
            None => None,
        }
    }

    /// The amount in sen.
    pub const fn sen(self) -> i64 {
        self.0
    }

    /// The whole-rupiah part, truncated toward zero (`Rp 1,99` gives 1).
    pub const fn whole_rupiah(self) -> i64 {
        self.0 / 100
    }

    /// `self + other`, or [`MoneyError::Overflow`].
    pub fn checked_add(self, other: Rupiah) -> Result<Rupiah, MoneyError> {
        self.0
            .checked_add(other.0)
            .map(Rupiah)
            .ok_or(MoneyError::Overflow { operation: "add" })
    }

    /// `self - other`, or [`MoneyError::Overflow`].
    pub fn checked_sub(self, other: Rupiah) -> Result<Rupiah, MoneyError> {
        self.0
            .checked_sub(other.0)
            .map(Rupiah)
            .ok_or(MoneyError::Overflow {
                operation: "subtract",
            })
    }

    /// `self * factor`, or [`MoneyError::Overflow`].
    pub fn checked_mul(self, factor: i64) -> Result<Rupiah, MoneyError> {
        self.0
            .checked_mul(factor)
            .map(Rupiah)
            .ok_or(MoneyError::Overflow {
                operation: "multiply",
            })
    }

    /// The sum of `amounts`, or [`MoneyError::Overflow`].
    pub fn checked_sum<I: IntoIterator<Item = Rupiah>>(amounts: I) -> Result<Rupiah, MoneyError> {
        amounts
            .into_iter()
            .try_fold(Rupiah::ZERO, |acc, x| acc.checked_add(x))
    }

    /// True when the amount is below zero.
    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }
}

impl fmt::Display for Rupiah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::locale::format_rupiah(*self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_arithmetic() {
        let a = Rupiah::from_rupiah(1_500_000).unwrap();
        assert_eq!(a.sen(), 150_000_000);
        assert_eq!(
            a.checked_add(Rupiah::from_sen(89)).unwrap().sen(),
            150_000_089
        );
        assert_eq!(
            Rupiah::MAX.checked_add(Rupiah::from_sen(1)),
            Err(MoneyError::Overflow { operation: "add" })
        );
        assert_eq!(Rupiah::from_rupiah(i64::MAX), None);
        assert_eq!(Rupiah::from_sen(-199).whole_rupiah(), -1);
        assert_eq!(
            Rupiah::checked_sum([Rupiah::from_sen(1), Rupiah::from_sen(2)]).unwrap(),
            Rupiah::from_sen(3)
        );
    }

    #[test]
    fn serialises_as_sen() {
        let r = Rupiah::from_sen(123_456_789);
        assert_eq!(serde_json::to_string(&r).unwrap(), "123456789");
        let back: Rupiah = serde_json::from_str("123456789").unwrap();
        assert_eq!(back, r);
    }
}
