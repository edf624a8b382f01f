//! Business demography benches: the monthly status series over 10 years (one sweep per coop),
//! against assessing every coop at every date; Kaplan-Meier on 100,000 durations.
//!
//! Run: cargo bench -p koperasi --bench demography
//! National scale (1,000,000 synthetic coops, the figure of the issue-6 closing note):
//!     DEMOGRAPHY_BENCH_N=1000000 cargo bench -p koperasi --bench demography -- series
#![allow(missing_docs)]
use criterion::{Criterion, criterion_group, criterion_main};
use koperasi::NaiveDate;
use koperasi::cooperative::{Dissolution, DissolvedBy, FieldCheck, Koperasi, Rat, RatKnowledge};
use koperasi::demography::{Frequency, kaplan_meier, period_ends, status_series};
use koperasi::register::Field;
use koperasi::status::{StatusPolicy, assess_status};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A deterministic generator (xorshift64*), so that every run sees the same register.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Synthetic national register: founded 1990-2023; an RAT for 80% of book years (held in
/// March-May of the next year), stopping for good in a random year for 30% of coops; 5%
/// dissolved; 10% with a field check; 40 kecamatan.
pub fn synthetic(n: usize) -> Vec<Koperasi> {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let d = |y: i32, m: u32, dd: u32| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
    (0..n)
        .map(|i| {
            let mut k = Koperasi::new(format!("Koperasi {i}"));
            let fy = 1990 + r.below(34) as i32;
            k.tanggal_badan_hukum = Some(d(fy, 1 + r.below(12) as u32, 1 + r.below(28) as u32));
            k.rat_known = RatKnowledge::Complete;
            let stop = if r.below(10) < 3 {
                fy + r.below(30) as i32
            } else {
                2100
            };
            for y in fy..2024.min(stop) {
                if r.below(10) < 8 {
                    k.rat.push(Rat {
                        book_year: y,
                        date: Some(d(y + 1, 3 + r.below(3) as u32, 1 + r.below(28) as u32)),
                    });
                }
            }
            if r.below(20) == 0 {
                k.dissolution = Some(Dissolution {
                    date: d(2000 + r.below(25) as i32, 1 + r.below(12) as u32, 1),
                    by: DissolvedBy::Government,
                });
            }
            if r.below(10) == 0 {
                k.field_checks.push(FieldCheck {
                    date: d(2015 + r.below(10) as i32, 1 + r.below(12) as u32, 1),
                    found_at_address: Some(r.below(3) != 0),
                    board_known: None,
                    business_active: None,
                });
            }
            k.location.kecamatan = Some(format!("Kecamatan {}", r.below(40)));
            k
        })
        .collect()
}

fn series(c: &mut Criterion) {
    let n: usize = std::env::var("DEMOGRAPHY_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let t0 = Instant::now();
    let records = synthetic(n);
    eprintln!("generated {n} coops in {:?}", t0.elapsed());
    let p = StatusPolicy::national();
    let from = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or_default();
    let dates = period_ends(from, to, Frequency::Monthly).unwrap_or_default();
    let mut g = c.benchmark_group("series");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(if n > 200_000 { 60 } else { 10 }));
    g.bench_function(format!("monthly status series, 10 years, {n} coops"), |b| {
        b.iter(|| status_series(black_box(&records), &dates, &p, &[]))
    });
    g.bench_function(
        format!("monthly status series by kecamatan, 10 years, {n} coops"),
        |b| b.iter(|| status_series(black_box(&records), &dates, &p, &[Field::Kecamatan])),
    );
    if n <= 200_000 {
        g.bench_function(
            format!("assess_status at every date (the naive way), {n} coops"),
            |b| {
                b.iter(|| {
                    let mut active = 0u64;
                    for k in &records {
                        for d in &dates {
                            active += u64::from(
                                assess_status(k, *d, &p) == koperasi::status::Status::Active,
                            );
                        }
                    }
                    active
                })
            },
        );
    }
    g.finish();
}

fn km(c: &mut Criterion) {
    let mut r = Rng(42);
    let n = 100_000;
    let durations: Vec<f64> = (0..n).map(|_| (r.below(30_000) as f64) / 1000.0).collect();
    let observed: Vec<bool> = (0..n).map(|_| r.below(3) != 0).collect();
    c.bench_function("kaplan_meier 100,000 durations", |b| {
        b.iter(|| kaplan_meier(black_box(&durations), &observed, None, 0.05))
    });
}

criterion_group!(benches, series, km);
criterion_main!(benches);
