//! Rows as columns, for analysts (dict of lists in Python, `toColumns()` in JavaScript).
//!
//! [`to_columns`] turns any list of serde-serialisable rows (records, assessments, growth
//! rows, findings, ...) into columns keyed by field name, so that every binding gives the same
//! columns for the same result without logic of its own.

use crate::register::CountTable;
use crate::stats::{Panel, Period};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Named columns, in order: `(name, cells)`, every column as long as the others.
pub type Columns = Vec<(String, Vec<Value>)>;

/// The rows as columns: one column per field, in key order, each as long as `rows`.
///
/// Each row is serialised with serde (its JSON shape). Objects nested in a row are flattened
/// with dotted names (`location.kecamatan`, `members.total`); arrays (e.g. an assessment's
/// `reasons`) and scalars stay one cell. A field missing from a row (or a row that is not an
/// object: its value goes in the column `value`) is `null` in that row, so every column has
/// `rows.len()` cells. An empty object nested in a row gives no column.
///
/// Errors: a `serde_json::Error` when a row cannot be serialised (a map with non-string keys).
pub fn to_columns<T: Serialize>(rows: &[T]) -> Result<Columns, serde_json::Error> {
    let mut cols: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        let mut flat = Map::new();
        match serde_json::to_value(row)? {
            Value::Object(m) => flatten("", m, &mut flat),
            other => {
                flat.insert("value".to_string(), other);
            }
        }
        for (k, v) in flat {
            let col = cols.entry(k).or_insert_with(|| vec![Value::Null; i]);
            col.push(v);
        }
        for col in cols.values_mut() {
            if col.len() < i + 1 {
                col.push(Value::Null);
            }
        }
    }
    Ok(cols.into_iter().collect())
}

/// A [`CountTable`] as columns: one per breakdown field (named by [`crate::register::Field::as_str`],
/// `null` for an unknown key), then `count`.
pub fn count_table_columns(t: &CountTable) -> Columns {
    let mut out: Columns = t
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let cells = t
                .rows
                .iter()
                .map(|(k, _)| {
                    k.get(i)
                        .cloned()
                        .flatten()
                        .map_or(Value::Null, Value::String)
                })
                .collect();
            (f.as_str().to_string(), cells)
        })
        .collect();
    out.push((
        "count".to_string(),
        t.rows.iter().map(|(_, n)| Value::from(*n)).collect(),
    ));
    out
}

/// The result of [`Panel::totals_by_period`] as columns: `period` (canonical text), then one
/// column per measure of `measures` (in that order; `null` where no row of the period has it).
pub fn totals_columns(totals: &[(Period, BTreeMap<String, i64>)], measures: &[&str]) -> Columns {
    let mut out: Columns = vec![(
        "period".to_string(),
        totals
            .iter()
            .map(|(p, _)| Value::String(p.to_string()))
            .collect(),
    )];
    for m in measures {
        out.push((
            (*m).to_string(),
            totals
                .iter()
                .map(|(_, v)| v.get(*m).map_or(Value::Null, |x| Value::from(*x)))
                .collect(),
        ));
    }
    out
}

/// A panel as columns: `line`, `region`, `region_code`, `period` (canonical text),
/// `period_end` (ISO date), then one column per measure in name order (`null` where a row
/// lacks it), then, when any row has them, `breakdown` (joined with ` > `), `is_parent`, and
/// one column per rate (exact decimal text, `54.34`); see [`Panel::to_columns`].
pub fn panel_columns(panel: &Panel) -> Columns {
    let c = panel.to_columns();
    let text = |v: &[String]| v.iter().cloned().map(Value::String).collect::<Vec<_>>();
    let opt = |v: Option<String>| v.map_or(Value::Null, Value::String);
    let mut out: Columns = vec![
        (
            "line".into(),
            c.line.iter().map(|x| Value::from(*x)).collect(),
        ),
        ("region".into(), text(&c.region)),
        (
            "region_code".into(),
            c.region_code.into_iter().map(opt).collect(),
        ),
        ("period".into(), text(&c.period)),
        (
            "period_end".into(),
            c.period_end
                .into_iter()
                .map(|d| opt(d.map(|d| d.format("%Y-%m-%d").to_string())))
                .collect(),
        ),
    ];
    for (m, v) in c.measures {
        out.push((
            m,
            v.into_iter()
                .map(|x| x.map_or(Value::Null, Value::from))
                .collect(),
        ));
    }
    if !c.breakdown.is_empty() {
        out.push(("breakdown".into(), text(&c.breakdown)));
    }
    if !c.is_parent.is_empty() {
        out.push((
            "is_parent".into(),
            c.is_parent.into_iter().map(Value::Bool).collect(),
        ));
    }
    for (m, v) in c.rates {
        out.push((m, v.into_iter().map(opt).collect()));
    }
    out
}

fn flatten(prefix: &str, m: Map<String, Value>, out: &mut Map<String, Value>) {
    for (k, v) in m {
        let key = if prefix.is_empty() {
            k
        } else {
            format!("{prefix}.{k}")
        };
        match v {
            Value::Object(inner) => flatten(&key, inner, out),
            other => {
                out.insert(key, other);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flattens_and_pads() {
        let rows = vec![
            json!({"a": 1, "loc": {"x": "p", "y": null}, "l": [1, 2]}),
            json!({"a": 2, "loc": null}),
        ];
        let c: BTreeMap<String, Vec<Value>> = to_columns(&rows).unwrap().into_iter().collect();
        assert_eq!(c["a"], vec![json!(1), json!(2)]);
        assert_eq!(c["loc.x"], vec![json!("p"), Value::Null]);
        assert_eq!(c["loc"], vec![Value::Null, Value::Null]);
        assert_eq!(c["l"], vec![json!([1, 2]), Value::Null]);
        assert!(to_columns::<Value>(&[]).unwrap().is_empty());
    }
}
