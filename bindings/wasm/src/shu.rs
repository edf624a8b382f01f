//! SHU (sisa hasil usaha): allocation plans, allocation, the per-member distribution, exact
//! apportionment, pseudonyms, members read from a file. Money in integer sen. Only
//! conversion: `koperasi::shu`.

use crate::convert::{fail, from_js, js, to_js};
use crate::read::read_options;
use koperasi::Rupiah;
use koperasi::error::{DateError, ShuError};
use koperasi::shu::{self, AllocationPlan, Member, Rounding};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The plan given as a JS object, checked by the core (`shu_plan_parse` for a wrong shape,
/// the validation codes such as `shu_plan_sum` otherwise).
fn plan_arg(plan: JsValue) -> Result<AllocationPlan, JsValue> {
    let p: AllocationPlan = serde_wasm_bindgen::from_value(plan).map_err(|e| {
        fail(ShuError::PlanParse {
            why: e.to_string().trim_start_matches("Error: ").to_string(),
        })
    })?;
    p.validate().map_err(fail)?;
    Ok(p)
}

/// `shu_plan_from_toml(text)` -> the validated plan (serde shape).
#[wasm_bindgen]
pub fn shu_plan_from_toml(text: &str) -> Result<JsValue, JsValue> {
    js(AllocationPlan::from_toml(text))
}

/// `AllocationPlan.fromJson(text)` -> the validated plan.
#[wasm_bindgen]
pub fn shu_plan_from_json(text: &str) -> Result<JsValue, JsValue> {
    js(AllocationPlan::from_json(text))
}

/// `new AllocationPlan(o)` / `AllocationPlan.fromObject(o)` -> the validated plan.
#[wasm_bindgen]
pub fn shu_plan_from_object(plan: JsValue) -> Result<JsValue, JsValue> {
    to_js(&plan_arg(plan)?)
}

/// `shu_allocate(plan, shu_sen, non_member_shu_sen)` -> `Allocation`.
#[wasm_bindgen]
pub fn shu_allocate(
    plan: JsValue,
    shu_sen: i64,
    non_member_shu_sen: Option<i64>,
) -> Result<JsValue, JsValue> {
    let non_member = non_member_shu_sen.map(Rupiah::from_sen);
    js(shu::shu_allocate(
        &plan_arg(plan)?,
        Rupiah::from_sen(shu_sen),
        non_member,
    ))
}

/// `shu_distribute(plan, members, shu_sen, book_year, non_member_shu_sen)` -> `Distribution`,
/// membership evaluated on 31 December of `book_year`.
#[wasm_bindgen]
pub fn shu_distribute(
    plan: JsValue,
    members: JsValue,
    shu_sen: i64,
    book_year: i32,
    non_member_shu_sen: Option<i64>,
) -> Result<JsValue, JsValue> {
    let members: Vec<Member> = from_js("members", members)?;
    let year_end = shu::book_year_end(book_year).ok_or_else(|| {
        fail(DateError::Invalid {
            value: book_year.to_string(),
            why: "the end of this book year is outside the calendar".into(),
        })
    })?;
    let (p, non_member) = (plan_arg(plan)?, non_member_shu_sen.map(Rupiah::from_sen));
    let shu_total = Rupiah::from_sen(shu_sen);
    js(shu::shu_distribute(
        &p, &members, shu_total, non_member, year_end,
    ))
}

/// `shu_apportion(total_sen, bases, rounding, reconcile, granularity_sen)` -> `Apportionment`
/// (`bases`: an array of integers, `number` or `bigint`).
#[wasm_bindgen]
pub fn shu_apportion(
    total_sen: i64,
    bases: JsValue,
    rounding: &str,
    reconcile: bool,
    granularity_sen: i64,
) -> Result<JsValue, JsValue> {
    let bases: Vec<i64> = from_js("bases", bases)?;
    let rounding: Rounding = from_js("rounding", JsValue::from_str(rounding))?;
    let total = Rupiah::from_sen(total_sen);
    js(shu::apportion(
        total,
        &bases,
        rounding,
        reconcile,
        granularity_sen,
    ))
}

/// `shu_pseudonym(key, member_id)` -> the member's stable pseudonym.
#[wasm_bindgen]
pub fn shu_pseudonym(key: &str, member_id: &str) -> Result<JsValue, JsValue> {
    js(shu::shu_pseudonym(key, member_id))
}

/// `shu_read_members(source, options)` -> `{members, report}`.
#[wasm_bindgen]
pub fn shu_read_members(csv: &[u8], options: JsValue) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Out {
        members: Vec<Member>,
        report: koperasi::io::ReadReport,
    }
    let read = shu::read_members(csv, &read_options(options)?);
    js(read.map(|(members, report)| Out { members, report }))
}
