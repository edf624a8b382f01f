//! The Indonesian messages of every error, next to the English `Display` of each enum: the
//! same facts (value, line, column, limits) in Indonesian. A free-text cause given by a parser
//! or a caller (`why`, `hint`) is quoted as given.
//!
//! Each `match` lists every variant without a wildcard, so a new variant does not compile
//! until it has its Indonesian text.

use super::{
    DateError, DemographyError, Error, ExportError, IdentityError, MoneyError, NumberError,
    PolicyError, ReadError, ShuError, StatsError, WilayahError,
};

impl Error {
    /// The message in Indonesian (the English one is the `Display`), with the same facts.
    pub fn message_id(&self) -> String {
        match self {
            Error::Date(e) => e.message_id(),
            Error::Number(e) => e.message_id(),
            Error::Money(e) => e.message_id(),
            Error::Wilayah(e) => e.message_id(),
            Error::Identity(e) => e.message_id(),
            Error::Policy(e) => e.message_id(),
            Error::Stats(e) => e.message_id(),
            Error::Read(e) => e.message_id(),
            Error::Shu(e) => e.message_id(),
            Error::Demography(e) => e.message_id(),
            Error::Export(e) => e.message_id(),
        }
    }

    /// The message in Indonesian when `indonesian`, else the English `Display`.
    pub fn message(&self, indonesian: bool) -> String {
        if indonesian {
            self.message_id()
        } else {
            self.to_string()
        }
    }
}

impl DateError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            DateError::Unrecognised { value } => format!(
                "`{value}` bukan tanggal (contoh yang diharapkan: `1 Februari 2025`, `01/02/2025` \
                 atau `2025-02-01`)"
            ),
            DateError::Invalid { value, why } => {
                format!("`{value}` bukan tanggal yang ada: {why}")
            }
        }
    }
}

impl NumberError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            NumberError::NotANumber { value } => format!(
                "`{value}` bukan angka (diharapkan cara Indonesia, `.` untuk ribuan dan `,` untuk \
                 desimal, mis. `1.234.567,89`, `15 jt`, `Rp 5.000.000,-`)"
            ),
            NumberError::Ambiguous { value, why } => {
                format!("`{value}` bermakna ganda: {why}")
            }
            NumberError::OutOfRange { value, why } => {
                format!("`{value}` di luar rentang: {why}")
            }
            NumberError::Inexact { value, why } => {
                format!("`{value}` tidak dapat disimpan dengan tepat: {why}")
            }
        }
    }
}

impl MoneyError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            MoneyError::Overflow { operation } => {
                format!("jumlah uang melampaui batas pada operasi {operation}")
            }
        }
    }
}

impl WilayahError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            WilayahError::BadCode { value } => {
                format!("`{value}` bukan kode wilayah Kemendagri (contoh: `64.71.01`)")
            }
            WilayahError::NotFound { name } => format!("tidak ada wilayah bernama `{name}`"),
            WilayahError::Ambiguous { name, candidates } => {
                format!("`{name}` bermakna ganda: {candidates:?}")
            }
            WilayahError::BadTable { line, why } => {
                format!("tabel wilayah baris {line}: {why}")
            }
        }
    }
}

impl IdentityError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            IdentityError::BadNik { value, why } => {
                format!("`{value}` bukan Nomor Induk Koperasi: {why}")
            }
            IdentityError::BadNib { value } => {
                format!("`{value}` bukan NIB (harus 13 angka)")
            }
        }
    }
}

impl PolicyError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            PolicyError::UnknownPreset { name, known } => format!(
                "tidak ada preset kebijakan status bernama `{name}` (yang tersedia: {known})"
            ),
            PolicyError::Parse { why } => format!("kebijakan status tidak dapat dibaca: {why}"),
            PolicyError::Invalid { field, why } => {
                format!("isian kebijakan status `{field}` tidak sah: {why}")
            }
        }
    }
}

