//! Many cooperatives: duplicates, counts by any breakdown, registrations by year.
//!
//! STUB: the full implementation replaces this file. The signatures are the contract.

use crate::cooperative::Koperasi;
use crate::status::StatusPolicy;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A register: many records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Register {
    /// The records, in input order.
    pub records: Vec<Koperasi>,
}

/// What a duplicate group shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKey {
    /// Same Nomor Induk Koperasi.
    Nik,
    /// Same nomor badan hukum.
    BadanHukum,
    /// Same normalised name.
    Name,
}

/// Records that share a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DuplicateGroup {
    /// The kind of key.
    pub key: DuplicateKey,
    /// The shared (normalised) value.
    pub value: String,
    /// Indices into `records`.
    pub records: Vec<usize>,
}

/// A breakdown field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Province.
    Provinsi,
    /// Kabupaten/kota.
    KabKota,
    /// Kecamatan.
    Kecamatan,
    /// Jenis.
    Jenis,
    /// Kelompok.
    Kelompok,
    /// Bentuk.
    Bentuk,
    /// Status (needs as_of and policy).
    Status,
    /// Founding year.
    FoundingYear,
}

/// Counts by a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountTable {
    /// Breakdown fields.
    pub fields: Vec<Field>,
    /// Rows: key values (None = unknown) and the count.
    pub rows: Vec<(Vec<Option<String>>, u64)>,
}

/// Registrations per year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationsByYear {
    /// Year -> count.
    pub by_year: BTreeMap<i32, u64>,
    /// Records with no founding year.
    pub unknown: u64,
}

impl Register {
    /// Duplicate groups.
    pub fn duplicates(&self) -> Vec<DuplicateGroup> {
        Vec::new()
    }
    /// Counts.
    pub fn count_by(
        &self,
        fields: &[Field],
        as_of: NaiveDate,
        policy: &StatusPolicy,
    ) -> CountTable {
        let _ = (as_of, policy);
        CountTable {
            fields: fields.to_vec(),
            rows: Vec::new(),
        }
    }
    /// Registrations by founding year.
    pub fn registrations_by_year(&self) -> RegistrationsByYear {
        RegistrationsByYear {
            by_year: BTreeMap::new(),
            unknown: self.records.len() as u64,
        }
    }
}
