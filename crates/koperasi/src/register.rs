//! Many cooperatives: duplicates, counts by any breakdown, status counts, registrations by year.
//!
//! A [`Register`] keeps every record as read; duplicates are reported
//! ([`Register::duplicates`]), never dropped. Everything that depends on time takes `as_of`.

use crate::cooperative::Koperasi;
use crate::status::{Assessment, Status, StatusPolicy, assess, assess_status};
use crate::wilayah::{KodeWilayah, Level};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

/// How many records share a status and its deciding reason (see [`Register::reason_counts`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReasonCount {
    /// The status.
    pub status: Status,
    /// The deciding reason's code, e.g. `no_rat_history`.
    pub code: String,
    /// Its Indonesian label.
    pub label_id: String,
    /// Its English label.
    pub label_en: String,
    /// Number of records.
    pub count: u64,
}

impl ReasonCount {
    /// Count assessments by (status, deciding reason), sorted by status, then by count
    /// (largest first), then by code.
    pub fn tally<A: std::borrow::Borrow<Assessment>, I: IntoIterator<Item = A>>(
        assessments: I,
    ) -> Vec<ReasonCount> {
        let mut t = ReasonTally::default();
        for a in assessments {
            t.add(a.borrow());
        }
        t.finish()
    }
}

/// [`ReasonCount::tally`] one assessment at a time.
#[derive(Debug, Default)]
pub(crate) struct ReasonTally {
    /// By status, then by reason code (looked up without a copy of the code).
    map: BTreeMap<Status, BTreeMap<String, ReasonCount>>,
}

impl ReasonTally {
    /// Count one assessment by its status and deciding (first) reason.
    pub fn add(&mut self, a: &Assessment) {
        let Some(r) = a.reasons.first() else {
            return;
        };
        let by_code = self.map.entry(a.status).or_default();
        match by_code.get_mut(r.code.as_str()) {
            Some(c) => c.count += 1,
            None => {
                by_code.insert(
                    r.code.clone(),
                    ReasonCount {
                        status: a.status,
                        code: r.code.clone(),
                        label_id: r.label_id.clone(),
                        label_en: r.label_en.clone(),
                        count: 1,
                    },
                );
            }
        }
    }

    /// The counts, sorted as [`ReasonCount::tally`] sorts them.
    pub fn finish(self) -> Vec<ReasonCount> {
        let mut out: Vec<ReasonCount> = self
            .map
            .into_values()
            .flat_map(|m| m.into_values())
            .collect();
        out.sort_by(|a, b| {
            a.status
                .cmp(&b.status)
                .then(b.count.cmp(&a.count))
                .then_with(|| a.code.cmp(&b.code))
        });
        out
    }
}

/// [`Register::duplicates`] one record at a time: [`DuplicateFinder::add`] each record with its
/// index in the register (in any order), then [`DuplicateFinder::finish`]. Keeps the keys of
/// every record (NIK, badan hukum key, kab/kota and normalised name) and its source line, not
/// the records.
#[derive(Debug, Default)]
pub(crate) struct DuplicateFinder {
    // Per key: the first record's index, and the others (most keys have one record: no
    // vector is allocated for them).
    by_nik: HashMap<String, (usize, Vec<usize>)>,
    by_bh: HashMap<String, (usize, Vec<usize>)>,
    by_name: HashMap<(Option<crate::wilayah::KodeWilayah>, String), (usize, Vec<usize>)>,
    /// Source line by record index.
    lines: Vec<Option<u64>>,
}

impl DuplicateFinder {
    /// Note the keys of the record at `index`.
    pub fn add(&mut self, index: usize, k: &Koperasi) {
        fn note<K: std::hash::Hash + Eq>(
            map: &mut HashMap<K, (usize, Vec<usize>)>,
            key: K,
            index: usize,
        ) {
            map.entry(key)
                .and_modify(|(_, more)| more.push(index))
                .or_insert((index, Vec::new()));
        }
        if let Some(n) = &k.nik {
            note(&mut self.by_nik, n.as_str().to_string(), index);
        }
        if let Some(b) = &k.badan_hukum {
            let key = b.key();
            if !key.is_empty() {
                note(&mut self.by_bh, key, index);
            }
        }
        let name = normalize_coop_name(&k.name);
        if !name.is_empty() {
            // Same name in different kabupaten/kota is common ("KUD Sumber Makmur"): only
            // names within one kab/kota (or both unplaced) are duplicates.
            let kab = k.location.code.and_then(|c| c.kab_kota());
            note(&mut self.by_name, (kab, name), index);
        }
        if self.lines.len() <= index {
            self.lines.resize(index + 1, None);
        }
        if let Some(l) = self.lines.get_mut(index) {
            *l = k.source_line;
        }
    }