impl StatsError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            StatsError::NonPositiveBase { what, base } => {
                format!("{what} memerlukan nilai awal positif, diperoleh {base}")
            }
            StatsError::EmptySpan { from, to } => format!("rentang kosong dari {from} ke {to}"),
            StatsError::BadPeriod { value, why } => format!("`{value}` bukan periode: {why}"),
            StatsError::InvalidPeriod { value, why } => {
                format!("`{value}` bukan periode yang sah: {why}")
            }
            StatsError::NonPositiveYears { what, years } => format!(
                "{what} memerlukan jumlah tahun yang positif dan terhingga, diperoleh {years}"
            ),
            StatsError::NegativeValue { what, value } => {
                format!("{what} tidak boleh negatif, diperoleh {value}")
            }
            StatsError::PartExceedsTotal { what, part, total } => {
                format!("{what}: bagian {part} lebih besar dari jumlah {total}")
            }
            StatsError::NotFinite { what, why } => {
                format!("{what} bukan bilangan terhingga: {why}")
            }
            StatsError::BadParameter { name, value, why } => {
                format!("parameter `{name}` = {value} tidak sah: {why}")
            }
        }
    }
}

impl ReadError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            ReadError::Csv { line, why } => format!("kesalahan CSV pada baris {line}: {why}"),
            ReadError::Empty => "berkas kosong: tidak ada baris judul kolom".to_string(),
            ReadError::MissingColumn {
                field,
                looked_for,
                found,
            } => format!(
                "tidak ada kolom untuk `{field}` pada judul kolom (yang dicari: {looked_for}); \
                 kolom yang ada: {found}"
            ),
            ReadError::UnknownLayout { why } => {
                format!("jenis berkas ini tidak dapat dikenali: {why}")
            }
            ReadError::BadMapping { field, column } => format!(
                "pemetaan kolom: tidak ada kolom `{column}` pada judul kolom (untuk isian `{field}`)"
            ),
            ReadError::UnknownField { field, known } => {
                format!("pemetaan kolom: tidak ada isian `{field}` (isian yang ada: {known})")
            }
            ReadError::ConflictingMapping { why } => format!("pemetaan kolom: {why}"),
            ReadError::Io { why } => format!("gagal membaca: {why}"),
            ReadError::LimitExceeded {
                limit,
                found,
                max,
                line,
                sheet,
                cell,
            } => format!(
                "berkas melampaui batas `{limit}`: ditemukan {found}, paling banyak {max}{}; \
                 naikkan batas itu di opsi pembacaan bila berkasnya memang benar",
                limit_place_id(*line, sheet.as_deref(), cell.as_deref())
            ),
            ReadError::Workbook { why } => format!("buku kerja tidak dapat dibaca: {why}"),
            ReadError::NoSuchSheet { sheet, available } => format!(
                "tidak ada lembar kerja `{sheet}` di buku kerja; lembar yang ada: {available}"
            ),
        }
    }
}

/// Where a limit was exceeded, in Indonesian (the counterpart of `io::limit_place`).
fn limit_place_id(line: u64, sheet: Option<&str>, cell: Option<&str>) -> String {
    match (sheet, cell, line) {
        (Some(s), _, _) if s.contains('/') => format!(" (di {s})"),
        (Some(s), Some(c), _) => format!(" (lembar `{s}`, sel {c})"),
        (Some(s), None, 0) => format!(" (lembar `{s}`)"),
        (Some(s), None, l) => format!(" (lembar `{s}`, baris {l})"),
        (None, _, 0) => " (seluruh berkas)".to_string(),
        (None, _, l) => format!(" (baris {l})"),
    }
}

impl ExportError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            ExportError::CellTooLong {
                row,
                column,
                chars,
                max,
            } => format!(
                "baris {row}, kolom `{column}`: {chars} karakter, lebih dari {max} yang muat \
                 dalam satu sel XLSX"
            ),
            ExportError::TooLarge { why } => format!("tabel terlalu besar: {why}"),
            ExportError::Write { why } => format!("gagal menulis ekspor: {why}"),
        }
    }
}

