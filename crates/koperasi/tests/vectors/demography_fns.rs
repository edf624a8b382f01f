//! Maps vector `function` names of the `demography` module to the Rust functions.
use crate::Outcome;
use koperasi::NaiveDate;
use koperasi::demography::{
    self, DemographyOptions, DemographyParams, Frequency, GrowthUnit, HighGrowthParams, Lifeline,
    PopulationChoice,
};
use koperasi::io::{ReadOptions, read_register};
use koperasi::register::{Field, Register};
use koperasi::status::StatusPolicy;
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
    r.map(|v| json!(v))
        .map_err(|e| crate::error_json(&e.into()))
}

/// A register given as CSV text (read with the default options).
fn register(args: &Value) -> Register {
    let csv: String = arg(args, "register");
    read_register(csv.as_bytes(), &ReadOptions::default())
        .unwrap_or_else(|e| panic!("argument `register`: {e}"))
        .0
}

/// A policy given as a preset name or a policy object; absent: `national`.
fn policy(args: &Value) -> StatusPolicy {
    match args.get("policy") {
        None | Some(Value::Null) => StatusPolicy::national(),
        Some(Value::String(name)) => StatusPolicy::preset(name).unwrap_or_else(|e| panic!("{e}")),
        Some(v) => StatusPolicy::from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}")),
    }
}

/// The dates of a status series: a list of ISO dates, or `{start, end, frequency}` (the
/// period ends of [`demography::period_ends`]).
fn series_dates(args: &Value) -> Result<Vec<NaiveDate>, koperasi::error::DemographyError> {
    match &args["dates"] {
        Value::Array(_) => Ok(arg(args, "dates")),
        v => {
            let start: NaiveDate = arg(v, "start");
            let end: NaiveDate = arg(v, "end");
            let frequency: Frequency = arg(v, "frequency");
            demography::period_ends(start, end, frequency)
        }
    }
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
        "demography_report" => {
            let mut o = DemographyOptions::new(
                arg(args, "from_year"),
                arg(args, "to_year"),
                arg(args, "as_of"),
            );
            o.policy = policy(args);
            o.population = opt::<PopulationChoice>(args, "population").unwrap_or_default();
            o.death_window_years = opt(args, "death_window").unwrap_or(2);
            to_json(demography::demography_report(&register(args), &o))
        }
        "status_series" => {
            let fields: Vec<Field> = opt(args, "fields").unwrap_or_default();
            to_json(series_dates(args).and_then(|dates| {
                demography::status_series(&register(args).records, &dates, &policy(args), &fields)
            }))
        }
        _ => return None,
    };
    Some(r)
}
