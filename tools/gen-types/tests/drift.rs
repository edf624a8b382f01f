//! Drift between the Rust result types, the committed schema and the serde JSON they produce.
//!
//! - `committed_schema_is_fresh`: the committed `schema/koperasi.schema.json` is what the Rust
//!   types give now (a field added in Rust without `tools/gen-types/regen.sh` fails here).
//! - `real_results_match_the_schema`: real results (the embedded Kota Bogor register and East
//!   Java panel) serialised by serde have exactly the keys the schema says (every key a
//!   property, every required property present) and its types (dates as ISO text): schemars
//!   read the serde attributes as serde applies them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // ok: test

use koperasi::report::{ReportOptions, build_report};
use koperasi::samples::{BOGOR_REGISTER_CSV, JATIM_PANEL_CSV};
use koperasi::shu::{AllocationPlan, Member, shu_distribute};
use koperasi::status::StatusPolicy;
use koperasi::{NaiveDate, Rupiah, io};
use serde::Serialize;
use serde_json::Value;

fn schema() -> Value {
    serde_json::from_str(&gen_types::schema_text().unwrap()).unwrap()
}

#[test]
fn committed_schema_is_fresh() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../schema/koperasi.schema.json"
    );
    let committed = std::fs::read_to_string(path).unwrap();
    assert!(
        committed == gen_types::schema_text().unwrap(),
        "schema/koperasi.schema.json is stale: run tools/gen-types/regen.sh"
    );
}

/// The definition `#/$defs/Name` of a `$ref`.
fn resolve<'a>(defs: &'a Value, r: &str) -> &'a Value {
    let name = r.rsplit('/').next().unwrap();
    defs.get(name).unwrap_or_else(|| panic!("no $defs/{name}"))
}

/// The definition `d` with the properties and required keys of `s` (a `$ref` beside its own
/// properties, as an internally tagged enum's `kind`) added, and `s`'s `$ref` gone.
fn merge(d: &Value, s: &Value) -> Value {
    let mut out = d.clone();
    for key in ["properties", "required"] {
        let Some(extra) = s.get(key) else { continue };
        match (out.get_mut(key), extra) {
            (Some(Value::Object(m)), Value::Object(e)) => m.extend(e.clone()),
            (Some(Value::Array(a)), Value::Array(e)) => a.extend(e.iter().cloned()),
            (None, e) => {
                if let Some(o) = out.as_object_mut() {
                    o.insert(key.to_string(), e.clone());
                }
            }
            _ => {}
        }
    }
    out
}

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "integer" => v.is_i64() || v.is_u64(),
        "number" => v.is_number(),
        "string" => v.is_string(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => false,
    }
}

/// Why `v` does not match schema `s` (None: it matches). Keys, required properties, types,
/// dates, items, tuples, `$ref`, `anyOf`/`oneOf` (one alternative must match).
fn mismatch(defs: &Value, s: &Value, v: &Value, at: &str) -> Option<String> {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let merged = merge(resolve(defs, r), s);
        return mismatch(defs, &merged, v, at);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(alts) = s.get(key).and_then(Value::as_array) {
            let errs: Vec<String> = alts
                .iter()
                .filter_map(|a| mismatch(defs, a, v, at))
                .collect();
            if errs.len() == alts.len() {
                return Some(format!(
                    "{at}: no alternative matches: {}",
                    errs.join(" | ")
                ));
            }
        }
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().any(|t| t.as_str().is_some_and(|t| type_ok(t, v))),
            _ => true,
        };
        if !ok {
            return Some(format!("{at}: {v} is not of type {t}"));
        }
    }
    if s.get("format").and_then(Value::as_str) == Some("date") {
        if let Some(text) = v.as_str() {
            if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_err() {
                return Some(format!("{at}: `{text}` is not an ISO date"));
            }
        }
    }
    if let (Some(c), false) = (s.get("const"), v.is_object()) {
        if c != v {
            return Some(format!("{at}: {v} is not {c}"));
        }
    }
    match v {
        Value::Object(m) => object_mismatch(defs, s, m, at),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, x)| {
            let item = s
                .get("prefixItems")
                .and_then(|p| p.get(i))
                .or_else(|| s.get("items"))?;
            mismatch(defs, item, x, &format!("{at}[{i}]"))
        }),
        _ => None,
    }
}

