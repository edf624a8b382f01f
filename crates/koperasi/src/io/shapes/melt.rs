//! Long, Satu Data, wide and key/value tables brought to the long form.

use super::detect::{LABEL_HEADERS, UNIT_HEADERS, VALUE_HEADERS, find_col, is_period_header};
use super::{
    LongRecord, LongTable, MeasureShape, Shape, ShapeKind, SourceRow, file_region, is_rate_unit,
    measure_name, strip_numbering,
};
use crate::error::ReadError;
use crate::io::ReadOptions;
use crate::io::panel::{self, MONTH, PERIOD, QUARTER, REGION, REGION_CODE, YEAR};
use std::collections::BTreeMap;

/// Where the period of a melted cell comes from: a column header (`2014`), or the period
/// given for the whole file.
pub(crate) fn period_sources(
    headers: &[String],
    options: &ReadOptions,
) -> Result<(Vec<usize>, Option<usize>), ReadError> {
    let cols: Vec<usize> = (0..headers.len())
        .filter(|i| headers.get(*i).is_some_and(|h| is_period_header(h)))
        .collect();
    if !cols.is_empty() {
        return Ok((cols, None));
    }
    let value = find_col(headers, VALUE_HEADERS);
    match (value, options.period) {
        (Some(v), Some(_)) => Ok((Vec::new(), Some(v))),
        _ => Err(ReadError::MissingColumn {
            field: PERIOD.into(),
            looked_for: "columns named by periods (`2014`, `2024-Q1`, `Des 2023`); or give the \
                         date of the figures with --period (period= in Python and JavaScript)"
                .into(),
            found: headers.join(", "),
        }),
    }
}

/// One melted figure: a source row's cell under a period column (or the value column).
pub(crate) struct Melted {
    pub(crate) line: u64,
    pub(crate) region: String,
    pub(crate) region_code: String,
    pub(crate) breakdown: Vec<String>,
    pub(crate) is_parent: bool,
    pub(crate) measure: String,
    /// Label or header the measure came from (for the read report).
    pub(crate) measure_source: String,
    pub(crate) unit: Option<String>,
    /// Period text (a header, or the period given).
    pub(crate) period: String,
    /// Header of the source column of the cell.
    pub(crate) column: String,
    pub(crate) cell: String,
    pub(crate) source: Vec<String>,
}

/// The long table of melted figures: columns region, region code, period, then one per
/// measure (in order of first appearance).
pub(crate) fn assemble(melted: Vec<Melted>, mut shape: Shape) -> LongTable {
    let mut measures: Vec<String> = Vec::new();
    let mut units: BTreeMap<String, String> = BTreeMap::new();
    for m in &melted {
        if !measures.contains(&m.measure) {
            measures.push(m.measure.clone());
            shape.measures.push(MeasureShape {
                name: m.measure.clone(),
                source: m.measure_source.clone(),
                unit: m.unit.clone(),
                count: !is_rate(&m.measure, m.unit.as_deref()),
            });
        }
        if let Some(u) = &m.unit {
            units.entry(m.measure.clone()).or_insert_with(|| u.clone());
        }
    }
    let mut headers = vec![
        "(wilayah)".to_string(),
        "(kode wilayah)".to_string(),
        "(periode)".to_string(),
    ];
    headers.extend(measures.iter().cloned());
    let mut fields = vec![
        Some(REGION.to_string()),
        Some(REGION_CODE.to_string()),
        Some(PERIOD.to_string()),
    ];
    fields.extend(measures.iter().map(|m| Some(m.clone())));
    let records = melted
        .into_iter()
        .map(|m| {
            let k = measures.iter().position(|x| *x == m.measure).unwrap_or(0);
            let mut cells = vec![String::new(); headers.len()];
            let mut labels = headers.clone();
            if let [r, c, p, ..] = cells.as_mut_slice() {
                *r = m.region;
                *c = m.region_code;
                *p = m.period;
            }
            if let Some(c) = cells.get_mut(3 + k) {
                *c = m.cell;
            }
            if let Some(l) = labels.get_mut(3 + k) {
                *l = m.column;
            }
            LongRecord {
                line: m.line,
                cells,
                labels: Some(labels),
                breakdown: m.breakdown,
                is_parent: m.is_parent,
                source: Some(m.source),
            }
        })
        .collect();
    LongTable::new(headers, fields, records, shape, units)
}

/// True when a measure is a rate: its unit or its name says percentage or ratio.
pub(crate) fn is_rate(measure: &str, unit: Option<&str>) -> bool {
    unit.is_some_and(is_rate_unit) || is_rate_unit(measure)
}

/// An empty [`Shape`] of this kind.
pub(crate) fn shape(kind: ShapeKind, header_line: u64, options: &ReadOptions) -> Shape {
    let (_, given) = file_region(options);
    Shape {
        kind,
        header_line,
        region_column: None,
        region_given: given,
        period_columns: Vec::new(),
        period_given: None,
        measures: Vec::new(),
        breakdowns: Vec::new(),
        parent_lines: Vec::new(),
        parent_gaps: Vec::new(),
    }
}

