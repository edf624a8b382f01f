//! Header recognition: normalising header text and matching it against field synonyms.

/// Normalise a header for matching: lower case, every run of non-alphanumeric characters
/// becomes one `_`, trimmed of `_`. `"KABUPATEN / KOTA"` gives `"kabupaten_kota"`,
/// `"Nomor Badan Hukum"` gives `"nomor_badan_hukum"`.
pub fn normalize_header(h: &str) -> String {
    let mut out = String::with_capacity(h.len());
    let mut pending = false;
    for c in h.trim_start_matches('\u{feff}').chars() {
        if c.is_alphanumeric() {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            out.extend(c.to_lowercase());
        } else {
            pending = true;
        }
    }
    out
}

/// Find, for each field, the index of the header that names it.
///
/// `fields` lists (field name, synonyms as normalised headers). `mapping` gives explicit
/// (field, header) pairs that win over synonyms. Returns per header index the field it maps
/// to, or an error naming a mapped header that does not exist.
pub fn match_headers(
    headers: &[String],
    fields: &[(&str, &[&str])],
    mapping: &[(String, String)],
) -> Result<Vec<Option<String>>, crate::error::ReadError> {
    let norm: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let mut out: Vec<Option<String>> = vec![None; headers.len()];
    for (field, column) in mapping {
        let want = normalize_header(column);
        match norm.iter().position(|h| *h == want) {
            Some(i) => out[i] = Some(field.clone()),
            None => {
                return Err(crate::error::ReadError::BadMapping {
                    field: field.clone(),
                    column: column.clone(),
                });
            }
        }
    }
    for (field, synonyms) in fields {
        if out.iter().any(|f| f.as_deref() == Some(*field)) {
            continue;
        }
        if let Some(i) = norm
            .iter()
            .enumerate()
            .position(|(i, h)| out[i].is_none() && synonyms.contains(&h.as_str()))
        {
            out[i] = Some((*field).to_string());
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
    }
}
