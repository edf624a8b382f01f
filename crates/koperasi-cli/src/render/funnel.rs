//! The funnel of a register ([`koperasi::statements::funnel`]): the section of `koperasi
//! report` (terminal, markdown, workbook, HTML) and the text of `koperasi statements`. The
//! table is put together once, as a [`Section`]. Nothing is computed here beyond formatting.

use super::{Doc, status_label};
use crate::book::{Cell, Section};
use crate::labels::Labels;
use koperasi::statements::{Funnel, FunnelFigure, Support};
use koperasi::stats::Period;

/// English or Indonesian.
fn pick(l: &Labels, en: &'static str, id: &'static str) -> &'static str {
    if l.id { id } else { en }
}

/// The section's title.
pub fn title(l: &Labels) -> &'static str {
    pick(
        l,
        "Published figures the register supports (funnel of definitions)",
        "Angka yang dapat diterbitkan dari register (corong definisi)",
    )
}

/// The definition of a figure as shown: its label, with the policy of a status figure and the
/// book year of an RAT figure.
fn definition_cell(l: &Labels, f: &Funnel, x: &FunnelFigure) -> String {
    use koperasi::statements::Definition;
    let label = if l.id {
        x.definition.label_id()
    } else {
        x.definition.label_en()
    };
    match (&x.definition, x.book_year) {
        (Definition::RatHeld, Some(y)) => {
            format!("{label} ({} {y})", pick(l, "book year", "tahun buku"))
        }
        (Definition::Active | Definition::Inactive, _) => {
            format!("{label} ({})", l.policy_short(&f.policy))
        }
        _ => label.to_string(),
    }
}

/// What a figure rests on, or why the register cannot give it.
fn basis_cell(l: &Labels, x: &FunnelFigure) -> String {
    match &x.support {
        Support::Unsupported {
            reason_en,
            reason_id,
        } => format!(
            "{}: {}",
            pick(l, "not known", "tidak diketahui"),
            if l.id { reason_id } else { reason_en }
        ),
        Support::Counted { .. } => {
            let mut s = format!(
                "{} {} {} {}",
                pick(l, "known for", "diketahui untuk"),
                l.int(i64::try_from(x.basis.known).unwrap_or(i64::MAX)),
                l.of(),
                l.int(i64::try_from(x.basis.base).unwrap_or(i64::MAX)),
            );
            if !x.basis.columns.is_empty() {
                s.push_str(&format!(
                    "; {}: {}",
                    pick(l, "columns", "kolom"),
                    x.basis.columns.join(", ")
                ));
            }
            s
        }
    }
}

/// The funnel as one table: definition, date or year described, figure (empty when the
/// register cannot support it), what it rests on.
pub fn section(f: &Funnel, l: &Labels) -> Section {
    let mut s = Section::new(
        title(l),
        vec![
            pick(l, "Definition", "Definisi"),
            pick(l, "Describes", "Keadaan"),
            pick(l, "Figure", "Angka"),
            pick(l, "Rests on", "Dasar"),
        ],
    );
    for x in &f.figures {
        let describes = match x.describes {
            Period::Date(d) => l.date(d),
            p => l.period_label(p),
        };
        s.rows.push(vec![
            Cell::text(definition_cell(l, f, x)),
            Cell::text(describes),
            x.value().map_or(Cell::Empty, Cell::count),
            Cell::text(basis_cell(l, x)),
        ]);
    }
    s
}

/// The lines above the table: date, region, status of the records on record.
pub fn lines(f: &Funnel, l: &Labels) -> Vec<String> {
    let mut out = vec![format!(
        "{}: {}   {}: {}",
        l.as_of(),
        l.date(f.as_of),
        l.region(),
        f.region.as_deref().unwrap_or(l.unknown())
    )];
    let status: Vec<String> = f
        .status_counts
        .iter()
        .map(|(s, n)| {
            format!(
                "{}: {}",
                status_label(l, *s),
                l.int(i64::try_from(*n).unwrap_or(i64::MAX))
            )
        })
        .collect();
    if !status.is_empty() {
        out.push(format!(
            "{} ({}): {}",
            l.status(),
            l.policy_name(&f.policy),
            status.join("; ")
        ));
    }
    out
}

/// The funnel as a section of a text document.
pub(super) fn funnel_doc(d: &mut Doc, f: &Funnel) {
    let l = d.l;
    d.heading(title(l));
    for line in lines(f, l) {
        let esc: String = d.esc(&line).into();
        d.line(esc);
    }
    d.push_section(&section(f, l));
}

/// `koperasi statements FILE` as terminal text or markdown: the funnel, then how many
/// statements it gives to publish.
pub fn funnel_text(f: &Funnel, statements: usize, l: &Labels, md: bool) -> String {
    let mut d = Doc::new(l, md);
    funnel_doc(&mut d, f);
    d.line(format!(
        "{}: {} ({})",
        pick(
            l,
            "Statements to publish",
            "Pernyataan yang dapat diterbitkan"
        ),
        l.int(i64::try_from(statements).unwrap_or(i64::MAX)),
        pick(
            l,
            "`-o FILE.csv` writes them in the statements layout",
            "`-o BERKAS.csv` menuliskannya dalam tata letak pernyataan"
        ),
    ));
    d.out
}
