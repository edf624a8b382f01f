//! Duplicate detection on rows of the Kota Bogor 2022 register (values copied verbatim from
//! `data/kota-bogor-koperasi-register/koperasi_kota_bogor_2022.csv`, with their CSV start
//! lines), plus synthetic NIK and abbreviation cases. Expected groups were found with a
//! separate python3 script over the CSV (upper-case, collapse whitespace).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::cooperative::Koperasi;
use koperasi::identity::{NikKoperasi, NomorBadanHukum};
use koperasi::register::{DuplicateKey, Register, normalize_coop_name};

/// (id_koperasi, CSV start line, nama_koperasi, nomor_bh, kecamatan)
const BOGOR_ROWS: &[(&str, u64, &str, &str, &str)] = &[
    (
        "3",
        4,
        "Koperasi Pegawai Republik Indonesia Madrasah Tsanawiah \nNegeri Bogor AL AMANAH",
        "01/BH/KDK.1022/I/2001",
        "Bogor Utara",
    ),
    (
        "8",
        10,
        "KOPERASI KONSUMEN KELUARGA BESAR PANTANG \nMENYERAH KBPM NUSANTARA",
        "009192/BH/M.KUKM.2/VII/2018",
        "Bogor Utara",
    ),
    (
        "13",
        16,
        "Koperasi Karyawan Puspa Kencana",
        "518/14/BH/PERINDAGKOP",
        "Bogor Tengah",
    ),
    (
        "39",
        45,
        "Koperasi Serba Usaha Karya Mandiri",
        "518/15/BH/PERINDAGKOP",
        "Bogor Timur",
    ),
    (
        "50",
        56,
        "KOPERASI KONSUMEN KPRI PASCAPANEN",
        "518/13/BH/PERINDAGKOP",
        "Bogor Tengah",
    ),
    (
        "70",
        81,
        "KSPPS Kebajikan Ikamatabagsel Sejahtera",
        "003003/BH/M.KUKM/2/I/2017",
        "Bogor Barat",
    ),
    (
        "81",
        95,
        "Koperasi Serba Usaha Karya Mandiri",
        "518/15/BH/DIPERINDAGKOP",
        "Tanah Sareal",
    ),
    (
        "135",
        152,
        "Koperasi Serba Usaha Pembangunan Lingkungan dan Ekonomi \nMasyarakat",
        "518/13/BH/PERINDAGKOP",
        "Tanah Sareal",
    ),
    (
        "136",
        154,
        "KOPASGO",
        "8621/BH/PAD/KWK.10/II/98",
        "Tanah Sareal",
    ),
    (
        "145",
        163,
        "KBMT TABUNG UMAT",
        "519/19/BH/PERINDAGKOP/2003",
        "Tanah Sareal",
    ),
    (
        "164",
        182,
        "KBMT Tabung Umat",
        "518/19/PERINDAGKOP",
        "Tanah Sareal",
    ),
    (
        "169",
        187,
        "Koperasi Karyawan PT.Jamsostek",
        "8621/BH/PAD/KWK.10/II/98",
        "Tanah Sareal",
    ),
    (
        "244",
        277,
        "Koperasi Kebajikan Ikamatabagsel Sejahtera",
        "003003/BH/M.KUKM.2/I/2017",
        "Bogor Barat",
    ),
    (
        "290",
        327,
        "Koperasi Teratai \" Hotel Salak \"",
        "518/13/BH/PERINDAGKOP",
        "Bogor Tengah",
    ),
    (
        "302",
        339,
        "Koperasi Karyawan Permata Bank",
        "518/14/BH/PERINDAGKOP",
        "Bogor Tengah",
    ),
];

fn bogor() -> Register {
    Register {
        records: BOGOR_ROWS
            .iter()
            .map(|(id, line, name, bh, kec)| {
                let mut k = Koperasi::new(*name);
                k.source_id = Some(id.to_string());
                k.source_line = Some(*line);
                k.badan_hukum = NomorBadanHukum::parse(bh);
                k.location.kecamatan = Some(kec.to_string());
                k
            })
            .collect(),
    }
}