fn object_mismatch(
    defs: &Value,
    s: &Value,
    m: &serde_json::Map<String, Value>,
    at: &str,
) -> Option<String> {
    let props = s.get("properties").and_then(Value::as_object);
    if let Some(props) = props {
        let open = s.get("additionalProperties").is_some_and(|a| a != false);
        for (k, x) in m {
            match props.get(k) {
                Some(p) => {
                    if let Some(e) = mismatch(defs, p, x, &format!("{at}.{k}")) {
                        return Some(e);
                    }
                }
                None if !open => return Some(format!("{at}: key `{k}` is not in the schema")),
                None => {}
            }
        }
        let required = s.get("required").and_then(Value::as_array);
        if let Some(k) = required
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .find(|k| !m.contains_key(*k))
        {
            return Some(format!("{at}: required `{k}` missing"));
        }
    }
    let values = s
        .get("additionalProperties")
        .filter(|a| a.is_object())
        .or_else(|| {
            s.get("patternProperties")
                .and_then(|p| p.as_object()?.values().next())
        });
    values.and_then(|vs| {
        m.iter()
            .find_map(|(k, x)| mismatch(defs, vs, x, &format!("{at}.{k}")))
    })
}

fn check<T: Serialize>(schema: &Value, name: &str, x: &T) {
    let defs = &schema["$defs"];
    let v = serde_json::to_value(x).unwrap();
    if let Some(e) = mismatch(defs, &defs[name], &v, name) {
        panic!("{e}");
    }
}

fn bogor() -> (koperasi::register::Register, io::ReadReport) {
    io::read_register(BOGOR_REGISTER_CSV.as_bytes(), &io::ReadOptions::default()).unwrap()
}

#[test]
fn real_results_match_the_schema() {
    let s = schema();
    let (reg, rep) = bogor();
    assert_eq!(reg.records.len(), 398);
    check(&s, "ReadReport", &rep);
    check(&s, "Register", &reg);
    let as_of = NaiveDate::from_ymd_opt(2022, 8, 15).unwrap();
    let policy = StatusPolicy::national();
    for a in reg.assess_all(as_of, &policy) {
        check(&s, "Assessment", &a);
    }
    check(&s, "RegistrationsByYear", &reg.registrations_by_year());
    for g in reg.duplicates() {
        check(&s, "DuplicateGroup", &g);
    }
    let opts = ReportOptions::new(as_of);
    let r = build_report(BOGOR_REGISTER_CSV.as_bytes(), "bogor", &opts).unwrap();
    check(&s, "Report", &r);
    let p = build_report(JATIM_PANEL_CSV.as_bytes(), "jatim", &opts).unwrap();
    check(&s, "Report", &p);
    let (panel, prep) =
        io::read_panel(JATIM_PANEL_CSV.as_bytes(), &io::ReadOptions::default()).unwrap();
    check(&s, "ReadReport", &prep);
    check(&s, "Panel", &panel);
    for f in koperasi::stats::run_checks(&panel, &koperasi::stats::CheckParams::default()) {
        check(&s, "Finding", &f);
    }
}

#[test]
fn a_distribution_matches_the_schema() {
    let s = schema();
    let plan = AllocationPlan::from_toml(
        "[[components]]\ncomponent = \"cadangan\"\nbasis_points = 4000\n\
         [[components]]\ncomponent = \"jasa_modal\"\nbasis_points = 6000\nbase = \"capital\"\n",
    )
    .unwrap();
    let members: Vec<Member> = serde_json::from_str(
        r#"[{"id": "A", "savings": {"wajib": 100}, "join_date": "2020-01-01"},
            {"id": "B", "savings": {"wajib": 300}, "leave_date": "2023-05-01"}]"#,
    )
    .unwrap();
    let year_end = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let d = shu_distribute(&plan, &members, Rupiah::from_sen(100_000), None, year_end).unwrap();
    assert_eq!(d.members_counted, 1);
    check(&s, "Distribution", &d);
    for m in &members {
        check(&s, "Member", m);
    }
}
