//! A register held in WASM memory: its records, status by record, counts, breakdowns,
//! duplicates, registrations by year. Only conversion: `koperasi::register`.

use crate::convert::{
    ErrorPayload, columns_js, from_js, iso_date, opt_js, policy_arg, rows_columns, to_js,
};
use crate::read::RegisterHandle;
use koperasi::register::Field;
use wasm_bindgen::prelude::*;

/// Breakdown fields given as an array of names (`invalid_field` for an unknown name).
pub fn fields_arg(fields: JsValue) -> Result<Vec<Field>, JsValue> {
    let names: Vec<String> = from_js("fields", fields)?;
    field_names(&names)
}

/// Optional breakdown fields (`undefined` or `null`: none).
pub fn opt_fields(what: &str, fields: JsValue) -> Result<Vec<Field>, JsValue> {
    opt_js::<Vec<String>>(what, fields)?.map_or(Ok(Vec::new()), |n| field_names(&n))
}

/// Breakdown fields from their names (`invalid_field` for an unknown name).
pub fn field_names(names: &[String]) -> Result<Vec<Field>, JsValue> {
    names
        .iter()
        .map(|n| {
            Field::parse(n).ok_or_else(|| {
                let mut e = ErrorPayload::new(
                    "koperasi",
                    "invalid_field",
                    format!(
                        "field `{n}`: expected one of {}",
                        Field::ALL.map(Field::as_str).join(", ")
                    ),
                );
                e.value = Some(n.clone());
                e.into()
            })
        })
        .collect()
}

#[wasm_bindgen]
impl RegisterHandle {
    /// `Register.fromObject`: a register from its serde shape (`{records: [...]}`).
    pub fn from_object(register: JsValue) -> Result<RegisterHandle, JsValue> {
        Ok(RegisterHandle {
            inner: from_js("register", register)?,
        })
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.inner.records.len()
    }

    /// True when there is no record.
    pub fn is_empty(&self) -> bool {
        self.inner.records.is_empty()
    }

    /// The records (serde JSON array of `Koperasi`).
    pub fn records(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.records)
    }

    /// The whole register (`{records: [...]}`).
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }

    /// `assess_all(as_of, policy)` -> array of `Assessment`.
    pub fn assess_all(&self, as_of: &str, policy: JsValue) -> Result<JsValue, JsValue> {
        to_js(
            &self
                .inner
                .assess_all(iso_date(as_of)?, &policy_arg(policy)?),
        )
    }

    /// `status_counts(as_of, policy)` -> `{status: count}`.
    pub fn status_counts(&self, as_of: &str, policy: JsValue) -> Result<JsValue, JsValue> {
        to_js(
            &self
                .inner
                .status_counts(iso_date(as_of)?, &policy_arg(policy)?),
        )
    }

    /// `count_by(fields, as_of, policy)` -> `CountTable`.
    pub fn count_by(
        &self,
        fields: JsValue,
        as_of: &str,
        policy: JsValue,
    ) -> Result<JsValue, JsValue> {
        to_js(
            &self
                .inner
                .count_by(&fields_arg(fields)?, iso_date(as_of)?, &policy_arg(policy)?),
        )
    }

    /// `count_by(fields, as_of, policy)` as columns (`koperasi::columns::count_table_columns`):
    /// one column per field, then `count`.
    pub fn count_by_columns(
        &self,
        fields: JsValue,
        as_of: &str,
        policy: JsValue,
    ) -> Result<JsValue, JsValue> {
        let t = self
            .inner
            .count_by(&fields_arg(fields)?, iso_date(as_of)?, &policy_arg(policy)?);
        columns_js(&koperasi::columns::count_table_columns(&t))
    }

    /// The records as columns (`koperasi::columns::to_columns`; nested objects flattened with
    /// dotted names such as `location.kecamatan`).
    pub fn records_columns(&self) -> Result<JsValue, JsValue> {
        rows_columns(&self.inner.records)
    }

    /// `reason_counts(as_of, policy)`.
    pub fn reason_counts(&self, as_of: &str, policy: JsValue) -> Result<JsValue, JsValue> {
        to_js(
            &self
                .inner
                .reason_counts(iso_date(as_of)?, &policy_arg(policy)?),
        )
    }

    /// `duplicates()` -> duplicate groups.
    pub fn duplicates(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.duplicates())
    }

    /// `registrations_by_year()`.
    pub fn registrations_by_year(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.registrations_by_year())
    }
}