/// A long table (or a snapshot: the period given added as a column).
pub(crate) fn long(
    kind: ShapeKind,
    headers: &[String],
    header_line: u64,
    records: Vec<SourceRow>,
    options: &ReadOptions,
) -> Result<LongTable, ReadError> {
    let mut fields = panel::recognise(headers, &options.mapping)?;
    let mut headers = headers.to_vec();
    let mut shape = shape(kind, header_line, options);
    let col = |f: &str| fields.iter().position(|x| x.as_deref() == Some(f));
    shape.region_column = col(REGION).and_then(|i| headers.get(i).cloned());
    shape.period_columns = [PERIOD, YEAR, QUARTER, MONTH]
        .iter()
        .filter_map(|f| col(f).and_then(|i| headers.get(i).cloned()))
        .collect();
    let unit_col = find_col(&headers, UNIT_HEADERS).filter(|i| fields.get(*i) == Some(&None));
    let mut records: Vec<LongRecord> = records
        .into_iter()
        .map(|(line, cells)| LongRecord {
            line,
            cells,
            ..LongRecord::default()
        })
        .collect();
    if kind == ShapeKind::Snapshot {
        if let Some(p) = options.period {
            shape.period_given = Some(p);
            headers.push("(periode)".into());
            fields.push(Some(PERIOD.into()));
            for r in &mut records {
                r.cells.resize(headers.len() - 1, String::new());
                r.cells.push(p.to_string());
            }
        }
    }
    let mut units = BTreeMap::new();
    if let Some(u) = unit_col {
        let unit = records
            .iter()
            .filter_map(|r| r.cells.get(u))
            .find(|c| !crate::locale::is_missing(c))
            .cloned();
        if let Some(unit) = unit {
            for f in fields
                .iter()
                .flatten()
                .filter(|f| panel::is_measure_field(f))
            {
                units.insert(f.clone(), unit.clone());
            }
        }
    }
    Ok(LongTable::new(headers, fields, records, shape, units))
}

/// A Satu Data table: one figure per row, the measure named by `judul`.
pub(crate) fn satu_data(
    headers: &[String],
    header_line: u64,
    records: Vec<SourceRow>,
    options: &ReadOptions,
) -> Result<LongTable, ReadError> {
    let fields = panel::recognise(headers, &options.mapping)?;
    let col = |f: &str| fields.iter().position(|x| x.as_deref() == Some(f));
    let region = col(REGION);
    let code = col(REGION_CODE);
    let year = col(YEAR).or(col(PERIOD));
    let sub = col(PERIOD).filter(|p| Some(*p) != year);
    let judul = find_col(headers, &["judul", "indikator", "uraian"]);
    let unit = find_col(headers, UNIT_HEADERS);
    let value = find_col(headers, VALUE_HEADERS);
    let get = |cells: &[String], i: Option<usize>| {
        i.and_then(|i| cells.get(i)).cloned().unwrap_or_default()
    };
    let header = |i: Option<usize>| i.and_then(|i| headers.get(i)).cloned().unwrap_or_default();
    let mut s = shape(ShapeKind::SatuData, header_line, options);
    s.region_column = region.and_then(|i| headers.get(i).cloned());
    s.period_columns = [year, sub]
        .iter()
        .flatten()
        .map(|i| header(Some(*i)))
        .collect();
    let melted = records
        .into_iter()
        .map(|(line, cells)| {
            let title = get(&cells, judul);
            let u = get(&cells, unit);
            let y = get(&cells, year);
            let p = get(&cells, sub);
            Melted {
                line,
                region: get(&cells, region),
                region_code: get(&cells, code),
                breakdown: Vec::new(),
                is_parent: false,
                measure: satu_data_measure(&title, &u),
                measure_source: title,
                unit: (!crate::locale::is_missing(&u)).then_some(u),
                period: sub_period(&y, &p),
                column: header(value),
                cell: get(&cells, value),
                source: cells,
            }
        })
        .collect();
    Ok(assemble(melted, s))
}

/// The measure a Satu Data `judul` names: a standard count only when its unit is a count.
fn satu_data_measure(title: &str, unit: &str) -> String {
    if is_rate_unit(unit) || is_rate_unit(title) {
        let n = crate::io::headers::normalize_header(title);
        return if n.is_empty() { "value".into() } else { n };
    }
    measure_name(title)
}

/// A year with the sub-period of a Satu Data `periode` cell (`Triwulan III`, `Juni`), or the
/// year alone when the cell is a frequency (`Tahunan`) or empty.
fn sub_period(year: &str, periode: &str) -> String {
    use crate::stats::period::{parse_month_label, parse_quarter_label};
    if let Some(q) = parse_quarter_label(periode) {
        return format!("{year}-Q{q}");
    }
    if let Some(m) = parse_month_label(periode) {
        return format!("{year}-{m:02}");
    }
    year.to_string()
}

