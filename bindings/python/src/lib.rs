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
mod rows;
mod safe;
mod shu;
mod statements;
mod stats;
mod status;
mod table;
mod tables;
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
    use status::{PyPolicy, PyRecord};
    m.add_class::<PyPolicy>()?;
    m.add_class::<PyRecord>()?;
    m.add_class::<register::PyRegister>()?;
    m.add_class::<stats::PyPanel>()?;
    m.add_class::<table::PyTable>()?;
    m.add_class::<bulk::PyAssessments>()?;
    m.add_class::<shu::PyPlan>()?;
    m.add_class::<shu::PyMembers>()?;
    m.add_class::<demography::PyKaplanMeier>()?;
    m.add_class::<statements::PyFunnel>()?;
    // The functions of each area (module: functions;).
    macro_rules! add {
        ($($module:ident: $($f:ident),+;)+) => {
            $($( m.add_function(wrap_pyfunction!($module::$f, m)?)?; )+)+
        };
    }
    add!(
        locale: parse_date, format_date, format_date_numeric, parse_decimal, parse_count,
            parse_rupiah, format_rupiah, format_rupiah_whole, format_int, is_missing;
        wilayah: wilayah_get, wilayah_find, wilayah_search, wilayah_children, normalize_name,
            parse_kode_wilayah;
        identity: parse_nomor_badan_hukum, parse_nik_koperasi, parse_nib;
        status: policy_presets, assess, rat_deadline;
        read: read, detect_layout;
        stats: parse_period, cagr_, pct_change_;
        report: build_report, sample, sample_names;
        shu: shu_allocate, shu_distribute, shu_apportion, shu_pseudonym, shu_read_members;
        demography: kaplan_meier, demography_rates, yearly_demography, cohort_survival,
            survival_data, high_growth, demography_report, status_series;
        compare: compare_policies;
        template: template_register, template_kopdes;
        safe: safe_csv_cell, safe_markdown_cell, safe_terminal_text;
        statements: read_statements, check_statements, funnel, compare_statements,
            statements_csv;
        kopdes: kopdes_coverage, kopdes_statistics, kopdes_stages, kopdes_readiness,
            kopdes_wave_register, kopdes_wave_panel;
    );
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
