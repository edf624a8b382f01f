//! Arrow tables of core results that are columns or counts rather than one serde struct per
//! row: count tables, totals by period, panel rows, status series, and the assessments (from
//! the core's flat `AssessmentRow`, with a declared schema).

use crate::table::{PyTable, arrow_err};
use arrow_array::builder::StringDictionaryBuilder;
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Int64Array, RecordBatch, StringArray, UInt64Array,
};
use arrow_schema::{ArrowError, DataType, Field, FieldRef};
use koperasi::register::{CountTable, Register};
use koperasi::status::{Assessment, AssessmentRow, Status};
use pyo3::prelude::*;
use std::sync::Arc;

/// A batch of named columns.
fn batch(columns: Vec<(&str, ArrayRef)>) -> PyResult<PyTable> {
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(|e: ArrowError| arrow_err(e))
}

/// A count table: one `utf8` column per field (null = unknown), then `count` (`uint64`).
pub fn count_table(t: &CountTable) -> PyResult<PyTable> {
    let names: Vec<&str> = t.fields.iter().map(|f| f.as_str()).collect();
    let mut columns: Vec<(&str, ArrayRef)> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let cells = t.rows.iter().map(|(key, _)| key.get(i).cloned().flatten());
        columns.push((name, Arc::new(cells.collect::<StringArray>())));
    }
    let counts: UInt64Array = t.rows.iter().map(|(_, n)| *n).collect();
    columns.push(("count", Arc::new(counts)));
    batch(columns)
}

/// Totals by period ([`koperasi::stats::Panel::totals_by_period`]): `period` (canonical
/// text), then one `int64` column per measure of `measures` (null where no row of the period
/// has it).
pub fn period_totals(
    totals: &[(
        koperasi::stats::Period,
        std::collections::BTreeMap<String, i64>,
    )],
    measures: &[&str],
) -> PyResult<PyTable> {
    let period: StringArray = totals.iter().map(|(p, _)| Some(p.to_string())).collect();
    let mut columns: Vec<(&str, ArrayRef)> = vec![("period", Arc::new(period))];
    for m in measures {
        let values: Int64Array = totals.iter().map(|(_, t)| t.get(*m).copied()).collect();
        columns.push((m, Arc::new(values)));
    }
    batch(columns)
}

/// The assessments of `register` (row `i` is record `i`), one
/// [`koperasi::status::AssessmentRow`] each: `line` (`int64`), `source_id`, `name` (`utf8`),
/// `as_of` (`date32`), `status` (dictionary of every status, in [`Status::ALL`] order), the
/// deciding reason's `reason`, `label_id`, `label_en`,
/// `detail`, `detail_id` and `reason_codes` (dictionaries), `identified` and
/// `rat_for_last_closed_year` (`bool`), `latest_rat_book_year`, `rat_window_first`,
/// `rat_window_last` (`int32`).
pub fn assessments(rows: &[Assessment], register: &Register) -> PyResult<PyTable> {
    let flat: Vec<AssessmentRow> = (register.records.iter().zip(rows))
        .map(|(k, a)| AssessmentRow::new(k, a))
        .collect();
    let dict = DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8));
    let (int, text, flag) = (DataType::Int32, DataType::Utf8, DataType::Boolean);
    let fields: Vec<FieldRef> = [
        ("line", DataType::Int64),
        ("source_id", text.clone()),
        ("name", text),
        ("as_of", DataType::Date32),
        ("status", dict.clone()),
        ("reason", dict.clone()),
        ("label_id", dict.clone()),
        ("label_en", dict.clone()),
        ("detail", dict.clone()),
        ("detail_id", dict.clone()),
        ("reason_codes", dict),
        ("identified", flag.clone()),
        ("latest_rat_book_year", int.clone()),
        ("rat_window_first", int.clone()),
        ("rat_window_last", int),
        ("rat_for_last_closed_year", flag),
    ]
    .into_iter()
    .map(|(name, t)| Arc::new(Field::new(name, t, true)))
    .collect();
    let batch = serde_arrow::to_record_batch(&fields, &flat).map_err(arrow_err)?;
    // `status`: a dictionary of every status, in `Status::ALL` order (a categorical of them all)
    let all = StringArray::from_iter_values(Status::ALL.iter().map(|s| s.code()));
    let mut status = StringDictionaryBuilder::<Int32Type>::new_with_dictionary(rows.len(), &all)
        .map_err(arrow_err)?;
    rows.iter()
        .for_each(|a| status.append_value(a.status.code()));
    let mut columns = batch.columns().to_vec();
    columns[4] = Arc::new(status.finish());
    RecordBatch::try_new(batch.schema(), columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// A date as Arrow `date32`: days since 1970-01-01.
fn date32(d: koperasi::NaiveDate) -> i32 {
    let epoch = koperasi::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    i32::try_from((d - epoch).num_days()).unwrap_or(i32::MAX)
}

/// A panel's rows ([`koperasi::stats::Panel::to_columns`]): `line` (`uint64`), `region`,
/// `region_code` (null when unresolved), `period` (canonical text), `period_end` (`date32`),
/// then one `int64` column per measure, sorted (null where a row lacks it); when any row has
/// them, `breakdown` (joined with ` > `), `is_parent` (`bool`) and one `utf8` column per rate
/// (exact decimal text, `54.34`).
pub fn panel(p: &koperasi::stats::Panel) -> PyResult<PyTable> {
    let c = p.to_columns();
    let mut columns: Vec<(String, ArrayRef)> = vec![
        ("line".into(), Arc::new(UInt64Array::from(c.line))),
        ("region".into(), Arc::new(StringArray::from(c.region))),
        (
            "region_code".into(),
            Arc::new(StringArray::from(c.region_code)),
        ),
        ("period".into(), Arc::new(StringArray::from(c.period))),
        (
            "period_end".into(),
            Arc::new(
                c.period_end
                    .iter()
                    .map(|d| d.map(date32))
                    .collect::<Date32Array>(),
            ),
        ),
    ];
    for (m, values) in c.measures {
        columns.push((m, Arc::new(Int64Array::from(values))));
    }
    if !c.breakdown.is_empty() {
        columns.push(("breakdown".into(), Arc::new(StringArray::from(c.breakdown))));
    }
    if !c.is_parent.is_empty() {
        columns.push((
            "is_parent".into(),
            Arc::new(BooleanArray::from(c.is_parent)),
        ));
    }
    for (m, values) in c.rates {
        columns.push((m, Arc::new(StringArray::from(values))));
    }
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// The long columns of a status series ([`koperasi::demography::StatusSeries::to_columns`]):
/// `date` (`date32`), one `utf8` column per breakdown field (null = unknown), `status` (its
/// code), `count` (`uint64`).
pub fn status_series(c: koperasi::demography::StatusSeriesColumns) -> PyResult<PyTable> {
    let date: Date32Array = c.date.iter().map(|d| Some(date32(*d))).collect();
    let mut columns: Vec<(String, ArrayRef)> = vec![("date".into(), Arc::new(date))];
    for (field, values) in c.breakdown {
        columns.push((field.as_str().into(), Arc::new(StringArray::from(values))));
    }
    let status: StringArray = c.status.iter().map(|s| Some(s.code())).collect();
    columns.push(("status".into(), Arc::new(status)));
    columns.push(("count".into(), Arc::new(UInt64Array::from(c.count))));
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(arrow_err)
}
