//! One data row of a register, read into a [`Koperasi`] or rejected: each cell by the field
//! its column holds ([`Fld`]), then the facts that need several cells (the last RAT's year and
//! date, a field check's date, coordinates, the office's status columns).

use super::{
    Fld, Schema, bentuk_word, check_rat_date, contains_ignore_case, decode_record,
    last_rat_knowledge, parse_business_active, parse_yes_no, read_rat_cell,
};
use crate::cooperative::{
    Bentuk, Dissolution, DissolvedBy, FieldCheck, Jenis, Koperasi, LegacyKelompok, Members, Pola,
    Rat, RatKnowledge,
};
use crate::geo::CoordinateCells;
use crate::identity::{NikKoperasi, NomorBadanHukum};
use crate::io::{Rejection, is_total_label};
use crate::kopdes::{merge_stage_facts, read_stage_cell};
use crate::locale::{is_missing, is_placeholder_date, is_tidy, parse_date, trim};
use crate::office::{OfficeCells, OfficeColumn};
use crate::wilayah::KodeWilayah;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;

/// One data row, read: rejected, or a record with the cells that could not be read.
// Most rows are accepted: boxing the record would add an allocation per row to save copies.
#[allow(clippy::large_enum_variant)]
pub(super) enum Row {
    Rejected(Rejection),
    Accepted {
        k: Koperasi,
        cell_errors: Vec<Rejection>,
        /// Date cells holding a spreadsheet's empty date (`00/01/1900`), read as empty.
        placeholders: u32,
    },
}

/// Read one data row (not blank, within the limits) at `line` of the file. A pure function of
/// the row, so that rows can be read on several threads ([`super::for_each_register_record`]).
pub(super) fn convert_row(schema: &Schema, raw: &csv::ByteRecord, line: u64) -> Row {
    // Cells borrowed from the record when they are UTF-8 (no copy per cell).
    let rec = decode_record(raw);
    if let Some(r) = reject_shape(schema, &rec, line) {
        return Row::Rejected(r);
    }
    let mut b = RowBuilder::new(schema, line);
    for (i, cell) in rec.iter().enumerate() {
        b.cell(i, cell);
    }
    b.finish(&rec)
}