impl ShuError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            ShuError::PlanSum { sum, percent, hint } => format!(
                "rencana pembagian berjumlah {sum} basis poin ({percent} %), bukan 10000 (100 %); \
                 {hint}"
            ),
            ShuError::PlanEmpty => "rencana pembagian tidak memuat komponen apa pun; sebutkan \
                                    paling sedikit satu, mis. cadangan = 10000 bp"
                .to_string(),
            ShuError::PlanDuplicate { component } => {
                format!("rencana pembagian menyebut komponen `{component}` dua kali")
            }
            ShuError::PlanInvalid { why } => format!("rencana pembagian: {why}"),
            ShuError::PlanParse { why } => {
                format!("rencana pembagian tidak dapat dibaca: {why}")
            }
            ShuError::NegativeShu { shu } => format!(
                "SHU negatif ({shu}): kerugian tidak dibagikan; kerugian ditutup sesuai \
                 keputusan RAT (mis. dari cadangan)"
            ),
            ShuError::NonMemberShu { non_member, shu } => {
                format!("SHU dari non-anggota {non_member} harus antara 0 dan seluruh SHU {shu}")
            }
            ShuError::NegativeBase {
                member_id,
                base,
                value,
            } => format!(
                "anggota `{member_id}`: dasar `{base}` negatif ({value} sen); dasar harus >= 0"
            ),
            ShuError::DuplicateMember { member_id } => {
                format!("nomor anggota `{member_id}` muncul dua kali; nomor anggota harus unik")
            }
            ShuError::EmptyMemberId { position } => {
                format!("seorang anggota tidak bernomor (anggota ke-{position}, dihitung dari 1)")
            }
            ShuError::Granularity { value } => format!(
                "pembulatan harus berupa jumlah sen yang positif (1 = sen, 100 = rupiah utuh), \
                 bukan {value}"
            ),
            ShuError::Overflow { what } => {
                format!("jumlah uang melampaui batas saat menghitung {what}")
            }
            ShuError::PseudonymCollision { pseudonym } => format!(
                "dua nomor anggota menghasilkan nama samaran yang sama `{pseudonym}`; pilih kunci \
                 lain"
            ),
            ShuError::UnknownBase {
                what,
                name,
                available,
                suggestion,
            } => format!(
                "rencana pembagian: {what} `{name}` tidak ada di data anggota (tidak ada kolom \
                 anggota yang memuatnya); data anggota memuat {available}{suggestion}"
            ),
            ShuError::EmptyKey => "kunci penyamaran kosong; berikan kata sandi rahasia".to_string(),
        }
    }
}

