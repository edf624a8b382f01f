//! Maps vector `function` names of the `statements` module to the Rust functions.
//!
//! | function | args | result |
//! |---|---|---|
//! | `read_statements` | `text` (CSV) | `{statements, report}` |
//! | `check_statements` | `text` (CSV), `relations`? (TOML text) | the findings (array) |
use crate::Outcome;
use koperasi::statements::{Relations, check_statements, read_statements};
use serde_json::Value;

fn text(args: &Value) -> &str {
    args["text"]
        .as_str()
        .unwrap_or_else(|| panic!("argument `text` must be CSV text"))
}

/// `None` when `function` is not one of this module's.
pub fn call(function: &str, args: &Value) -> Outcome {
    let options = crate::read_options(args);
    Some(match function {
        "read_statements" => read_statements(text(args).as_bytes(), &options)
            .map(|r| serde_json::to_value(r).unwrap())
            .map_err(|e| e.code().to_string()),
        "check_statements" => {
            let relations = match args.get("relations").and_then(Value::as_str) {
                Some(t) => Relations::from_toml(t).map_err(|e| e.code().to_string()),
                None => Ok(Relations::embedded()),
            };
            relations.and_then(|rel| {
                read_statements(text(args).as_bytes(), &options)
                    .map(|r| serde_json::to_value(check_statements(&r.statements, &rel)).unwrap())
                    .map_err(|e| e.code().to_string())
            })
        }
        _ => return None,
    })
}
