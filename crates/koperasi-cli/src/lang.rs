//! The language of what the CLI says besides its output (errors and notes on standard error),
//! set once by `main` from the command's `--locale`: the library's Indonesian messages
//! (`message_id`) under `--locale id`, its English `Display` otherwise.

use std::any::Any;
use std::fmt::Display;
use std::sync::atomic::{AtomicBool, Ordering};

static INDONESIAN: AtomicBool = AtomicBool::new(false);

/// Say everything on standard error in Indonesian (`true`) or English.
pub(crate) fn set_indonesian(on: bool) {
    INDONESIAN.store(on, Ordering::Relaxed);
}

/// True under `--locale id`.
pub(crate) fn indonesian() -> bool {
    INDONESIAN.load(Ordering::Relaxed)
}

/// An error as printed: a library error in Indonesian under `--locale id`, else its `Display`.
pub(crate) fn error_text<E: Display + 'static>(e: &E) -> String {
    match indonesian().then(|| message_id(e)).flatten() {
        Some(id) => id,
        None => e.to_string(),
    }
}

/// The Indonesian message of `e` when it is one of the library's errors.
fn message_id(e: &dyn Any) -> Option<String> {
    use koperasi::error::*;
    macro_rules! first_of {
        ($($t:ty),*) => {
            $(if let Some(x) = e.downcast_ref::<$t>() {
                return Some(x.message_id());
            })*
        };
    }
    first_of!(
        Error,
        ReadError,
        ExportError,
        DateError,
        NumberError,
        MoneyError,
        WilayahError,
        IdentityError,
        PolicyError,
        StatsError,
        ShuError,
        DemographyError
    );
    None
}

/// The word before an error message: `error` or `kesalahan`.
pub(crate) fn error_word() -> &'static str {
    if indonesian() { "kesalahan" } else { "error" }
}

/// The word before a note on standard error: `note` or `catatan`.
pub(crate) fn note_word() -> &'static str {
    if indonesian() { "catatan" } else { "note" }
}

/// `en` or `id` by the `--locale` of the command.
pub(crate) fn tr(en: &'static str, id: &'static str) -> &'static str {
    if indonesian() { id } else { en }
}

/// A file that cannot be opened: its path and the system's reason.
pub(crate) fn cannot_open(path: &std::path::Path, e: &std::io::Error) -> crate::Failure {
    crate::Failure(if indonesian() {
        format!(
            "tidak dapat membuka {}: {e}; periksa jalurnya",
            path.display()
        )
    } else {
        format!("cannot open {}: {e}; check the path", path.display())
    })
}
