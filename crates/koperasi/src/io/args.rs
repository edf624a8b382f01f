//! Reader options by name, as a binding receives them (a JS object: texts, numbers, a map),
//! checked into [`ReadOptions`] and the sheet asked for ([`ReadArgs::resolve`]).

use super::ReadOptions;
use crate::error::WilayahError;
use crate::locale::DecimalMark;
use crate::stats::Period;
use crate::wilayah::KodeWilayah;
use serde::Deserialize;
use std::collections::BTreeMap;

/// Reader options by name: `{mapping: {field: header}, delimiter: ";", region: "32.71",
/// sheet: "Data" | 2, decimal: "comma" | "point" | "auto", period: "2026-08-05", wide: true,
/// dataAsOf: "2024-12-31"}`; every key optional, no other key.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadArgs {
    /// Field name -> header as in the file.
    pub mapping: BTreeMap<String, String>,
    /// One ASCII character.
    pub delimiter: Option<String>,
    /// Region code of the whole file.
    pub region: Option<String>,
    /// The sheet of a workbook: a name (string) or a 1-based number.
    pub sheet: Option<serde_json::Value>,
    /// The decimal mark of the file's numbers ([`DecimalMark::NAMES`]).
    pub decimal: Option<String>,
    /// The period of every row of a table with no period column (`"2026-08-05"`, `"2024"`).
    pub period: Option<String>,
    /// Read a table with a single period column (`2024`) as a wide table.
    pub wide: bool,
    /// A register's data date (`"2024-12-31"`, or an Indonesian date), when its title does
    /// not say it.
    #[serde(rename = "dataAsOf", alias = "data_as_of")]
    pub data_as_of: Option<String>,
}

/// Why [`ReadArgs::resolve`] refused the options.
#[derive(Debug)]
pub enum ReadArgsError {
    /// A malformed option: the message names it, its value and what is expected.
    Invalid(String),
    /// A region code the core refuses.
    Region(WilayahError),
}

impl ReadArgs {
    /// The core's [`ReadOptions`] (limits and threads as their defaults) and the sheet asked
    /// for (a name, or a 1-based number as text).
    ///
    /// # Errors
    /// [`ReadArgsError::Invalid`] for a sheet that is neither a name nor a number from 1, a
    /// delimiter that is not one ASCII character, an unknown decimal mark, a period or a data
    /// date that does not parse; [`ReadArgsError::Region`] for a bad region code.
    pub fn resolve(self) -> Result<(ReadOptions, Option<String>), ReadArgsError> {
        use ReadArgsError::Invalid;
        let sheet = match self.sheet {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Number(n)) if n.as_u64().is_some_and(|n| n >= 1) => {
                Some(n.to_string())
            }
            Some(v) => {
                let why = "expected a sheet name (string) or a 1-based number";
                return Err(Invalid(format!("sheet `{v}`: {why}")));
            }
        };
        let delimiter = match self.delimiter.as_deref().map(str::as_bytes) {
            None => None,
            Some(&[b]) if b.is_ascii() => Some(b),
            Some(_) => {
                let d = self.delimiter.unwrap_or_default();
                let why = "expected one ASCII character such as `;`";
                return Err(Invalid(format!("delimiter `{d}`: {why}")));
            }
        };
        let decimal = self.decimal.map(|d| {
            DecimalMark::from_name(&d).ok_or_else(|| {
                let names = DecimalMark::NAMES.join(", ");
                Invalid(format!("decimal `{d}`: expected one of {names}"))
            })
        });
        let period = self
            .period
            .map(|p| Period::parse(&p).map_err(|e| Invalid(format!("period `{p}`: {e}"))));
        let data_as_of = self.data_as_of.map(|d| {
            crate::locale::parse_date(&d).map_err(|e| Invalid(format!("dataAsOf `{d}`: {e}")))
        });
        let region = self.region.as_deref().map(KodeWilayah::parse);
        let options = ReadOptions {
            mapping: self.mapping.into_iter().collect(),
            delimiter,
            region: region.transpose().map_err(ReadArgsError::Region)?,
            decimal: decimal.transpose()?,
            period: period.transpose()?,
            wide: self.wide,
            data_as_of: data_as_of.transpose()?,
            ..ReadOptions::default()
        };
        Ok((options, sheet))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    fn args(json: &str) -> Result<(ReadOptions, Option<String>), String> {
        let a: ReadArgs = serde_json::from_str(json).map_err(|e| e.to_string())?;
        a.resolve().map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn options_by_name_become_read_options() {
        let (o, sheet) = args(
            r#"{"mapping": {"nama": "Nama Koperasi"}, "delimiter": ";", "region": "32.71",
                "sheet": 2, "decimal": "comma", "wide": true, "dataAsOf": "31 Desember 2024"}"#,
        )
        .unwrap();
        assert_eq!(sheet.as_deref(), Some("2"));
        assert_eq!(
            o.mapping,
            vec![("nama".to_string(), "Nama Koperasi".to_string())]
        );
        assert_eq!(o.delimiter, Some(b';'));
        assert_eq!(o.region.map(|r| r.to_string()).as_deref(), Some("32.71"));
        assert_eq!(o.decimal, Some(DecimalMark::Comma));
        assert!(o.wide);
        assert_eq!(
            o.data_as_of.map(|d| d.to_string()).as_deref(),
            Some("2024-12-31")
        );
        assert_eq!(args("{}").unwrap(), (ReadOptions::default(), None));
    }

    #[test]
    fn malformed_options_are_refused_by_name() {
        for (json, starts) in [
            (r#"{"sheet": 0}"#, "Invalid(\"sheet `0`"),
            (r#"{"delimiter": ";;"}"#, "Invalid(\"delimiter `;;`"),
            (r#"{"decimal": "koma"}"#, "Invalid(\"decimal `koma`"),
            (r#"{"period": "2024-Q5"}"#, "Invalid(\"period `2024-Q5`"),
            (r#"{"region": "99.99.99.99.99"}"#, "Region("),
        ] {
            let e = args(json).unwrap_err();
            assert!(e.starts_with(starts), "{json}: {e}");
        }
        assert!(
            args(r#"{"sep": ";"}"#)
                .unwrap_err()
                .contains("unknown field")
        );
    }
}
