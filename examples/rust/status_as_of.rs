//! Read a register, assess every cooperative as of a date, and count by kecamatan and status.
//! Run: cargo run -p koperasi --features samples --example status_as_of
use koperasi::io::{ReadOptions, read_register};
use koperasi::register::{Field, ReasonCount};
use koperasi::status::StatusPolicy;
use koperasi::{NaiveDate, samples};

fn main() -> Result<(), koperasi::Error> {
    // A register as an office keeps it: `;`, Indonesian headers and dates, one column per RAT book year.
    let office_file = "Nama Koperasi;Tanggal Badan Hukum;Kecamatan;RAT 2023;RAT 2024\n\
                       KSP Maju;1 Februari 2010;Bogor Barat;20/04/2024;15 Maret 2025\n\
                       Kop Tidur;01/02/2012;Tanah Sareal;tidak;tidak\n\
                       Kop Lama;2015-06-01;Bogor Timur;ya;\n";
    let options = ReadOptions {
        delimiter: Some(b';'),
        ..ReadOptions::default()
    };
    let (register, read) = read_register(office_file.as_bytes(), &options)?;
    println!(
        "{} rows read, {} rejected",
        read.rows_read,
        read.rejected.len()
    );

    let as_of: NaiveDate = koperasi::locale::parse_date("1 Juli 2025")?;
    let policy = StatusPolicy::office();
    for (k, a) in register
        .records
        .iter()
        .zip(register.assess_all(as_of, &policy))
    {
        let why: Vec<&str> = a.reasons.iter().map(|r| r.detail_id.as_str()).collect();
        println!(
            "{:<10} {:<12} {}",
            k.name,
            a.status.label_id(),
            why.join("; ")
        );
    }
    let table = register.count_by(&[Field::Kecamatan, Field::Status], as_of, &policy);
    for (keys, n) in &table.rows {
        let keys: Vec<&str> = keys
            .iter()
            .map(|k| k.as_deref().unwrap_or("(unknown)"))
            .collect();
        println!("{:<40} {n:>4}", keys.join(" / "));
    }

    // The real Kota Bogor register has no RAT columns: status cannot be assessed, and says why.
    let (bogor, _) = read_register(
        samples::BOGOR_REGISTER_CSV.as_bytes(),
        &ReadOptions::default(),
    )?;
    for r in ReasonCount::tally(bogor.assess_all(as_of, &policy)) {
        println!("Kota Bogor: {:?} {} x{}", r.status, r.code, r.count);
    }
    Ok(())
}
