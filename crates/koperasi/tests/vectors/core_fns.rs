//! Maps vector `function` names of the core API (locale, wilayah, identity, status, stats, io,
//! report, register) to the Rust functions, with the argument conventions of
//! `tests/vectors/README.md`: `policy` is a preset name or a policy object, `koperasi` a record
//! object, `register` / `panel` CSV text read into a register / panel; `Class.method` names a
//! method. Collections compare as columns ([`koperasi::columns`]), as Python's `to_dict()`.
use crate::{Outcome, read_options};
use koperasi::columns::{self, Columns};
use koperasi::io::{ReadOptions, Table};
use koperasi::register::{Field, Register};
use koperasi::stats::{CheckParams, Panel, Period};
use koperasi::status::StatusPolicy;
use koperasi::wilayah::{KodeWilayah, Level, Wilayah, table};
use koperasi::{Error, Koperasi, NaiveDate, Rupiah, identity, locale, report, stats, status};
use serde::Serialize;
use serde_json::{Map, Value, json};

type R = Result<Value, Error>;

fn text<'a>(args: &'a Value, key: &str) -> &'a str {
    args[key]
        .as_str()
        .unwrap_or_else(|| panic!("argument `{key}` must be a string"))
}

fn opt_text<'a>(args: &'a Value, key: &str) -> Option<&'a str> {
    args.get(key).and_then(Value::as_str)
}

fn int(args: &Value, key: &str) -> i64 {
    args[key]
        .as_i64()
        .unwrap_or_else(|| panic!("argument `{key}` must be an integer"))
}

fn float(args: &Value, key: &str) -> f64 {
    args[key]
        .as_f64()
        .unwrap_or_else(|| panic!("argument `{key}` must be a number"))
}

/// Dates are read as the bindings read them: by `parse_date` (ISO or Indonesian).
fn date(args: &Value, key: &str) -> Result<NaiveDate, Error> {
    Ok(locale::parse_date(text(args, key))?)
}

fn policy(args: &Value) -> Result<StatusPolicy, Error> {
    Ok(match args.get("policy") {
        None | Some(Value::Null) => StatusPolicy::national(),
        Some(Value::String(name)) => StatusPolicy::preset(name)?,
        Some(v) => StatusPolicy::from_json(&v.to_string())?,
    })
}

fn ser<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap()
}

fn cols(c: Columns) -> Value {
    Value::Object(
        c.into_iter()
            .map(|(k, v)| (k, Value::Array(v)))
            .collect::<Map<String, Value>>(),
    )
}

fn rows<T: Serialize>(r: &[T]) -> Value {
    cols(columns::to_columns(r).unwrap())
}

fn wilayah(w: &Wilayah) -> Value {
    let mut v = ser(w);
    v["parent"] = json!(w.code.parent().map(|p| p.to_string()));
    v
}

fn kode(s: &str) -> Result<KodeWilayah, Error> {
    Ok(KodeWilayah::parse(s)?)
}

fn within(args: &Value) -> Result<Option<KodeWilayah>, Error> {
    opt_text(args, "within").map(kode).transpose()
}

fn register(csv: &str) -> Result<(Register, koperasi::io::ReadReport), Error> {
    Ok(koperasi::io::read_register(
        csv.as_bytes(),
        &ReadOptions::default(),
    )?)
}

fn panel(csv: &str) -> Result<(Panel, koperasi::io::ReadReport), Error> {
    Ok(koperasi::io::read_panel(
        csv.as_bytes(),
        &ReadOptions::default(),
    )?)
}

fn period(args: &Value, key: &str) -> Result<Period, Error> {
    Ok(Period::parse(text(args, key))?)
}

/// A binding-side validation error (Python `ValidationError`, same codes).
/// A binding error (an argument refused before the core is called): a code, no details.
fn invalid(code: &str) -> Option<Result<Value, String>> {
    let e = json!({"code": code, "line": null, "column": null, "value": null, "details": {}});
    Some(Err(e.to_string()))
}

