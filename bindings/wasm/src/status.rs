//! Status: policies (presets, JSON, TOML, objects), a record checked by the core's shape,
//! `assess`, the RAT deadline, and the same register under several policies. Only
//! conversion: `koperasi::status`.

use crate::convert::{fail, from_js, iso_date, js, policy_arg, to_js};
use crate::read::RegisterHandle;
use koperasi::Koperasi;
use koperasi::error::DateError;
use koperasi::status::StatusPolicy;
use wasm_bindgen::prelude::*;

/// `StatusPolicy.preset(name)` -> the policy object.
#[wasm_bindgen]
pub fn policy_preset(name: &str) -> Result<JsValue, JsValue> {
    js(StatusPolicy::preset(name))
}

/// `policy_presets()` -> the preset names.
#[wasm_bindgen]
pub fn policy_presets() -> Result<JsValue, JsValue> {
    to_js(StatusPolicy::PRESETS)
}

/// `StatusPolicy.fromJson(text)`: a policy from JSON text, validated.
#[wasm_bindgen]
pub fn policy_from_json(text: &str) -> Result<JsValue, JsValue> {
    js(StatusPolicy::from_json(text))
}

/// `new StatusPolicy(o)` / `StatusPolicy.fromObject(o)`: a policy object, validated.
#[wasm_bindgen]
pub fn policy_from_object(policy: JsValue) -> Result<JsValue, JsValue> {
    to_js(&policy_arg(policy)?)
}

/// `StatusPolicy.fromToml(text)`.
#[wasm_bindgen]
pub fn policy_from_toml(text: &str) -> Result<JsValue, JsValue> {
    js(StatusPolicy::from_toml(text))
}

/// `Koperasi.fromObject(o)`: the record checked by the core's serde shape, returned as the
/// canonical object.
#[wasm_bindgen]
pub fn koperasi_from_object(record: JsValue) -> Result<JsValue, JsValue> {
    let k: Koperasi = from_js("koperasi record", record)?;
    to_js(&k)
}

/// `assess(koperasi, as_of, policy)` -> `Assessment`.
#[wasm_bindgen]
pub fn assess(record: JsValue, as_of: &str, policy: JsValue) -> Result<JsValue, JsValue> {
    let k: Koperasi = from_js("koperasi record", record)?;
    to_js(&koperasi::status::assess(
        &k,
        iso_date(as_of)?,
        &policy_arg(policy)?,
    ))
}

/// `rat_deadline(book_year, policy)` -> ISO date.
#[wasm_bindgen]
pub fn rat_deadline(book_year: i32, policy: JsValue) -> Result<JsValue, JsValue> {
    let p = policy_arg(policy)?;
    let d = koperasi::status::rat_deadline(book_year, p.rat_deadline_months).ok_or_else(|| {
        fail(DateError::Invalid {
            value: book_year.to_string(),
            why: "the RAT deadline of this book year is outside the calendar".into(),
        })
    })?;
    to_js(&d)
}

#[wasm_bindgen]
impl RegisterHandle {
    /// `Register.compare_policies(as_of, policies)` -> `PolicyComparison`; `policies` is an
    /// array of policy objects (the JS layer turns preset names into their objects).
    pub fn compare_policies(&self, as_of: &str, policies: JsValue) -> Result<JsValue, JsValue> {
        let policies = crate::convert::policies_arg(policies)?;
        let c =
            koperasi::status::compare_policies(&self.inner.records, iso_date(as_of)?, &policies)
                .map_err(fail)?;
        to_js(&c)
    }
}
