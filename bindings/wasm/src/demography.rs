//! Business demography: Kaplan-Meier, rates, yearly births and deaths, cohorts, survival
//! data, high growth, the demography report and status series of a register. Only
//! conversion: `koperasi::demography`.

use crate::convert::{fail, from_js, iso_date, js, opt_js, policy_arg, to_js};
use crate::read::RegisterHandle;
use crate::register::opt_fields;
use koperasi::demography as dm;
use koperasi::demography::{
    DemographyOptions, DemographyParams, GrowthUnit, HighGrowthParams, KaplanMeier, Lifeline,
    SeriesDates, StatusSeries,
};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

/// Arguments of `kaplan_meier`, as JS passes them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsKaplanMeierArgs {
    /// Durations (finite, >= 0).
    pub durations: Vec<f64>,
    /// Whether each unit's event was observed.
    pub event_observed: Vec<bool>,
    /// Entry times (left truncation), one per duration.
    #[serde(default)]
    pub entry: Option<Vec<f64>>,
    /// Alpha of the interval (default 0.05).
    #[serde(default)]
    pub alpha: Option<f64>,
}

/// `kaplan_meier(durations, event_observed, entry, alpha)` -> `KaplanMeier` (arguments as one
/// object [`JsKaplanMeierArgs`]).
#[wasm_bindgen]
pub fn kaplan_meier(args: JsValue) -> Result<JsValue, JsValue> {
    let a: JsKaplanMeierArgs = from_js("kaplan_meier arguments", args)?;
    let alpha = a.alpha.unwrap_or(0.05);
    let (entry, observed) = (a.entry.as_deref(), &a.event_observed);
    js(dm::kaplan_meier(&a.durations, observed, entry, alpha))
}

/// `KaplanMeier.survivalAt(t)`: S at `t` of a fitted curve (its object).
#[wasm_bindgen]
pub fn kaplan_meier_survival_at(km: JsValue, t: f64) -> Result<JsValue, JsValue> {
    let km: KaplanMeier = from_js("KaplanMeier", km)?;
    to_js(&km.survival_at(t))
}

/// `demography_rates(active, births, deaths)` -> `Rates` (percent).
#[wasm_bindgen]
pub fn demography_rates(active: u32, births: u32, deaths: u32) -> Result<JsValue, JsValue> {
    let (a, b, d) = (u64::from(active), u64::from(births), u64::from(deaths));
    js(dm::demography_rates(a, b, d))
}

fn lifelines_arg(lifelines: JsValue) -> Result<Vec<Lifeline>, JsValue> {
    from_js("lifelines", lifelines)
}

/// `yearly_demography(lifelines, from_year, to_year, last_observed_year, params)`.
#[wasm_bindgen]
pub fn yearly_demography(
    lifelines: JsValue,
    from_year: i32,
    to_year: i32,
    last_observed_year: i32,
    params: JsValue,
) -> Result<JsValue, JsValue> {
    let params: DemographyParams = opt_js("params", params)?.unwrap_or_default();
    let l = lifelines_arg(lifelines)?;
    js(dm::yearly_demography(
        &l,
        from_year,
        to_year,
        last_observed_year,
        &params,
    ))
}

/// `cohort_survival(lifelines, from_year, to_year, last_observed_year, horizon)`.
#[wasm_bindgen]
pub fn cohort_survival(
    lifelines: JsValue,
    from_year: i32,
    to_year: i32,
    last_observed_year: i32,
    horizon: Option<u32>,
) -> Result<JsValue, JsValue> {
    let (l, h) = (lifelines_arg(lifelines)?, horizon.unwrap_or(5));
    js(dm::cohort_survival(
        &l,
        from_year,
        to_year,
        last_observed_year,
        h,
    ))
}

/// `survival_data(lifelines, first_observed_year, last_observed_year, death_window_years)`.
#[wasm_bindgen]
pub fn survival_data(
    lifelines: JsValue,
    first_observed_year: i32,
    last_observed_year: i32,
    death_window_years: Option<u32>,
) -> Result<JsValue, JsValue> {
    to_js(&dm::survival_data(
        &lifelines_arg(lifelines)?,
        first_observed_year,
        last_observed_year,
        death_window_years.unwrap_or(2),
    ))
}

/// `high_growth(units, year, params)`.
#[wasm_bindgen]
pub fn high_growth(units: JsValue, year: i32, params: JsValue) -> Result<JsValue, JsValue> {
    let units: Vec<GrowthUnit> = from_js("units", units)?;
    let params: HighGrowthParams = opt_js("params", params)?.unwrap_or_default();
    js(dm::high_growth(&units, year, &params))
}

#[wasm_bindgen]
impl RegisterHandle {
    /// `demography_report(register, from_year, to_year, as_of, policy, population,
    /// death_window)` -> `DemographyReport` (what `koperasi demography --format json` shows).
    pub fn demography_report(
        &self,
        from_year: i32,
        to_year: i32,
        as_of: &str,
        policy: JsValue,
        population: Option<String>,
        death_window: Option<u32>,
    ) -> Result<JsValue, JsValue> {
        let mut o = DemographyOptions::new(from_year, to_year, iso_date(as_of)?);
        o.policy = policy_arg(policy)?;
        if let Some(p) = population {
            o.population = from_js(
                "population (auto, active or registered)",
                JsValue::from_str(&p),
            )?;
        }
        if let Some(w) = death_window {
            o.death_window_years = w;
        }
        js(dm::demography_report(&self.inner, &o))
    }

    /// `Register.status_series(dates, policy, fields)` -> `StatusSeries`; `dates`: an array
    /// of ISO dates or `{start, end, frequency}` ([`SeriesDates`]).
    pub fn status_series(
        &self,
        dates: JsValue,
        policy: JsValue,
        fields: JsValue,
    ) -> Result<JsValue, JsValue> {
        let what = "dates (an array of ISO dates or {start, end, frequency})";
        let dates = from_js::<SeriesDates>(what, dates)?.dates().map_err(fail)?;
        let fields = opt_fields("fields", fields)?;
        let p = policy_arg(policy)?;
        js(dm::status_series(&self.inner.records, &dates, &p, &fields))
    }
}

/// `StatusSeries.toColumns()`: a series (its object) in long form (`StatusSeriesColumns`).
#[wasm_bindgen]
pub fn status_series_columns(series: JsValue) -> Result<JsValue, JsValue> {
    let s: StatusSeries = from_js("StatusSeries", series)?;
    to_js(&s.to_columns())
}
