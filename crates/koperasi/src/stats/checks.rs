//! Consistency checks.
use serde::{Deserialize, Serialize};

/// Severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Severity {
    /// Error.
    Error,
}

/// A finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Code.
    pub code: String,
    /// Severity.
    pub severity: Severity,
}
