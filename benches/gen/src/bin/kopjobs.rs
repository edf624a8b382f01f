//! `kopjobs`: the koperasi side of the side-by-side jobs of issue 7, through the public Rust API,
//! and the practical limits (parse only, sum only). Driven by `benches/compare/run.sh`; each job
//! writes its result as CSV so the script can check that every implementation agrees.
//!
//! ```text
//! kopjobs j1 --register register.csv --as-of 2025-07-31 --out j1.csv
//! kopjobs j2 --register register.csv --first 2015-08 --months 120 --out j2.csv
//! kopjobs j3 --members members.csv --pools shu_pools.csv --out j3.csv
//! kopjobs parse-only --register register.csv
//! kopjobs sum-only --members members.csv
//! kopjobs dump --register register.csv --as-of 2025-07-31 --out records.csv
//! ```
#![forbid(unsafe_code)]

/// The allocator: mimalloc. Reading a register allocates a few small strings per row on the
/// threads that convert rows and frees them on the thread that uses the records; the system
/// allocator spends a third of the time of a large read in its locks there (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use koperasi::Rupiah;
use koperasi::demography::status_series;
use koperasi::io::register::for_each_register_record;
use koperasi::io::{ReadOptions, read_register};
use koperasi::register::{Counter, Field, Register};
use koperasi::shu::{Rounding, apportion};
use koperasi::status::{Status, StatusPolicy, assess_status};
use std::error::Error;
use std::path::PathBuf;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    job: Job,
    /// Threads converting register rows (`ReadOptions::threads`; default: a worker per core and the calling thread).
    #[arg(long, global = true)]
    threads: Option<usize>,
}

