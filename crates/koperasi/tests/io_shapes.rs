//! Published tables in every shape (wide, hierarchical SIPD, Satu Data, snapshot, key/value,
//! English headers): read right, or refused with the option that fixes it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::io::shapes::ShapeKind;
use koperasi::io::{Layout, ReadOptions, Table, detect_layout_str, read_any, read_panel};
use koperasi::stats::Period;
use koperasi::wilayah::KodeWilayah;

fn y(n: i32) -> Period {
    Period::Year(n)
}

fn real(slug: &str, file: &str) -> Vec<u8> {
    let p = format!(
        "{}/../../tests/data/real/{slug}/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn panel_of(bytes: &[u8], o: &ReadOptions) -> (koperasi::stats::Panel, koperasi::io::ReadReport) {
    match read_any(bytes, o).unwrap() {
        Table::Panel(p, r) => (p, r),
        Table::Register(_, r) => panic!("read as a register: {r:?}"),
    }
}

#[test]
fn sipd_gorontalo_is_a_hierarchy_not_a_register() {
    let bytes = real("sipd-gorontalo-koperasi", "sipd-gorontalo-koperasi.csv");
    let o = ReadOptions::default();
    assert_eq!(
        detect_layout_str(std::str::from_utf8(&bytes).unwrap(), &o).unwrap(),
        Layout::Panel
    );
    let (p, r) = panel_of(&bytes, &o);
    let shape = r.shape.clone().unwrap();
    assert_eq!(shape.kind, ShapeKind::Hierarchy);
    assert_eq!(shape.header_line, 1);
    eprintln!("{:#?}", shape);
    eprintln!(
        "{:?}",
        p.totals_by_period(&["aktif", "tidak_aktif", "total"])
    );
    eprintln!("{:?}", p.regions());
    eprintln!("notes {:?} rejected {}", r.notes, r.rejected.len());
}
