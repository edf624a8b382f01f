//! Maps vector `function` names of the `shu` module to the Rust functions.
//!
//! | function | args | result |
//! |---|---|---|
//! | `shu_plan_from_toml` | `text` | the plan (serde shape) |
//! | `shu_allocate` | `plan` (object), `shu_sen`, `non_member_shu_sen`? | `Allocation` |
//! | `shu_distribute` | `plan`, `members` (array), `shu_sen`, `book_year`, `non_member_shu_sen`? | `Distribution` |
//! | `shu_apportion` | `total_sen`, `bases`, `rounding`, `reconcile`, `granularity_sen`? (1) | `Apportionment` |
//! | `shu_pseudonym` | `key`, `member_id` | string |
//! | `shu_read_members` | `text` | `{members, report}` |
use crate::Outcome;
use koperasi::Rupiah;
use koperasi::shu::{self, AllocationPlan, Member, Rounding};
use serde_json::{Value, json};

fn sen(args: &Value, key: &str) -> Rupiah {
    Rupiah::from_sen(
        args[key]
            .as_i64()
            .unwrap_or_else(|| panic!("argument `{key}` must be an integer number of sen")),
    )
}

fn opt_sen(args: &Value, key: &str) -> Option<Rupiah> {
    args.get(key)
        .filter(|v| !v.is_null())
        .map(|_| sen(args, key))
}

/// A plan from JSON, validated (so a bad plan gives its error code).
fn plan(args: &Value) -> Result<AllocationPlan, String> {
    AllocationPlan::from_json(&args["plan"].to_string()).map_err(|e| crate::error_json(&e.into()))
}

fn members(args: &Value) -> Vec<Member> {
    serde_json::from_value(args["members"].clone())
        .unwrap_or_else(|e| panic!("argument `members`: {e}"))
}

fn text<'a>(args: &'a Value, key: &str) -> &'a str {
    args[key]
        .as_str()
        .unwrap_or_else(|| panic!("argument `{key}` must be a string"))
}

pub fn call(function: &str, args: &Value) -> Outcome {
    let r: Result<Value, String> = match function {
        "shu_plan_from_toml" => AllocationPlan::from_toml(text(args, "text"))
            .map(|p| json!(p))
            .map_err(|e| crate::error_json(&e.into())),
        "shu_allocate" => plan(args).and_then(|p| {
            shu::shu_allocate(
                &p,
                sen(args, "shu_sen"),
                opt_sen(args, "non_member_shu_sen"),
            )
            .map(|a| json!(a))
            .map_err(|e| crate::error_json(&e.into()))
        }),
        "shu_distribute" => plan(args).and_then(|p| {
            let year = i32::try_from(args["book_year"].as_i64().expect("book_year")).unwrap();
            shu::shu_distribute(
                &p,
                &members(args),
                sen(args, "shu_sen"),
                opt_sen(args, "non_member_shu_sen"),
                shu::book_year_end(year).expect("book year in range"),
            )
            .map(|d| json!(d))
            .map_err(|e| crate::error_json(&e.into()))
        }),
        "shu_apportion" => {
            let bases: Vec<i64> = serde_json::from_value(args["bases"].clone()).expect("bases");
            let rounding: Rounding =
                serde_json::from_value(args["rounding"].clone()).expect("rounding");
            shu::apportion(
                sen(args, "total_sen"),
                &bases,
                rounding,
                args["reconcile"].as_bool().expect("reconcile"),
                args.get("granularity_sen")
                    .and_then(Value::as_i64)
                    .unwrap_or(1),
            )
            .map(|a| json!(a))
            .map_err(|e| crate::error_json(&e.into()))
        }
        "shu_pseudonym" => shu::shu_pseudonym(text(args, "key"), text(args, "member_id"))
            .map(|p| json!(p))
            .map_err(|e| crate::error_json(&e.into())),
        "shu_read_members" => {
            shu::read_members(text(args, "text").as_bytes(), &crate::read_options(args))
                .map(|(m, report)| json!({ "members": m, "report": report }))
                .map_err(|e| crate::error_json(&e.into()))
        }
        _ => return None,
    };
    Some(r)
}
