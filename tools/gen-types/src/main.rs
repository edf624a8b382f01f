//! Writes `schema/koperasi.schema.json`: the JSON Schema (draft 2020-12, serialize side) of every
//! result type the bindings return, derived from the core's serde types (`schemars`, feature
//! `schema` of `koperasi`). The Python types (`bindings/python/python/koperasi/_types.py`, by
//! `gen_python.py` beside this crate) and the TypeScript declarations are generated from it.
//!
//! Usage: `cargo run -p gen-types -- [OUT]` (default: standard output). `tools/gen-types/regen.sh`
//! regenerates every generated file; CI runs it and `git diff --exit-code`.
//!
//! The `$defs` are in name order; `x-roots` lists the root result types in the order below. Two
//! types of the same name in different modules are an error (schemars would name the second
//! `Name2`): give one a `#[cfg_attr(feature = "schema", schemars(rename = "..."))]`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let text = match gen_types::schema_text() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("gen-types: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = std::env::args().nth(1);
    let written = match &out {
        Some(path) => std::fs::write(path, text).map_err(|e| format!("{path}: {e}")),
        None => {
            print!("{text}");
            Ok(())
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-types: {e}");
            ExitCode::FAILURE
        }
    }
}
