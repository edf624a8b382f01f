//! `kopjobs`: the koperasi side of the side-by-side jobs of issue 7, through the public Rust API,
//! and the practical limits (parse only, sum only). Driven by `benches/compare/run.sh`; each job
//! writes its result as CSV so the script can check that every implementation agrees.
//!
//! ```text
//! kopjobs j1 --register register.csv --as-of 2025-07-31 --out j1.csv
//! kopjobs j2 --register register.csv --first 2015-08 --months 120 --out j2.csv
//! kopjobs parse-only --register register.csv
//! kopjobs sum-only --members members.csv
//! kopjobs dump --register register.csv --as-of 2025-07-31 --out records.csv
//! ```
#![forbid(unsafe_code)]

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use koperasi::io::{ReadOptions, read_register};
use koperasi::register::{Field, Register};
use koperasi::status::{Status, StatusPolicy, assess_status};
use std::error::Error;
use std::path::PathBuf;

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    job: Job,
}

#[derive(Subcommand)]
enum Job {
    /// J1: read the register, assess status as of a date under the national preset, count by
    /// provinsi x jenis x status (`Register::count_by`). CSV: provinsi,jenis,status,count.
    J1 {
        #[arg(long)]
        register: PathBuf,
        #[arg(long, default_value = "2025-07-31")]
        as_of: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// J2: read the register, status counts at each month end (`Register::status_counts` per
    /// month). CSV: as_of,status,count.
    J2 {
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
    // TODO(lead, after issue 5 / SHU lands): a `J3 { members, pools, out }` job that reads
    // members.csv and shu_pools.csv (pool,base,amount_sen; base = columns joined by `+`),
    // distributes each pool with `koperasi::shu` (exact, largest remainder, ties in file order)
    // and writes pool,amount_sen,distributed,extra_sen_members,weighted exactly as
    // benches/compare/jobs_polars.py j3 does (weighted = sum of amount_i * (i % 9973 + 1), i the
    // 0-based member position). run.sh runs it as soon as `kopjobs j3 --help` succeeds, with
    // `--members M --pools P --out O`, and compare.py checks it against polars and pandas.
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

fn read(path: &PathBuf) -> Result<Register, Box<dyn Error>> {
    let f = std::fs::File::open(path)?;
    let (register, _report) = read_register(f, &ReadOptions::default())?;
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
    match cli.job {
        Job::J1 {
            register,
            as_of,
            out,
        } => {
            let as_of = date(&as_of)?;
            let reg = read(&register)?;
            let t = reg.count_by(
                &[Field::Provinsi, Field::Jenis, Field::Status],
                as_of,
                &policy,
            );
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
            register,
            first,
            months,
            out,
        } => {
            let (y, m) = first.split_once('-').ok_or("--first is YYYY-MM")?;
            let (y, m): (i32, u32) = (y.parse()?, m.parse()?);
            let reg = read(&register)?;
            let mut w = csv::Writer::from_path(out)?;
            w.write_record(["as_of", "status", "count"])?;
            for i in 0..months {
                let as_of = month_end(y, m, i).ok_or("month out of range")?;
                for (s, n) in reg.status_counts(as_of, &policy) {
                    w.write_record([as_of.to_string(), s.code().to_string(), n.to_string()])?;
                }
            }
            w.flush()?;
        }
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
            let reg = read(&register)?;
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