    /// The groups, as [`Register::duplicates`] orders them.
    pub fn finish(self) -> Vec<DuplicateGroup> {
        let lines = self.lines;
        let mut out = Vec::new();
        let mut push = |key: DuplicateKey, groups: Vec<(String, (usize, Vec<usize>))>| {
            let mut groups: Vec<_> = groups
                .into_iter()
                .filter(|(_, (_, more))| !more.is_empty())
                .map(|(value, (first, mut v))| {
                    v.push(first);
                    v.sort_unstable();
                    (value, v)
                })
                .collect();
            groups.sort_by_key(|(_, v)| v.first().copied());
            for (value, records) in groups {
                let lines = records
                    .iter()
                    .map(|&i| lines.get(i).copied().flatten())
                    .collect();
                out.push(DuplicateGroup {
                    key,
                    value,
                    records,
                    lines,
                });
            }
        };
        push(DuplicateKey::Nik, self.by_nik.into_iter().collect());
        push(DuplicateKey::BadanHukum, self.by_bh.into_iter().collect());
        push(
            DuplicateKey::Name,
            self.by_name
                .into_iter()
                .map(|((_, name), v)| (name, v))
                .collect(),
        );
        out
    }
}

/// A register: many records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Register {
    /// The records, in input order.
    pub records: Vec<Koperasi>,
}

/// What a duplicate group shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKey {
    /// Same Nomor Induk Koperasi.
    Nik,
    /// Same nomor badan hukum ([`crate::identity::NomorBadanHukum::key`]).
    BadanHukum,
    /// Same normalised name ([`normalize_coop_name`]).
    Name,
}

impl DuplicateKey {
    /// The stable snake_case name: `nik`, `badan_hukum`, `name`.
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateKey::Nik => "nik",
            DuplicateKey::BadanHukum => "badan_hukum",
            DuplicateKey::Name => "name",
        }
    }
}

/// Records that share a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DuplicateGroup {
    /// The kind of key.
    pub key: DuplicateKey,
    /// The shared (normalised) value.
    pub value: String,
    /// Indices into `records`, ascending (at least two).
    pub records: Vec<usize>,
    /// The records' `source_line`s, in the same order as `records`.
    pub lines: Vec<Option<u64>>,
}

/// A breakdown field of [`Register::count_by`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Province.
    Provinsi,
    /// Kabupaten/kota.
    KabKota,
    /// Kecamatan.
    Kecamatan,
    /// Desa/kelurahan (codes need the `desa` feature; names as written otherwise).
    Desa,
    /// Jenis.
    Jenis,
    /// Kelompok.
    Kelompok,
    /// Bentuk.
    Bentuk,
    /// Status (needs as_of and policy).
    Status,
    /// Founding year.
    FoundingYear,
}

impl Field {
    /// Every field, in the order of the documentation.
    pub const ALL: [Field; 9] = [
        Field::Provinsi,
        Field::KabKota,
        Field::Kecamatan,
        Field::Desa,
        Field::Jenis,
        Field::Kelompok,
        Field::Bentuk,
        Field::Status,
        Field::FoundingYear,
    ];

    /// The stable snake_case name, as in JSON and on the command line: `kab_kota`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Provinsi => "provinsi",
            Field::KabKota => "kab_kota",
            Field::Kecamatan => "kecamatan",
            Field::Desa => "desa",
            Field::Jenis => "jenis",
            Field::Kelompok => "kelompok",
            Field::Bentuk => "bentuk",
            Field::Status => "status",
            Field::FoundingYear => "founding_year",
        }
    }

    /// The field named `name` (as given by [`Field::as_str`]), if any.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == name.trim())
    }
}

/// Counts by a breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CountTable {
    /// Breakdown fields.
    pub fields: Vec<Field>,
    /// Rows: key values (None = unknown), one per field, and the count; sorted by key
    /// (`None` before any value; values in byte order). The counts sum to the number of records.
    pub rows: Vec<(Vec<Option<String>>, u64)>,
}

