//! Labels and number formatting in English or Indonesian.

/// Labels for one language.
pub struct Labels {
    /// Indonesian when true.
    pub id: bool,
}

macro_rules! labels {
    ($($name:ident: $en:expr, $id:expr;)*) => {
        impl Labels {
            $(
                #[allow(dead_code)]
                pub fn $name(&self) -> &'static str {
                    if self.id { $id } else { $en }
                }
            )*
        }
    };
}

labels! {
    source: "Source", "Sumber";
    read: "Read", "Dibaca";
    rows: "rows", "baris";
    accepted: "accepted", "diterima";
    rejected: "rejected", "ditolak";
    unreadable_cells: "unreadable cells", "sel tak terbaca";
    period: "Period", "Periode";
    regions: "Regions", "Wilayah";
    aktif: "Aktif", "Aktif";
    tidak_aktif: "Tidak aktif", "Tidak aktif";
    total: "Total", "Total";
    change: "Change", "Perubahan";
    pct_change: "% change", "% perubahan";
    active_share: "% aktif", "% aktif";
    totals_per_period: "Totals per period", "Jumlah per periode";
    growth: "Growth over the span", "Pertumbuhan selama rentang";
    cagr: "CAGR", "CAGR (laju pertumbuhan tahunan majemuk)";
    per_year: "per year", "per tahun";
    years: "years", "tahun";
    grew_most: "Grew most (total)", "Tumbuh terbesar (total)";
    shrank_most: "Shrank most (total)", "Menyusut terbesar (total)";
    region: "Region", "Wilayah";
    code: "Code", "Kode";
    name: "Name", "Nama";
    level: "Level", "Tingkat";
    from: "From", "Dari";
    to: "To", "Ke";
    findings: "Findings", "Temuan";
    none: "none", "tidak ada";
    line: "Line", "Baris";
    column: "Column", "Kolom";
    value: "Value", "Nilai";
    reason: "Reason", "Alasan";
    rejected_rows: "Rejected rows", "Baris yang ditolak";
    cell_errors: "Unreadable cells (row kept, field left unknown)", "Sel tak terbaca (baris tetap dipakai, isian dianggap tidak diketahui)";
    unresolved_regions: "Region names without a Kemendagri code", "Nama wilayah tanpa kode Kemendagri";
    records: "Records", "Jumlah catatan";
    as_of: "As of", "Per tanggal";
    policy: "Policy", "Kebijakan";
    status: "Status", "Status";
    count: "Count", "Jumlah";
    status_counts: "Status", "Status";
    identified: "Identified (found at address, board known)", "Teridentifikasi (alamat dan pengurus jelas)";
    registrations: "Registrations by year (from badan hukum)", "Pendaftaran per tahun (dari badan hukum)";
    year: "Year", "Tahun";
    no_year: "no year stated", "tahun tidak tercantum";
    badan_hukum: "Nomor badan hukum", "Nomor badan hukum";
    with_number: "with a number", "ada nomor";
    without_number: "without", "tanpa nomor";
    ahu: "AHU form", "bentuk AHU";
    amendments: "amendments (PAD)", "perubahan AD (PAD)";
    with_year: "stating a year", "mencantumkan tahun";
    duplicates: "Possible duplicates (reported, not removed)", "Kemungkinan duplikat (dilaporkan, tidak dihapus)";
    shared: "Shared", "Sama";
    unknown: "(unknown)", "(tidak diketahui)";
    counts_by: "Counts by", "Jumlah menurut";
    severity: "Severity", "Tingkat";
    finding: "Finding", "Temuan";
    lines: "Lines", "Baris";
    sample_note: "No FILE given: using the embedded sample.", "Tanpa FILE: memakai contoh bawaan.";
}

impl Labels {
    /// Labels in Indonesian (`true`) or English.
    pub fn new(id: bool) -> Labels {
        Labels { id }
    }

    /// An integer with thousands separators: `1.234` (id) or `1,234` (en).
    pub fn int(&self, n: i64) -> String {
        if self.id {
            return koperasi::locale::format_int(n);
        }
        koperasi::locale::format_int_grouped(n, ',')
    }

    /// A percentage with two decimals: `-16,97 %` (id) or `-16.97 %` (en).
    pub fn pct(&self, x: f64) -> String {
        let s = format!("{x:.2}");
        let s = if self.id { s.replace('.', ",") } else { s };
        format!("{s} %")
    }

    /// A decimal with one decimal place.
    pub fn dec1(&self, x: f64) -> String {
        let s = format!("{x:.1}");
        if self.id { s.replace('.', ",") } else { s }
    }

    /// An optional integer, `-` when unknown.
    pub fn opt_int(&self, n: Option<i64>) -> String {
        n.map(|n| self.int(n)).unwrap_or_else(|| "-".into())
    }

    /// An optional percentage, `-` when unknown.
    pub fn opt_pct(&self, x: Option<f64>) -> String {
        x.map(|x| self.pct(x)).unwrap_or_else(|| "-".into())
    }

    /// A date as `1 Februari 2025` (id) or ISO (en).
    pub fn date(&self, d: koperasi::NaiveDate) -> String {
        if self.id {
            koperasi::locale::format_date(d)
        } else {
            d.to_string()
        }
    }
}