fn owned(rec: &[Cow<'_, str>]) -> Vec<String> {
    rec.iter().map(|c| c.to_string()).collect()
}

/// A row rejected for its shape: a total row, or more fields than the header.
fn reject_shape(schema: &Schema, rec: &[Cow<'_, str>], line: u64) -> Option<Rejection> {
    let reject = |value, code: &str, reason| Rejection {
        line,
        column: None,
        value,
        code: code.into(),
        reason,
        fields: owned(rec),
        cell: None,
    };
    if let Some(first) = rec.iter().find(|c| !trim(c).is_empty()) {
        if is_total_label(first) {
            let why = "a total row of the spreadsheet, not a cooperative".into();
            return Some(reject(Some(first.trim().to_string()), "total_row", why));
        }
    }
    let n = schema.headers.len();
    if rec.len() > n && rec.iter().skip(n).any(|c| !c.trim().is_empty()) {
        let why = format!("the row has {} fields but the header has {n}", rec.len());
        return Some(reject(None, "too_many_fields", why));
    }
    None
}

/// True for the fields that hold a date.
fn is_date_field(field: Option<Fld>) -> bool {
    matches!(
        field,
        Some(
            Fld::TanggalBadanHukum | Fld::LastRatDate | Fld::FieldCheckDate | Fld::DissolutionDate
        )
    )
}

/// The cells of a row that could not be read, and what was kept of them.
struct RowCtx {
    line: u64,
    cell_errors: Vec<Rejection>,
    extra_kept: Vec<(String, String)>,
    /// Date cells holding a spreadsheet's empty date, read as empty.
    placeholders: u32,
}

impl RowCtx {
    fn cell_error(&mut self, header: &str, value: &str, code: &str, reason: String) {
        self.cell_errors.push(Rejection {
            line: self.line,
            column: Some(header.to_string()),
            value: Some(value.to_string()),
            code: code.to_string(),
            reason,
            fields: Vec::new(),
            cell: None,
        });
        self.extra_kept
            .push((header.to_string(), value.to_string()));
    }
}

/// The per-year RAT columns of a row: the years they cover and the years two columns disagree
/// on (unknown).
#[derive(Default)]
struct RatCells {
    known: Vec<i32>,
    seen: Vec<(i32, Option<Option<NaiveDate>>)>,
    conflicts: Vec<i32>,
}

/// The last-RAT columns of a row (book year and/or date).
#[derive(Default)]
struct LastRat {
    year: Option<i32>,
    date: Option<NaiveDate>,
    date_cell: Option<usize>,
    year_unreadable: bool,
}

/// A row being read, cell by cell.
struct RowBuilder<'s> {
    schema: &'s Schema,
    ctx: RowCtx,
    k: Koperasi,
    rat: RatCells,
    last_rat: LastRat,
    members: Members,
    has_members: bool,
    check: FieldCheck,
    has_check_facts: bool,
    /// Columns of the field-check facts read (reported when the check has no date).
    check_fact_cells: Vec<usize>,
    dissolution_date: Option<NaiveDate>,
    dissolved_by: DissolvedBy,
    kode: Option<KodeWilayah>,
    office: OfficeCells,
    coordinates: CoordinateCells,
}

impl<'s> RowBuilder<'s> {
    fn new(schema: &'s Schema, line: u64) -> Self {
        RowBuilder {
            schema,
            ctx: RowCtx {
                line,
                cell_errors: Vec::new(),
                extra_kept: Vec::new(),
                placeholders: 0,
            },
            k: Koperasi {
                source_line: Some(line),
                rat: Vec::with_capacity(schema.n_rat_cols + 1),
                ..Koperasi::default()
            },
            rat: RatCells::default(),
            last_rat: LastRat::default(),
            members: Members::default(),
            has_members: false,
            check: FieldCheck {
                date: NaiveDate::MIN,
                found_at_address: None,
                board_known: None,
                business_active: None,
            },
            has_check_facts: false,
            check_fact_cells: Vec::new(),
            dissolution_date: None,
            dissolved_by: DissolvedBy::Unknown,
            kode: None,
            office: OfficeCells::default(),
            coordinates: CoordinateCells::default(),
        }
    }

    fn extra(&mut self, header: &str, cell: &str) {
        self.k.extra.push((header.to_string(), cell.to_string()));
    }

    /// Read cell `i` of the row.
    fn cell(&mut self, i: usize, cell: &str) {
        let schema = self.schema;
        let header = schema.headers.get(i).map(String::as_str).unwrap_or("");
        let v = trim(cell);
        let Some(field) = schema.kinds.get(i).copied().flatten() else {
            if let Some(year) = schema.rat_cols.get(i).copied().flatten() {
                self.rat_cell(header, cell, v, year);
            } else if let Some((stage, kind)) = schema.stage_cols.get(i).copied().flatten() {
                if !is_missing(v) && !is_placeholder_date(v) {
                    match read_stage_cell(stage, kind, v) {
                        Ok(fact) => self.k.stages.extend(fact),
                        Err((code, reason)) => self.ctx.cell_error(header, cell, code, reason),
                    }
                }
            } else {
                self.extra(header, cell);
            }
            return;
        };
        let yes_no_field = matches!(
            field,
            Fld::FoundAtAddress
                | Fld::BoardKnown
                | Fld::BusinessActive
                | Fld::OfficeStatus
                | Fld::OfficeActive
                | Fld::OfficeInactive
        );
        if is_missing(v) && !(yes_no_field && parse_yes_no(v).is_some()) {
            return;
        }
        if is_date_field(Some(field)) && is_placeholder_date(v) {
            self.ctx.placeholders += 1;
            return;
        }
        self.field(field, i, header, cell, v);
    }

    /// A `RAT <year>` cell: the meeting date, a yes/no mark, or empty (no RAT held).
    fn rat_cell(&mut self, header: &str, cell: &str, v: &str, year: i32) {
        // An empty date (`00/01/1900`) is an empty cell (`0` is "no", not a date).
        let v = if v != "0" && is_placeholder_date(v) {
            self.ctx.placeholders += 1;
            ""
        } else {
            v
        };
        let held = match read_rat_cell(v, year) {
            Ok(held) => held,
            Err((code, reason)) => return self.ctx.cell_error(header, cell, code, reason),
        };
        if self.rat.conflicts.contains(&year) {
            return;
        }
        match self.rat.seen.iter().find(|(y, _)| *y == year) {
            // Two columns for one book year that agree: nothing new.
            Some((_, before)) if *before == held => {}
            // ...that disagree: the year is unknown, both cells reported.
            Some((_, before)) => {
                let said = match *before {
                    None => "no RAT was held".to_string(),
                    Some(None) => "an RAT was held".to_string(),
                    Some(Some(d)) => format!("the RAT was held on {d}"),
                };
                let why = format!(
                    "another column for book year {year} says {said}; the year stays unknown"
                );
                self.ctx.cell_error(header, cell, "rat_conflict", why);
                self.rat.conflicts.push(year);
                self.rat.known.retain(|y| *y != year);
                self.k.rat.retain(|r| r.book_year != year);
            }
            None => {
                self.rat.seen.push((year, held));
                self.rat.known.push(year);
                if let Some(date) = held {
                    self.k.rat.push(Rat {
                        book_year: year,
                        date,
                    });
                }
            }
        }
    }

    /// A cell of a recognised field (not missing).
    fn field(&mut self, field: Fld, i: usize, header: &str, cell: &str, v: &str) {
        let opt = |s: &str| Some(s.to_string());
        let k = &mut self.k;
        match field {
            Fld::SourceId => k.source_id = opt(v),
            Fld::Name => {
                k.name = if is_tidy(v) {
                    v.to_string()
                } else {
                    v.split_whitespace().collect::<Vec<_>>().join(" ")
                }
            }
            Fld::Nik => match NikKoperasi::parse(v) {
                Ok(n) => k.nik = n,
                Err(e) => self.ctx.cell_error(header, cell, e.code(), e.to_string()),
            },
            Fld::NomorBadanHukum => k.badan_hukum = NomorBadanHukum::parse(v),
            Fld::TanggalBadanHukum => match parse_date(v) {
                Ok(d) => k.tanggal_badan_hukum = Some(d),
                Err(e) => self.ctx.cell_error(header, cell, e.code(), e.to_string()),
            },
            Fld::Address => k.location.address = opt(trim(cell)),
            Fld::Desa => k.location.desa = opt(v),
            Fld::Kecamatan => k.location.kecamatan = opt(v),
            Fld::KabKota => k.location.kab_kota = opt(v),
            Fld::Provinsi => k.location.provinsi = opt(v),
            Fld::KodeWilayah => match KodeWilayah::parse(v) {
                Ok(c) => self.kode = Some(c),
                Err(e) => self.ctx.cell_error(header, cell, e.code(), e.to_string()),
            },
            Fld::Bentuk => self.bentuk(header, cell, v),
            Fld::Jenis => self.jenis(header, cell, v),
            Fld::Kelompok => {
                k.kelompok = Some(LegacyKelompok::parse(v).map_or(v, |g| g.code()).to_string())
            }
            Fld::Pola => match v.to_lowercase().as_str() {
                "konvensional" => k.pola = Some(Pola::Konvensional),
                "syariah" | "syari'ah" | "sharia" => k.pola = Some(Pola::Syariah),
                _ => self.ctx.cell_error(
                    header,
                    cell,
                    "pola_unrecognised",
                    format!("`{v}` is not a pola pengelolaan (expected Konvensional or Syariah)"),
                ),
            },
            f @ (Fld::MembersMale
            | Fld::MembersFemale
            | Fld::MembersTotal
            | Fld::Employees
            | Fld::Managers) => self.count(f, i, header, cell, v),
            Fld::LastRatYear => self.last_rat_year(i, header, cell, v),
            Fld::LastRatDate => match parse_date(v) {
                Ok(d) => {
                    self.last_rat.date = Some(d);
                    self.last_rat.date_cell = Some(i);
                }
                Err(e) => self.ctx.cell_error(header, cell, e.code(), e.to_string()),
            },
            Fld::FieldCheckDate => match parse_date(v) {
                Ok(d) => {
                    self.check.date = d;
                    self.has_check_facts = true;
                }
                Err(e) => self.ctx.cell_error(header, cell, e.code(), e.to_string()),
            },
            f @ (Fld::FoundAtAddress | Fld::BoardKnown | Fld::BusinessActive) => {
                self.check_fact(f, i, header, cell, v)
            }
            Fld::DissolutionDate => match parse_date(v) {
                Ok(d) => self.dissolution_date = Some(d),
                Err(e) => self.ctx.cell_error(header, cell, e.code(), e.to_string()),
            },
            Fld::DissolvedBy => {
                self.dissolved_by = dissolved_by(v);
                self.extra(header, cell);
            }
            f @ (Fld::OfficeStatus | Fld::OfficeActive | Fld::OfficeInactive) => {
                let kind = match f {
                    Fld::OfficeStatus => OfficeColumn::Status,
                    Fld::OfficeActive => OfficeColumn::Active,
                    _ => OfficeColumn::Inactive,
                };
                if let Err((code, why)) = self.office.read(kind, header, v) {
                    self.ctx.cell_error(header, cell, code, why);
                }
                self.extra(header, cell);
            }
            f @ (Fld::Latitude | Fld::Longitude) => {
                if let Err((code, why)) = self.coordinates.read(f == Fld::Latitude, i, v) {
                    self.ctx.cell_error(header, cell, code, why);
                }
            }
            _ => self.extra(header, cell),
        }
    }

    /// The ODS writes the level of the membership area after the bentuk: `Primer
    /// Kabupaten/Kota`, `Primer Provinsi`, `Sekunder Nasional`.
    fn bentuk(&mut self, header: &str, cell: &str, v: &str) {
        match bentuk_word(v).as_str() {
            "primer" => self.k.bentuk = Some(Bentuk::Primer),
            "sekunder" => self.k.bentuk = Some(Bentuk::Sekunder),
            _ => self.ctx.cell_error(
                header,
                cell,
                "bentuk_unrecognised",
                format!("`{v}` is not a bentuk (expected Primer or Sekunder)"),
            ),
        }
    }

    fn jenis(&mut self, header: &str, cell: &str, v: &str) {
        let k = &mut self.k;
        if let Some(j) = Jenis::parse(v) {
            k.jenis = Some(j);
            // KSPPS / "Simpan Pinjam Syariah" also states the pola.
            if k.pola.is_none()
                && ["syariah", "kspps", "kjks"]
                    .iter()
                    .any(|w| contains_ignore_case(v, w))
            {
                k.pola = Some(Pola::Syariah);
            }
            return;
        }
        // Not one of the five legal jenis: KSU/KUD are legacy kelompok; anything else is
        // kept as the kelompok too, and listed (`jenis_unrecognised`).
        let legacy = LegacyKelompok::parse(v);
        if k.kelompok.is_none() {
            k.kelompok = Some(legacy.map_or(v, |g| g.code()).to_string());
        }
        match legacy {
            Some(_) => self.extra(header, cell),
            None => self.ctx.cell_error(
                header,
                cell,
                "jenis_unrecognised",
                format!(
                    "`{v}` is not one of the five jenis (konsumen, produsen, pemasaran, jasa, \
                     simpan pinjam) nor a legacy kelompok (KSU, KUD); kept as the kelompok, \
                     jenis left unknown"
                ),
            ),
        }
    }

    /// A count cell: members (male, female, total), employees, managers.
    fn count(&mut self, f: Fld, i: usize, header: &str, cell: &str, v: &str) {
        let n = match self
            .schema
            .marks
            .get(i)
            .copied()
            .unwrap_or_default()
            .count(v)
        {
            Ok(n) => n,
            Err(e) => return self.ctx.cell_error(header, cell, e.code(), e.to_string()),
        };
        let m = &mut self.members;
        match f {
            Fld::Employees => self.k.employees = Some(n),
            Fld::Managers => self.k.managers = Some(n),
            Fld::MembersMale => m.male = Some(n),
            Fld::MembersFemale => m.female = Some(n),
            _ => m.total = Some(n),
        }
        self.has_members |= !matches!(f, Fld::Employees | Fld::Managers);
    }

    /// A last-RAT book year, or a date in that column (the date of the last RAT).
    fn last_rat_year(&mut self, i: usize, header: &str, cell: &str, v: &str) {
        use crate::locale::{MAX_YEAR, MIN_YEAR};
        match v.parse::<i32>() {
            Ok(y) if (MIN_YEAR..=MAX_YEAR).contains(&y) => self.last_rat.year = Some(y),
            Err(_) if parse_date(v).is_ok() => {
                self.last_rat.date = parse_date(v).ok();
                self.last_rat.date_cell = Some(i);
            }
            _ => self.ctx.cell_error(
                header,
                cell,
                "rat_year_invalid",
                format!("`{v}` is not a book year ({MIN_YEAR}..={MAX_YEAR})"),
            ),
        }
    }

    /// A field-check fact: found at the address, board known, business running.
    fn check_fact(&mut self, f: Fld, i: usize, header: &str, cell: &str, v: &str) {
        let parsed = if f == Fld::BusinessActive {
            parse_business_active(v)
        } else {
            parse_yes_no(v)
        };
        let Some(b) = parsed else {
            let why = format!("`{v}` is not a yes/no mark (ya/tidak)");
            return self
                .ctx
                .cell_error(header, cell, "yes_no_unrecognised", why);
        };
        self.check_fact_cells.push(i);
        match f {
            Fld::FoundAtAddress => self.check.found_at_address = Some(b),
            Fld::BoardKnown => self.check.board_known = Some(b),
            _ => self.check.business_active = Some(b),
        }
    }

    /// The facts that need several cells, then the record (or the row's rejection).
    fn finish(mut self, rec: &[Cow<'_, str>]) -> Row {
        self.cross_check(rec);
        if let Some(r) = self.reject_name(rec) {
            return Row::Rejected(r);
        }
        let kept = std::mem::take(&mut self.ctx.extra_kept);
        let schema = self.schema;
        let k = &mut self.k;
        k.extra.extend(kept);
        if self.has_members {
            k.members = Some(self.members);
        }
        if schema.has_year_columns {
            k.rat_known = RatKnowledge::years(std::mem::take(&mut self.rat.known));
        }
        apply_last_rat(k, &self.last_rat, schema);
        k.rat.sort();
        if k.stages.len() > 1 {
            k.stages = merge_stage_facts(std::mem::take(&mut k.stages));
        }
        if self.has_check_facts && self.check.date != NaiveDate::MIN {
            k.field_checks.push(self.check);
        }
        if let Some(date) = self.dissolution_date {
            k.dissolution = Some(Dissolution {
                date,
                by: self.dissolved_by,
            });
        }
        k.location.code = self.kode;
        Row::Accepted {
            k: self.k,
            cell_errors: self.ctx.cell_errors,
            placeholders: self.ctx.placeholders,
        }
    }

    /// The last RAT's date against its year, the office's status columns, coordinates, and
    /// field-check facts without a date.
    fn cross_check(&mut self, rec: &[Cow<'_, str>]) {
        let schema = self.schema;
        // The header and text of cell `i`.
        let cell_at = |i: usize| {
            (
                schema.headers.get(i).map(String::as_str).unwrap_or(""),
                rec.get(i).map(|c| c.as_ref()).unwrap_or(""),
            )
        };
        let l = &mut self.last_rat;
        if let (Some(y), Some(d), Some(i)) = (l.year, l.date, l.date_cell) {
            if let Err((code, why)) = check_rat_date(d, y) {
                // Like a `RAT <y>` cell with that date: the RAT for y stays unknown.
                let (header, cell) = cell_at(i);
                self.ctx.cell_error(header, cell, code, why);
                l.date = None;
                l.year_unreadable = true;
            }
        }
        self.k.office_status = std::mem::take(&mut self.office).finish();
        match std::mem::take(&mut self.coordinates).finish() {
            Ok(c) => self.k.location.coordinates = c,
            Err((i, code, why)) => {
                let (header, cell) = cell_at(i);
                self.ctx.cell_error(header, cell, code, why);
            }
        }
        if !self.has_check_facts {
            for &i in &self.check_fact_cells {
                let (header, cell) = cell_at(i);
                self.ctx.cell_error(
                    header,
                    cell,
                    "field_check_without_date",
                    "a field-check fact needs the date of the check (a column such as \
                     `tanggal_verifikasi`); the fact is kept in the record's extra columns but \
                     not used"
                        .into(),
                );
            }
        }
    }

    /// A row without a name, or the blank template's example row (unless kept).
    fn reject_name(&mut self, rec: &[Cow<'_, str>]) -> Option<Rejection> {
        let schema = self.schema;
        let (value, code, reason) = if self.k.name.is_empty() {
            (
                String::new(),
                "missing_name",
                "the row has no cooperative name",
            )
        } else if !schema.keep_example && self.k.name.starts_with(crate::io::template::EXAMPLE_MARK)
        {
            (
                std::mem::take(&mut self.k.name),
                "template_example",
                "the example row of the blank template (its name starts with `CONTOH (hapus \
                 baris ini)`), not a cooperative",
            )
        } else {
            return None;
        };
        Some(Rejection {
            line: self.ctx.line,
            column: schema.name_col.clone(),
            value: Some(value),
            code: code.into(),
            reason: reason.into(),
            fields: owned(rec),
            cell: None,
        })
    }
}

/// The last-RAT year and/or date into the record's RATs and what the register says of them.
fn apply_last_rat(k: &mut Koperasi, l: &LastRat, schema: &Schema) {
    // A date without a book year: the meeting closes the previous book year.
    let (y, date) = match (l.year, l.date) {
        (Some(y), d) => (y, d),
        (None, Some(d)) => (d.year() - 1, Some(d)),
        (None, None) => return,
    };
    if !schema.has_year_columns {
        k.rat_known = last_rat_knowledge(y, schema.data_as_of);
    }
    match k.rat.iter_mut().find(|r| r.book_year == y) {
        // A per-year column said "held" without a date: the date column gives it.
        Some(r) => r.date = r.date.or(date),
        None if l.year.is_some() && l.year_unreadable => {}
        None => k.rat.push(Rat { book_year: y, date }),
    }
}

/// Who dissolved the cooperative, from the text of its column.
fn dissolved_by(v: &str) -> DissolvedBy {
    let t = v.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["anggota", "member"]) {
        DissolvedBy::MemberMeeting
    } else if has(&["pemerintah", "menteri", "government"]) {
        DissolvedBy::Government
    } else if has(&["pengadilan", "pailit", "court"]) {
        DissolvedBy::Court
    } else {
        DissolvedBy::Unknown
    }
}
