//! Read the embedded Kota Bogor register, resolve kecamatan codes, and count by kecamatan.
//! Run: cargo run -p koperasi --features samples --example status_as_of
use koperasi::io::{ReadOptions, read_register};
use koperasi::register::Field;
use koperasi::status::StatusPolicy;
use koperasi::{NaiveDate, samples};

fn main() -> Result<(), koperasi::Error> {
    let (register, read) = read_register(
        samples::BOGOR_REGISTER_CSV.as_bytes(),
        &ReadOptions::default(),
    )?;
    println!(
        "{} rows read, {} rejected",
        read.rows_read,
        read.rejected.len()
    );
    let as_of: NaiveDate = koperasi::locale::parse_date("15 Agustus 2022")?;
    let counts = register.count_by(&[Field::Kecamatan], as_of, &StatusPolicy::national());
    for (keys, n) in &counts.rows {
        println!(
            "{:<28} {n:>4}",
            keys.first()
                .cloned()
                .flatten()
                .as_deref()
                .unwrap_or("(unknown)")
        );
    }
    Ok(())
}
