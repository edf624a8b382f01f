//! Baseline for the Python binding's bulk speed: time `Register::assess_all` in Rust on a
//! register file (the figure `Register.assess_all(...).to_pandas()` is compared with; see
//! `bindings/python/examples/assess_all.py`).
//!
//!     cargo run --release -p koperasi-python --example assess_all_rust -- REGISTER.csv AS_OF [REPS]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::{ReadOptions, read_register};
use koperasi::locale::parse_date;
use koperasi::status::StatusPolicy;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("REGISTER.csv");
    let as_of = parse_date(args.get(2).expect("AS_OF")).expect("a date");
    let reps: usize = args.get(3).map_or(5, |r| r.parse().expect("REPS"));
    let t = Instant::now();
    let (register, _) = read_register(
        std::fs::File::open(path).expect("open"),
        &ReadOptions::default(),
    )
    .unwrap();
    println!(
        "read {} records in {:.4} s",
        register.records.len(),
        t.elapsed().as_secs_f64()
    );
    let policy = StatusPolicy::national();
    let mut times = Vec::new();
    for _ in 0..reps {
        let t = Instant::now();
        let a = register.assess_all(as_of, &policy);
        assert_eq!(a.len(), register.records.len());
        drop(a); // freed inside the timing, as Python frees its result
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    println!(
        "assess_all: median {:.4} s, min {:.4} s over {reps} runs",
        times[times.len() / 2],
        times[0]
    );
}
