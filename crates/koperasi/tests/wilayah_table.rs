//! The embedded Kemendagri 2025 table and name look-ups, checked against real names.
//!
//! Expected counts and codes were taken independently from
//! `wilayah_2025_full.csv` (cahyadsn/wilayah, Kepmendagri 300.2.2-2138/2025) with python3/grep,
//! and the names from the real East Java and Kota Bogor files.

use koperasi::error::WilayahError;
use koperasi::wilayah::{KodeWilayah, Level, TABLE_VERSION, normalize_name, table};

#[allow(clippy::unwrap_used)] // test helper
fn k(s: &str) -> KodeWilayah {
    KodeWilayah::parse(s).unwrap()
}

#[test]
fn counts_per_level() {
    let t = table();
    assert_eq!(t.count(Level::Provinsi), 38);
    assert_eq!(t.count(Level::KabupatenKota), 514);
    assert_eq!(t.count(Level::Kecamatan), 7285);
    #[cfg(feature = "desa")]
    assert_eq!(t.count(Level::DesaKelurahan), 83_762);
    #[cfg(not(feature = "desa"))]
    assert_eq!(t.count(Level::DesaKelurahan), 0);
    assert_eq!(TABLE_VERSION, "2025");
}

#[test]
fn balikpapan_and_bontang() {
    let t = table();
    assert_eq!(t.get(&k("64")).unwrap().name, "Kalimantan Timur");
    assert_eq!(t.get(&k("64.71")).unwrap().name, "Kota Balikpapan");
    assert_eq!(t.get(&k("64.72")).unwrap().name, "Kota Samarinda");
    assert_eq!(t.get(&k("64.74")).unwrap().name, "Kota Bontang");
    let kec: Vec<(String, String)> = t
        .children(&k("64.71"))
        .iter()
        .map(|w| (w.code.to_string(), w.name.clone()))
        .collect();
    let expected = [
        ("64.71.01", "Balikpapan Timur"),
        ("64.71.02", "Balikpapan Barat"),
        ("64.71.03", "Balikpapan Utara"),
        ("64.71.04", "Balikpapan Tengah"),
        ("64.71.05", "Balikpapan Selatan"),
        ("64.71.06", "Balikpapan Kota"),
    ];
    assert_eq!(
        kec,
        expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    );
    let w = t.find_kab_kota("Balikpapan", None).unwrap();
    assert_eq!(w.code, k("64.71"));
    let w = t
        .find_kecamatan("Balikpapan Timur", Some(&k("64.71")))
        .unwrap();
    assert_eq!(w.code, k("64.71.01"));
    assert_eq!(
        t.find_kab_kota("Bontang", Some(&k("64"))).unwrap().code,
        k("64.74")
    );
}

#[cfg(feature = "desa")]
#[test]
fn balikpapan_kelurahan() {
    let t = table();
    assert_eq!(t.get(&k("64.71.06.1001")).unwrap().name, "Prapatan");
    // the 2025 table writes "Sungainangka" (DOMAIN.md 6.3 quotes "Sungai Nangka" from older lists)
    assert_eq!(t.get(&k("64.71.05.1010")).unwrap().name, "Sungainangka");
    let w = t.find_desa("Sungai Nangka", Some(&k("64.71.05"))).unwrap();
    assert_eq!(w.code, k("64.71.05.1010"));
    let w = t.find_desa("Kel. Prapatan", Some(&k("64.71.06"))).unwrap();
    assert_eq!(w.code, k("64.71.06.1001"));
    assert_eq!(w.code.is_kelurahan(), Some(true));
}

/// The desa level given as a separate file (how the npm package gets it): the same rows as the
/// `desa` feature embeds, so Balikpapan's kelurahan resolve in any build; a table that is not
/// desa rows is refused with its line.
#[cfg(not(feature = "desa"))]
#[test]
#[allow(clippy::unwrap_used)]
fn desa_level_from_a_separate_file() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/wilayah/wilayah_2025_desa.csv"
    );
    let t =
        koperasi::wilayah::Table::with_desa_csv(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(t.count(Level::DesaKelurahan), 83_762);
    assert_eq!(t.count(Level::Kecamatan), 7285);
    assert_eq!(t.get(&k("64.71.06.1001")).unwrap().name, "Prapatan");
    let w = t.find_desa("Sungai Nangka", Some(&k("64.71.05"))).unwrap();
    assert_eq!(w.code, k("64.71.05.1010"));
    let kec = "kode,nama,level\n64.71.99,Nowhere,kecamatan\n";
    let e = koperasi::wilayah::Table::with_desa_csv(kec).unwrap_err();
    assert!(matches!(e, WilayahError::BadTable { line: 2, .. }), "{e}");
    let header_only = koperasi::wilayah::Table::with_desa_csv("kode,nama,level\n").unwrap_err();
    assert!(
        matches!(header_only, WilayahError::BadTable { line: 0, .. }),
        "{header_only}"
    );
}

