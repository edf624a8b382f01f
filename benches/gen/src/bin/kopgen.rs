//! `kopgen`: a seeded generator of synthetic, realistic national registers of cooperatives and of
//! a member file, for the side-by-side benchmarks of issue 7 (`benches/compare/run.sh`).
//!
//! ```text
//! kopgen --coops 1000000 --members 10000000 --seed 7 --out target/bench-data
//! ```
//!
//! Writes into `--out`:
//! * `register.csv`: one row per cooperative. Columns: `id_koperasi, nama_koperasi, nomor_bh,
//!   tanggal_bh, alamat, kode_wilayah, provinsi, kabupaten_kota, jenis_koperasi, jumlah_anggota,
//!   RAT 2012 .. RAT 2024, tanggal_verifikasi, ditemukan, usaha_berjalan, tanggal_pembubaran`.
//!   Coops are spread over the 514 kab/kota of the embedded Kemendagri table (Java weighted x3),
//!   jenis in plausible proportions (simpan pinjam and konsumen most common, some legacy
//!   `Serba Usaha`), founding dates 1960 to the extraction date (31 July 2025) weighted to the 1990s-2010s, RAT histories by
//!   profile (regular, stopped in some year, sporadic, never) with gaps, ~12 % with a field
//!   check, ~3 % dissolved, and a share of messy cells: Indonesian dates (`12 Mei 2024`,
//!   `12/05/2024`), `n/a`, `-`, `?`, impossible dates (`30/02/1998`), RAT dates inside the
//!   book year, codes without dots, upper-case province names, empty names.
//! * `provinces.csv`: `code,name` of the 38 provinces (the lookup table an analyst joins to).
//! * `members.csv`: `id_anggota, nama, tanggal_masuk, simpanan_pokok, simpanan_wajib,
//!   simpanan_sukarela, pembelian, jasa_pinjaman` (whole rupiah).
//! * `shu_pools.csv`: `pool,base,amount_sen`: three SHU pools (jasa modal on simpanan pokok +
//!   wajib, jasa pembelian on purchases, jasa pinjaman on loan interest paid) of a SHU of
//!   Rp 750,000,000,000.
//!
//! The same seed and sizes always give the same bytes.
#![forbid(unsafe_code)]

use chrono::{Datelike, NaiveDate};
use koperasi::wilayah::{Level, table};
use std::error::Error;
use std::path::PathBuf;

/// SplitMix64: small, seeded, good enough for synthetic data (not cryptographic).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Uniform in lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1).max(1) as u64) as i64
    }
    /// True with probability p.
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    /// Index drawn with the given weights.
    fn weighted(&mut self, w: &[u32]) -> usize {
        let total: u64 = w.iter().map(|&x| u64::from(x)).sum();
        let mut r = self.below(total);
        for (i, &x) in w.iter().enumerate() {
            if r < u64::from(x) {
                return i;
            }
            r -= u64::from(x);
        }
        w.len().saturating_sub(1)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs.get(self.below(xs.len() as u64) as usize)
            .copied()
            .unwrap_or("")
    }
    fn date(&mut self, lo: NaiveDate, hi: NaiveDate) -> NaiveDate {
        let span = (hi - lo).num_days().max(0);
        lo + chrono::Duration::days(self.range(0, span))
    }
}

const ROMAN: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];
const WORDS: [&str; 24] = [
    "Maju",
    "Jaya",
    "Sejahtera",
    "Makmur",
    "Bersama",
    "Mandiri",
    "Sentosa",
    "Abadi",
    "Karya",
    "Tani",
    "Nelayan",
    "Mulia",
    "Harapan",
    "Sumber",
    "Rejeki",
    "Bina",
    "Usaha",
    "Amanah",
    "Barokah",
    "Sinar",
    "Mekar",
    "Lestari",
    "Bakti",
    "Utama",
];
const STREETS: [&str; 12] = [
    "Merdeka",
    "Sudirman",
    "Diponegoro",
    "Ahmad Yani",
    "Gatot Subroto",
    "Pahlawan",
    "Veteran",
    "Raya Pasar",
    "Pemuda",
    "Imam Bonjol",
    "Hasanuddin",
    "Kartini",
];

/// The extraction date of the synthetic file: nothing in it is dated later.
fn extracted() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 31).unwrap_or_default()
}

const RAT_FIRST: i32 = 2012;
const RAT_LAST: i32 = 2024;

fn fmt_date(rng: &mut Rng, d: NaiveDate, long_share: f64) -> String {
    let r = rng.next() % 1000;
    if (r as f64) < long_share * 1000.0 {
        koperasi::locale::format_date(d)
    } else if r < 650 {
        d.format("%Y-%m-%d").to_string()
    } else {
        d.format("%d/%m/%Y").to_string()
    }
}

