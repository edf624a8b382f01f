//! `koperasi kopdes stages|readiness --format xlsx|html`: the stage and readiness reports as a
//! [`Book`] (notes, then one sheet per table), written by the shared XLSX and HTML writers (text
//! cells stay text: formula-safe). Labels in the `--locale`.

use crate::book::{Book, Cell, Section};
use crate::labels::Labels;
use koperasi::kopdes::{Checklist, ReadinessReport, Stage, StagesReport};
use std::path::Path;

fn t(l: &Labels, in_id: &str, in_en: &str) -> String {
    if l.id { in_id } else { in_en }.to_string()
}

fn stage(l: &Labels, s: Stage) -> String {
    if l.id { s.label_id() } else { s.label_en() }.to_string()
}

/// A count of a stage, empty when no record speaks of it (`covered` false: not known, not 0).
fn known(n: u64, covered: bool) -> Cell {
    if covered { Cell::count(n) } else { Cell::Empty }
}

fn pct_of(n: u64, of: u64, covered: bool) -> Cell {
    if covered && of > 0 {
        Cell::Pct(n as f64 / of as f64 * 100.0)
    } else {
        Cell::Empty
    }
}

/// The stages report as a workbook: notes; funnel; by region (when `--by`); days between
/// stages; stalled steps; the stalled coops.
pub fn stages_book(file: &Path, r: &StagesReport, l: &Labels) -> Book {
    let mut b = Book::new(l.id);
    b.note(t(l, "Berkas", "File"), file.display().to_string());
    b.note(t(l, "Per tanggal", "As of"), r.as_of.to_string());
    b.note(t(l, "Koperasi", "Coops"), r.coops.to_string());
    b.note(
        t(l, "Tanpa data tahapan", "Without stage facts"),
        r.without_facts.to_string(),
    );
    b.note(t(l, "Hari tunggu", "Stall days"), r.preset.clone());
    b.note(
        t(l, "Sel kosong", "Empty cells"),
        t(
            l,
            "tidak ada koperasi yang punya fakta untuk tahap itu (berkas tanpa kolomnya?): tidak diketahui, bukan 0",
            "no coop has a fact for the stage (the file has no column for it?): not known, not 0",
        ),
    );
    let mut f = Section::new(
        t(l, "Tahapan", "Funnel"),
        vec![
            t(l, "Tahap", "Stage"),
            t(l, "Tercapai", "Reached"),
            "%".to_string(),
            t(l, "Tanpa tanggal", "Undated"),
        ],
    );
    for c in &r.funnel {
        f.rows.push(vec![
            Cell::text(stage(l, c.stage)),
            known(c.reached, c.covered),
            pct_of(c.reached, r.coops, c.covered),
            known(c.undated, c.covered),
        ]);
    }
    b.sections.push(f);
    if !r.by_region.is_empty() {
        let mut header = vec![t(l, "Wilayah", "Region"), t(l, "Koperasi", "Coops")];
        header.extend(Stage::ALL.iter().map(|s| stage(l, *s)));
        let mut s = Section::new(t(l, "Per wilayah", "By region"), header);
        for g in &r.by_region {
            let mut row = vec![
                Cell::text(g.region.clone().unwrap_or_else(|| "-".into())),
                Cell::count(g.coops),
            ];
            row.extend(g.stages.iter().map(|c| known(c.reached, c.covered)));
            s.rows.push(row);
        }
        b.sections.push(s);
    }
    let mut d = Section::new(
        t(l, "Hari antar tahap", "Days between stages"),
        vec![
            t(l, "Dari", "From"),
            t(l, "Ke", "To"),
            "n".to_string(),
            t(l, "Median hari", "Median days"),
            "Min".to_string(),
            t(l, "Maks", "Max"),
            t(l, "Terbalik", "Out of order"),
        ],
    );
    for x in &r.durations {
        d.rows.push(vec![
            Cell::text(stage(l, x.from)),
            Cell::text(stage(l, x.to)),
            Cell::count(x.n),
            x.median_days.map_or(Cell::Empty, |m| Cell::Dec(m, 1)),
            Cell::opt_int(x.min_days),
            Cell::opt_int(x.max_days),
            Cell::count(x.out_of_order),
        ]);
    }
    b.sections.push(d);
    let mut s = Section::new(
        t(l, "Macet", "Stalled"),
        vec![
            t(l, "Dari", "From"),
            t(l, "Ke", "To"),
            t(l, "Batas hari", "Days allowed"),
            t(l, "Macet", "Stalled"),
            t(l, "Tanpa tanggal", "Undated"),
        ],
    );
    for c in &r.stall_counts {
        s.rows.push(vec![
            Cell::text(stage(l, c.step.from)),
            Cell::text(stage(l, c.step.to)),
            Cell::number(c.step.days),
            known(c.stalled, c.covered),
            known(c.undated, c.covered),
        ]);
    }
    b.sections.push(s);
    let mut k = Section::new(
        t(l, "Koperasi macet", "Stalled coops"),
        vec![
            t(l, "Baris", "Line"),
            t(l, "Koperasi", "Cooperative"),
            t(l, "Wilayah", "Region"),
            t(l, "Menunggu", "Waiting for"),
            t(l, "Sejak", "Since"),
            t(l, "Hari", "Days"),
        ],
    );
    for x in &r.stalled {
        k.rows.push(vec![
            x.line.map_or(Cell::Empty, Cell::number),
            Cell::text(x.name.clone()),
            Cell::text(x.region.clone().unwrap_or_default()),
            Cell::text(stage(l, x.to)),
            Cell::text(x.since.to_string()),
            Cell::Int(x.days_waiting),
        ]);
    }
    b.sections.push(k);
    b
}