/// The 38 names of the column `KABUPATEN / KOTA` of the East Java quarterly file
/// (koperasi_jatim_kabkota_2018Q4_2025Q2.csv), with the codes of the Kemendagri table.
const JATIM: [(&str, &str); 38] = [
    ("Kabupaten Pacitan", "35.01"),
    ("Kabupaten Ponorogo", "35.02"),
    ("Kabupaten Trenggalek", "35.03"),
    ("Kabupaten Tulungagung", "35.04"),
    ("Kabupaten Blitar", "35.05"),
    ("Kabupaten Kediri", "35.06"),
    ("Kabupaten Malang", "35.07"),
    ("Kabupaten Lumajang", "35.08"),
    ("Kabupaten Jember", "35.09"),
    ("Kabupaten Banyuwangi", "35.10"),
    ("Kabupaten Bondowoso", "35.11"),
    ("Kabupaten Situbondo", "35.12"),
    ("Kabupaten Probolinggo", "35.13"),
    ("Kabupaten Pasuruan", "35.14"),
    ("Kabupaten Sidoarjo", "35.15"),
    ("Kabupaten Mojokerto", "35.16"),
    ("Kabupaten Jombang", "35.17"),
    ("Kabupaten Nganjuk", "35.18"),
    ("Kabupaten Madiun", "35.19"),
    ("Kabupaten Magetan", "35.20"),
    ("Kabupaten Ngawi", "35.21"),
    ("Kabupaten Bojonegoro", "35.22"),
    ("Kabupaten Tuban", "35.23"),
    ("Kabupaten Lamongan", "35.24"),
    ("Kabupaten Gresik", "35.25"),
    ("Kabupaten Bangkalan", "35.26"),
    ("Kabupaten Sampang", "35.27"),
    ("Kabupaten Pamekasan", "35.28"),
    ("Kabupaten Sumenep", "35.29"),
    ("Kota Kediri", "35.71"),
    ("Kota Blitar", "35.72"),
    ("Kota Malang", "35.73"),
    ("Kota Probolinggo", "35.74"),
    ("Kota Pasuruan", "35.75"),
    ("Kota Mojokerto", "35.76"),
    ("Kota Madiun", "35.77"),
    ("Kota Surabaya", "35.78"),
    ("Kota Batu", "35.79"),
];

#[test]
fn jatim_kab_kota_resolve_with_and_without_province() {
    let t = table();
    let jatim = t.find_provinsi("Jawa Timur").unwrap().code;
    assert_eq!(jatim, k("35"));
    for (name, code) in JATIM {
        let w = t.find_kab_kota(name, Some(&jatim)).unwrap();
        assert_eq!(w.code, k(code), "{name}");
        let w = t.find_kab_kota(name, None).unwrap();
        assert_eq!(w.code, k(code), "{name} without province");
        assert_eq!(w.level, Level::KabupatenKota);
    }
}

#[test]
fn kabupaten_prefix_forms_and_kota_distinct() {
    let t = table();
    for s in [
        "KAB. MALANG",
        "Kabupaten Malang",
        "kab malang",
        "Kab.Malang",
        "  KABUPATEN   MALANG ",
    ] {
        assert_eq!(t.find_kab_kota(s, None).unwrap().code, k("35.07"), "{s}");
    }
    for s in [
        "Kota Malang",
        "KOTA MALANG",
        "Kodya Malang",
        "Kotamadya Malang",
    ] {
        assert_eq!(t.find_kab_kota(s, None).unwrap().code, k("35.73"), "{s}");
    }
    assert_eq!(normalize_name("KAB. MALANG"), normalize_name("kab malang"));
    assert_ne!(
        normalize_name("Kota Malang"),
        normalize_name("Kabupaten Malang")
    );
}

#[test]
fn bare_names_of_both_a_kabupaten_and_a_kota_are_ambiguous() {
    let t = table();
    let jatim = k("35");
    for (name, kab, kota) in [
        ("Malang", "35.07", "35.73"),
        ("Kediri", "35.06", "35.71"),
        ("Blitar", "35.05", "35.72"),
        ("Madiun", "35.19", "35.77"),
        ("Mojokerto", "35.16", "35.76"),
        ("Pasuruan", "35.14", "35.75"),
        ("Probolinggo", "35.13", "35.74"),
    ] {
        for within in [None, Some(&jatim)] {
            match t.find_kab_kota(name, within) {
                Err(WilayahError::Ambiguous { candidates, .. }) => {
                    assert_eq!(candidates.len(), 2, "{name}");
                    assert!(candidates[0].starts_with(kab), "{candidates:?}");
                    assert!(candidates[1].starts_with(kota), "{candidates:?}");
                }
                other => panic!("{name}: {other:?}"),
            }
        }
    }
    let e = t.find_kab_kota("Malang", None).unwrap_err();
    assert_eq!(e.code(), "wilayah_ambiguous");
}

