//! Header recognition: normalising header text and matching it against field synonyms.

use crate::error::ReadError;
use std::collections::{HashMap, HashSet};

/// The headers of a table handed over as cells (a DataFrame or an Arrow table), as the CSV
/// reader sees them: a leading byte-order mark dropped. Errors: [`ReadError::Empty`] when every
/// header is blank.
pub(crate) fn cell_headers(headers: &[String]) -> Result<Vec<String>, ReadError> {
    let headers: Vec<String> = headers
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_string())
        .collect();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(ReadError::Empty);
    }
    Ok(headers)
}

/// Normalise a header for matching: lower case, every run of non-alphanumeric characters
/// becomes one `_`, trimmed of `_`. `"KABUPATEN / KOTA"` gives `"kabupaten_kota"`,
/// `"Nomor Badan Hukum"` gives `"nomor_badan_hukum"`; camelCase is split where a lower-case
/// letter meets an upper-case one: `"namaKoperasi"` gives `"nama_koperasi"`,
/// `"tglRAT_terakhir"` gives `"tgl_rat_terakhir"` (headers of web-system exports).
pub fn normalize_header(h: &str) -> String {
    let mut out = String::with_capacity(h.len());
    let mut pending = false;
    let mut after_lower = false;
    for c in h.trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            // camelCase: `namaKoperasi`, `tglRAT_terakhir` (web-system exports) split at a
            // lower-case letter followed by an upper-case one.
            if (pending || (after_lower && c.is_uppercase())) && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            after_lower = c.is_lowercase();
            out.extend(c.to_lowercase());
        } else {
            pending = true;
            after_lower = false;
        }
    }
    out
}

