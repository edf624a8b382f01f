//! Status of a cooperative as of a date, derived from facts under a [`StatusPolicy`], always
//! with reasons.
//!
//! STUB: the full implementation replaces this file. The signatures are the contract.

use crate::cooperative::Koperasi;
use crate::error::PolicyError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Derived status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Aktif.
    Active,
    /// Tidak aktif.
    Inactive,
    /// Tidak ditemukan (not found at the registered address by the latest field check).
    NotFound,
    /// Dibubarkan (dissolved on or before the date).
    Dissolved,
    /// Belum dinilai: too young for any RAT to be due.
    NotYetDue,
    /// Tidak dapat dinilai: the record lacks the facts the policy needs.
    NotAssessable,
}

/// A stable reason code with labels.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reason {
    /// Stable snake_case code, e.g. `no_rat_within_window`.
    pub code: String,
    /// Indonesian label.
    pub label_id: String,
    /// English label.
    pub label_en: String,
}

/// The result of [`assess`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The date assessed.
    pub as_of: NaiveDate,
    /// The status.
    pub status: Status,
    /// Why.
    pub reasons: Vec<Reason>,
    /// Identified (found at address and board known), reported beside the status.
    pub identified: Option<bool>,
}

/// A status policy (data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusPolicy {
    /// Preset or user name.
    pub name: String,
}

impl StatusPolicy {
    /// Names of the shipped presets.
    pub const PRESETS: &'static [&'static str] =
        &["national", "office", "field_verification_first"];
    /// A preset by name.
    pub fn preset(name: &str) -> Result<StatusPolicy, PolicyError> {
        if StatusPolicy::PRESETS.contains(&name) {
            Ok(StatusPolicy {
                name: name.to_string(),
            })
        } else {
            Err(PolicyError::UnknownPreset {
                name: name.to_string(),
                known: StatusPolicy::PRESETS.join(", "),
            })
        }
    }
    /// The national preset.
    pub fn national() -> StatusPolicy {
        StatusPolicy {
            name: "national".into(),
        }
    }
    /// Load from JSON.
    pub fn from_json(s: &str) -> Result<StatusPolicy, PolicyError> {
        serde_json::from_str(s).map_err(|e| PolicyError::Parse { why: e.to_string() })
    }
}

/// Assess one record.
pub fn assess(k: &Koperasi, as_of: NaiveDate, policy: &StatusPolicy) -> Assessment {
    let _ = policy;
    Assessment {
        as_of,
        status: Status::NotAssessable,
        reasons: Vec::new(),
        identified: k.identified(as_of),
    }
}
