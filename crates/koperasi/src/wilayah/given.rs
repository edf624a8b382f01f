//! The Kemendagri table with the desa/kelurahan level given at run time as CSV bytes: for
//! builds without the cargo feature `desa` (the WASM package ships the level as a file beside
//! its module). The last table built is kept, keyed by a hash of the bytes, so a caller that
//! passes the same file again does not parse 83,762 rows again.

use super::{Table, table};
use crate::error::WilayahError;
use std::hash::{DefaultHasher, Hasher};
use std::sync::{Arc, Mutex};

/// The table to use: the embedded one ([`table()`]), or the embedded one plus desa/kelurahan
/// rows given as CSV ([`Table::with_desa_csv`]). Dereferences to the [`Table`].
#[derive(Debug, Clone)]
pub enum TableRef {
    /// The embedded table.
    Embedded,
    /// The embedded table plus the given desa/kelurahan rows.
    Given(Arc<Table>),
}

impl std::ops::Deref for TableRef {
    type Target = Table;
    fn deref(&self) -> &Table {
        match self {
            TableRef::Embedded => table(),
            TableRef::Given(t) => t,
        }
    }
}

impl TableRef {
    /// True when the table has the desa/kelurahan level: given, or embedded (cargo feature
    /// `desa`).
    pub fn has_desa(&self) -> bool {
        matches!(self, TableRef::Given(_)) || cfg!(feature = "desa")
    }
}

/// The last table built from given bytes, with the hash of those bytes.
static LAST: Mutex<Option<(u64, Arc<Table>)>> = Mutex::new(None);

/// The table for `desa`, the CSV bytes of the desa/kelurahan level (`wilayah_2025_desa.csv`
/// as it ships), or the embedded table for `None`. The same bytes as the last call give the
/// table built then.
///
/// # Errors
/// [`WilayahError::BadTable`] (line 0) for bytes that are not UTF-8 text, and what
/// [`Table::with_desa_csv`] refuses.
pub fn table_with_desa(desa: Option<&[u8]>) -> Result<TableRef, WilayahError> {
    let Some(bytes) = desa else {
        return Ok(TableRef::Embedded);
    };
    let mut h = DefaultHasher::new();
    h.write(bytes);
    let key = h.finish() ^ bytes.len() as u64;
    let mut last = LAST
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, t)) = last.as_ref().filter(|(k, _)| *k == key) {
        return Ok(TableRef::Given(t.clone()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| WilayahError::BadTable {
        line: 0,
        why: "the desa table is not UTF-8 text: pass wilayah_2025_desa.csv as it ships".into(),
    })?;
    let t = Arc::new(Table::with_desa_csv(text)?);
    *last = Some((key, t.clone()));
    Ok(TableRef::Given(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wilayah::Level;

    #[test]
    fn given_rows_are_kept_and_bad_bytes_refused() {
        assert!(matches!(table_with_desa(None), Ok(TableRef::Embedded)));
        let csv = b"kode,nama,level\n64.71.01.1001,Sepinggan,desa_kelurahan\n";
        let t = table_with_desa(Some(csv)).map_err(|e| e.to_string());
        let t = t.as_deref().map(|t| t.iter().count());
        // the embedded levels above desa (7,285 kecamatan, 514 kab/kota, 38 provinsi) plus one
        let above = table().iter().filter(|w| w.level != Level::DesaKelurahan);
        assert_eq!(t, Ok(above.count() + 1));
        let again = table_with_desa(Some(csv));
        assert!(matches!(again, Ok(TableRef::Given(_))));
        assert!(matches!(
            table_with_desa(Some(b"\xff\xfe")),
            Err(WilayahError::BadTable { line: 0, .. })
        ));
    }
}