/// Find, for each header, the field it names.
///
/// `fields` lists (field name, synonyms as normalised headers, best first). `mapping` gives
/// explicit (field, header) pairs that win over synonyms. Each field is then matched by its
/// synonyms in order of preference, to a header not yet taken (so `kabupaten_kota` is
/// preferred to `provinsi` for a region, whatever the column order).
///
/// Errors: [`ReadError::UnknownField`] when the mapping names a field not in `fields`,
/// [`ReadError::BadMapping`] when it names a header that does not exist,
/// [`ReadError::ConflictingMapping`] when it maps one field twice or one header to two fields.
pub fn match_headers(
    headers: &[String],
    fields: &[(&str, &[&str])],
    mapping: &[(String, String)],
) -> Result<Vec<Option<String>>, ReadError> {
    let norm: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let mut out: Vec<Option<String>> = vec![None; headers.len()];
    for (n, (field, column)) in mapping.iter().enumerate() {
        if !fields.iter().any(|(f, _)| f == field) {
            return Err(ReadError::UnknownField {
                field: field.clone(),
                known: fields
                    .iter()
                    .map(|(f, _)| *f)
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        if mapping.iter().take(n).any(|(f, _)| f == field) {
            return Err(ReadError::ConflictingMapping {
                why: format!("field `{field}` is mapped twice"),
            });
        }
        let want = normalize_header(column);
        let Some(i) = norm.iter().position(|h| *h == want && !want.is_empty()) else {
            return Err(ReadError::BadMapping {
                field: field.clone(),
                column: column.clone(),
            });
        };
        match out.get_mut(i) {
            Some(Some(other)) => {
                return Err(ReadError::ConflictingMapping {
                    why: format!("column `{column}` is mapped to both `{other}` and `{field}`"),
                });
            }
            Some(slot) => *slot = Some(field.clone()),
            None => {}
        }
    }
    // The columns of each synonym, in order (a map, so that a file with a million unknown
    // columns is matched in linear time).
    let wanted: HashSet<&str> = fields
        .iter()
        .flat_map(|(_, syns)| syns.iter().copied())
        .collect();
    let mut columns: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, h) in norm.iter().enumerate() {
        if wanted.contains(h.as_str()) {
            columns.entry(h.as_str()).or_default().push(i);
        }
    }
    let mapped: HashSet<&str> = mapping.iter().map(|(f, _)| f.as_str()).collect();
    for (field, synonyms) in fields {
        if mapped.contains(field) {
            continue;
        }
        let pick = synonyms.iter().find_map(|syn| {
            columns.get(syn).and_then(|cols| {
                cols.iter()
                    .copied()
                    .find(|i| out.get(*i).is_some_and(Option::is_none))
            })
        });
        if let Some(slot) = pick.and_then(|i| out.get_mut(i)) {
            *slot = Some((*field).to_string());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_real_headers() {
        assert_eq!(normalize_header("KABUPATEN / KOTA"), "kabupaten_kota");
        assert_eq!(
            normalize_header("JUMLAH KOPERASI TIDAK AKTIF"),
            "jumlah_koperasi_tidak_aktif"
        );
        assert_eq!(normalize_header("\u{feff}id_koperasi"), "id_koperasi");
        assert_eq!(
            normalize_header("  Nomor Badan-Hukum "),
            "nomor_badan_hukum"
        );
    }

    #[test]
    fn splits_camel_case_of_web_exports() {
        // The headers of the real Gianyar register (tests/data/real/gianyar-koperasi-rat-terakhir).
        assert_eq!(normalize_header("namaKoperasi"), "nama_koperasi");
        assert_eq!(normalize_header("tglRAT_terakhir"), "tgl_rat_terakhir");
        assert_eq!(
            normalize_header("tglBadanHukumPendirian"),
            "tgl_badan_hukum_pendirian"
        );
        assert_eq!(normalize_header("statusNIK"), "status_nik");
        // Upper-case runs and digits are not split.
        assert_eq!(normalize_header("RAT 2023"), "rat_2023");
        assert_eq!(normalize_header("NIK"), "nik");
        assert_eq!(normalize_header("Tahun2024"), "tahun2024");
    }

    #[test]
    fn synonyms_are_preferred_in_order() {
        let h: Vec<String> = ["Provinsi", "Kab/Kota"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let fields: &[(&str, &[&str])] = &[("region", &["kab_kota", "provinsi"])];
        let m = match_headers(&h, fields, &[]).unwrap();
        assert_eq!(m, vec![None, Some("region".to_string())]);
    }

    #[test]
    fn mapping_wins_and_bad_mapping_is_an_error() {
        let h: Vec<String> = ["nama", "kec"].iter().map(|s| s.to_string()).collect();
        let fields: &[(&str, &[&str])] = &[("name", &["nama"]), ("kecamatan", &["kecamatan"])];
        let m = match_headers(&h, fields, &[("kecamatan".into(), "kec".into())]).unwrap();
        assert_eq!(
            m,
            vec![Some("name".to_string()), Some("kecamatan".to_string())]
        );
        let e = match_headers(&h, fields, &[("kecamatan".into(), "nope".into())]).unwrap_err();
        assert_eq!(e.code(), "read_bad_mapping");
        let e = match_headers(&h, fields, &[("kecamatn".into(), "kec".into())]).unwrap_err();
        assert_eq!(e.code(), "read_unknown_field");
        assert!(e.to_string().contains("kecamatn") && e.to_string().contains("kecamatan"));
        let twice = [
            ("name".into(), "nama".into()),
            ("kecamatan".into(), "nama".into()),
        ];
        assert_eq!(
            match_headers(&h, fields, &twice).unwrap_err().code(),
            "read_conflicting_mapping"
        );
        let same = [
            ("kecamatan".into(), "kec".into()),
            ("kecamatan".into(), "nama".into()),
        ];
        assert_eq!(
            match_headers(&h, fields, &same).unwrap_err().code(),
            "read_conflicting_mapping"
        );
        assert_eq!(
            match_headers(&h, fields, &[("name".into(), "".into())])
                .unwrap_err()
                .code(),
            "read_bad_mapping"
        );
    }
}
