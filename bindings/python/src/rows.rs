//! Arrow tables of core results that are one serde struct per row, by `serde_arrow` on their
//! serde JSON shape: nested objects flattened into dotted columns, dates typed `date32` by
//! declared paths, list columns widened into one column per name.

use crate::table::{PyTable, arrow_err};
use arrow_array::{Array, ArrayRef, ListArray, RecordBatch, StructArray, UInt32Array, make_array};
use arrow_buffer::NullBuffer;
use arrow_schema::{ArrowError, DataType, FieldRef, Schema};
use pyo3::prelude::*;
use serde::Serialize;
use serde_arrow::schema::{SchemaLike, TracingOptions};
use std::sync::Arc;

/// Rows of a core result as a table, by `serde_arrow` on their serde JSON shape (so that
/// skipped and optional fields, maps and tagged enums trace as JSON does): nested objects
/// flattened into dotted columns (`location.kecamatan`, `members.total`), lists (`rat`,
/// `reasons`) as Arrow lists (their objects as structs), numbers as `int64` or `float64`,
/// text as `utf8`. The paths named in `dates` (dotted, list elements by their list's name:
/// `rat.date`), ISO text in serde, are `date32`. No rows: a table with no column.
pub fn rows<T: Serialize>(rows: &[T], dates: &[&str]) -> PyResult<PyTable> {
    let values = rows
        .iter()
        .map(serde_json::to_value)
        .collect::<Result<Vec<_>, _>>()
        .map_err(arrow_err)?;
    if values.is_empty() {
        return Ok(PyTable(RecordBatch::new_empty(Arc::new(Schema::empty()))));
    }
    let options = TracingOptions::default()
        .allow_null_fields(true)
        .coerce_numbers(true)
        .strings_as_large_utf8(false)
        .sequence_as_large_list(false);
    let fields = Vec::<FieldRef>::from_samples(&values, options).map_err(arrow_err)?;
    let fields: Vec<FieldRef> = fields
        .iter()
        .map(|f| as_dates(f, f.name(), dates))
        .collect();
    let batch = serde_arrow::to_record_batch(&fields, &values).map_err(arrow_err)?;
    let mut columns = Vec::new();
    for (f, col) in batch.schema().fields().iter().zip(batch.columns()) {
        flatten(f.name(), col.clone(), None, &mut columns).map_err(arrow_err)?;
    }
    // JSON objects hold their keys sorted: the columns in the order of the struct's fields,
    // as serde_arrow traces them from the first row.
    let typed = TracingOptions::default().allow_null_fields(true);
    if let Ok(order) = Vec::<FieldRef>::from_samples(&rows[..1], typed) {
        let at = |name: &str| {
            order
                .iter()
                .position(|f| f.name() == name.split('.').next().unwrap_or(name))
        };
        columns.sort_by_key(|(name, _)| at(name).unwrap_or(usize::MAX));
    }
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// `f` with the text at the paths of `dates` typed `date32` and unsigned integers `int64`
/// (amounts in sen and counts alike; see [`rows`]).
fn as_dates(f: &FieldRef, path: &str, dates: &[&str]) -> FieldRef {
    let t = match f.data_type() {
        DataType::Utf8 | DataType::Null if dates.contains(&path) => DataType::Date32,
        DataType::UInt64 => DataType::Int64,
        DataType::Struct(children) => DataType::Struct(
            children
                .iter()
                .map(|c| as_dates(c, &format!("{path}.{}", c.name()), dates))
                .collect(),
        ),
        DataType::List(item) => DataType::List(as_dates(item, path, dates)),
        other => other.clone(),
    };
    Arc::new(f.as_ref().clone().with_data_type(t))
}

/// A column as top-level columns: a struct's fields as `name.field` (recursively, null where
/// the struct is null), any other column as it is.
fn flatten(
    name: &str,
    col: ArrayRef,
    parent: Option<&NullBuffer>,
    out: &mut Vec<(String, ArrayRef)>,
) -> Result<(), ArrowError> {
    let nulls = NullBuffer::union(parent, col.nulls());
    if let Some(s) = col.as_any().downcast_ref::<StructArray>() {
        for (f, child) in s.fields().iter().zip(s.columns()) {
            flatten(
                &format!("{name}.{}", f.name()),
                child.clone(),
                nulls.as_ref(),
                out,
            )?;
        }
        return Ok(());
    }
    let col = match parent {
        Some(_) if col.data_type() != &DataType::Null => {
            make_array(col.to_data().into_builder().nulls(nulls).build()?)
        }
        _ => col,
    };
    out.push((name.to_string(), col));
    Ok(())
}

/// `t` with its list column `column` (when there is one) split into one column per name of
/// `names`, `column.name`, holding the list's item at that position (null past its end): a
/// cohort's `survivors` by year after founding, a member's SHU `amounts` by pool.
pub fn widen(t: PyTable, column: &str, names: &[String]) -> PyResult<PyTable> {
    let b = t.0;
    let Ok(at) = b.schema().index_of(column) else {
        return Ok(PyTable(b));
    };
    let Some(list) = b.column(at).as_any().downcast_ref::<ListArray>() else {
        return Err(arrow_err(format!("`{column}` is not a list column")));
    };
    let offsets = list.value_offsets();
    let mut parts: Vec<(String, ArrayRef)> = Vec::new();
    for (j, name) in names.iter().enumerate() {
        let index: UInt32Array = (0..list.len())
            .map(|r| {
                let i = usize::try_from(offsets[r])
                    .unwrap_or(usize::MAX)
                    .saturating_add(j);
                let end = usize::try_from(offsets[r + 1]).unwrap_or(0);
                (list.is_valid(r) && i < end)
                    .then(|| u32::try_from(i).ok())
                    .flatten()
            })
            .collect();
        let cells = arrow_select::take::take(list.values(), &index, None).map_err(arrow_err)?;
        parts.push((format!("{column}.{name}"), cells));
    }
    let schema = b.schema();
    let mut columns: Vec<(String, ArrayRef)> = Vec::new();
    for (i, (f, col)) in schema.fields().iter().zip(b.columns()).enumerate() {
        if i == at {
            columns.append(&mut parts);
        } else {
            columns.push((f.name().clone(), col.clone()));
        }
    }
    RecordBatch::try_from_iter(columns)
        .map(PyTable)
        .map_err(arrow_err)
}

/// A result that is a struct of equal-length lists (`SurvivalData`, `KaplanMeier`) as a
/// table of its lists named in `names` (space-separated), in that order (see [`rows`]).
pub fn columns<T: Serialize>(x: &T, names: &str) -> PyResult<PyTable> {
    let names: Vec<&str> = names.split_whitespace().collect();
    let v = serde_json::to_value(x).map_err(arrow_err)?;
    let lists = names
        .iter()
        .map(|n| v.get(n).and_then(serde_json::Value::as_array))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| arrow_err("a column is not a list"))?;
    let n = lists.first().map_or(0, |l| l.len());
    let cell = |l: &Vec<serde_json::Value>, i: usize| l.get(i).cloned().unwrap_or_default();
    let table: Vec<serde_json::Map<String, serde_json::Value>> = (0..n)
        .map(|i| {
            names
                .iter()
                .zip(&lists)
                .map(|(k, l)| (k.to_string(), cell(l, i)))
                .collect()
        })
        .collect();
    let t = rows(&table, &[])?.0;
    let schema = t.schema();
    let order = names
        .iter()
        .map(|n| schema.index_of(n))
        .collect::<Result<Vec<_>, _>>();
    match order {
        Ok(order) => t.project(&order).map(PyTable).map_err(arrow_err),
        Err(_) => Ok(PyTable(t)),
    }
}