#[derive(Subcommand)]
enum Job {
    /// J1: read the register, assess status as of a date under the national preset, count by
    /// provinsi x jenis x status, streaming (`io::register::for_each_register_record` into a
    /// `register::Counter`: the register is never held). `--batch` reads the whole register
    /// first (`read_register` + `Register::count_by`). CSV: provinsi,jenis,status,count.
    J1 {
        #[arg(long)]
        batch: bool,
        #[arg(long)]
        register: PathBuf,
        #[arg(long, default_value = "2025-07-31")]
        as_of: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// J2: status counts at each month end in one sweep (`demography::status_series`) over
    /// chunks of records as they are read (`--batch`: over the whole register read first).
    /// CSV: as_of,status,count.
    J2 {
        #[arg(long)]
        batch: bool,
        #[arg(long)]
        register: PathBuf,
        /// First month, YYYY-MM (its last day is the first as-of date).
        #[arg(long, default_value = "2015-08")]
        first: String,
        #[arg(long, default_value_t = 120)]
        months: u32,
        #[arg(long)]
        out: PathBuf,
    },
    /// J1 limit: only parse the CSV with the `csv` crate (every record, every field touched).
    ParseOnly {
        #[arg(long)]
        register: PathBuf,
    },
    /// J3 limit: parse the member CSV and sum the base columns.
    SumOnly {
        #[arg(long)]
        members: PathBuf,
    },
    /// J3: SHU to every member of members.csv over the pools of shu_pools.csv
    /// (pool,base,amount_sen; base = columns joined by `+`, in whole rupiah), each pool shared
    /// exactly with `koperasi::shu::apportion` (floor, then largest remainder; ties: larger
    /// base, then earlier member), the per-pool step of `shu::distribute_allocation`. CSV:
    /// pool,amount_sen,distributed,extra_sen_members,weighted (weighted = sum of amount_i *
    /// (i % 9973 + 1), i the 0-based member position), as benches/compare/jobs_polars.py j3.
    J3 {
        #[arg(long)]
        members: PathBuf,
        #[arg(long)]
        pools: PathBuf,
        #[arg(long)]
        out: PathBuf,
    },
    /// Debugging aid: one row per record read: line, source id, founding year, status.
    Dump {
        #[arg(long)]
        register: PathBuf,
        #[arg(long, default_value = "2025-07-31")]
        as_of: String,
        #[arg(long)]
        out: PathBuf,
    },
}

fn date(s: &str) -> Result<NaiveDate, Box<dyn Error>> {
    Ok(koperasi::locale::parse_date(s)?)
}

fn read(path: &PathBuf, opts: &ReadOptions) -> Result<Register, Box<dyn Error>> {
    let f = std::fs::File::open(path)?;
    let (register, _report) = read_register(f, opts)?;
    Ok(register)
}

/// Last day of the month `months` after (year, month).
fn month_end(year: i32, month: u32, plus: u32) -> Option<NaiveDate> {
    let idx = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(plus) + 1;
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    let m = u32::try_from(idx.rem_euclid(12)).ok()? + 1;
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

fn main() -> Result<(), Box<dyn Error>> {
    let cli = Cli::parse();
    let policy = StatusPolicy::national();
    let opts = ReadOptions {
        threads: cli.threads,
        ..ReadOptions::default()
    };
    match cli.job {
        Job::J1 {
            batch,
            register,
            as_of,
            out,
        } => {
            let as_of = date(&as_of)?;
            let fields = [Field::Provinsi, Field::Jenis, Field::Status];
            let t = if batch {
                read(&register, &opts)?.count_by(&fields, as_of, &policy)
            } else {
                let mut counter = Counter::new(&fields, as_of, &policy);
                let f = std::fs::File::open(&register)?;
                for_each_register_record(f, &opts, |_, k| counter.add(&k))?;
                counter.finish()
            };
            let mut w = csv::Writer::from_path(out)?;
            w.write_record(["provinsi", "jenis", "status", "count"])?;
            for (keys, n) in &t.rows {
                let mut row: Vec<String> =
                    keys.iter().map(|k| k.clone().unwrap_or_default()).collect();
                row.push(n.to_string());
                w.write_record(&row)?;
            }
            w.flush()?;
        }
        Job::J2 {
            batch,
            register,
            first,
            months,
            out,
        } => {
            let (y, m) = first.split_once('-').ok_or("--first is YYYY-MM")?;
            let (y, m): (i32, u32) = (y.parse()?, m.parse()?);
            let dates = (0..months)
                .map(|i| month_end(y, m, i).ok_or("month out of range"))
                .collect::<Result<Vec<_>, _>>()?;
            // counts[status][date], summed over chunks of records swept as they are read.
            let mut counts = vec![vec![0u64; dates.len()]; Status::ALL.len()];
            let mut add = |chunk: &[koperasi::Koperasi]| -> Result<(), Box<dyn Error>> {
                let series = status_series(chunk, &dates, &policy, &[])?;
                for g in &series.groups {
                    for ((_, col), acc) in g.counts.iter().zip(counts.iter_mut()) {
                        for (a, n) in acc.iter_mut().zip(col) {
                            *a += n;
                        }
                    }
                }
                Ok(())
            };
            if batch {
                add(&read(&register, &opts)?.records)?;
            } else {
                const CHUNK: usize = 8192;
                let mut chunk: Vec<koperasi::Koperasi> = Vec::with_capacity(CHUNK);
                let mut failed: Option<Box<dyn Error>> = None;
                let f = std::fs::File::open(&register)?;
                for_each_register_record(f, &opts, |_, k| {
                    chunk.push(k);
                    if chunk.len() == CHUNK {
                        if let Err(e) = add(&chunk) {
                            failed.get_or_insert(e);
                        }
                        chunk.clear();
                    }
                })?;
                if let Some(e) = failed {
                    return Err(e);
                }
                add(&chunk)?;
            }
            let mut w = csv::Writer::from_path(out)?;
            w.write_record(["as_of", "status", "count"])?;
            let mut sorted: Vec<(Status, &Vec<u64>)> =
                Status::ALL.iter().copied().zip(&counts).collect();
            sorted.sort_by_key(|(s, _)| *s);
            for (j, as_of) in dates.iter().enumerate() {
                let row = sorted
                    .iter()
                    .map(|(s, col)| (*s, col.get(j).copied().unwrap_or(0)));
                for (s, n) in row {
                    w.write_record([as_of.to_string(), s.code().to_string(), n.to_string()])?;
                }
            }
            w.flush()?;
        }
        Job::J3 {
            members,
            pools,
            out,
        } => j3(&members, &pools, &out)?,
        Job::ParseOnly { register } => {
            let mut rdr = csv::ReaderBuilder::new()
                .flexible(true)
                .from_path(register)?;
            let mut rec = csv::ByteRecord::new();
            let (mut rows, mut bytes) = (0u64, 0u64);
            while rdr.read_byte_record(&mut rec)? {
                rows += 1;
                for f in rec.iter() {
                    bytes += f.len() as u64;
                }
            }
            println!("rows={rows} field_bytes={bytes}");
        }
        Job::SumOnly { members } => {
            let mut rdr = csv::Reader::from_path(members)?;
            let mut rec = csv::ByteRecord::new();
            let mut sums = [0i64; 5];
            while rdr.read_byte_record(&mut rec)? {
                for (i, s) in sums.iter_mut().enumerate() {
                    let v = rec.get(i + 3).ok_or("short row")?;
                    *s += std::str::from_utf8(v)?.parse::<i64>()?;
                }
            }
            println!("sums={sums:?}");
        }
        Job::Dump {
            register,
            as_of,
            out,
        } => {
            let as_of = date(&as_of)?;
            let reg = read(&register, &opts)?;
            let mut w = csv::Writer::from_path(out)?;
            w.write_record(["id", "founding_year", "founded", "jenis", "code", "status"])?;
            for k in &reg.records {
                let s: Status = assess_status(k, as_of, &policy);
                w.write_record([
                    k.source_id.clone().unwrap_or_default(),
                    k.founding_year().map(|y| y.to_string()).unwrap_or_default(),
                    k.founded().map(|d| d.to_string()).unwrap_or_default(),
                    k.jenis.map(|j| j.code().to_string()).unwrap_or_default(),
                    k.location.code.map(|c| c.to_string()).unwrap_or_default(),
                    s.code().to_string(),
                ])?;
            }
            w.flush()?;
        }
    }
    Ok(())
}

/// J3 (see `Job::J3`).
fn j3(members: &PathBuf, pools: &PathBuf, out: &PathBuf) -> Result<(), Box<dyn Error>> {
    let mut pool_rows: Vec<(String, Vec<String>, i64)> = Vec::new();
    for r in csv::Reader::from_path(pools)?.records() {
        let r = r?;
        let get = |i: usize| r.get(i).ok_or("shu_pools.csv: short row");
        pool_rows.push((
            get(0)?.to_string(),
            get(1)?.split('+').map(str::to_string).collect(),
            get(2)?.parse()?,
        ));
    }
    let mut rdr = csv::Reader::from_path(members)?;
    let headers = rdr.byte_headers()?.clone();
    let col = |name: &str| -> Result<usize, Box<dyn Error>> {
        headers
            .iter()
            .position(|h| h == name.as_bytes())
            .ok_or_else(|| format!("members.csv has no column {name}").into())
    };
    // Every base column named by a pool, each member's value in sen (whole rupiah x 100).
    let mut names: Vec<String> = pool_rows.iter().flat_map(|p| p.1.clone()).collect();
    names.sort();
    names.dedup();
    let idx: Vec<usize> = names.iter().map(|n| col(n)).collect::<Result<_, _>>()?;
    let mut columns: Vec<Vec<i64>> = vec![Vec::new(); names.len()];
    let mut rec = csv::ByteRecord::new();
    while rdr.read_byte_record(&mut rec)? {
        for (c, i) in columns.iter_mut().zip(&idx) {
            let v = rec.get(*i).ok_or("members.csv: short row")?;
            let rupiah: i64 = std::str::from_utf8(v)?.parse()?;
            c.push(rupiah.checked_mul(100).ok_or("base overflows")?);
        }
    }
    let n = columns.first().map_or(0, Vec::len);
    let mut w = csv::Writer::from_path(out)?;
    w.write_record([
        "pool",
        "amount_sen",
        "distributed",
        "extra_sen_members",
        "weighted",
    ])?;
    let mut bases = vec![0i64; n];
    for (pool, base, amount) in &pool_rows {
        bases.iter_mut().for_each(|b| *b = 0);
        for name in base {
            let c = names
                .iter()
                .position(|x| x == name)
                .and_then(|i| columns.get(i))
                .ok_or("unknown base column")?;
            for (b, v) in bases.iter_mut().zip(c) {
                *b = b.checked_add(*v).ok_or("base overflows")?;
            }
        }
        let a = apportion(Rupiah::from_sen(*amount), &bases, Rounding::Floor, true, 1)?;
        let mut distributed = 0i128;
        let mut weighted = 0i128;
        for (i, x) in a.amounts.iter().enumerate() {
            let x = i128::from(x.sen());
            distributed += x;
            weighted += x * ((i % 9973) as i128 + 1);
        }
        w.write_record([
            pool.clone(),
            amount.to_string(),
            distributed.to_string(),
            a.adjusted.to_string(),
            weighted.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