#[test]
fn bogor_kecamatan_within_kota_bogor() {
    let t = table();
    let kota_bogor = t.find_kab_kota("Kota Bogor", None).unwrap().code;
    assert_eq!(kota_bogor, k("32.71"));
    assert_eq!(
        t.find_kab_kota("Kabupaten Bogor", None).unwrap().code,
        k("32.01")
    );
    // the six values of the `kecamatan` column of koperasi_kota_bogor_2022.csv
    for (name, code) in [
        ("Bogor Selatan", "32.71.01"),
        ("Bogor Timur", "32.71.02"),
        ("Bogor Tengah", "32.71.03"),
        ("Bogor Barat", "32.71.04"),
        ("Bogor Utara", "32.71.05"),
        ("Tanah Sareal", "32.71.06"),
    ] {
        let w = t.find_kecamatan(name, Some(&kota_bogor)).unwrap();
        assert_eq!(w.code, k(code), "{name}");
        // also restricted to the province only
        let w = t.find_kecamatan(name, Some(&k("32"))).unwrap();
        assert_eq!(w.code, k(code), "{name} in Jawa Barat");
    }
    // a spelling variant and prefixed forms
    let w = t.find_kecamatan("Tanah Sereal", Some(&kota_bogor)).unwrap();
    assert_eq!(w.code, k("32.71.06"));
    let w = t
        .find_kecamatan("KEC. BOGOR BARAT", Some(&kota_bogor))
        .unwrap();
    assert_eq!(w.code, k("32.71.04"));
    let w = t
        .find_kecamatan("Kecamatan Tanahsareal", Some(&kota_bogor))
        .unwrap();
    assert_eq!(w.code, k("32.71.06"));
    // not inside Kota Surabaya
    assert!(matches!(
        t.find_kecamatan("Bogor Barat", Some(&k("35.78"))),
        Err(WilayahError::NotFound { .. })
    ));
}

#[test]
fn spacing_variants_and_former_names() {
    let t = table();
    // official 2025 spellings: "Kota Pangkal Pinang" 19.71, "Kota Bau Bau" 74.72,
    // "Kabupaten Batu Bara" 12.19, "Kabupaten Toli-Toli" 72.04, "Kabupaten Kotabaru" 63.02
    assert_eq!(
        t.find_kab_kota("Kota Pangkalpinang", None).unwrap().code,
        k("19.71")
    );
    assert_eq!(
        t.find_kab_kota("Pangkal Pinang", None).unwrap().code,
        k("19.71")
    );
    assert_eq!(
        t.find_kab_kota("Kota Baubau", None).unwrap().code,
        k("74.72")
    );
    assert_eq!(
        t.find_kab_kota("Kab. Batubara", None).unwrap().code,
        k("12.19")
    );
    assert_eq!(
        t.find_kab_kota("Kabupaten Tolitoli", None).unwrap().code,
        k("72.04")
    );
    assert_eq!(t.find_kab_kota("Kota Baru", None).unwrap().code, k("63.02"));
    assert_eq!(
        t.find_kab_kota("Kabupaten Toba Samosir", None)
            .unwrap()
            .code,
        k("12.12")
    );
    assert_eq!(
        t.find_kab_kota("Kab. Mamuju Utara", None).unwrap().code,
        k("76.01")
    );
    // Kota Administrasi Jakarta Utara (31.72; name has a trailing space in the source)
    assert_eq!(
        t.find_kab_kota("Jakarta Utara", None).unwrap().code,
        k("31.72")
    );
    assert_eq!(
        t.get(&k("31.72")).unwrap().name,
        "Kota Administrasi Jakarta Utara"
    );
    assert_eq!(
        t.find_kab_kota("Kota Jakarta Pusat", None).unwrap().code,
        k("31.71")
    );
    assert!(matches!(
        t.find_kab_kota("Atlantis", None),
        Err(WilayahError::NotFound { .. })
    ));
}

