"""Constants shared by the polars and pandas versions of the jobs (issue 7).

They restate, for the cells the synthetic register contains, what the koperasi reader and the
`national` status preset do (crates/koperasi/src/io/register.rs, crates/koperasi/src/locale,
crates/koperasi/src/status/mod.rs, crates/koperasi/data/policies/national.json). An analyst who
reimplements the rule needs exactly this knowledge; the check in compare.py proves it matches.

National preset: window 3 book years, RAT due 6 months after the book-year end (30 June),
no grace for the founding year, unknown founding taken as old, a field check that did not find
the coop at its address gives not_found unless a counted RAT is dated after that check.
"""

RAT_YEARS = list(range(2012, 2025))  # columns "RAT 2012" .. "RAT 2024"
WINDOW = 3
RAT_MAX_YEARS_LATE = 3

# locale::is_missing placeholders (lower-cased)
MISSING = {"", "-", "--", "---", "\u2014", "\u2013", "n/a", "#n/a", "na", "n.a.", "n.a",
           "null", "none", "nil", "tidak ada", "?"}
# io::register::is_unknown_mark: "not known", checked before MISSING in an RAT cell
UNKNOWN = {"?", "??", "none", "nil", "nan", "n/a", "na", "n.a.", "n.a", "#n/a",
           "tidak diketahui", "tdk diketahui", "unknown", "null"}
YES = {"ya", "y", "yes", "sudah", "sdh", "ada", "1", "v", "\u2713", "true", "benar"}
NO = {"tidak", "tdk", "t", "no", "n", "belum", "blm", "tidak ada", "belum ada", "0",
      "false", "salah"}
# identity::NomorBadanHukum placeholders
BH_PLACEHOLDER = {"", "-", "--", "0", "n/a", "#n/a", "na", "null", "none", "nil", "?"}

BULAN = {"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
         "agustus": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12}

# Jenis::parse: lower case, alphanumerics only, a leading "koperasi" dropped
JENIS = {
    "konsumen": "konsumen", "produsen": "produsen", "pemasaran": "pemasaran", "jasa": "jasa",
    "simpanpinjam": "simpan_pinjam", "ksp": "simpan_pinjam", "usp": "simpan_pinjam",
    "simpanpinjamdanpembiayaansyariah": "simpan_pinjam", "simpanpinjamsyariah": "simpan_pinjam",
    "simpanpinjampembiayaansyariah": "simpan_pinjam", "kspps": "simpan_pinjam",
    "kspsyariah": "simpan_pinjam", "jasakeuangansyariah": "simpan_pinjam",
    "kjks": "simpan_pinjam",
}

STATUSES = ["active", "inactive", "not_found", "dissolved", "not_yet_due", "not_assessable"]


def latest_due_book_year(year: int, month: int, day: int) -> int:
    """Latest book year whose RAT deadline (30 June of the next year) is before the date."""
    return year - 1 if (month, day) > (6, 30) else year - 2


def month_ends(first: str, months: int):
    """Last days of `months` consecutive months from YYYY-MM, as (y, m, d)."""
    import calendar
    y, m = (int(x) for x in first.split("-"))
    out = []
    for _ in range(months):
        out.append((y, m, calendar.monthrange(y, m)[1]))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out
