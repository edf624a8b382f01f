//! SHU distribution among 1,000,000 members (issue 5): three pools (capital, purchases,
//! interest), floor rounding reconciled by largest remainder, synthetic deterministic members.
//! Run: cargo bench -p koperasi --bench shu
#![allow(missing_docs, clippy::panic)]
use criterion::{Criterion, criterion_group, criterion_main};
use koperasi::Rupiah;
use koperasi::shu::{AllocationPlan, Member, apportion, book_year_end, shu_distribute};
use std::hint::black_box;

const PLAN: &str = r#"
[[components]]
component = "cadangan"
basis_points = 4000
[[components]]
component = "jasa_modal"
basis_points = 2000
base = "capital"
[[components]]
component = "jasa_pembelian"
basis_points = 2500
base = "purchases"
[[components]]
component = "jasa_pinjaman"
basis_points = 1500
base = "interest"
"#;

/// Deterministic pseudo-random members (an LCG; no clock, no rand crate).
fn members(n: usize) -> Vec<Member> {
    let mut s: u64 = 0x2024;
    let mut next = |m: u64| {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((s >> 33) % m) as i64
    };
    (0..n)
        .map(|i| {
            let mut m = Member::new(format!("A-{i:07}"));
            m.savings
                .insert("pokok".into(), Rupiah::from_sen(10_000_000));
            m.savings
                .insert("wajib".into(), Rupiah::from_sen(next(500_000_000)));
            m.transactions
                .insert("purchases".into(), Rupiah::from_sen(next(5_000_000_000)));
            m.transactions
                .insert("interest".into(), Rupiah::from_sen(next(100_000_000)));
            m
        })
        .collect()
}

fn distribution(c: &mut Criterion) {
    let plan = match AllocationPlan::from_toml(PLAN) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let ms = members(1_000_000);
    let end = book_year_end(2024).unwrap_or_default();
    // Rp 123,456,789,012.34: pools are not divisible, so reconciliation has work to do.
    let shu = Rupiah::from_sen(12_345_678_901_234);
    let mut g = c.benchmark_group("shu");
    g.sample_size(10);
    g.bench_function("shu_distribute 1,000,000 members x 3 pools", |b| {
        b.iter(|| shu_distribute(&plan, black_box(&ms), shu, None, end))
    });
    let bases: Vec<i64> = ms
        .iter()
        .map(|m| m.base("capital", &plan.capital_savings).sen())
        .collect();
    g.bench_function("apportion 1,000,000 bases (one pool)", |b| {
        b.iter(|| {
            apportion(
                shu,
                black_box(&bases),
                koperasi::shu::Rounding::Floor,
                true,
                1,
            )
        })
    });
    g.finish();
}

criterion_group!(benches, distribution);
criterion_main!(benches);