#[test]
fn province_names_and_short_forms() {
    let t = table();
    for (name, code) in [
        ("Jawa Timur", "35"),
        ("JAWA TIMUR", "35"),
        ("Jatim", "35"),
        ("Provinsi Jawa Timur", "35"),
        ("DKI Jakarta", "31"),
        ("Jakarta", "31"),
        ("Daerah Khusus Ibukota Jakarta", "31"),
        ("DI Yogyakarta", "34"),
        ("Kaltim", "64"),
        ("Kalimantan Timur", "64"),
        ("Papua Barat Daya", "96"),
        ("Kep. Bangka Belitung", "19"),
        ("NTB", "52"),
    ] {
        assert_eq!(t.find_provinsi(name).unwrap().code, k(code), "{name}");
    }
}

#[test]
fn every_variant_resolves_uniquely() {
    // every line of data/wilayah/name_variants.csv must name a region of the table
    let text = include_str!("../data/wilayah/name_variants.csv");
    let t = table();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let r = match f[0] {
            "provinsi" => t.find_provinsi(f[1]),
            "kabupaten_kota" => t.find_kab_kota(f[1], None),
            "kecamatan" => t.find_kecamatan(f[1], Some(&k("32.71"))),
            other => panic!("level {other}"),
        };
        let w = r.unwrap_or_else(|e| panic!("{line}: {e}"));
        // The official name is written without `Kabupaten`/`Kota` (`Padangsidimpuan` is the
        // Kota).
        let bare = normalize_name(&w.name);
        let bare = bare
            .strip_prefix("kabupaten ")
            .or_else(|| bare.strip_prefix("kota "));
        assert_eq!(
            bare.map_or_else(|| normalize_name(&w.name), str::to_string),
            normalize_name(f[2]),
            "{line}"
        );
    }
}

#[test]
fn every_kab_kota_name_of_the_table_finds_itself() {
    let t = table();
    for w in t.iter() {
        let found = match w.level {
            Level::Provinsi => t.find_provinsi(&w.name),
            Level::KabupatenKota => t.find_kab_kota(&w.name, None),
            Level::Kecamatan => t.find_kecamatan(&w.name, w.code.kab_kota().as_ref()),
            Level::DesaKelurahan => continue,
        };
        match found {
            Ok(f) => assert_eq!(f.code, w.code, "{}", w.name),
            // a kab/kota can hold two kecamatan of the same name only if the table says so
            Err(WilayahError::Ambiguous { candidates, .. }) => {
                assert!(
                    candidates
                        .iter()
                        .any(|c| c.starts_with(&w.code.to_string()))
                )
            }
            Err(e) => panic!("{} {}: {e}", w.code, w.name),
        }
    }
}

#[test]
fn children_and_search() {
    let t = table();
    assert_eq!(t.children(&k("35")).len(), 38);
    assert_eq!(t.children(&k("32.71")).len(), 6);
    let jatim_kab = t.children(&k("35"));
    assert!(jatim_kab.windows(2).all(|p| p[0].code < p[1].code));
    // code search: exact first, then the children by prefix
    let r = t.search("64.71");
    assert_eq!(r[0].code, k("64.71"));
    assert_eq!(r[1].code, k("64.71.01"));
    let r = t.search("6471");
    assert_eq!(r[0].code, k("64.71"));
    // name search: exact before prefix/substring; a bare name finds both kab and kota
    let r = t.search("malang");
    let codes: Vec<String> = r.iter().take(2).map(|w| w.code.to_string()).collect();
    assert_eq!(codes, ["35.07", "35.73"]);
    let r = t.search("Balikpapan");
    assert_eq!(r[0].code, k("64.71"));
    assert!(r.iter().any(|w| w.code == k("64.71.01")));
    assert!(t.search("balikp").iter().any(|w| w.code == k("64.71")));
    assert!(
        t.search("Tanah Sereal")
            .iter()
            .any(|w| w.code == k("32.71.06"))
    );
    assert!(t.search("").is_empty());
    assert!(t.search("a").len() <= 50);
}

#[test]
fn malformed_tables_are_errors() {
    use koperasi::wilayah::Table;
    let ok = Table::from_csv_str(
        "kode,nama,level\n64,Kalimantan Timur,provinsi\n64.71,Kota Balikpapan,kabupaten_kota\n",
    )
    .unwrap();
    assert_eq!(ok.len(), 2);
    assert_eq!(
        ok.find_kab_kota("Balikpapan", None).unwrap().code,
        k("64.71")
    );
    for bad in [
        "kode,nama\n64,X\n",
        "kode,nama,level\n6x,X,provinsi\n",
        "kode,nama,level\n64,X,kecamatan\n",
        "kode,nama,level\n64,X,provinsi\n64,Y,provinsi\n",
        "kode,nama,level\n64,X,planet\n",
    ] {
        let e = Table::from_csv_str(bad).unwrap_err();
        assert_eq!(e.code(), "wilayah_bad_table", "{bad}");
    }
}
