//! Name normalisation for region names.

/// Kind word in front of a kabupaten/kota name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KabKind {
    Kabupaten,
    Kota,
}

/// Normalise a region name for comparison.
///
/// Steps: lower-case; apostrophes (`'`, `’`, `‘`, `` ` ``) removed (`Bola'` = `Bola`); every other
/// character that is not a letter or digit becomes a space (`Toli-Toli` = `Toli Toli`,
/// `KAB.MALANG` = `kab malang`); runs of spaces collapse; then the leading prefix word is
/// canonicalised:
/// - `Kab`, `Kab.`, `Kabupaten` become `kabupaten`; `Kota`, `Kotamadya`, `Kotamadia`, `Kodya`
///   become `kota`; an `Administrasi`/`Adm` after them is dropped (`Kota Administrasi Jakarta
///   Pusat` = `kota jakarta pusat`);
/// - `Kec`, `Kec.`, `Kecamatan`, `Kel`, `Kel.`, `Kelurahan`, `Desa`, `Ds`, `Provinsi`, `Prov`,
///   `Propinsi` are dropped (when something follows them).
///
/// So `KAB. MALANG`, `Kabupaten Malang` and `kab malang` all give `kabupaten malang`, while
/// `Kota Malang` gives `kota malang`. Never panics; the empty string gives the empty string.
pub fn normalize_name(s: &str) -> String {
    let mut cleaned = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '\'' | '\u{2019}' | '\u{2018}' | '`') {
            continue;
        }
        if ch.is_alphanumeric() {
            cleaned.extend(ch.to_lowercase());
        } else {
            cleaned.push(' ');
        }
    }
    let mut tokens: Vec<&str> = cleaned
        .split_whitespace()
        .map(|t| if t == "kep" { "kepulauan" } else { t })
        .collect();
    if tokens.len() >= 2 {
        let first = tokens.first().copied().unwrap_or_default();
        match first {
            "kab" | "kabupaten" | "kota" | "kotamadya" | "kotamadia" | "kodya" => {
                let canon = if matches!(first, "kab" | "kabupaten") {
                    "kabupaten"
                } else {
                    "kota"
                };
                if let Some(t) = tokens.first_mut() {
                    *t = canon;
                }
                if tokens.len() >= 3 && matches!(tokens.get(1), Some(&"administrasi" | &"adm")) {
                    tokens.remove(1);
                }
            }
            "kec" | "kecamatan" | "kel" | "kelurahan" | "desa" | "ds" | "provinsi" | "prov"
            | "propinsi" => {
                tokens.remove(0);
            }
            _ => {}
        }
    }
    tokens.join(" ")
}

/// Split a normalised kabupaten/kota name into its kind word and the rest:
/// `kabupaten malang` gives `(Some(Kabupaten), "malang")`, `malang` gives `(None, "malang")`.
pub(crate) fn split_kind(norm: &str) -> (Option<KabKind>, &str) {
    if let Some(rest) = norm.strip_prefix("kabupaten ") {
        (Some(KabKind::Kabupaten), rest)
    } else if let Some(rest) = norm.strip_prefix("kota ") {
        (Some(KabKind::Kota), rest)
    } else {
        (None, norm)
    }
}

/// The normalised name with its spaces removed (`pangkal pinang` gives `pangkalpinang`), the
/// fallback key for names written with or without a space.
pub(crate) fn spaceless(norm: &str) -> String {
    norm.chars().filter(|c| *c != ' ').collect()
}
