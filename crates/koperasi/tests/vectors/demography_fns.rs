//! Maps vector `function` names of the `demography` module to the Rust functions.
use crate::Outcome;
use koperasi::demography::{self, DemographyParams, GrowthUnit, HighGrowthParams, Lifeline};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn arg<T: DeserializeOwned>(args: &Value, key: &str) -> T {
    serde_json::from_value(args[key].clone()).unwrap_or_else(|e| panic!("argument `{key}`: {e}"))
}

fn opt<T: DeserializeOwned>(args: &Value, key: &str) -> Option<T> {
    args.get(key).filter(|v| !v.is_null()).map(|v| {
        serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("argument `{key}`: {e}"))
    })
}

fn to_json<T: serde::Serialize>(
    r: Result<T, koperasi::error::DemographyError>,
) -> Result<Value, String> {
    r.map(|v| json!(v)).map_err(|e| e.code().to_string())
}

pub fn call(function: &str, args: &Value) -> Outcome {
    let r = match function {
        "kaplan_meier" => {
            let durations: Vec<f64> = arg(args, "durations");
            let observed: Vec<bool> = arg(args, "event_observed");
            let entry: Option<Vec<f64>> = opt(args, "entry");
            let alpha: f64 = opt(args, "alpha").unwrap_or(0.05);
            to_json(demography::kaplan_meier(
                &durations,
                &observed,
                entry.as_deref(),
                alpha,
            ))
        }
        "demography_rates" => to_json(demography::demography_rates(
            arg(args, "active"),
            arg(args, "births"),
            arg(args, "deaths"),
        )),
        "yearly_demography" => {
            let lifelines: Vec<Lifeline> = arg(args, "lifelines");
            let params: DemographyParams = opt(args, "params").unwrap_or_default();
            to_json(demography::yearly_demography(
                &lifelines,
                arg(args, "from_year"),
                arg(args, "to_year"),
                arg(args, "last_observed_year"),
                &params,
            ))
        }
        "cohort_survival" => {
            let lifelines: Vec<Lifeline> = arg(args, "lifelines");
            to_json(demography::cohort_survival(
                &lifelines,
                arg(args, "from_year"),
                arg(args, "to_year"),
                arg(args, "last_observed_year"),
                opt(args, "horizon").unwrap_or(5),
            ))
        }
        "survival_data" => {
            let lifelines: Vec<Lifeline> = arg(args, "lifelines");
            Ok(json!(demography::survival_data(
                &lifelines,
                arg(args, "first_observed_year"),
                arg(args, "last_observed_year"),
                opt(args, "death_window_years").unwrap_or(2),
            )))
        }
        "high_growth" => {
            let units: Vec<GrowthUnit> = arg(args, "units");
            let params: HighGrowthParams = opt(args, "params").unwrap_or_default();
            to_json(demography::high_growth(&units, arg(args, "year"), &params))
        }
        _ => return None,
    };
    Some(r)
}