/// A wide table (periods as columns) or a key/value summary (one value column, the period
/// given): rows are regions (a region column) or indicators of the file's region.
pub(crate) fn wide(
    kind: ShapeKind,
    headers: &[String],
    header_line: u64,
    records: Vec<SourceRow>,
    options: &ReadOptions,
) -> Result<LongTable, ReadError> {
    let fields = panel::recognise_lenient(headers, &options.mapping);
    let region = fields.iter().position(|x| x.as_deref() == Some(REGION));
    let code = fields
        .iter()
        .position(|x| x.as_deref() == Some(REGION_CODE));
    let label = find_col(headers, LABEL_HEADERS).filter(|l| Some(*l) != region);
    let unit = find_col(headers, UNIT_HEADERS);
    let (period_cols, value_col) = period_sources(headers, options)?;
    let (file_name, _) = file_region(options);
    let mut s = shape(kind, header_line, options);
    s.region_column = region.and_then(|i| headers.get(i).cloned());
    s.period_columns = period_cols
        .iter()
        .filter_map(|i| headers.get(*i).cloned())
        .collect();
    s.period_given = value_col.and(options.period);
    let cells_of = period_cells(headers, &period_cols, value_col, options);
    let mut melted = Vec::new();
    for (line, cells) in records {
        let get = |i: Option<usize>| i.and_then(|i| cells.get(i)).cloned().unwrap_or_default();
        let label_text = strip_numbering(&get(label)).to_string();
        let u = get(unit);
        let u = (!crate::locale::is_missing(&u)).then_some(u);
        let (measure, source) = match label {
            Some(_) => (measure_name(&label_text), label_text),
            None => ("value".to_string(), String::new()),
        };
        // A `Jumlah`/`Total` row of indicators is the total of the rows above it.
        let is_parent = label.is_some() && crate::io::is_total_label(&source);
        if is_parent {
            s.parent_lines.push(line);
        }
        for (col, period) in &cells_of {
            let cell = cells.get(*col).cloned().unwrap_or_default();
            melted.push(Melted {
                line,
                region: region.map_or_else(|| file_name.clone(), |_| get(region)),
                region_code: match (region, &options.region) {
                    (None, Some(r)) => r.to_string(),
                    _ => get(code),
                },
                breakdown: Vec::new(),
                is_parent,
                measure: measure.clone(),
                measure_source: source.clone(),
                unit: u.clone(),
                period: period.clone(),
                column: headers.get(*col).cloned().unwrap_or_default(),
                cell,
                source: cells.clone(),
            });
        }
    }
    let melted = drop_missing(melted);
    s.parent_gaps = total_row_gaps(&melted);
    let mut t = assemble(melted, s);
    if label.is_none() {
        t.notes.push(crate::io::ReadNote::UnnamedMeasure);
    }
    Ok(t)
}

/// (column, period text) of each cell of a row that holds a figure.
pub(crate) fn period_cells(
    headers: &[String],
    period_cols: &[usize],
    value_col: Option<usize>,
    options: &ReadOptions,
) -> Vec<(usize, String)> {
    match (value_col, options.period) {
        (Some(v), Some(p)) => vec![(v, p.to_string())],
        _ => period_cols
            .iter()
            .map(|i| (*i, headers.get(*i).cloned().unwrap_or_default()))
            .collect(),
    }
}

/// Melted figures without the empty ones (`n/a`, `-`, blank: no figure was published).
pub(crate) fn drop_missing(melted: Vec<Melted>) -> Vec<Melted> {
    melted
        .into_iter()
        .filter(|m| !crate::locale::is_missing(&m.cell))
        .collect()
}

/// A `Jumlah`/`Total` row of a table of indicators checked against the sum of the other
/// count rows of the same period (rates left out).
fn total_row_gaps(melted: &[Melted]) -> Vec<super::ParentGap> {
    let count = |m: &Melted| {
        crate::locale::parse_count(&m.cell)
            .ok()
            .and_then(|v| i64::try_from(v).ok())
    };
    let mut out = Vec::new();
    for total in melted.iter().filter(|m| m.is_parent) {
        let parts: Vec<(i64, u64)> = melted
            .iter()
            .filter(|m| !m.is_parent && m.period == total.period && m.region == total.region)
            .filter(|m| !is_rate(&m.measure, m.unit.as_deref()))
            .filter_map(|m| count(m).map(|v| (v, m.line)))
            .collect();
        let (Some(value), Ok(period)) = (count(total), crate::stats::Period::parse(&total.period))
        else {
            continue;
        };
        let sum = parts.iter().map(|(v, _)| *v).fold(0, i64::saturating_add);
        if !parts.is_empty() && sum != value {
            out.push(super::ParentGap {
                line: total.line,
                label: total.measure_source.clone(),
                period,
                parent: value,
                children_sum: sum,
                children_lines: parts.iter().map(|(_, l)| *l).collect(),
            });
        }
    }
    out
}
