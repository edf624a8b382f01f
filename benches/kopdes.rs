//! KDMP/KKMP coverage at national scale: 90,000 cooperatives placed by their names
//! (provinsi > kab/kota > kecamatan > desa, written as SIMKOPDES writes them: `JAWA TIMUR`,
//! `KAB. SITUBONDO`, upper-case desa) on the 83,762 desa/kelurahan of the Kemendagri 2025
//! table, with ~8% duplicates and 1% misspelt desa names (did-you-mean searched), then the
//! coverage by kab/kota. The table itself is parsed once before (it is built on first use).
//!
//! Run: cargo bench -p koperasi --features desa --bench kopdes
#![allow(missing_docs)]
use criterion::{Criterion, criterion_group, criterion_main};
use koperasi::kopdes::coverage::{CoverageOptions, KopdesEntry, coverage};
use koperasi::kopdes::matching::RegionNames;
use koperasi::wilayah::{Level, RegionLevel, Table, table};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// A deterministic generator (xorshift64*).
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

fn name(t: &Table, code: Option<koperasi::wilayah::KodeWilayah>) -> Option<String> {
    code.and_then(|c| t.get(&c)).map(|w| w.name.clone())
}

/// `n` entries: each desa in turn (so most are covered), then random ones (duplicates).
pub fn entries(n: usize) -> Vec<KopdesEntry> {
    let t = table();
    let desa: Vec<_> = t
        .iter()
        .filter(|w| w.level == Level::DesaKelurahan)
        .collect();
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|i| {
            let w = desa
                .get(if i < desa.len() * 92 / 100 {
                    i
                } else {
                    r.below(desa.len() as u64) as usize
                })
                .copied()
                .unwrap_or_else(|| desa[0]);
            let kab = name(t, w.code.kab_kota()).unwrap_or_default();
            let kab = kab.replace("Kabupaten ", "KAB. ").to_uppercase();
            let mut d = w.name.to_uppercase();
            if r.below(100) == 0 {
                d.push('X');
            }
            KopdesEntry {
                line: i as u64 + 2,
                label: format!("KOPERASI DESA MERAH PUTIH {d}"),
                names: RegionNames {
                    provinsi: name(t, Some(w.code.provinsi())).map(|s| s.to_uppercase()),
                    kab_kota: Some(kab),
                    kecamatan: name(t, w.code.kecamatan()),
                    desa: Some(d),
                },
                code: None,
                coops: 1,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let t = table();
    assert_eq!(
        t.count(Level::DesaKelurahan),
        83_762,
        "needs --features desa"
    );
    let e = entries(90_000);
    let opts = CoverageOptions {
        level: RegionLevel::KabupatenKota,
        region: None,
    };
    let start = Instant::now();
    let once = coverage(&e, t, &opts);
    println!(
        "coverage of 83,762 desa by 90,000 coops: {:?} (match rate {} %, {} with a coop, {} with several)",
        start.elapsed(),
        once.matching.match_rate_pct,
        once.total.with_coop,
        once.total.with_several
    );
    let mut g = c.benchmark_group("kopdes");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("coverage_90k_coops_83762_desa", |b| {
        b.iter(|| coverage(black_box(&e), t, &opts))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