fn ids(r: &Register, idx: &[usize]) -> Vec<String> {
    idx.iter()
        .map(|&i| r.records[i].source_id.clone().unwrap())
        .collect()
}

#[test]
fn same_badan_hukum_on_two_cooperatives_is_reported() {
    let r = bogor();
    let groups = r.duplicates();
    let bh: Vec<_> = groups
        .iter()
        .filter(|g| g.key == DuplicateKey::BadanHukum)
        .collect();
    let find = |members: &[&str]| {
        bh.iter()
            .find(|g| ids(&r, &g.records) == members)
            .unwrap_or_else(|| panic!("no group {members:?} in {bh:?}"))
    };
    let g = find(&["13", "302"]);
    assert_eq!(g.value, "518/14/BH/PERINDAGKOP");
    assert_eq!(g.lines, [Some(16), Some(339)]);
    let g = find(&["136", "169"]);
    assert_eq!(g.value, "8621/BH/PAD/KWK.10/II/98");
    assert_eq!(g.lines, [Some(154), Some(187)]);
    let g = find(&["50", "135", "290"]);
    assert_eq!(g.lines, [Some(56), Some(152), Some(327)]);
    // Groups by first record index.
    let firsts: Vec<usize> = bh.iter().map(|g| g.records[0]).collect();
    let mut sorted = firsts.clone();
    sorted.sort();
    assert_eq!(firsts, sorted);
    // Nothing is dropped.
    assert_eq!(r.records.len(), 15);
}

#[test]
fn same_name_groups() {
    let r = bogor();
    let names: Vec<_> = r
        .duplicates()
        .into_iter()
        .filter(|g| g.key == DuplicateKey::Name)
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert_eq!(ids(&r, &names[0].records), ["39", "81"]);
    assert_eq!(names[0].value, "KOPERASI SERBA USAHA KARYA MANDIRI");
    assert_eq!(ids(&r, &names[1].records), ["145", "164"]);
    assert_eq!(names[1].value, "KBMT TABUNG UMAT");
    assert_eq!(names[1].lines, [Some(163), Some(182)]);
}

#[test]
fn nik_groups_come_first_and_records_can_be_in_several_groups() {
    let mut r = bogor();
    let nik = NikKoperasi::parse("3271010010001").unwrap();
    r.records[3].nik = nik.clone(); // id 39
    r.records[6].nik = nik; // id 81
    let g = r.duplicates();
    assert_eq!(g[0].key, DuplicateKey::Nik);
    assert_eq!(g[0].value, "3271010010001");
    assert_eq!(ids(&r, &g[0].records), ["39", "81"]);
    assert!(g.iter().skip(1).all(|x| x.key != DuplicateKey::Nik));
    // 39 and 81 are also a name group; kinds appear in order NIK, badan hukum, name.
    let kinds: Vec<_> = g.iter().map(|x| x.key).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted);
    assert!(
        g.iter()
            .any(|x| x.key == DuplicateKey::Name && ids(&r, &x.records) == ["39", "81"])
    );
}

#[test]
fn deterministic() {
    let r = bogor();
    assert_eq!(r.duplicates(), r.duplicates());
    assert_eq!(r.duplicates(), r.clone().duplicates());
    assert!(Register::default().duplicates().is_empty());
}