/// The readiness report as a workbook: notes; the checklist items met and missing; missing
/// by region (when `--by`); each coop with its missing items. An item without data in the file
/// is not known: its counts are left empty, and so is the ready count (the notes say why).
pub fn readiness_book(file: &Path, r: &ReadinessReport, c: &Checklist, l: &Labels) -> Book {
    let mut b = Book::new(l.id);
    let known = r.known();
    let any = r.any_data();
    b.note(t(l, "Berkas", "File"), file.display().to_string());
    b.note(t(l, "Daftar syarat", "Checklist"), r.checklist.clone());
    if let Some(d) = r.as_of {
        b.note(t(l, "Per tanggal", "As of"), d.to_string());
    }
    b.note(t(l, "Koperasi", "Coops"), r.overall.coops.to_string());
    b.note(
        t(l, "Siap", "Ready"),
        if known {
            r.overall.ready.to_string()
        } else if any {
            format!(
                "{} {}",
                t(
                    l,
                    "tidak diketahui: tak ada data untuk",
                    "not known: no data for"
                ),
                r.uncovered().join(", ")
            )
        } else {
            t(
                l,
                "tidak diketahui: berkas tidak memuat satu pun kolom syarat",
                "not known: the file has no checklist column",
            )
        },
    );
    let mut s = Section::new(
        t(l, "Syarat", "Checklist"),
        vec![
            t(l, "Kode", "Code"),
            t(l, "Syarat", "Item"),
            t(l, "Dasar", "Source"),
            t(l, "Terpenuhi", "Met"),
            t(l, "Kurang", "Missing"),
            t(l, "Ada data", "Has data"),
        ],
    );
    for (item, n) in c.items.iter().zip(&r.overall.items) {
        let cover = |x: u64| {
            if n.covered {
                Cell::count(x)
            } else {
                Cell::Empty
            }
        };
        s.rows.push(vec![
            Cell::text(item.code.clone()),
            Cell::text(if l.id { &item.label_id } else { &item.label_en }.clone()),
            Cell::text(item.article.clone()),
            cover(n.met),
            cover(n.missing),
            Cell::text(if n.covered {
                t(l, "ya", "yes")
            } else {
                t(l, "tidak", "no")
            }),
        ]);
    }
    b.sections.push(s);
    if any && !r.by_region.is_empty() {
        let mut header = vec![
            t(l, "Wilayah", "Region"),
            t(l, "Koperasi", "Coops"),
            t(l, "Siap", "Ready"),
        ];
        header.extend(
            c.items
                .iter()
                .map(|i| format!("{} {}", t(l, "kurang", "missing"), i.code)),
        );
        let mut g = Section::new(t(l, "Per wilayah", "By region"), header);
        for x in &r.by_region {
            let mut row = vec![
                Cell::text(x.region.clone().unwrap_or_else(|| "-".into())),
                Cell::count(x.coops),
                if known {
                    Cell::count(x.ready)
                } else {
                    Cell::Empty
                },
            ];
            row.extend(x.items.iter().zip(&r.overall.items).map(|(i, o)| {
                if o.covered {
                    Cell::count(i.missing)
                } else {
                    Cell::Empty
                }
            }));
            g.rows.push(row);
        }
        b.sections.push(g);
    }
    if any {
        let mut k = Section::new(
            t(l, "Per koperasi", "By coop"),
            vec![
                t(l, "Baris", "Line"),
                t(l, "Koperasi", "Cooperative"),
                t(l, "Wilayah", "Region"),
                t(l, "Siap", "Ready"),
                t(l, "Kurang", "Missing"),
            ],
        );
        for x in &r.coops {
            k.rows.push(vec![
                x.line.map_or(Cell::Empty, Cell::number),
                Cell::text(x.name.clone()),
                Cell::text(x.region.clone().unwrap_or_default()),
                Cell::text(match r.coop_ready(x) {
                    Some(true) => t(l, "ya", "yes"),
                    Some(false) => t(l, "tidak", "no"),
                    None => t(l, "tidak diketahui", "not known"),
                }),
                Cell::text(x.missing.join(" ")),
            ]);
        }
        b.sections.push(k);
    }
    b
}
