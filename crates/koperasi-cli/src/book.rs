//! A result as a workbook to be written: a notes section (source, how the file was read, as-of
//! date, policy, definitions), then one table per section, every cell typed (text, count,
//! decimal, percentage, money in sen). The XLSX writer ([`crate::xlsx`]) and the HTML page take
//! this one shape, so that a section is put together once for every format.

/// One cell of a section: text stays text (never a formula), figures stay figures.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from the report or a file (names, regions, codes, reasons).
    Text(String),
    /// A count, shown with thousands separators.
    Int(i64),
    /// A year or a line number: a number shown without separators (`2017`, not `2.017`).
    Plain(i64),
    /// A decimal (rates, survival), shown with `places` decimals.
    Dec(f64, u8),
    /// A percentage in percent units (`-16.97` is -16.97 %), shown with 2 decimals.
    Pct(f64),
    /// An amount of money in integer sen, shown in rupiah with 2 decimals.
    Money(i64),
    /// Nothing (an unknown figure).
    Empty,
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A count (`u64` as the reports give it; counts beyond `i64::MAX` do not occur).
    pub fn count(n: u64) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// A line number or a year of a `u64`/`i32` source, shown without separators.
    pub fn number(n: impl TryInto<i64>) -> Cell {
        n.try_into().map_or(Cell::Empty, Cell::Plain)
    }

    /// An optional count, empty when unknown.
    pub fn opt_int(n: Option<i64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Int)
    }

    /// An optional percentage, empty when unknown.
    pub fn opt_pct(x: Option<f64>) -> Cell {
        x.map_or(Cell::Empty, Cell::Pct)
    }

    /// A cell from text written by a CSV builder: an integer, a decimal (its places kept, at
    /// most 4), else text (`-`, `yes`, `1993*`).
    pub fn guess(s: &str) -> Cell {
        if let Ok(n) = s.parse::<i64>() {
            return Cell::Int(n);
        }
        match s.parse::<f64>() {
            Ok(x) if x.is_finite() && s.contains('.') => {
                let places = s.rsplit('.').next().map_or(0, str::len).min(4);
                Cell::Dec(x, u8::try_from(places).unwrap_or(4))
            }
            _ => Cell::text(s),
        }
    }

    /// The cell as plain text (for width estimates and the HTML page): figures without
    /// separators, money with two decimals.
    pub fn plain(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) | Cell::Plain(n) => n.to_string(),
            Cell::Dec(x, p) => format!("{x:.*}", usize::from(*p)),
            Cell::Pct(x) => format!("{x:.2}"),
            Cell::Money(sen) => {
                let sign = if *sen < 0 { "-" } else { "" };
                let abs = sen.unsigned_abs();
                format!("{sign}{}.{:02}", abs / 100, abs % 100)
            }
            Cell::Empty => String::new(),
        }
    }
}

/// The kind of a [`SheetChart`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// A line over the categories (totals per period).
    Line,
    /// Columns stacked over the categories (aktif and tidak aktif per period).
    StackedColumn,
    /// Horizontal bars, one per category (counts by kecamatan).
    Bar,
}

/// A chart of some columns of a section, drawn by the spreadsheet program from the cells
/// (XLSX), so that it follows the figures if they are edited.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetChart {
    /// What is drawn.
    pub kind: ChartKind,
    /// Title, in the chosen language.
    pub title: String,
    /// The column of the category labels (0-based).
    pub category: usize,
    /// The columns of the series (0-based), each named by its header, with its colour
    /// (`#RRGGBB`), if any.
    pub series: Vec<(usize, Option<&'static str>)>,
    /// The data rows drawn (the first `rows`; a total row after them is left out).
    pub rows: usize,
}

/// One table: a title (the sheet's name), a header row and data rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Title, in the chosen language (cut to a valid sheet name by the writer).
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Data rows.
    pub rows: Vec<Vec<Cell>>,
    /// Charts of the section's columns (XLSX).
    pub charts: Vec<SheetChart>,
}

impl Section {
    /// An empty section with its title and headers.
    pub fn new<S: Into<String>>(title: impl Into<String>, header: Vec<S>) -> Section {
        Section {
            title: title.into(),
            header: header.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            charts: Vec::new(),
        }
    }
}

/// A whole result: the notes, then the sections.
#[derive(Debug, Clone, PartialEq)]
pub struct Book {
    /// Indonesian labels and number formats when true.
    pub id: bool,
    /// (item, value) lines of the first sheet, "Catatan" / "Notes".
    pub notes: Vec<(String, String)>,
    /// The tables, in order.
    pub sections: Vec<Section>,
}

impl Book {
    /// An empty book in Indonesian (`id`) or English.
    pub fn new(id: bool) -> Book {
        Book {
            id,
            notes: Vec::new(),
            sections: Vec::new(),
        }
    }

    /// Add a line to the notes.
    pub fn note(&mut self, item: impl Into<String>, value: impl Into<String>) {
        self.notes.push((item.into(), value.into()));
    }

    /// The title of the notes sheet.
    pub fn notes_title(&self) -> &'static str {
        if self.id { "Catatan" } else { "Notes" }
    }
}

#[cfg(test)]
mod tests {
    use super::Cell;

    #[test]
    fn money_is_shown_from_sen_exactly() {
        assert_eq!(Cell::Money(12_345_678_901).plain(), "123456789.01");
        assert_eq!(Cell::Money(-5).plain(), "-0.05");
        assert_eq!(Cell::Money(i64::MIN).plain(), "-92233720368547758.08");
    }
}
