//! Panels of published counts held in WASM memory: periods, regions, measures, totals,
//! growth, the consistency checks; CAGR and percent change. Only conversion: `koperasi::stats`.

use crate::convert::{ErrorPayload, columns_js, fail, from_js, js, to_js};
use crate::read::PanelHandle;
use koperasi::stats::Period;
use koperasi::stats::checks::CheckParams;
use wasm_bindgen::prelude::*;

fn period(s: &str) -> Result<Period, JsValue> {
    Period::parse(s).map_err(fail)
}

#[wasm_bindgen]
impl PanelHandle {
    /// `Panel.fromObject`: a panel from its serde shape (`{rows: [...]}`).
    pub fn from_object(panel: JsValue) -> Result<PanelHandle, JsValue> {
        Ok(PanelHandle {
            inner: from_js("panel", panel)?,
        })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// True when there is no row.
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// The whole panel (its serde shape).
    pub fn to_object(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner)
    }

    /// The panel as columns (`koperasi::columns::panel_columns`): `line`, `region`,
    /// `region_code`, `period`, `period_end`, then one column per measure.
    pub fn to_columns(&self) -> Result<JsValue, JsValue> {
        columns_js(&koperasi::columns::panel_columns(&self.inner))
    }

    /// `periods()` -> canonical period texts, in order.
    pub fn periods(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.periods())
    }

    /// `regions()`.
    pub fn regions(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.regions())
    }

    /// `measures()`.
    pub fn measures(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.measures())
    }

    /// `totals_by_period(measures)` -> `[[period, {measure: sum}], ...]`.
    pub fn totals_by_period(&self, measures: JsValue) -> Result<JsValue, JsValue> {
        let m: Vec<String> = from_js("measures", measures)?;
        let refs: Vec<&str> = m.iter().map(String::as_str).collect();
        to_js(&self.inner.totals_by_period(&refs))
    }

    /// `totals_by_period(measures)` as columns (`koperasi::columns::totals_columns`):
    /// `period`, then one column per measure of `measures`.
    pub fn totals_by_period_columns(&self, measures: JsValue) -> Result<JsValue, JsValue> {
        let m: Vec<String> = from_js("measures", measures)?;
        let refs: Vec<&str> = m.iter().map(String::as_str).collect();
        columns_js(&koperasi::columns::totals_columns(
            &self.inner.totals_by_period(&refs),
            &refs,
        ))
    }

    /// `growth(panel, measure, from_period, to_period)` -> `GrowthRow`s.
    pub fn growth(&self, measure: &str, from: &str, to: &str) -> Result<JsValue, JsValue> {
        to_js(&self.inner.growth(measure, period(from)?, period(to)?))
    }

    /// `run_checks(panel, params)` -> `Finding`s.
    pub fn run_checks(&self, params: JsValue) -> Result<JsValue, JsValue> {
        let params: CheckParams = if params.is_undefined() || params.is_null() {
            CheckParams::default()
        } else {
            serde_wasm_bindgen::from_value(params).map_err(|e| {
                JsValue::from(ErrorPayload::new(
                    "koperasi",
                    "invalid_check_params",
                    format!("check parameters: {e}"),
                ))
            })?
        };
        params.validate().map_err(fail)?;
        to_js(&koperasi::stats::checks::run_checks(&self.inner, &params))
    }
}

/// `cagr(from, to, years)` in percent.
#[wasm_bindgen]
pub fn cagr(from: i64, to: i64, years: f64) -> Result<JsValue, JsValue> {
    js(koperasi::stats::growth::cagr(from, to, years))
}

/// `pct_change(from, to)` in percent.
#[wasm_bindgen]
pub fn pct_change(from: i64, to: i64) -> Result<JsValue, JsValue> {
    js(koperasi::stats::growth::pct_change(from, to))
}

/// `parse_period(text)` -> canonical text (`2021-Q3`).
#[wasm_bindgen]
pub fn parse_period(text: &str) -> Result<JsValue, JsValue> {
    to_js(&period(text)?)
}