/// Registrations per year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RegistrationsByYear {
    /// Year -> count.
    pub by_year: BTreeMap<i32, u64>,
    /// Records with no founding year.
    pub unknown: u64,
}

impl RegistrationsByYear {
    /// Count one record by its founding year ([`Koperasi::founding_year`]).
    pub fn add(&mut self, k: &Koperasi) {
        match k.founding_year() {
            Some(y) => *self.by_year.entry(y).or_insert(0) += 1,
            None => self.unknown += 1,
        }
    }
}

/// Leading abbreviations that [`normalize_coop_name`] expands (first word only).
const PREFIXES: &[(&str, &str)] = &[
    ("KOP", "KOPERASI"),
    ("KSP", "KOPERASI SIMPAN PINJAM"),
    ("KSPPS", "KOPERASI SIMPAN PINJAM DAN PEMBIAYAAN SYARIAH"),
    ("KSU", "KOPERASI SERBA USAHA"),
    ("KPRI", "KOPERASI PEGAWAI REPUBLIK INDONESIA"),
    ("KOPKAR", "KOPERASI KARYAWAN"),
    ("KOPWAN", "KOPERASI WANITA"),
    ("KUD", "KOPERASI UNIT DESA"),
];

/// The name key used to find duplicate names.
///
/// Exactly this is normalised, and nothing else:
/// 1. letters are upper-cased (`Kbmt Tabung Umat` = `KBMT TABUNG UMAT`; Unicode upper-casing,
///    keeping only the letters and digits it produces);
/// 2. every character that is not a letter or digit (punctuation, quotes, hyphens, slashes)
///    becomes a space (`PT.Jamsostek` = `PT Jamsostek`; note `K.S.P` becomes `K S P`);
/// 3. runs of whitespace, including embedded newlines and tabs, become one space; leading and
///    trailing spaces are removed;
/// 4. when the **first** word is one of the common abbreviations `KOP`, `KSP`, `KSPPS`, `KSU`,
///    `KPRI`, `KOPKAR`, `KOPWAN`, `KUD`, it is written out (`Kop. Karya` =
///    `Koperasi Karya`; `KSP Maju` = `Koperasi Simpan Pinjam Maju`).
///
/// Words are never dropped (`Koperasi Maju` and `Maju` stay different), abbreviations inside
/// the name are not expanded, and no spelling is corrected: two records share a key only when
/// their names differ in case, punctuation, spacing or that one leading abbreviation.
pub fn normalize_coop_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut first_len: Option<usize> = None;
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                first_len.get_or_insert(out.len());
                out.push(' ');
            }
            gap = false;
            if c.is_ascii() {
                out.push(c.to_ascii_uppercase());
            } else {
                out.extend(c.to_uppercase().filter(|u| u.is_alphanumeric()));
            }
        } else {
            gap = true;
        }
    }
    let first_len = first_len.unwrap_or(out.len());
    if let Some((_, full)) = out
        .get(..first_len)
        .and_then(|first| PREFIXES.iter().find(|(abbr, _)| *abbr == first))
    {
        out.replace_range(..first_len, full);
    }
    out
}

/// A region code cut to a level (its province, kab/kota, kecamatan, or itself for a desa);
/// `None` when the code is less precise than the level.
fn at_level(code: KodeWilayah, level: Level) -> Option<KodeWilayah> {
    match level {
        Level::Provinsi => Some(code.provinsi()),
        Level::KabupatenKota => code.kab_kota(),
        Level::Kecamatan => code.kecamatan(),
        Level::DesaKelurahan => (code.level() == Level::DesaKelurahan).then_some(code),
    }
}

fn tidy(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() { None } else { Some(t) }
}

/// Cache of region labels by code so that a national register does not look the table up
/// once per record.
#[derive(Default)]
struct RegionLabels {
    cache: HashMap<KodeWilayah, String>,
}

impl RegionLabels {
    /// The label of a record's region at a level: `"<code> <name>"` when the record's code
    /// reaches that level (name from the wilayah table, else as written), else the name as
    /// written (whitespace collapsed), else `None`.
    fn label(&mut self, k: &Koperasi, level: Level, written: Option<&str>) -> Option<String> {
        self.label_cow(k, level, written).map(Cow::into_owned)
    }