pub fn call(function: &str, args: &Value) -> Outcome {
    let r: R = match function {
        // locale / money
        "parse_date" => locale::parse_date(text(args, "text"))
            .map(|d| json!(d))
            .map_err(Error::from),
        "format_date" => date(args, "date").map(|d| json!(locale::format_date(d))),
        "format_date_numeric" => date(args, "date").map(|d| json!(locale::format_date_numeric(d))),
        "parse_decimal" => locale::parse_decimal(text(args, "text"))
            .map(|d| json!(d.to_string()))
            .map_err(Error::from),
        "parse_count" => locale::parse_count(text(args, "text"))
            .map(|n| json!(n))
            .map_err(Error::from),
        "parse_rupiah" | "Rupiah.parse" => locale::parse_rupiah(text(args, "text"))
            .map(|r| json!(r.sen()))
            .map_err(Error::from),
        "format_rupiah" | "Rupiah.to_string" => Ok(json!(locale::format_rupiah(Rupiah::from_sen(
            int(args, "sen")
        )))),
        "format_rupiah_whole" => Ok(json!(locale::format_rupiah_whole(Rupiah::from_sen(int(
            args, "sen"
        ))))),
        "format_int" => Ok(json!(locale::format_int(int(args, "n")))),
        "is_missing" => Ok(json!(locale::is_missing(text(args, "text")))),
        // wilayah
        "wilayah_get" => kode(text(args, "code")).and_then(|k| {
            table().get(&k).map(wilayah).ok_or_else(|| {
                koperasi::error::WilayahError::NotFound {
                    name: text(args, "code").to_string(),
                }
                .into()
            })
        }),
        "find_provinsi" => table()
            .find_provinsi(text(args, "name"))
            .map(wilayah)
            .map_err(Error::from),
        "find_kab_kota" => within(args).and_then(|w| {
            Ok(wilayah(
                table().find_kab_kota(text(args, "name"), w.as_ref())?,
            ))
        }),
        "find_kecamatan" => within(args).and_then(|w| {
            Ok(wilayah(
                table().find_kecamatan(text(args, "name"), w.as_ref())?,
            ))
        }),
        "wilayah_search" => {
            let level = match opt_text(args, "level") {
                None => None,
                Some(l) => match Level::from_label(l) {
                    Some(l) => Some(l),
                    None => return invalid("invalid_level"),
                },
            };
            within(args).map(|w| {
                Value::Array(
                    table()
                        .search_in(text(args, "name"), level, w.as_ref())
                        .into_iter()
                        .map(wilayah)
                        .collect(),
                )
            })
        }
        "wilayah_children" => kode(text(args, "code"))
            .map(|k| Value::Array(table().children(&k).into_iter().map(wilayah).collect())),
        "normalize_name" => Ok(json!(koperasi::wilayah::normalize_name(text(args, "text")))),
        "parse_kode_wilayah" => kode(text(args, "text"))
            .map(|k| json!({"code": k.to_string(), "level": k.level().as_str()})),
        // identity
        "parse_nomor_badan_hukum" => {
            Ok(match identity::NomorBadanHukum::parse(text(args, "text")) {
                None => Value::Null,
                Some(n) => {
                    let mut v = ser(&n);
                    v["key"] = json!(n.key());
                    v
                }
            })
        }
        "parse_nik_koperasi" => identity::NikKoperasi::parse(text(args, "text"))
            .map(|n| json!(n.map(|n| n.as_str().to_string())))
            .map_err(Error::from),
        "parse_nib" => identity::Nib::parse(text(args, "text"))
            .map(|n| json!(n.map(|n| n.as_str().to_string())))
            .map_err(Error::from),
        // status
        "policy_presets" => Ok(json!(StatusPolicy::PRESETS)),
        "StatusPolicy.preset" => StatusPolicy::preset(text(args, "name"))
            .map(|p| ser(&p))
            .map_err(Error::from),
        "StatusPolicy.national" => Ok(ser(&StatusPolicy::national())),
        "StatusPolicy.office" => Ok(ser(&StatusPolicy::office())),
        "StatusPolicy.field_verification_first" => {
            Ok(ser(&StatusPolicy::field_verification_first()))
        }
        "StatusPolicy.from_json" => StatusPolicy::from_json(text(args, "text"))
            .map(|p| ser(&p))
            .map_err(Error::from),
        "StatusPolicy.from_toml" => StatusPolicy::from_toml(text(args, "text"))
            .map(|p| ser(&p))
            .map_err(Error::from),
        "StatusPolicy.from_dict" => StatusPolicy::from_json(&args["d"].to_string())
            .map(|p| ser(&p))
            .map_err(Error::from),
        "Koperasi.from_dict" => match serde_json::from_value::<Koperasi>(args["d"].clone()) {
            Ok(k) => Ok(ser(&k)),
            Err(_) => return invalid("invalid_record"),
        },
        "assess" => {
            let k: Koperasi = match serde_json::from_value(args["koperasi"].clone()) {
                Ok(k) => k,
                Err(_) => return invalid("invalid_record"),
            };
            date(args, "as_of").and_then(|d| Ok(ser(&status::assess(&k, d, &policy(args)?))))
        }
        "rat_deadline" => policy(args).map(|p| {
            json!(status::rat_deadline(
                int(args, "book_year") as i32,
                p.rat_deadline_months
            ))
        }),
        // io
        "read_register" => {
            koperasi::io::read_register(text(args, "source").as_bytes(), &read_options(args))
                .map(|(r, rep)| json!({"register": ser(&r), "report": ser(&rep)}))
                .map_err(Error::from)
        }
        "read_panel" => koperasi::io::read_panel(
            text(args, "source").as_bytes(),
            &read_options(args),
        )
        .map(|(p, rep)| json!({"panel": cols(columns::panel_columns(&p)), "report": ser(&rep)}))
        .map_err(Error::from),
        "read_any" => koperasi::io::read_input(
            text(args, "source").as_bytes(),
            None,
            args["options"]["sheet"].as_str(),
            &read_options(args),
        )
        .map(|t| match t {
            Table::Register(r, rep) => json!({"register": ser(&r), "report": ser(&rep)}),
            Table::Panel(p, rep) => {
                json!({"panel": cols(columns::panel_columns(&p)), "report": ser(&rep)})
            }
        })
        .map_err(Error::from),
        "detect_layout" => {
            koperasi::io::detect_layout_str(text(args, "csv_text"), &read_options(args))
                .map(|l| ser(&l))
                .map_err(Error::from)
        }
        // register
        f if f.starts_with("Register.") => {
            let (reg, _) = match register(text(args, "register")) {
                Ok(x) => x,
                Err(e) => return Some(Err(e.code().to_string())),
            };
            match f {
                "Register.len" => Ok(json!(reg.records.len())),
                "Register.records" => Ok(rows(&reg.records)),
                "Register.assess_all" => {
                    date(args, "as_of").and_then(|d| Ok(rows(&reg.assess_all(d, &policy(args)?))))
                }
                "Register.status_counts" => {
                    date(args, "as_of").and_then(|d| Ok(ser(&reg.status_counts(d, &policy(args)?))))
                }
                "Register.reason_counts" => date(args, "as_of")
                    .and_then(|d| Ok(rows(&reg.reason_counts(d, &policy(args)?)))),
                "Register.count_by" => {
                    let mut fields = Vec::new();
                    for f in args["fields"].as_array().unwrap() {
                        match Field::parse(f.as_str().unwrap()) {
                            Some(f) => fields.push(f),
                            None => return invalid("invalid_field"),
                        }
                    }
                    date(args, "as_of").and_then(|d| {
                        Ok(cols(columns::count_table_columns(&reg.count_by(
                            &fields,
                            d,
                            &policy(args)?,
                        ))))
                    })
                }
                "Register.compare_policies" => {
                    let mut ps = Vec::new();
                    for p in args["policies"].as_array().unwrap() {
                        match policy(&json!({ "policy": p })) {
                            Ok(p) => ps.push(p),
                            Err(e) => return Some(Err(e.code().to_string())),
                        }
                    }
                    date(args, "as_of")
                        .and_then(|d| Ok(ser(&status::compare_policies(&reg.records, d, &ps)?)))
                }
                "Register.duplicates" => Ok(rows(&reg.duplicates())),
                "Register.registrations_by_year" => Ok(ser(&reg.registrations_by_year())),
                _ => return None,
            }
        }
        // stats
        f if f.starts_with("Panel.") => {
            let (p, _) = match panel(text(args, "panel")) {
                Ok(x) => x,
                Err(e) => return Some(Err(e.code().to_string())),
            };
            match f {
                "Panel.to_dict" => Ok(cols(columns::panel_columns(&p))),
                "Panel.periods" => Ok(json!(
                    p.periods()
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                )),
                "Panel.regions" => Ok(json!(p.regions())),
                "Panel.measures" => Ok(json!(p.measures())),
                "Panel.totals_by_period" => {
                    let m: Vec<&str> = args["measures"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| x.as_str().unwrap())
                        .collect();
                    Ok(cols(columns::totals_columns(&p.totals_by_period(&m), &m)))
                }
                _ => return None,
            }
        }
        "growth" => panel(text(args, "panel")).and_then(|(p, _)| {
            Ok(rows(&p.growth(
                text(args, "measure"),
                period(args, "from_period")?,
                period(args, "to_period")?,
            )))
        }),
        "run_checks" => {
            let params: CheckParams = match args.get("params") {
                None | Some(Value::Null) => CheckParams::default(),
                Some(v) => match serde_json::from_value(v.clone()) {
                    Ok(x) => x,
                    Err(_) => return invalid("invalid_check_params"),
                },
            };
            panel(text(args, "panel")).and_then(|(p, _)| {
                params.validate()?;
                Ok(rows(&stats::run_checks(&p, &params)))
            })
        }
        "cagr" => stats::cagr(
            int(args, "from_value"),
            int(args, "to_value"),
            float(args, "years"),
        )
        .map(|x| json!(x))
        .map_err(Error::from),
        "pct_change" => stats::pct_change(int(args, "from_value"), int(args, "to_value"))
            .map(|x| json!(x))
            .map_err(Error::from),
        "parse_period" => period(args, "text").map(|p| json!(p.to_string())),
        // report
        "build_report" => {
            let as_of = match opt_text(args, "as_of") {
                Some(s) => match locale::parse_date(s) {
                    Ok(d) => Some(d),
                    Err(e) => return Some(Err(e.code().to_string())),
                },
                None => None,
            };
            let mut o = report::ReportOptions::new(as_of.unwrap_or(NaiveDate::MIN));
            match policy(args) {
                Ok(p) => o.policy = p,
                Err(e) => return Some(Err(e.code().to_string())),
            }
            match report::build_report_from(
                text(args, "source").as_bytes(),
                None,
                None,
                "<data>",
                &o,
            ) {
                Ok(report::Report::Register(_)) if as_of.is_none() => {
                    return invalid("missing_as_of");
                }
                Ok(r) => Ok(ser(&r)),
                Err(e) => Err(e.into()),
            }
        }
        _ => return None,
    };
    Some(r.map_err(|e| crate::error_json(&e)))
}