struct Kab {
    code: String,
    prov_code: String,
    name: String,
    prov_name: String,
}

fn write_register(rng: &mut Rng, n: u64, out: &std::path::Path) -> Result<(), Box<dyn Error>> {
    let t = table();
    let mut kabs: Vec<Kab> = Vec::new();
    for w in t.iter().filter(|w| w.level == Level::KabupatenKota) {
        let p = w.code.provinsi();
        let prov_name = t.get(&p).map(|x| x.name.clone()).unwrap_or_default();
        kabs.push(Kab {
            code: w.code.to_string(),
            prov_code: p.to_string(),
            name: w.name.clone(),
            prov_name,
        });
    }
    if kabs.len() != 514 {
        return Err(format!("expected 514 kab/kota in the table, found {}", kabs.len()).into());
    }
    // Per-kab weight: Java (31..=36) three times as dense, otherwise 1..=20 at random.
    let weights: Vec<u32> = kabs
        .iter()
        .map(|k| {
            let base = 1 + rng.below(20) as u32;
            if matches!(
                k.prov_code.as_str(),
                "31" | "32" | "33" | "34" | "35" | "36"
            ) {
                base * 3
            } else {
                base
            }
        })
        .collect();
    let mut cum: Vec<u64> = Vec::with_capacity(weights.len());
    let mut acc = 0u64;
    for w in &weights {
        acc += u64::from(*w);
        cum.push(acc);
    }

    let mut wtr = csv::Writer::from_path(out.join("register.csv"))?;
    let mut header: Vec<String> = [
        "id_koperasi",
        "nama_koperasi",
        "nomor_bh",
        "tanggal_bh",
        "alamat",
        "kode_wilayah",
        "provinsi",
        "kabupaten_kota",
        "jenis_koperasi",
        "jumlah_anggota",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for y in RAT_FIRST..=RAT_LAST {
        header.push(format!("RAT {y}"));
    }
    for h in [
        "tanggal_verifikasi",
        "ditemukan",
        "usaha_berjalan",
        "tanggal_pembubaran",
    ] {
        header.push(h.to_string());
    }
    wtr.write_record(&header)?;

    // jenis as written: (text variants, weight)
    let jenis: [(&[&str], u32); 6] = [
        (
            &[
                "Simpan Pinjam",
                "Simpan Pinjam",
                "Simpan Pinjam",
                "KSP",
                "simpan pinjam",
                "KSPPS",
            ],
            35,
        ),
        (
            &["Konsumen", "Konsumen", "Koperasi Konsumen", "KONSUMEN"],
            30,
        ),
        (&["Produsen", "Produsen", "Koperasi Produsen"], 15),
        (&["Jasa", "Jasa", "JASA"], 10),
        (&["Pemasaran", "Pemasaran", "Koperasi Pemasaran"], 5),
        (&["Serba Usaha", "Serba Usaha", "KSU"], 5),
    ];
    let prefixes: [&str; 6] = [
        "KSP",
        "Koperasi Konsumen",
        "Koperasi Produsen",
        "Koperasi Jasa",
        "Koperasi Pemasaran",
        "KSU",
    ];
    // founding decade weights: 1960s, 70s, 80s, 90s, 2000s, 2010s, 2020-2025
    let decades: [(i32, i32, u32); 7] = [
        (1960, 1969, 3),
        (1970, 1979, 5),
        (1980, 1989, 10),
        (1990, 1999, 22),
        (2000, 2009, 25),
        (2010, 2019, 25),
        (2020, 2025, 10),
    ];
    let ext = extracted();
    let mut row: Vec<String> = Vec::with_capacity(header.len());
    for i in 0..n {
        row.clear();
        let r = rng.below(acc);
        let ki = cum.partition_point(|&c| c <= r);
        let kab = kabs.get(ki).or(kabs.last()).ok_or("no kab")?;
        let ji = rng.weighted(&jenis.map(|(_, w)| w));
        let (variants, _) = jenis.get(ji).copied().unwrap_or((&["Jasa"], 1));
        let (lo, hi, _) = decades
            .get(rng.weighted(&decades.map(|(_, _, w)| w)))
            .copied()
            .unwrap_or((2000, 2009, 1));
        let fy = rng.range(i64::from(lo), i64::from(hi)) as i32;
        let founded = rng.date(
            NaiveDate::from_ymd_opt(fy, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(fy, 12, 31)
                .unwrap_or_default()
                .min(extracted()),
        );
        // id
        row.push((i + 1).to_string());
        // name
        if rng.chance(0.0005) {
            row.push(String::new());
        } else {
            let prefix = prefixes.get(ji).copied().unwrap_or("Koperasi");
            let mut name = format!("{prefix} {} {}", rng.pick(&WORDS), rng.pick(&WORDS));
            if rng.chance(0.3) {
                name.push_str(&format!(" {}", rng.range(1, 99)));
            }
            row.push(name);
        }
        // nomor badan hukum, year = founding year
        let bh = if rng.chance(0.15) {
            rng.pick(&["", "-", "0"]).to_string()
        } else {
            let roman = ROMAN.get(founded.month0() as usize).copied().unwrap_or("I");
            if fy >= 2014 {
                format!("AHU-{:07}.AH.01.26.TAHUN {fy}", rng.range(1, 9_999_999))
            } else if fy >= 2000 {
                format!(
                    "{}/BH/KDK.{}/{roman}/{fy}",
                    rng.range(1, 9999),
                    kab.code.replace('.', "")
                )
            } else {
                format!("{}/BH/{roman}/{fy}", rng.range(1, 19999))
            }
        };
        row.push(bh);
        // tanggal badan hukum
        let r = rng.next() % 100;
        row.push(if r < 7 {
            rng.pick(&["", "-", "n/a"]).to_string()
        } else if r < 10 {
            format!("30/02/{fy}")
        } else {
            fmt_date(rng, founded, 0.11)
        });
        // address
        let mut addr = format!("Jl. {} No. {}", rng.pick(&STREETS), rng.range(1, 250));
        if rng.chance(0.3) {
            addr.push_str(&format!(
                ", RT {:02}/RW {:02}",
                rng.range(1, 15),
                rng.range(1, 12)
            ));
        }
        row.push(addr);
        // region code and names
        let r = rng.next() % 100;
        row.push(if r < 88 {
            kab.code.clone()
        } else if r < 91 {
            kab.code.replace('.', "")
        } else if r < 96 {
            String::new()
        } else {
            "n/a".to_string()
        });
        row.push(if rng.chance(0.2) {
            kab.prov_name.to_uppercase()
        } else {
            kab.prov_name.clone()
        });
        row.push(kab.name.clone());
        row.push(rng.pick(variants).to_string());
        // members
        row.push(if rng.chance(0.04) {
            rng.pick(&["-", "n/a", ""]).to_string()
        } else {
            (20 + rng.below(40) * rng.below(120)).to_string()
        });
        // dissolution (decided first: no RAT after it)
        let dissolution = if rng.chance(0.03) {
            let lo = NaiveDate::from_ymd_opt((fy + 1).max(2005), 1, 1).unwrap_or_default();
            (lo < ext).then(|| rng.date(lo, ext))
        } else {
            None
        };
        // RAT history by profile
        let profile = rng.weighted(&[50, 25, 15, 10]);
        let stop = rng.range(i64::from(fy.max(RAT_FIRST)), 2026) as i32;
        for by in RAT_FIRST..=RAT_LAST {
            let may = by >= fy;
            let held = may
                && match profile {
                    0 => rng.chance(0.92),
                    1 => by < stop && rng.chance(0.9),
                    2 => rng.chance(0.35),
                    _ => false,
                };
            let date = if rng.chance(0.85) {
                rng.date(
                    NaiveDate::from_ymd_opt(by + 1, 1, 10).unwrap_or_default(),
                    NaiveDate::from_ymd_opt(by + 1, 6, 30).unwrap_or_default(),
                )
            } else {
                rng.date(
                    NaiveDate::from_ymd_opt(by + 1, 7, 1).unwrap_or_default(),
                    NaiveDate::from_ymd_opt(by + 1, 12, 20).unwrap_or_default(),
                )
            };
            let held = held && date <= ext && dissolution.is_none_or(|d| date < d);
            let messy = rng.next() % 1000;
            let cell = if messy < 15 {
                rng.pick(&["n/a", "?", "#N/A"]).to_string()
            } else if held && messy < 20 {
                // typed with the book year instead of the meeting year: unreadable RAT date
                let wrong =
                    NaiveDate::from_ymd_opt(by, date.month(), date.day().min(28)).unwrap_or(date);
                wrong.format("%d/%m/%Y").to_string()
            } else if held {
                if rng.chance(0.2) {
                    rng.pick(&["ya", "Ya", "sudah", "v", "YA"]).to_string()
                } else {
                    fmt_date(rng, date, 0.13)
                }
            } else {
                let r = rng.next() % 100;
                if !may || r < 45 {
                    String::new()
                } else if r < 80 {
                    rng.pick(&["tidak", "Tidak", "TIDAK", "tdk"]).to_string()
                } else if r < 95 {
                    "-".to_string()
                } else {
                    "belum".to_string()
                }
            };
            row.push(cell);
        }
        // field check
        if rng.chance(0.12) {
            let d = rng.date(NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default(), ext);
            row.push(if rng.chance(0.01) {
                String::new()
            } else {
                fmt_date(rng, d, 0.0)
            });
            row.push(if rng.chance(0.3) {
                rng.pick(&["tidak", "TIDAK", "tdk"]).to_string()
            } else {
                rng.pick(&["ya", "Ya", "YA"]).to_string()
            });
            row.push(rng.pick(&["ya", "tidak", "", "Ya"]).to_string());
        } else {
            row.extend([String::new(), String::new(), String::new()]);
        }
        row.push(match dissolution {
            Some(d) => fmt_date(rng, d, 0.0),
            None => String::new(),
        });
        wtr.write_record(&row)?;
    }
    wtr.flush()?;

    let mut pw = csv::Writer::from_path(out.join("provinces.csv"))?;
    pw.write_record(["code", "name"])?;
    for w in t.iter().filter(|w| w.level == Level::Provinsi) {
        pw.write_record([w.code.to_string(), w.name.clone()])?;
    }
    pw.flush()?;
    Ok(())
}

/// SHU of the year, in sen (Rp 750,000,000,000), and the three member pools in basis points.
const SHU_SEN: i64 = 75_000_000_000_000;
const POOLS: [(&str, &str, i64); 3] = [
    ("jasa_modal", "simpanan_pokok+simpanan_wajib", 2000),
    ("jasa_pembelian", "pembelian", 2500),
    ("jasa_pinjaman", "jasa_pinjaman", 1500),
];

fn write_members(rng: &mut Rng, n: u64, out: &std::path::Path) -> Result<(), Box<dyn Error>> {
    let mut wtr = csv::Writer::from_path(out.join("members.csv"))?;
    wtr.write_record([
        "id_anggota",
        "nama",
        "tanggal_masuk",
        "simpanan_pokok",
        "simpanan_wajib",
        "simpanan_sukarela",
        "pembelian",
        "jasa_pinjaman",
    ])?;
    let lo = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let hi = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap_or_default();
    for i in 0..n {
        let joined = rng.date(lo, hi);
        let months = (hi.year() - joined.year()) * 12 + 12 - joined.month0() as i32;
        let wajib = i64::from(months) * [10_000i64, 25_000, 50_000][rng.below(3) as usize];
        let sukarela = if rng.chance(0.5) {
            0
        } else {
            rng.range(1, 200) * rng.range(1, 100) * 5_000
        };
        let pembelian = if rng.chance(0.4) {
            0
        } else {
            rng.range(1, 1000) * rng.range(1, 500) * 100
        };
        let pinjaman = if rng.chance(0.6) {
            0
        } else {
            rng.range(1, 500) * rng.range(1, 100) * 100
        };
        wtr.write_record([
            format!("A{:08}", i + 1),
            format!("Anggota {}", i + 1),
            joined.format("%Y-%m-%d").to_string(),
            "100000".to_string(),
            wajib.to_string(),
            sukarela.to_string(),
            pembelian.to_string(),
            pinjaman.to_string(),
        ])?;
    }
    wtr.flush()?;
    let mut pw = csv::Writer::from_path(out.join("shu_pools.csv"))?;
    pw.write_record(["pool", "base", "amount_sen"])?;
    for (name, base, bps) in POOLS {
        pw.write_record([
            name.to_string(),
            base.to_string(),
            (SHU_SEN / 10_000 * bps).to_string(),
        ])?;
    }
    pw.flush()?;
    Ok(())
}

/// Generate a synthetic register, province table, member file and SHU pools (seeded).
#[derive(clap::Parser)]
struct Args {
    /// Cooperatives in register.csv (0: no register).
    #[arg(long, default_value_t = 10_000)]
    coops: u64,
    /// Members in members.csv (0: no member file).
    #[arg(long, default_value_t = 100_000)]
    members: u64,
    /// Seed: the same seed and sizes give the same bytes.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Output folder.
    #[arg(long, default_value = "target/bench-data")]
    out: PathBuf,
}

fn main() -> Result<(), Box<dyn Error>> {
    let a = <Args as clap::Parser>::parse();
    std::fs::create_dir_all(&a.out)?;
    let mut rng = Rng(a.seed);
    if a.coops > 0 {
        write_register(&mut rng, a.coops, &a.out)?;
    }
    let mut rng = Rng(a.seed ^ 0x5EED_5EED);
    if a.members > 0 {
        write_members(&mut rng, a.members, &a.out)?;
    }
    Ok(())
}