    /// [`RegionLabels::label`] without a copy when the label is the cached official one or the
    /// name as written is already tidy.
    fn label_cow<'a>(
        &'a mut self,
        k: &Koperasi,
        level: Level,
        written: Option<&'a str>,
    ) -> Option<Cow<'a, str>> {
        let Some(code) = k.location.code.and_then(|c| at_level(c, level)) else {
            return written.and_then(tidy_cow);
        };
        let official =
            self.cache
                .entry(code)
                .or_insert_with(|| match crate::wilayah::table().get(&code) {
                    Some(w) => format!("{code} {}", w.name),
                    None => code.to_string(),
                });
        // The name as written matters only when the table has no official name.
        if official.contains(' ') {
            return Some(Cow::Borrowed(official.as_str()));
        }
        match written.and_then(tidy_cow) {
            Some(w) => Some(Cow::Owned(format!("{official} {w}"))),
            None => Some(Cow::Borrowed(official.as_str())),
        }
    }
}

/// [`tidy`], borrowing when `s` is already tidy.
fn tidy_cow(s: &str) -> Option<Cow<'_, str>> {
    if crate::locale::is_tidy(s) {
        Some(Cow::Borrowed(s))
    } else {
        tidy(s).map(Cow::Owned)
    }
}

/// Counts by a breakdown, one record at a time: [`Register::count_by`] without holding the
/// register (e.g. fed by [`crate::io::register::for_each_register_record`]).
///
/// `Counter::new(fields, as_of, policy)`, then [`Counter::add`] for each record, then
/// [`Counter::finish`] gives the same [`CountTable`] as [`Register::count_by`] on those
/// records (key values as documented there). Memory is one entry per distinct key, not per
/// record.
pub struct Counter<'p> {
    fields: Vec<Field>,
    as_of: NaiveDate,
    policy: &'p StatusPolicy,
    labels: RegionLabels,
    /// Per field: value -> id (ids from 1; 0 is "unknown").
    ids: Vec<HashMap<String, u32>>,
    /// Per field: the value of id `i + 1`.
    values: Vec<Vec<String>>,
    counts: HashMap<Vec<u32>, u64>,
    key: Vec<u32>,
}

impl<'p> Counter<'p> {
    /// An empty count by `fields`; `as_of` and `policy` are used only by [`Field::Status`].
    pub fn new(fields: &[Field], as_of: NaiveDate, policy: &'p StatusPolicy) -> Counter<'p> {
        Counter {
            fields: fields.to_vec(),
            as_of,
            policy,
            labels: RegionLabels::default(),
            ids: vec![HashMap::new(); fields.len()],
            values: vec![Vec::new(); fields.len()],
            counts: HashMap::new(),
            key: Vec::with_capacity(fields.len()),
        }
    }

    /// Count one record.
    pub fn add(&mut self, k: &Koperasi) {
        self.add_with(k, None);
    }

    /// Count one record whose status as of the counter's date, under its policy, is already
    /// known (`status`, from [`assess`] or [`assess_status`]): the same as [`Counter::add`]
    /// without assessing the record again.
    pub fn add_assessed(&mut self, k: &Koperasi, status: Status) {
        self.add_with(k, Some(status));
    }

    fn add_with(&mut self, k: &Koperasi, status: Option<Status>) {
        self.key.clear();
        for (i, f) in self.fields.iter().enumerate() {
            let labels = &mut self.labels;
            let v: Option<Cow<'_, str>> = match f {
                Field::Provinsi => {
                    labels.label_cow(k, Level::Provinsi, k.location.provinsi.as_deref())
                }
                Field::KabKota => {
                    labels.label_cow(k, Level::KabupatenKota, k.location.kab_kota.as_deref())
                }
                Field::Kecamatan => {
                    labels.label_cow(k, Level::Kecamatan, k.location.kecamatan.as_deref())
                }
                Field::Desa => {
                    labels.label_cow(k, Level::DesaKelurahan, k.location.desa.as_deref())
                }
                Field::Jenis => k.jenis.map(|j| Cow::Borrowed(j.code())),
                Field::Bentuk => k.bentuk.map(|b| Cow::Borrowed(b.code())),
                Field::Kelompok => k.kelompok.as_deref().and_then(tidy_cow),
                Field::Status => Some(Cow::Borrowed(
                    status
                        .unwrap_or_else(|| assess_status(k, self.as_of, self.policy))
                        .code(),
                )),
                Field::FoundingYear => k.founding_year().map(|y| Cow::Owned(y.to_string())),
            };
            let id = match (v, self.ids.get_mut(i), self.values.get_mut(i)) {
                (None, _, _) => 0,
                (Some(v), Some(ids), Some(values)) => match ids.get(v.as_ref()) {
                    Some(id) => *id,
                    None => {
                        values.push(v.to_string());
                        let id = u32::try_from(values.len()).unwrap_or(u32::MAX);
                        ids.insert(v.into_owned(), id);
                        id
                    }
                },
                _ => 0,
            };
            self.key.push(id);
        }
        match self.counts.get_mut(self.key.as_slice()) {
            Some(n) => *n += 1,
            None => {
                self.counts.insert(self.key.clone(), 1);
            }
        }
    }

