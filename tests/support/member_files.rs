//! Member files with names in random places, for the privacy property tests of the core
//! (crates/koperasi/tests/shu_member_privacy.rs) and of `koperasi shu` (tests/cli_shu.rs):
//! columns in random order, good and bad dates and amounts, and one person's name put into a
//! random cell (a recognised column, a date or amount column, or an unknown one), quoted or
//! with an unquoted comma that shifts the row.

use proptest::prelude::*;

/// The columns of the generated files: (header, what its cells hold).
pub const COLUMNS: [(&str, Cell); 10] = [
    ("No Anggota", Cell::Id),
    ("Nama", Cell::Name),
    ("NIK", Cell::Nik),
    ("Tanggal Masuk", Cell::Date),
    ("Tanggal Keluar", Cell::Date),
    ("Simpanan Pokok", Cell::Amount),
    ("Simpanan Wajib", Cell::Amount),
    ("Pembelian", Cell::Amount),
    ("Catatan", Cell::Note),
    ("Telepon", Cell::Phone),
];

/// What a column's cells hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    Id,
    Name,
    Nik,
    Date,
    Amount,
    Note,
    Phone,
}

/// Dates as offices write them, and dates that cannot be read (no letters: a reader may quote
/// them; `tidak tahu` has letters).
const DATES: [&str; 9] = [
    "",
    "01/03/2019",
    "2019-03-01",
    "1 Maret 2019",
    "31/02/2024",
    "99999-01-01",
    "1/2/25",
    "tidak tahu",
    "2030-01-01",
];

/// Amounts, good and bad.
const AMOUNTS: [&str; 10] = [
    "",
    "Rp 100.000",
    "1.200.000",
    "2,5 jt",
    "-",
    "seratus",
    "-5",
    "1,2,3",
    "99999999999999999999999",
    "Rp",
];

/// Words of the generated names that could be confused with a header or a word of the
/// reader's own messages (an assertion that such a name is absent would fail for the wrong
/// reason).
const NOT_NAMES: [&str; 16] = [
    "Anggota",
    "Nama",
    "Tanggal",
    "Masuk",
    "Keluar",
    "Simpanan",
    "Pokok",
    "Wajib",
    "Pembelian",
    "Catatan",
    "Telepon",
    "Maret",
    "Some",
    "None",
    "Member",
    "Personal",
];

/// A generated member file.
#[derive(Clone, Debug)]
pub struct MemberFile {
    /// The CSV text.
    pub text: String,
    /// Every person's name in it (the row names and the placed name).
    pub names: Vec<String>,
    /// The header of the cell the placed name went into.
    pub placed_in: &'static str,
}

/// A person's name: one or two capitalised words, none of [`NOT_NAMES`].
pub fn name() -> impl Strategy<Value = String> {
    "[A-Z][a-z]{3,8}( [A-Z][a-z]{3,8})?".prop_filter("a word of the file's own text", |n| {
        n.split(' ').all(|w| !NOT_NAMES.contains(&w))
    })
}

fn cell(kind: Cell, row: usize) -> BoxedStrategy<String> {
    match kind {
        Cell::Id => Just(format!("A-{row}")).boxed(),
        Cell::Name => name().boxed(),
        Cell::Nik => "3[0-9]{15}".boxed(),
        Cell::Date => prop::sample::select(DATES.as_slice())
            .prop_map(str::to_string)
            .boxed(),
        Cell::Amount => prop::sample::select(AMOUNTS.as_slice())
            .prop_map(str::to_string)
            .boxed(),
        Cell::Note => "[a-z ]{0,10}".boxed(),
        Cell::Phone => "08[0-9]{9}".boxed(),
    }
}

/// A CSV cell: quoted when it holds a comma.
fn quoted(c: &str) -> String {
    if c.contains(',') {
        format!("\"{c}\"")
    } else {
        c.to_string()
    }
}

/// A member file of `rows` rows (1..=3) with the columns in a random order, and a random
/// person's name placed in a random cell other than an id (quoted, or written `First, Last`
/// without quotes when `unquoted`).
pub fn member_file() -> impl Strategy<Value = MemberFile> {
    let order = Just((0..COLUMNS.len()).collect::<Vec<usize>>()).prop_shuffle();
    let rows = prop::collection::vec(
        COLUMNS
            .iter()
            .enumerate()
            .map(|(i, (_, k))| cell(*k, i))
            .collect::<Vec<_>>(),
        1..=3,
    );
    (
        order,
        rows,
        name(),
        0..3usize,
        1..COLUMNS.len(),
        any::<bool>(),
    )
        .prop_map(|(order, mut rows, placed, row, col, unquoted)| {
            let n = rows.len();
            for (r, cells) in rows.iter_mut().enumerate() {
                if let Some(id) = cells.first_mut() {
                    *id = format!("A-{r}");
                }
            }
            let mut names: Vec<String> = rows.iter().filter_map(|c| c.get(1).cloned()).collect();
            let row = row % n;
            let placed_text = if unquoted {
                placed.replacen(' ', ", ", 1)
            } else {
                placed.clone()
            };
            if let Some(c) = rows.get_mut(row).and_then(|r| r.get_mut(col)) {
                *c = placed_text;
            }
            names.push(placed);
            let header: Vec<&str> = order.iter().map(|i| COLUMNS[*i].0).collect();
            let mut text = header.join(",") + "\n";
            for (r, cells) in rows.iter().enumerate() {
                let line: Vec<String> = order
                    .iter()
                    .map(|i| {
                        let c = &cells[*i];
                        if unquoted && r == row && *i == col {
                            c.clone()
                        } else {
                            quoted(c)
                        }
                    })
                    .collect();
                text.push_str(&line.join(","));
                text.push('\n');
            }
            MemberFile {
                text,
                names,
                placed_in: COLUMNS[col].0,
            }
        })
}

/// The first name of `names` (or a word of one) found in `text` as a whole word (`Poko` is
/// not found in `Pokok`).
pub fn leaked<'a>(text: &str, names: &'a [String]) -> Option<&'a str> {
    names.iter().find_map(|n| {
        std::iter::once(n.as_str())
            .chain(n.split(' '))
            .find(|w| has_word(text, w))
    })
}

fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text.get(..i).and_then(|t| t.chars().next_back());
        let after = text.get(i + word.len()..).and_then(|t| t.chars().next());
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}
