//! SHU (issue 5): plans, allocation, distribution, apportionment, pseudonyms, member files.
//! Only conversion: every figure comes from `koperasi::shu`.

use crate::convert::{from_py, named, ser};
use crate::errors::{OrRaise, invalid};
use crate::ints::{Int, Sen};
use crate::read::{read_options, source};
use crate::table::{self, PyTable};
use koperasi::Rupiah;
use koperasi::shu::{self, AllocationPlan, Member, Rounding};
use pyo3::prelude::*;
use pyo3::types::PyList;
use serde_json::Value;

/// An SHU allocation plan (core `AllocationPlan`), validated when built.
#[pyclass(frozen, name = "Plan", module = "koperasi._koperasi")]
pub struct PyPlan(AllocationPlan);

#[pymethods]
impl PyPlan {
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: &str) -> PyResult<PyPlan> {
        AllocationPlan::from_toml(text).or_raise(py).map(PyPlan)
    }
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<PyPlan> {
        AllocationPlan::from_json(text).or_raise(py).map(PyPlan)
    }
    #[staticmethod]
    fn from_dict(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<PyPlan> {
        let v = from_py(d)?;
        AllocationPlan::from_json(&v.to_string())
            .or_raise(py)
            .map(PyPlan)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        ser(py, &self.0)
    }
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.0)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyPlan>().is_ok_and(|o| o.get().0 == self.0)
    }
}

/// Members of a coop (core `Vec<Member>`). Names and NIK are personal data: they leave this
/// object only through `get`, `to_list` and `columns` (never through an error message).
#[pyclass(frozen, name = "Members", module = "koperasi._koperasi")]
pub struct PyMembers(Vec<Member>);

/// A member dict as a core `Member`. `name` and `nik` are checked to be text first, so that a
/// serde message (which may quote a value) never carries personal data.
fn member(py: Python<'_>, i: usize, v: Value) -> PyResult<Member> {
    let id = v
        .get("id")
        .and_then(Value::as_str)
        .map_or_else(|| format!("member {i}"), |s| format!("member `{s}`"));
    let bad = |m: String| invalid(py, "invalid_member", None, m);
    for key in ["name", "nik"] {
        if v.get(key).is_some_and(|x| !(x.is_string() || x.is_null())) {
            return Err(bad(format!("{id}: `{key}` must be text or None")));
        }
    }
    serde_json::from_value::<Member>(v).map_err(|e| bad(format!("{id}: not a member record: {e}")))
}

#[pymethods]
impl PyMembers {
    #[staticmethod]
    fn from_list(py: Python<'_>, items: &Bound<'_, PyAny>) -> PyResult<PyMembers> {
        let mut out = Vec::new();
        for (i, x) in items.try_iter()?.enumerate() {
            out.push(member(py, i, from_py(&x?)?)?);
        }
        Ok(PyMembers(out))
    }
    fn __len__(&self) -> usize {
        self.0.len()
    }
    fn get<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyAny>> {
        match self.0.get(i) {
            Some(m) => ser(py, m),
            None => Err(pyo3::exceptions::PyIndexError::new_err(format!(
                "member {i} of {}",
                self.0.len()
            ))),
        }
    }
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let items = self
            .0
            .iter()
            .map(|m| ser(py, m))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, items)
    }
    fn table(&self) -> PyResult<PyTable> {
        table::rows(&self.0, &["join_date", "leave_date"])
    }
    fn anonymised(&self, py: Python<'_>, key: &str) -> PyResult<PyMembers> {
        shu::anonymise_members(&self.0, key)
            .or_raise(py)
            .map(PyMembers)
    }
}

fn year_end(py: Python<'_>, book_year: i32) -> PyResult<koperasi::NaiveDate> {
    let m = format!("book year {book_year} is out of the date range");
    let e = || invalid(py, "invalid_book_year", Some(book_year.to_string()), m);
    shu::book_year_end(book_year).ok_or_else(e)
}

#[pyfunction]
#[pyo3(signature = (plan, shu_sen, non_member_shu_sen=None))]
pub fn shu_allocate<'py>(
    py: Python<'py>,
    plan: &Bound<'py, PyPlan>,
    shu_sen: Sen,
    non_member_shu_sen: Option<Sen>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = shu::shu_allocate(
        &plan.get().0,
        Rupiah::from_sen(shu_sen.0),
        non_member_shu_sen.map(|s| Rupiah::from_sen(s.0)),
    )
    .or_raise(py)?;
    ser(py, &a)
}

#[pyfunction]
#[pyo3(signature = (plan, members, shu_sen, book_year, non_member_shu_sen=None))]
pub fn shu_distribute<'py>(
    py: Python<'py>,
    plan: &Bound<'py, PyPlan>,
    members: &Bound<'py, PyMembers>,
    shu_sen: Sen,
    book_year: Int<i32>,
    non_member_shu_sen: Option<Sen>,
) -> PyResult<(Bound<'py, PyAny>, PyTable)> {
    let d = shu::shu_distribute(
        &plan.get().0,
        &members.get().0,
        Rupiah::from_sen(shu_sen.0),
        non_member_shu_sen.map(|s| Rupiah::from_sen(s.0)),
        year_end(py, book_year.0)?,
    )
    .or_raise(py)?;
    let pools: Vec<String> = d.pools.iter().map(|p| p.component.to_string()).collect();
    let members = table::rows(&d.members, &[])?;
    let members = table::widen(members, "bases", &pools)?;
    Ok((ser(py, &d)?, table::widen(members, "amounts", &pools)?))
}

#[pyfunction]
#[pyo3(
    signature = (total_sen, bases, rounding, reconcile, granularity_sen=Sen(1)),
    text_signature = "(total_sen, bases, rounding, reconcile, granularity_sen=1)"
)]
pub fn shu_apportion<'py>(
    py: Python<'py>,
    total_sen: Sen,
    bases: Vec<Sen>,
    rounding: &str,
    reconcile: bool,
    granularity_sen: Sen,
) -> PyResult<Bound<'py, PyAny>> {
    let bases: Vec<i64> = bases.into_iter().map(|b| b.0).collect();
    let names = "floor, half_up, half_even";
    let r: Rounding = named(py, rounding, "invalid_rounding", names)?;
    let a = shu::apportion(
        Rupiah::from_sen(total_sen.0),
        &bases,
        r,
        reconcile,
        granularity_sen.0,
    )
    .or_raise(py)?;
    ser(py, &a)
}

#[pyfunction]
pub fn shu_pseudonym(py: Python<'_>, key: &str, member_id: &str) -> PyResult<String> {
    shu::shu_pseudonym(key, member_id).or_raise(py)
}

#[pyfunction]
#[pyo3(signature = (data=None, path=None, mapping=vec![], delimiter=None, decimal=None))]
pub fn shu_read_members<'py>(
    py: Python<'py>,
    data: Option<&[u8]>,
    path: Option<&str>,
    mapping: Vec<(String, String)>,
    delimiter: Option<&str>,
    decimal: Option<&str>,
) -> PyResult<(PyMembers, Bound<'py, PyAny>)> {
    let o = read_options(py, mapping, delimiter, None, decimal)?;
    let (m, rep) = shu::read_members(source(py, data, path)?, &o).or_raise(py)?;
    Ok((PyMembers(m), ser(py, &rep)?))
}