    /// The counts, sorted by key as [`Register::count_by`] sorts them.
    pub fn finish(self) -> CountTable {
        let values = &self.values;
        let mut rows: Vec<(Vec<Option<String>>, u64)> = self
            .counts
            .into_iter()
            .map(|(key, n)| {
                let key = key
                    .iter()
                    .zip(values)
                    .map(|(id, vals)| {
                        id.checked_sub(1)
                            .and_then(|i| vals.get(i as usize))
                            .cloned()
                    })
                    .collect();
                (key, n)
            })
            .collect();
        rows.sort();
        CountTable {
            fields: self.fields,
            rows,
        }
    }
}

/// A record's place as shown in reports: `"32.71.03 Bogor Tengah"` (code and official name of
/// the most precise level resolved), or the most precise name as written when nothing was
/// resolved (kecamatan, else kab/kota, else provinsi); `None` when the record says nothing.
/// The same labels as the region keys of [`Register::count_by`].
pub(crate) fn region_label(k: &Koperasi) -> Option<String> {
    let loc = &k.location;
    let (level, written) = match k.location.code.map(|c| c.level()) {
        Some(Level::Provinsi) => (Level::Provinsi, loc.provinsi.as_deref()),
        Some(Level::KabupatenKota) => (Level::KabupatenKota, loc.kab_kota.as_deref()),
        Some(Level::Kecamatan) => (Level::Kecamatan, loc.kecamatan.as_deref()),
        Some(Level::DesaKelurahan) => (Level::DesaKelurahan, loc.desa.as_deref()),
        None => (
            Level::Provinsi,
            loc.kecamatan
                .as_deref()
                .or(loc.kab_kota.as_deref())
                .or(loc.provinsi.as_deref()),
        ),
    };
    RegionLabels::default().label(k, level, written)
}

/// The breakdown value of one record for one field, as [`Register::count_by`] keys it (region
/// labels, codes, founding year). `None` for an unknown value and for [`Field::Status`], which
/// needs a date and a policy (use [`crate::status::assess_status`]).
pub fn record_key(k: &Koperasi, field: Field) -> Option<String> {
    let mut labels = RegionLabels::default();
    match field {
        Field::Provinsi => labels.label(k, Level::Provinsi, k.location.provinsi.as_deref()),
        Field::KabKota => labels.label(k, Level::KabupatenKota, k.location.kab_kota.as_deref()),
        Field::Kecamatan => labels.label(k, Level::Kecamatan, k.location.kecamatan.as_deref()),
        Field::Desa => labels.label(k, Level::DesaKelurahan, k.location.desa.as_deref()),
        Field::Jenis => k.jenis.map(|j| j.code().to_string()),
        Field::Bentuk => k.bentuk.map(|b| b.code().to_string()),
        Field::Kelompok => k.kelompok.as_deref().and_then(tidy),
        Field::Status => None,
        Field::FoundingYear => k.founding_year().map(|y| y.to_string()),
    }
}

impl Register {
    /// A register of these records.
    pub fn new(records: Vec<Koperasi>) -> Register {
        Register { records }
    }

