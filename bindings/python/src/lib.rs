//! Python bindings of koperasi: the private native module `koperasi._koperasi`.
//!
//! This crate only converts: Python values to core types (dates as ISO or Indonesian text read
//! by [`koperasi::locale::parse_date`], dicts through serde), core results to Python values (the
//! serde shape through `pythonize`, typed by the generated `koperasi._types`; tables as Arrow
//! record batches), and core errors to the exception classes of `koperasi._errors`. The public,
//! documented API is the pure-Python package `koperasi`, which wraps these functions. Each
//! file is one area; this one wires the module.
#![forbid(unsafe_code)]

mod bulk;
mod compare;
mod convert;
mod demography;
mod errors;
mod frame;
mod identity;
mod ints;
mod kopdes;
mod locale;
mod read;
mod register;
mod report;
mod safe;
mod shu;
mod statements;
mod stats;
mod status;
mod table;
mod template;
mod wilayah;

/// The allocator: mimalloc. Reading a register allocates a few small strings per row on the
/// threads that convert rows and frees them on the thread that uses the records; the system
/// allocator spends a third of the time of a large read in its locks there (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use pyo3::prelude::*;

/// The native module `koperasi._koperasi`.
#[pymodule]
fn _koperasi(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<status::PyPolicy>()?;
    m.add_class::<status::PyRecord>()?;
    m.add_class::<register::PyRegister>()?;
    m.add_class::<stats::PyPanel>()?;
    m.add_class::<table::PyTable>()?;
    m.add_class::<bulk::PyAssessments>()?;
    m.add_class::<shu::PyPlan>()?;
    m.add_class::<shu::PyMembers>()?;
    m.add_class::<demography::PyKaplanMeier>()?;
    macro_rules! add {
        ($($f:path),* $(,)?) => {$( m.add_function(wrap_pyfunction!($f, m)?)?; )*};
    }
    add!(
        locale::parse_date,
        locale::format_date,
        locale::format_date_numeric,
        locale::parse_decimal,
        locale::parse_count,
        locale::parse_rupiah,
        locale::format_rupiah,
        locale::format_rupiah_whole,
        locale::format_int,
        locale::is_missing,
        wilayah::wilayah_get,
        wilayah::wilayah_find,
        wilayah::wilayah_search,
        wilayah::wilayah_children,
        wilayah::normalize_name,
        wilayah::parse_kode_wilayah,
        identity::parse_nomor_badan_hukum,
        identity::parse_nik_koperasi,
        identity::parse_nib,
        status::policy_presets,
        status::assess,
        status::rat_deadline,
        read::read,
        read::detect_layout,
        stats::parse_period,
        stats::cagr_,
        stats::pct_change_,
        report::build_report,
        report::sample,
        report::sample_names,
        shu::shu_allocate,
        shu::shu_distribute,
        shu::shu_apportion,
        shu::shu_pseudonym,
        shu::shu_read_members,
        demography::kaplan_meier,
        demography::demography_rates,
        demography::yearly_demography,
        demography::cohort_survival,
        demography::survival_data,
        demography::high_growth,
        demography::demography_report,
        demography::status_series,
        compare::compare_policies,
        template::template_register,
        safe::safe_csv_cell,
        safe::safe_markdown_cell,
        safe::safe_terminal_text,
    );
    statements::register(m)?;
    kopdes::register(m)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
