//! Maps vector `function` names of the core API (locale, wilayah, identity, status, stats, io,
//! report) to the Rust functions.
use crate::Outcome;
use koperasi::NaiveDate;
use koperasi::locale;
use serde_json::{Value, json};

fn text<'a>(args: &'a Value, key: &str) -> &'a str {
    args[key]
        .as_str()
        .unwrap_or_else(|| panic!("argument `{key}` must be a string"))
}

fn date(args: &Value, key: &str) -> NaiveDate {
    text(args, key)
        .parse()
        .unwrap_or_else(|e| panic!("argument `{key}`: {e}"))
}

pub fn call(function: &str, args: &Value) -> Outcome {
    let r = match function {
        "parse_date" => locale::parse_date(text(args, "text"))
            .map(|d| json!(d))
            .map_err(|e| e.code()),
        "format_date" => Ok(json!(locale::format_date(date(args, "date")))),
        _ => return None,
    };
    Some(r.map_err(str::to_string))
}