    /// Groups of two or more records sharing a Nomor Induk Koperasi, a nomor badan hukum key
    /// ([`crate::identity::NomorBadanHukum::key`]), or a non-empty normalised name
    /// ([`normalize_coop_name`]) within one kabupaten/kota. A record can be in several groups. Order: all NIK groups, then
    /// badan hukum, then name; within a kind, by the first record index. Records are never
    /// dropped or merged.
    pub fn duplicates(&self) -> Vec<DuplicateGroup> {
        let mut finder = DuplicateFinder::default();
        for (i, k) in self.records.iter().enumerate() {
            finder.add(i, k);
        }
        finder.finish()
    }

    /// Count records by a breakdown, as of a date.
    ///
    /// Key values per field (`None` = unknown):
    /// - `Provinsi`, `KabKota`, `Kecamatan`: when the record's resolved region code reaches
    ///   that level, `"<code> <name>"` (e.g. `"32.71.03 Bogor Tengah"`: the code cut to the
    ///   level, dotted, then the official name from the wilayah table, or the name as written
    ///   when the table has none); otherwise the name as written with whitespace collapsed
    ///   (case kept: resolving spellings is the wilayah module's job);
    /// - `Jenis`, `Bentuk`: the snake_case code (`simpan_pinjam`, `primer`);
    /// - `Kelompok`: as written, whitespace collapsed;
    /// - `Status`: [`Status::code`] of [`assess_status`] under `policy` as of `as_of`;
    /// - `FoundingYear`: [`Koperasi::founding_year`] as decimal text.
    ///
    /// `as_of` and `policy` are used only by `Field::Status`.
    pub fn count_by(
        &self,
        fields: &[Field],
        as_of: NaiveDate,
        policy: &StatusPolicy,
    ) -> CountTable {
        self.count_by_where(fields, as_of, policy, |_| true)
    }

    /// [`Register::count_by`] over the records on the register as of `as_of`
    /// ([`crate::status::on_register`]: founded by then, or founding unknown, and not
    /// dissolved): a snapshot count at that date.
    pub fn count_on_register_by(
        &self,
        fields: &[Field],
        as_of: NaiveDate,
        policy: &StatusPolicy,
    ) -> CountTable {
        self.count_by_where(fields, as_of, policy, |k| {
            crate::status::on_register(k, as_of)
        })
    }

    /// [`Register::count_by`] over the records for which `keep` is true.
    pub fn count_by_where(
        &self,
        fields: &[Field],
        as_of: NaiveDate,
        policy: &StatusPolicy,
        keep: impl Fn(&Koperasi) -> bool,
    ) -> CountTable {
        let mut counter = Counter::new(fields, as_of, policy);
        for k in self.records.iter().filter(|k| keep(k)) {
            counter.add(k);
        }
        counter.finish()
    }

    /// Assess every record as of a date (same order as `records`).
    pub fn assess_all(&self, as_of: NaiveDate, policy: &StatusPolicy) -> Vec<Assessment> {
        self.records
            .iter()
            .map(|k| assess(k, as_of, policy))
            .collect()
    }

    /// How many records got each (status, deciding reason) as of a date: the first reason of
    /// each [`Assessment`], which is the one that decided the status. Sorted by status, then by
    /// count (largest first), then by code.
    pub fn reason_counts(&self, as_of: NaiveDate, policy: &StatusPolicy) -> Vec<ReasonCount> {
        ReasonCount::tally(self.records.iter().map(|k| assess(k, as_of, policy)))
    }

    /// Number of records per status as of a date; every [`Status`] is present (0 when none).
    /// Computed without building reasons.
    pub fn status_counts(&self, as_of: NaiveDate, policy: &StatusPolicy) -> BTreeMap<Status, u64> {
        let mut n = [0u64; 6];
        for k in &self.records {
            let s = assess_status(k, as_of, policy);
            if let Some(slot) = Status::ALL
                .iter()
                .position(|x| *x == s)
                .and_then(|i| n.get_mut(i))
            {
                *slot += 1;
            }
        }
        Status::ALL.iter().copied().zip(n).collect()
    }

    /// Registrations per founding year ([`Koperasi::founding_year`]: the year of the tanggal
    /// badan hukum, else the year stated by the nomor badan hukum); `unknown` counts records
    /// with neither. `by_year` values plus `unknown` equal the number of records.
    pub fn registrations_by_year(&self) -> RegistrationsByYear {
        let mut r = RegistrationsByYear::default();
        for k in &self.records {
            r.add(k);
        }
        r
    }
}
