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

                pub fn $name(&self) -> &'static str {
                    if self.id { $id } else { $en }
                }
            )*
        }
    };
}

labels! {
    region_code: "Code", "Kode";
    region_level: "Level", "Tingkat";
    policy_source: "source", "sumber";
    source: "Source", "Sumber";
    read: "Read", "Dibaca";
    rows: "rows", "baris";
    accepted: "accepted", "diterima";
    rejected: "rejected", "ditolak";
    unreadable_cells: "unreadable cells", "sel tak terbaca";
    sheet: "sheet", "lembar kerja";
    note: "Note", "Catatan";
    and_more: "... and", "... dan";
    period: "Period", "Periode";
    regions: "Regions", "Wilayah";
    aktif: "Aktif", "Aktif";
    tidak_aktif: "Tidak aktif", "Tidak aktif";
    total: "Total", "Jumlah";
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
    name: "Name", "Nama";
    findings: "Findings", "Temuan";
    none: "none", "tidak ada";
    line: "Line", "Baris";
    column: "Column", "Kolom";
    value: "Value", "Nilai";
    reason: "Reason", "Alasan";
    rejected_rows: "Rejected rows", "Baris yang ditolak";
    cell_errors: "Unreadable cells (row kept, field left unknown)", "Sel tak terbaca (baris tetap dipakai, isian dianggap tidak diketahui)";
    unresolved_regions: "Region names not matched to a Kemendagri code", "Nama wilayah yang tidak cocok dengan kode Kemendagri";
    records: "Records", "Jumlah koperasi dalam berkas";
    as_of: "As of", "Per tanggal";
    data_as_of: "Register's data date", "Tanggal data register";
    data_as_of_title: "from its title", "menurut judulnya";
    data_as_of_given: "given", "diberikan";
    policy: "Policy", "Kebijakan";
    status: "Status", "Status";
    count: "Count", "Jumlah";
    identified: "Identified (found at address, board known)", "Teridentifikasi (alamat dan pengurus jelas)";
    identified_unknown_all: "not known: no record has a field check that says so", "tidak diketahui: tidak ada data verifikasi lapangan yang menyatakannya";
    without_field_check: "not known", "tidak diketahui";
    registrations: "Registrations by year (from badan hukum)", "Pengesahan badan hukum per tahun";
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
    kept_columns: "Columns not recognised (kept as they are)", "Kolom yang tidak dikenali (disimpan apa adanya)";
    compare_counts: "Counts under each policy", "Jumlah menurut setiap kebijakan";
    compare_cross: "Cross table", "Tabulasi silang";
    compare_changes: "Cooperatives that change status, and why", "Koperasi yang berubah status, dan sebabnya";
    compare_same: "same status", "status sama";
    compare_changed: "changed status", "status berubah";
    compare_why: "Why", "Sebab";
    compare_records: "Records (line numbers)", "Data (nomor baris)";
    compare_changes_short: "Changes", "Perubahan";
    compare_groups_shown: "Groups shown (largest first)", "Kelompok yang ditampilkan (terbesar dahulu)";
    compare_all_hint: "`koperasi assess FILE --compare ...` lists every group and its coops", "`koperasi assess BERKAS --compare ...` menampilkan semua kelompok beserta koperasinya";
    sev_info: "info", "info";
    sev_warning: "warning", "peringatan";
    sev_error: "error", "galat";
    provinsi: "Provinsi", "Provinsi";
    kab_kota: "Kabupaten/kota", "Kabupaten/kota";
    kecamatan: "Kecamatan", "Kecamatan";
    desa: "Desa/kelurahan", "Desa/kelurahan";
    on_register: "on the register as of the date", "terdaftar per tanggal tersebut";
    founded_later: "founded later", "berdiri sesudahnya";
    dissolved: "dissolved", "dibubarkan";
    jenis: "Jenis", "Jenis";
    kelompok: "Kelompok", "Kelompok";
    bentuk: "Bentuk", "Bentuk";
    founding_year: "Founding year", "Tahun berdiri";
    note_not_assessed: "Status could not be assessed for", "Status tidak dapat dinilai untuk";
    of: "of", "dari";
    hint_add_rat: "Some records carry no RAT data at all: add a column per book year (e.g. `RAT 2024` holding the meeting date, `ya` or `tidak`), a column `tahun_rat_terakhir`, or field-check columns.", "Sebagian data tidak memuat RAT sama sekali: tambahkan kolom per tahun buku (mis. `RAT 2024` berisi tanggal rapat, `ya` atau `tidak`), kolom `tahun_rat_terakhir`, atau kolom hasil verifikasi lapangan.";
    hint_region: "Correct the spelling in the file, or give its kabupaten/kota with --region (e.g. --region \"Kota Bogor\") for kecamatan names that exist in several places; look names up with `koperasi wilayah NAME`.", "Perbaiki ejaan di berkas, atau sebutkan kabupaten/kota berkas dengan --region (mis. --region \"Kota Bogor\") untuk nama kecamatan yang ada di beberapa tempat; cari nama dengan `koperasi wilayah NAMA`.";
    active_without_latest_rat: "Of the active: no RAT for the latest closed book year (Kemenkop \"KA - tidak RAT\")", "Dari yang aktif: tanpa RAT tahun buku terakhir (Kemenkop \"KA - tidak RAT\")";
    key_nik: "NIK", "NIK";
    members: "Members", "Jumlah anggota";
    coops_with_members: "cooperatives stating their members", "koperasi yang mencantumkan jumlah anggota";
    hint_unknown_years: "of them have RAT cells that leave a book year unknown (`?`, `n/a`, an unreadable date, or no column for that year): `koperasi assess` names the years, `koperasi check` the cells.", "di antaranya memiliki isian RAT yang membuat suatu tahun buku tidak diketahui (`?`, `n/a`, tanggal yang tak terbaca, atau tidak ada kolom untuk tahun itu): `koperasi assess` menyebutkan tahunnya, `koperasi check` isiannya.";
    blank_rows: "empty rows skipped", "baris kosong dilewati";
    footer_lines: "lines under the table skipped (signature, notes)", "baris di bawah tabel dilewati (tanda tangan, catatan)";
    skipped_lines: "Lines under the table skipped (not cooperatives)", "Baris di bawah tabel yang dilewati (bukan koperasi)";
    did_you_mean: "Did you mean", "Mungkin maksudnya";
    read_as: "Read as", "Dibaca sebagai";
    kind_register: "a register (one row per cooperative)", "register (satu baris per koperasi)";
    key_badan_hukum: "badan hukum", "badan hukum";
    key_name: "name", "nama";
    total_rows: "Total rows (not summed)", "Baris jumlah (tidak dijumlahkan)";
    not_comparable: "* change over the regions present in both periods: the regions summed changed (see series_break)", "* perubahan atas wilayah yang ada di kedua periode: wilayah yang dijumlahkan berubah (lihat series_break)";
    span_not_comparable: "over the regions present at both ends only (the regions summed changed: no growth across a change of coverage)", "hanya atas wilayah yang ada di kedua ujung (wilayah yang dijumlahkan berubah: perubahan cakupan bukan pertumbuhan)";
    regions_compared: "regions", "wilayah";
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

    /// A number with two decimals and the locale's decimal mark (`99,55` / `99.55`).
    pub fn dec2(&self, x: f64) -> String {
        let s = format!("{x:.2}");
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

    /// A policy's name as shown: the presets described, other names as they are.
    pub fn policy_name(&self, name: &str) -> String {
        let (en, id) = match name {
            "national" => (
                "national (the Kemenkop count's reading: an RAT in at least one of the last 3 book years)",
                "nasional (pembacaan hitungan Kemenkop: RAT minimal sekali dalam 3 tahun buku terakhir)",
            ),
            "permenkop_25_2015" => (
                "Permenkop 25/2015 (an RAT in each of the last 3 book years and a running business)",
                "Permenkop 25/2015 (RAT setiap tahun dalam 3 tahun buku terakhir dan melakukan kegiatan usaha)",
            ),
            "office" => (
                "office (an RAT in each of the last 2 book years)",
                "Dinas (RAT setiap tahun buku dalam 2 tahun buku terakhir)",
            ),
            "field_verification_first" => (
                "field verification first",
                "verifikasi lapangan lebih dahulu",
            ),
            other => return other.to_string(),
        };
        (if self.id { id } else { en }).to_string()
    }

    /// The short name of a status policy, for a table cell: `nasional`, `Dinas`,
    /// `Permenkop 25/2015` (the name of [`Labels::policy_name`] without its explanation).
    pub fn policy_short(&self, name: &str) -> String {
        let long = self.policy_name(name);
        match long.split_once(" (") {
            Some((short, _)) => short.to_string(),
            None => long,
        }
    }

    /// A period as shown: `2021-Q3` (en) or `TW III 2021` (id, triwulan).
    pub fn period_label(&self, p: koperasi::stats::Period) -> String {
        use koperasi::stats::Period;
        match p {
            Period::Quarter(y, q) if self.id => {
                let roman = ["I", "II", "III", "IV"]
                    .get(usize::from(q).saturating_sub(1))
                    .copied()
                    .unwrap_or("?");
                format!("TW {roman} {y}")
            }
            other => other.to_string(),
        }
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
