//! What the CLI tests (tests/cli*.rs) share: the real files they run on, and running the
//! `koperasi` command with its outcome checked.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use assert_cmd::Command;
use serde_json::Value;

/// The real Kota Bogor register (2022), embedded sample.
pub const BOGOR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../koperasi/data/samples/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv"
);

/// The real East Java panel (kab/kota, quarterly), embedded sample.
pub const JATIM: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../koperasi/data/samples/jatim-koperasi-kabkota-quarterly/koperasi_jatim_kabkota_2018Q4_2025Q2.csv"
);

/// The example SHU plan (examples/shu/).
pub const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/shu/plan.toml");

/// The example member register (examples/shu/).
pub const MEMBERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/shu/members.csv"
);

/// The CSV of a real published table: `tests/data/real/<slug>/<slug>.csv`.
pub fn real(slug: &str) -> String {
    format!(
        "{}/../../tests/data/real/{slug}/{slug}.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The command.
pub fn koperasi() -> Command {
    Command::cargo_bin("koperasi").unwrap()
}

/// Run the command with `args`.
pub fn run(args: &[&str]) -> std::process::Output {
    koperasi().args(args).output().unwrap()
}

/// Standard output of a run that succeeds.
pub fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Standard output of a run that succeeds, as JSON.
pub fn json(args: &[&str]) -> Value {
    serde_json::from_str(&stdout(args)).unwrap()
}

/// Standard error of a run that fails with exit code 2.
pub fn stderr_of_failure(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    String::from_utf8(out.stderr).unwrap()
}

/// Fails with exit code 2 and a one-line message `error: ...` containing `needle`; returns it.
pub fn fails(args: &[&str], needle: &str) -> String {
    let err = stderr_of_failure(args);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: ") && err.contains(needle), "{err}");
    err
}
