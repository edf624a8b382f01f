//! The readers' `decimal` option ([`ReadOptions::decimal`]): each number column's mark, and
//! for `auto` the whole file held so that every cell of a column is seen before any is read.

use super::{ReadOptions, decode_cow, read_header};
use crate::error::ReadError;
use crate::locale::{Accept, ColumnMark, DecimalMark, Tally, is_missing, trim};
use std::io::Read;
use std::sync::Arc;

/// A reader's input: streamed, or held whole (for `auto`).
pub(crate) enum Held<R> {
    /// Read as it comes.
    Streamed(R),
    /// Read into memory first.
    Whole(std::io::Cursor<Shared>),
}

/// Bytes shared between the reader and the tally of [`column_marks`].
#[derive(Clone)]
pub(crate) struct Shared(Arc<Vec<u8>>);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl<R: Read> Read for Held<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Held::Streamed(r) => r.read(buf),
            Held::Whole(c) => c.read(buf),
        }
    }
}

impl<R> Held<R> {
    /// The whole input, when it was held.
    pub(crate) fn whole(&self) -> Option<Shared> {
        match self {
            Held::Streamed(_) => None,
            Held::Whole(c) => Some(c.get_ref().clone()),
        }
    }
}

/// `input`, held whole in memory when `options.decimal` is `auto` (within
/// `options.limits.max_input_bytes`), else streamed.
///
/// Errors: [`ReadError::LimitExceeded`] or [`ReadError::Io`] while holding it.
pub(crate) fn hold<R: Read>(mut input: R, options: &ReadOptions) -> Result<Held<R>, ReadError> {
    if options.decimal != Some(DecimalMark::Auto) {
        return Ok(Held::Streamed(input));
    }
    let mut bytes = Vec::new();
    super::limits::CappedReader::new(&mut input, options.limits.max_input_bytes)
        .read_to_end(&mut bytes)
        .map_err(|e| super::io_error(&e))?;
    Ok(Held::Whole(std::io::Cursor::new(Shared(Arc::new(bytes)))))
}

/// What `auto` learns of the number columns of a file, one row at a time.
pub(crate) struct Tallies {
    cols: Vec<(usize, Accept, Tally)>,
}

impl Tallies {
    /// Tallies for the number columns `numbers`: (index, what its cells hold).
    pub(crate) fn new(numbers: &[(usize, Accept)]) -> Tallies {
        Tallies {
            cols: numbers
                .iter()
                .map(|&(i, a)| (i, a, Tally::default()))
                .collect(),
        }
    }

    /// Count the cells of one row; `cell(i)` is the text of column `i`.
    pub(crate) fn add_row<S: AsRef<str>>(&mut self, cell: impl Fn(usize) -> Option<S>) {
        for (i, accept, tally) in &mut self.cols {
            if let Some(c) = cell(*i) {
                let v = trim(c.as_ref());
                if !is_missing(v) {
                    tally.add(v, *accept);
                }
            }
        }
    }

    /// Each column's mark (indexed like `headers`), with a note in `notes` for every number
    /// column that `auto` decided or could not decide.
    pub(crate) fn settle(
        &self,
        headers: &[String],
        notes: &mut Vec<super::ReadNote>,
    ) -> Vec<ColumnMark> {
        let mut marks = vec![ColumnMark::Undecided; headers.len()];
        for (i, _, tally) in &self.cols {
            let header = headers.get(*i).map_or("", String::as_str);
            let (mark, note) = tally.settle(header);
            if let Some(slot) = marks.get_mut(*i) {
                *slot = mark;
            }
            notes.extend(note);
        }
        marks
    }
}

/// Each column's mark (indexed like `headers`) for a CSV whose number columns are `numbers`.
/// Under `auto`, `whole` is the file as [`hold`] kept it: its rows below the header are read
/// once here to settle each column (notes go to `notes`). Under the other settings every
/// column gets the option's mark and nothing is read.
pub(crate) fn column_marks(
    options: &ReadOptions,
    whole: Option<&[u8]>,
    headers: &[String],
    numbers: &[(usize, Accept)],
    notes: &mut Vec<super::ReadNote>,
) -> Vec<ColumnMark> {
    column_marks_with(options, headers, numbers, notes, |tallies| {
        feed_csv(tallies, whole, options.delimiter.unwrap_or(b','));
    })
}

/// Pass the rows below the header of the CSV `whole` (when held) to `tallies`.
pub(crate) fn feed_csv(tallies: &mut Tallies, whole: Option<&[u8]>, delimiter: u8) {
    let Some(bytes) = whole else { return };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut rec = csv::ByteRecord::new();
    if read_header(&mut rdr, &mut rec).is_ok() {
        // A broken row ends the tally; the reading proper reports it.
        while let Ok(true) = rdr.read_byte_record(&mut rec) {
            tallies.add_row(|i| rec.get(i).map(decode_cow));
        }
    }
}

/// Each column's mark (indexed like `headers`): the option's, or under `auto` settled from
/// the rows that `feed` passes to the tallies of the columns `numbers` (notes to `notes`).
pub(crate) fn column_marks_with(
    options: &ReadOptions,
    headers: &[String],
    numbers: &[(usize, Accept)],
    notes: &mut Vec<super::ReadNote>,
    feed: impl FnOnce(&mut Tallies),
) -> Vec<ColumnMark> {
    if options.decimal != Some(DecimalMark::Auto) {
        return vec![ColumnMark::of(options.decimal); headers.len()];
    }
    let mut tallies = Tallies::new(numbers);
    feed(&mut tallies);
    tallies.settle(headers, notes)
}