impl DemographyError {
    /// The message in Indonesian (the English one is the `Display`).
    pub fn message_id(&self) -> String {
        match self {
            DemographyError::EmptySpan { from, to, why } => {
                format!("rentang kosong atau tidak sah dari {from} ke {to}: {why}")
            }
            DemographyError::LengthMismatch {
                what,
                expected,
                got,
            } => format!("{what} berisi {got} nilai, seharusnya {expected} (satu per durasi)"),
            DemographyError::InvalidValue { what, value, why } => {
                format!("{what} = {value} tidak sah: {why}")
            }
            DemographyError::EntryAfterDuration {
                index,
                entry,
                duration,
            } => format!(
                "entry[{index}] = {entry} sesudah durations[{index}] = {duration}: satu unit \
                 tidak dapat keluar sebelum masuk"
            ),
            DemographyError::Empty { what } => format!("tidak ada {what} untuk dihitung"),
            DemographyError::StatusBreakdown => "`status` tidak dapat menjadi rincian deret \
                                                 status: setiap deret sudah dihitung menurut status"
                .to_string(),
            DemographyError::YearsAfterAsOf {
                first,
                last,
                as_of,
                max_year,
            } => format!(
                "tahun {first}-{last} sesudah tanggal acuan {as_of}: tidak ada yang teramati \
                 di sana; akhiri rentang pada {max_year} atau berikan tanggal acuan yang lebih \
                 akhir"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    //! Every variant has an Indonesian message that is not empty and is not the English one.
    //! `variant` matches every variant without a wildcard: a new variant does not compile
    //! until it has a number there, and the test fails until it has a sample in `samples`.
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use std::collections::BTreeSet;

    fn s(x: &str) -> String {
        x.to_string()
    }

    /// One error of each variant, with values to find in both messages.
    fn samples() -> Vec<Error> {
        let v = s("1,500");
        let mut out: Vec<Error> = vec![
            DateError::Unrecognised { value: s("31 Foo") }.into(),
            DateError::Invalid {
                value: s("31/02/2024"),
                why: s("day 31"),
            }
            .into(),
            NumberError::NotANumber { value: s("abc") }.into(),
            NumberError::Ambiguous {
                value: v.clone(),
                why: s("x"),
            }
            .into(),
            NumberError::OutOfRange {
                value: v.clone(),
                why: s("x"),
            }
            .into(),
            NumberError::Inexact {
                value: v.clone(),
                why: s("x"),
            }
            .into(),
            MoneyError::Overflow { operation: "add" }.into(),
            WilayahError::BadCode { value: s("99.x") }.into(),
            WilayahError::NotFound {
                name: s("Atlantis"),
            }
            .into(),
            WilayahError::Ambiguous {
                name: s("Baru"),
                candidates: vec![s("11.01 Baru")],
            }
            .into(),
            WilayahError::BadTable {
                line: 7,
                why: s("x"),
            }
            .into(),
            IdentityError::BadNik {
                value: s("12a"),
                why: s("x"),
            }
            .into(),
            IdentityError::BadNib { value: s("123") }.into(),
            PolicyError::UnknownPreset {
                name: s("kantor"),
                known: s("national, office"),
            }
            .into(),
            PolicyError::Parse { why: s("line 3") }.into(),
            PolicyError::Invalid {
                field: s("window"),
                why: s("x"),
            }
            .into(),
        ];
        out.extend(stats_samples());
        out.extend(read_samples());
        out.extend(shu_samples());
        out.extend(demography_samples());
        out
    }

    fn stats_samples() -> Vec<Error> {
        vec![
            StatsError::NonPositiveBase {
                what: "CAGR",
                base: -3,
            }
            .into(),
            StatsError::EmptySpan {
                from: s("2024"),
                to: s("2021"),
            }
            .into(),
            StatsError::BadPeriod {
                value: s("2024-Q5"),
                why: s("x"),
            }
            .into(),
            StatsError::InvalidPeriod {
                value: s("2024-13"),
                why: s("x"),
            }
            .into(),
            StatsError::NonPositiveYears {
                what: "CAGR",
                years: s("0"),
            }
            .into(),
            StatsError::NegativeValue {
                what: "aktif",
                value: -4,
            }
            .into(),
            StatsError::PartExceedsTotal {
                what: "share",
                part: 9,
                total: 5,
            }
            .into(),
            StatsError::NotFinite {
                what: "CAGR",
                why: s("x"),
            }
            .into(),
            StatsError::BadParameter {
                name: "min_relative",
                value: s("-1"),
                why: "x",
            }
            .into(),
        ]
    }

    fn read_samples() -> Vec<Error> {
        vec![
            ReadError::Csv {
                line: 12,
                why: s("x"),
            }
            .into(),
            ReadError::Empty.into(),
            ReadError::MissingColumn {
                field: s("name"),
                looked_for: s("nama"),
                found: s("a, b"),
            }
            .into(),
            ReadError::UnknownLayout { why: s("x") }.into(),
            ReadError::BadMapping {
                field: s("name"),
                column: s("Nama Kop"),
            }
            .into(),
            ReadError::UnknownField {
                field: s("nme"),
                known: s("name"),
            }
            .into(),
            ReadError::ConflictingMapping { why: s("x") }.into(),
            ReadError::Io { why: s("x") }.into(),
            ReadError::LimitExceeded {
                limit: s("max_rows"),
                found: 11,
                max: 10,
                line: 12,
                sheet: Some(s("Data")),
                cell: Some(s("B12")),
            }
            .into(),
            ReadError::Workbook { why: s("x") }.into(),
            ReadError::NoSuchSheet {
                sheet: s("Data"),
                available: s("Sheet1"),
            }
            .into(),
            ExportError::CellTooLong {
                row: 4,
                column: s("nama"),
                chars: 40000,
                max: 32767,
            }
            .into(),
            ExportError::TooLarge { why: s("x") }.into(),
            ExportError::Write { why: s("x") }.into(),
        ]
    }

    fn shu_samples() -> Vec<Error> {
        vec![
            ShuError::PlanSum {
                sum: 10500,
                percent: s("105.00"),
                hint: s("x"),
            }
            .into(),
            ShuError::PlanEmpty.into(),
            ShuError::PlanDuplicate {
                component: s("cadangan"),
            }
            .into(),
            ShuError::PlanInvalid { why: s("x") }.into(),
            ShuError::PlanParse { why: s("x") }.into(),
            ShuError::NegativeShu { shu: s("-Rp 5,00") }.into(),
            ShuError::NonMemberShu {
                non_member: s("Rp 9,00"),
                shu: s("Rp 5,00"),
            }
            .into(),
            ShuError::NegativeBase {
                member_id: s("A1"),
                base: s("capital"),
                value: -100,
            }
            .into(),
            ShuError::DuplicateMember { member_id: s("A1") }.into(),
            ShuError::EmptyMemberId { position: 3 }.into(),
            ShuError::Granularity { value: 0 }.into(),
            ShuError::Overflow { what: s("pool") }.into(),
            ShuError::PseudonymCollision {
                pseudonym: s("m-1"),
            }
            .into(),
            ShuError::UnknownBase {
                what: s("base"),
                name: s("pinjam"),
                available: s("pinjaman"),
                suggestion: s(""),
            }
            .into(),
            ShuError::EmptyKey.into(),
        ]
    }

    fn demography_samples() -> Vec<Error> {
        vec![
            DemographyError::EmptySpan {
                from: s("2024"),
                to: s("2020"),
                why: s("x"),
            }
            .into(),
            DemographyError::LengthMismatch {
                what: s("entry"),
                expected: 3,
                got: 2,
            }
            .into(),
            DemographyError::InvalidValue {
                what: s("alpha"),
                value: s("2"),
                why: s("x"),
            }
            .into(),
            DemographyError::EntryAfterDuration {
                index: 1,
                entry: 5.0,
                duration: 2.0,
            }
            .into(),
            DemographyError::Empty {
                what: s("durations"),
            }
            .into(),
            DemographyError::StatusBreakdown.into(),
            DemographyError::YearsAfterAsOf {
                first: 2023,
                last: 2024,
                as_of: s("2022-12-31"),
                max_year: 2022,
            }
            .into(),
        ]
    }

    /// The number of a variant among all variants of all areas (no wildcard).
    fn variant(e: &Error) -> usize {
        match e {
            Error::Date(e) => match e {
                DateError::Unrecognised { .. } => 0,
                DateError::Invalid { .. } => 1,
            },
            Error::Number(e) => match e {
                NumberError::NotANumber { .. } => 2,
                NumberError::Ambiguous { .. } => 3,
                NumberError::OutOfRange { .. } => 4,
                NumberError::Inexact { .. } => 5,
            },
            Error::Money(MoneyError::Overflow { .. }) => 6,
            Error::Wilayah(e) => match e {
                WilayahError::BadCode { .. } => 7,
                WilayahError::NotFound { .. } => 8,
                WilayahError::Ambiguous { .. } => 9,
                WilayahError::BadTable { .. } => 10,
            },
            Error::Identity(e) => match e {
                IdentityError::BadNik { .. } => 11,
                IdentityError::BadNib { .. } => 12,
            },
            Error::Policy(e) => match e {
                PolicyError::UnknownPreset { .. } => 13,
                PolicyError::Parse { .. } => 14,
                PolicyError::Invalid { .. } => 15,
            },
            Error::Stats(e) => match e {
                StatsError::NonPositiveBase { .. } => 16,
                StatsError::EmptySpan { .. } => 17,
                StatsError::BadPeriod { .. } => 18,
                StatsError::InvalidPeriod { .. } => 19,
                StatsError::NonPositiveYears { .. } => 20,
                StatsError::NegativeValue { .. } => 21,
                StatsError::PartExceedsTotal { .. } => 22,
                StatsError::NotFinite { .. } => 23,
                StatsError::BadParameter { .. } => 24,
            },
            Error::Read(e) => match e {
                ReadError::Csv { .. } => 25,
                ReadError::Empty => 26,
                ReadError::MissingColumn { .. } => 27,
                ReadError::UnknownLayout { .. } => 28,
                ReadError::BadMapping { .. } => 29,
                ReadError::UnknownField { .. } => 30,
                ReadError::ConflictingMapping { .. } => 31,
                ReadError::Io { .. } => 32,
                ReadError::LimitExceeded { .. } => 33,
                ReadError::Workbook { .. } => 34,
                ReadError::NoSuchSheet { .. } => 35,
            },
            Error::Export(e) => match e {
                ExportError::CellTooLong { .. } => 36,
                ExportError::TooLarge { .. } => 37,
                ExportError::Write { .. } => 38,
            },
            Error::Shu(e) => match e {
                ShuError::PlanSum { .. } => 39,
                ShuError::PlanEmpty => 40,
                ShuError::PlanDuplicate { .. } => 41,
                ShuError::PlanInvalid { .. } => 42,
                ShuError::PlanParse { .. } => 43,
                ShuError::NegativeShu { .. } => 44,
                ShuError::NonMemberShu { .. } => 45,
                ShuError::NegativeBase { .. } => 46,
                ShuError::DuplicateMember { .. } => 47,
                ShuError::EmptyMemberId { .. } => 48,
                ShuError::Granularity { .. } => 49,
                ShuError::Overflow { .. } => 50,
                ShuError::PseudonymCollision { .. } => 51,
                ShuError::UnknownBase { .. } => 52,
                ShuError::EmptyKey => 53,
            },
            Error::Demography(e) => match e {
                DemographyError::EmptySpan { .. } => 54,
                DemographyError::LengthMismatch { .. } => 55,
                DemographyError::InvalidValue { .. } => 56,
                DemographyError::EntryAfterDuration { .. } => 57,
                DemographyError::Empty { .. } => 58,
                DemographyError::StatusBreakdown => 59,
                DemographyError::YearsAfterAsOf { .. } => 60,
            },
        }
    }

    /// The number of variants `variant` knows (its largest number + 1).
    const VARIANTS: usize = 61;

    #[test]
    fn every_error_has_its_indonesian_message() {
        let all = samples();
        let seen: BTreeSet<usize> = all.iter().map(variant).collect();
        assert_eq!(seen, (0..VARIANTS).collect(), "a variant has no sample");
        for e in &all {
            let (en, id) = (e.to_string(), e.message_id());
            assert!(!id.trim().is_empty(), "{}: empty", e.code());
            assert_ne!(
                id,
                en,
                "{}: the Indonesian message is the English one",
                e.code()
            );
            // The same facts: every field value the English message shows, the Indonesian
            // one shows too (free-text causes are quoted as given).
            for (_, value) in e.details().fields {
                if en.contains(&value) {
                    assert!(
                        id.contains(&value),
                        "{}: `{value}` missing in {id}",
                        e.code()
                    );
                }
            }
            assert_eq!(e.message(true), id);
            assert_eq!(e.message(false), en);
        }
    }

    #[test]
    fn indonesian_messages_name_place_and_value() {
        let e: Error = ReadError::LimitExceeded {
            limit: s("max_rows"),
            found: 11,
            max: 10,
            line: 12,
            sheet: Some(s("Data")),
            cell: Some(s("B12")),
        }
        .into();
        assert_eq!(
            e.message_id(),
            "berkas melampaui batas `max_rows`: ditemukan 11, paling banyak 10 (lembar `Data`, \
             sel B12); naikkan batas itu di opsi pembacaan bila berkasnya memang benar"
        );
        let e: Error = crate::locale::parse_date("31/02/2024").unwrap_err().into();
        assert!(
            e.message_id()
                .starts_with("`31/02/2024` bukan tanggal yang ada: ")
        );
    }
}
