//! Telling the shape of a table from its header (and, for numbered labels, its rows).

use super::{ShapeKind, SourceRow};
use crate::error::ReadError;
use crate::io::ReadOptions;
use crate::io::headers::normalize_header;
use crate::io::panel::{self, PERIOD, REGION, YEAR};
use crate::stats::Period;

/// Normalised headers of a label column: what a row is (an indicator, a path label).
pub(crate) const LABEL_HEADERS: &[&str] = &[
    "label",
    "uraian",
    "indikator",
    "nama_indikator",
    "jenis_data",
    "rincian",
    "keterangan",
    "metric",
    "metrik",
    "item",
    "komponen",
    "variabel",
    "elemen_data",
    "nama_elemen_data",
    "judul",
    "indicator",
    "description",
];

/// Normalised headers of the single value column of a Satu Data table or a key/value summary.
pub(crate) const VALUE_HEADERS: &[&str] = &["data", "nilai", "value", "angka", "jumlah"];

/// Normalised headers of the depth column of a hierarchical table.
pub(crate) const LEVEL_HEADERS: &[&str] = &["level", "tingkat", "depth", "lvl"];

/// Normalised headers of the path column of a hierarchical table (`1.2.3`).
pub(crate) const PATH_HEADERS: &[&str] = &["path", "kode_path", "no_urut_path", "kode_uraian"];

/// Normalised headers of a unit column.
pub(crate) const UNIT_HEADERS: &[&str] = &["satuan", "unit", "satuan_data", "satuan_ukuran"];

/// The index of the first header whose normalised form is in `names` (in `names`' order).
pub(crate) fn find_col(headers: &[String], names: &[&str]) -> Option<usize> {
    let norm: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    names.iter().find_map(|n| norm.iter().position(|h| h == n))
}

/// True when a header cell is a period label (`2014`, `2024-Q1`, `Triwulan I 2024`,
/// `Des 2023`, `31/12/2024`): a column of a wide table.
pub fn is_period_header(h: &str) -> bool {
    let t = h.trim();
    t.chars().any(|c| c.is_ascii_digit()) && Period::parse(t).is_ok()
}

/// True when a row cannot be a header: one of its cells is a number that is not a period
/// label (`7`, `1.234`), as in a data row below a title block.
pub fn looks_like_data_row(cells: &[String]) -> bool {
    cells.iter().any(|c| {
        let t = c.trim();
        !t.is_empty()
            && !is_period_header(t)
            && t.chars().next().is_some_and(|c| c.is_ascii_digit())
            && crate::locale::parse_decimal(t).is_ok()
    })
}

/// What the header shows, for [`detect_shape`] and its refusals.
struct Seen {
    region: bool,
    period: bool,
    measures: bool,
    period_cols: usize,
    label: Option<usize>,
    value: bool,
    level_or_path: bool,
}

fn seen(headers: &[String], options: &ReadOptions) -> Seen {
    let fields = panel::recognise_lenient(headers, &options.mapping);
    let has = |f: &str| fields.iter().any(|x| x.as_deref() == Some(f));
    Seen {
        region: has(REGION),
        period: has(PERIOD) || has(YEAR),
        measures: fields.iter().flatten().any(|f| panel::is_measure_field(f)),
        period_cols: headers.iter().filter(|h| is_period_header(h)).count(),
        label: find_col(headers, LABEL_HEADERS),
        value: find_col(headers, VALUE_HEADERS).is_some(),
        level_or_path: find_col(headers, LEVEL_HEADERS).is_some()
            || find_col(headers, PATH_HEADERS).is_some(),
    }
}

/// True when the label column's cells are numbered with dotted paths (`1.`, `1.1.`) on at
/// least three rows, of at least two depths: a hierarchy written in its labels.
fn numbered_labels(records: &[SourceRow], label: usize) -> bool {
    let depths: Vec<usize> = records
        .iter()
        .filter_map(|(_, c)| c.get(label))
        .filter_map(|l| super::tree::numbered_depth(l))
        .collect();
    depths.len() >= 3 && depths.iter().any(|d| *d != depths[0])
}

/// The shape of a table, from its header and rows (rows may be empty: then numbered labels
/// are not looked at).
///
/// Errors: [`ReadError::UnknownLayout`] naming what was seen and the option that would fix
/// it; [`ReadError::MissingColumn`] for a table of counts by region with no period column
/// and no period given (`--period`).
pub fn detect_shape(
    headers: &[String],
    records: &[SourceRow],
    options: &ReadOptions,
) -> Result<ShapeKind, ReadError> {
    let s = seen(headers, options);
    let wide = s.period_cols >= 2 || options.wide && s.period_cols >= 1;
    let satu_data = s.value && s.region && find_col(headers, &["judul", "indikator"]).is_some();
    if satu_data && s.period {
        return Ok(ShapeKind::SatuData);
    }
    if s.label.is_some()
        && (s.level_or_path || s.label.is_some_and(|l| numbered_labels(records, l)))
        && (s.period_cols >= 1 || s.value)
    {
        return Ok(ShapeKind::Hierarchy);
    }
    if wide && (s.region || s.label.is_some()) && !s.period {
        return Ok(ShapeKind::Wide);
    }
    if s.region && s.period && s.measures {
        return Ok(ShapeKind::Long);
    }
    if s.region && s.measures && options.period.is_some() {
        return Ok(ShapeKind::Snapshot);
    }
    if s.label.is_some() && s.value && !s.region {
        return match options.period {
            Some(_) => Ok(ShapeKind::KeyValue),
            None => Err(refuse(
                headers,
                "a summary of labelled values with no period",
                "give the date of the figures with --period (e.g. --period 2024-12-31; \
                 period= in Python and JavaScript)",
            )),
        };
    }
    if s.region && s.measures {
        return Err(ReadError::MissingColumn {
            field: PERIOD.into(),
            looked_for: format!(
                "{}; or, for a one-date snapshot, give the date of the figures with --period \
                 (e.g. --period 2026-08-05; period= in Python and JavaScript)",
                panel::period_synonyms()
            ),
            found: headers.join(", "),
        });
    }
    Err(refuse(headers, &what_was_seen(&s), &fix_for(&s)))
}

fn what_was_seen(s: &Seen) -> String {
    let mut parts = Vec::new();
    parts.push(if s.region {
        "a region column"
    } else {
        "no region column"
    });
    parts.push(if s.period || s.period_cols > 0 {
        "periods"
    } else {
        "no period column"
    });
    parts.push(if s.measures || s.value {
        "count columns"
    } else {
        "no count column (e.g. `jumlah_koperasi_aktif`)"
    });
    parts.join(", ")
}

fn fix_for(s: &Seen) -> String {
    let mut fixes = Vec::new();
    if !s.region {
        fixes.push(
            "name the region column with --map region=HEADER, or give the region of the whole \
             file with --region",
        );
    }
    if !s.period && s.period_cols == 0 {
        fixes.push("give the date of the figures with --period");
    }
    if s.period_cols == 1 {
        fixes.push("read the period column as periods with --wide");
    }
    if !s.measures && !s.value {
        fixes.push("name the count columns with --map aktif=HEADER (or tidak_aktif, total)");
    }
    fixes.join("; ")
}

fn refuse(headers: &[String], seen: &str, fix: &str) -> ReadError {
    ReadError::UnknownLayout {
        why: format!(
            "not a register (no column names a cooperative, e.g. `nama_koperasi`) and not a \
             table of counts: the header shows {seen}; {fix}; header: {}",
            super::super::shorten(&headers.join(", "), 300)
        ),
    }
}
