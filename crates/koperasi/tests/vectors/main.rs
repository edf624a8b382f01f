//! Runs every conformance vector in `tests/vectors/` (repository root) against the core.
//! The file format is described in `tests/vectors/README.md`; Python and JavaScript run the
//! same files. Each area's functions are mapped in its own module (`core_fns`, `shu_fns`,
//! `demography_fns`); a `function` that no module knows fails the test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod compare;
mod core_fns;
mod demography_fns;
mod kopdes_fns;
mod shu_fns;
mod statements_fns;

use serde_json::Value;
use std::path::{Path, PathBuf};

/// What a dispatcher returns: `None` when the function is not its own, else the result as JSON
/// or the error code.
pub type Outcome = Option<Result<Value, String>>;

/// The read options of a reader's vector: its `options` (read options as JSON) or the
/// default ones, with `decimal` (`comma`, `point`, `auto`) when the vector gives it.
pub fn read_options(args: &Value) -> koperasi::io::ReadOptions {
    let mut o: koperasi::io::ReadOptions = match args.get("options") {
        None | Some(Value::Null) => koperasi::io::ReadOptions::default(),
        Some(o) => {
            // A `mapping` is an object (field -> header) as in Python and JS; the core's
            // is a list of pairs.
            let mut o = o.clone();
            if let Some(m) = o.get("mapping").and_then(Value::as_object) {
                let pairs: Vec<Value> = m.iter().map(|(f, h)| serde_json::json!([f, h])).collect();
                o["mapping"] = Value::Array(pairs);
            }
            serde_json::from_value(o.clone())
                .unwrap_or_else(|e| panic!("options `{o}` are not read options: {e}"))
        }
    };
    if let Some(d) = args.get("decimal") {
        o.decimal = Some(serde_json::from_value(d.clone()).expect("decimal: comma, point or auto"));
    }
    o
}

/// A core error as a vector runner sees it: JSON text of its `code`, `line`, `column`,
/// `value` and `details` (the map of [`koperasi::Error::details`], which Python and JS expose).
pub fn error_json(e: &koperasi::Error) -> String {
    let d = e.details();
    serde_json::json!({
        "code": e.code(),
        "line": d.line,
        "column": d.column,
        "value": d.value,
        "details": d.fields_map(),
    })
    .to_string()
}

/// The error of an outcome as an object: [`error_json`] parsed, or `{code}` for a bare code.
fn error_value(e: &str) -> Value {
    match serde_json::from_str::<Value>(e) {
        Ok(v @ Value::Object(_)) => v,
        _ => serde_json::json!({ "code": e }),
    }
}

/// Why an error differs from the vector's `error`: a code (text), or an object of the fields
/// it pins (`code`, `line`, `column`, `value`, `details`: only the keys listed are compared).
fn error_mismatch(expected: &Value, got: &str) -> Option<String> {
    let got = error_value(got);
    match expected {
        Value::String(code) if got["code"].as_str() == Some(code) => None,
        Value::Object(_) => compare::mismatch(expected, &got, 0.0, "error"),
        _ => Some(format!("error {got}, expected `{expected}`")),
    }
}

fn vector_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            vector_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") && !p.ends_with(MANIFEST) {
            out.push(p);
        }
    }
}

/// The manifest the three runners share (`tests/vectors/functions.json`): every function the
/// vectors call, its parameters and how each language spells it.
const MANIFEST: &str = "functions.json";

fn vectors_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn manifest() -> serde_json::Map<String, Value> {
    let text = std::fs::read_to_string(vectors_root().join(MANIFEST)).unwrap();
    let doc: Value = serde_json::from_str(&text).expect("functions.json is JSON");
    doc["functions"]
        .as_object()
        .expect("functions.json: no `functions`")
        .clone()
}

/// Why a case's call is not one the manifest declares: an unknown function, or an argument
/// that is neither a parameter nor `self`.
fn against_manifest(
    functions: &serde_json::Map<String, Value>,
    function: &str,
    args: &Value,
) -> Option<String> {
    let Some(entry) = functions.get(function) else {
        return Some(format!("`{function}` is not in {MANIFEST}"));
    };
    let params: Vec<&str> = entry["params"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let this = entry.get("self").and_then(Value::as_str);
    let extra: Vec<&String> = args
        .as_object()
        .map(|a| {
            a.keys()
                .filter(|k| !params.contains(&k.as_str()) && Some(k.as_str()) != this)
                .collect()
        })
        .unwrap_or_default();
    (!extra.is_empty()).then(|| format!("`{function}` takes no argument {extra:?} ({MANIFEST})"))
}

fn call(function: &str, args: &Value) -> Result<Value, String> {
    core_fns::call(function, args)
        .or_else(|| shu_fns::call(function, args))
        .or_else(|| demography_fns::call(function, args))
        .or_else(|| statements_fns::call(function, args))
        .or_else(|| kopdes_fns::call(function, args))
        .unwrap_or_else(|| panic!("no dispatcher knows the function `{function}`"))
}

#[test]
fn all_vectors_pass() {
    let root = vectors_root();
    let functions = manifest();
    let mut used = std::collections::BTreeSet::new();
    let mut files = Vec::new();
    vector_files(&root, &mut files);
    assert!(
        !files.is_empty(),
        "no vector files under {}",
        root.display()
    );
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", file.display()));
        let cases = doc["cases"]
            .as_array()
            .unwrap_or_else(|| panic!("{}: no `cases`", file.display()));
        for case in cases {
            count += 1;
            let name = case["name"].as_str().unwrap_or("?");
            let function = case["function"].as_str().unwrap();
            used.insert(function.to_string());
            if let Some(why) = against_manifest(&functions, function, &case["args"]) {
                failures.push(format!("{} / {name}: {why}", file.display()));
                continue;
            }
            let tol = case.get("tolerance").and_then(Value::as_f64).unwrap_or(0.0);
            let got = call(function, &case["args"]);
            let why = match (&got, case.get("expected"), case.get("error")) {
                (Ok(v), Some(exp), None) => compare::mismatch(exp, v, tol, ""),
                (Err(e), None, Some(exp)) => error_mismatch(exp, e),
                (Ok(v), None, Some(exp)) => Some(format!("got {v}, expected error `{exp}`")),
                (Err(code), Some(exp), None) => Some(format!("error `{code}`, expected {exp}")),
                _ => Some("a case needs exactly one of `expected` and `error`".into()),
            };
            if let Some(why) = why {
                let rel = file.strip_prefix(&root).unwrap_or(file);
                failures.push(format!("{} / {name} ({function}): {why}", rel.display()));
            }
        }
    }
    let unused: Vec<&String> = functions.keys().filter(|f| !used.contains(*f)).collect();
    assert!(
        unused.is_empty(),
        "functions in {MANIFEST} without a vector: {unused:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("{count} vectors passed in {} files", files.len());
}
