//! Identifiers of a cooperative: Nomor Induk Koperasi, nomor badan hukum, NIB.
//!
//! STUB: the full implementation replaces this file. The signatures are the contract.

use crate::error::IdentityError;
use serde::{Deserialize, Serialize};

/// Nomor Induk Koperasi: opaque ASCII digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NikKoperasi(String);

impl NikKoperasi {
    /// Parse; placeholders give `Ok(None)`.
    pub fn parse(s: &str) -> Result<Option<NikKoperasi>, IdentityError> {
        if crate::locale::is_missing(s) || s.trim() == "0" {
            return Ok(None);
        }
        Ok(Some(NikKoperasi(s.trim().to_string())))
    }
    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A nomor badan hukum, raw text kept, with what could be read from it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NomorBadanHukum {
    /// The text exactly as given (trimmed).
    pub raw: String,
    /// Year stated by the number, when unambiguous.
    pub year: Option<i32>,
    /// Month stated by the number, when unambiguous (1-12).
    pub month: Option<u32>,
    /// True for an AHU number.
    pub is_ahu: bool,
    /// True for an amendment (perubahan anggaran dasar, PAD) number.
    pub is_amendment: bool,
}

impl NomorBadanHukum {
    /// Read a number; placeholders give `None`. Never panics.
    pub fn parse(s: &str) -> Option<NomorBadanHukum> {
        if crate::locale::is_missing(s) {
            return None;
        }
        let raw = s.trim().to_string();
        Some(NomorBadanHukum {
            is_ahu: raw.to_uppercase().starts_with("AHU"),
            raw,
            year: None,
            month: None,
            is_amendment: false,
        })
    }
    /// A normalised key for duplicate detection.
    pub fn key(&self) -> String {
        self.raw
            .to_uppercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}