#[test]
fn name_normalisation() {
    assert_eq!(
        normalize_coop_name(
            "Koperasi Pegawai Republik Indonesia Madrasah Tsanawiah \nNegeri Bogor AL AMANAH"
        ),
        "KOPERASI PEGAWAI REPUBLIK INDONESIA MADRASAH TSANAWIAH NEGERI BOGOR AL AMANAH"
    );
    assert_eq!(
        normalize_coop_name("Koperasi Teratai \" Hotel Salak \""),
        "KOPERASI TERATAI HOTEL SALAK"
    );
    assert_eq!(
        normalize_coop_name("Koperasi Karyawan PT.Jamsostek"),
        "KOPERASI KARYAWAN PT JAMSOSTEK"
    );
    assert_eq!(
        normalize_coop_name("KBMT Tabung Umat"),
        normalize_coop_name("KBMT TABUNG UMAT")
    );
    assert_eq!(
        normalize_coop_name("\t Kop. Karya\r\nMandiri "),
        "KOPERASI KARYA MANDIRI"
    );
    assert_eq!(
        normalize_coop_name("KSP Maju"),
        normalize_coop_name("Koperasi Simpan Pinjam Maju")
    );
    assert_eq!(
        normalize_coop_name("ksp. maju"),
        "KOPERASI SIMPAN PINJAM MAJU"
    );
    assert_eq!(
        normalize_coop_name("KPRI Tantri"),
        "KOPERASI PEGAWAI REPUBLIK INDONESIA TANTRI"
    );
    // Never merged: a dropped word, an abbreviation inside the name, a different prefix form.
    assert_ne!(
        normalize_coop_name("Koperasi Maju"),
        normalize_coop_name("Maju")
    );
    assert_ne!(
        normalize_coop_name("KOPERASI KONSUMEN KPRI PASCAPANEN"),
        "KOPERASI KONSUMEN KOPERASI PEGAWAI REPUBLIK INDONESIA PASCAPANEN"
    );
    assert_ne!(
        normalize_coop_name("KSPPS Kebajikan Ikamatabagsel Sejahtera"),
        normalize_coop_name("Koperasi Kebajikan Ikamatabagsel Sejahtera")
    );
    assert_ne!(
        normalize_coop_name("KOPASGO"),
        normalize_coop_name("KOP ASGO")
    );
    assert_eq!(normalize_coop_name(""), "");
    assert_eq!(normalize_coop_name(" -\n "), "");
}

#[test]
fn abbreviated_and_written_out_names_group_together_but_empty_names_do_not() {
    let r = Register::new(vec![
        Koperasi::new("KSP Maju"),
        Koperasi::new("Koperasi Maju"),
        Koperasi::new("Koperasi Simpan Pinjam  Maju"),
        Koperasi::new(""),
        Koperasi::new("-"),
        Koperasi::new("Kop. Simpan Pinjam Maju"),
    ]);
    let g = r.duplicates();
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].records, [0, 2, 5]);
    assert_eq!(g[0].value, "KOPERASI SIMPAN PINJAM MAJU");
    assert_eq!(g[0].lines, [None, None, None]);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn normalisation_is_idempotent_and_ignores_case_and_spacing(s in "[a-zA-Z0-9 .,\\-\n\"]{0,40}") {
            let n = normalize_coop_name(&s);
            prop_assert_eq!(normalize_coop_name(&n), n.clone());
            let respaced = s.to_lowercase().replace(' ', " \n\t ");
            prop_assert_eq!(normalize_coop_name(&respaced), n.clone());
            prop_assert!(!n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "));
        }

        #[test]
        fn any_unicode_name_is_handled(s in "\\PC{0,30}") {
            let n = normalize_coop_name(&s);
            prop_assert_eq!(normalize_coop_name(&n), n);
        }

        #[test]
        fn groups_are_well_formed(names in proptest::collection::vec("(KSP|Koperasi Simpan Pinjam|Kop) (Maju|Jaya)|KBMT [ab]", 0..12)) {
            let r = Register::new(names.iter().map(Koperasi::new).collect());
            let g = r.duplicates();
            let mut seen = std::collections::BTreeSet::new();
            for x in &g {
                prop_assert!(x.records.len() >= 2);
                prop_assert!(x.records.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(x.records.iter().all(|&i| i < r.records.len()));
                prop_assert_eq!(x.lines.len(), x.records.len());
                for &i in &x.records {
                    prop_assert_eq!(normalize_coop_name(&r.records[i].name), x.value.clone());
                    prop_assert!(seen.insert(i), "a record is in two name groups");
                }
            }
            // Every record whose key is shared is in a group.
            for (i, k) in r.records.iter().enumerate() {
                let shared = r.records.iter().filter(|o| normalize_coop_name(&o.name) == normalize_coop_name(&k.name)).count() > 1;
                prop_assert_eq!(shared, seen.contains(&i));
            }
        }
    }
}
