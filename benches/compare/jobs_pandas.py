"""The jobs of issue 7 written as an expert would in pandas (with numpy): vectorised, no per-row
Python.

    python jobs_pandas.py j1 DATA_DIR OUT.csv [AS_OF]        # count by provinsi x jenis x status
    python jobs_pandas.py j2 DATA_DIR OUT.csv [FIRST MONTHS] # monthly status counts
    python jobs_pandas.py j3 DATA_DIR OUT.csv                # SHU over three pools, exact

Same rules as jobs_polars.py (see rules.py); compare.py checks the results are identical.
Dates are kept as int64 days since 1970-01-01 (NaT-free arithmetic; -2**62 / 2**62 stand for
"none" so that comparisons need no null handling).
"""
import sys
from datetime import date

import numpy as np
import pandas as pd

import rules as R

RAT_COLS = [f"RAT {y}" for y in R.RAT_YEARS]
BULAN_RE = "|".join(R.BULAN)
NEVER = np.int64(2**62)      # "no date" where a small date means "happened"
EPOCH = date(1970, 1, 1)


def days(d: date) -> int:
    return (d - EPOCH).days


def parse_date(s: pd.Series) -> pd.Series:
    """Dates as written: ISO, dd/mm/yyyy, `12 Mei 2024`; anything else NaT."""
    s = s.str.strip()
    iso = pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")
    dmy = pd.to_datetime(s, format="%d/%m/%Y", errors="coerce")
    parts = s.str.lower().str.extract(rf"^(\d{{1,2}}) ({BULAN_RE}) (\d{{4}})$")
    long_iso = parts[2] + "-" + parts[1].map(R.BULAN).astype("Int64").astype(str).str.zfill(2) \
        + "-" + parts[0].str.zfill(2)
    long = pd.to_datetime(long_iso, format="%Y-%m-%d", errors="coerce")
    return iso.fillna(dmy).fillna(long)


def as_days(dt: pd.Series, none: np.int64) -> np.ndarray:
    """Datetime series to int64 days, NaT as `none`."""
    out = dt.to_numpy(dtype="datetime64[D]").astype(np.int64)
    out[dt.isna().to_numpy()] = none
    return out


def features(data_dir: str) -> dict:
    cols = ["nama_koperasi", "nomor_bh", "tanggal_bh", "kode_wilayah", "provinsi",
            "jenis_koperasi", *RAT_COLS, "tanggal_verifikasi", "ditemukan", "tanggal_pembubaran"]
    # keep_default_na=False: `n/a` in an RAT cell means "unknown", not "empty"
    df = pd.read_csv(f"{data_dir}/register.csv", usecols=cols, dtype=str, keep_default_na=False)
    df = df[df["nama_koperasi"].str.strip() != ""].reset_index(drop=True)
    prov = pd.read_csv(f"{data_dir}/provinces.csv", dtype=str)
    f = {}
    for y, c in zip(R.RAT_YEARS, RAT_COLS):
        v = df[c].str.strip().str.lower()
        d = parse_date(df[c])
        yr = d.dt.year
        date_ok = (d.notna() & (yr > y) & (yr <= y + R.RAT_MAX_YEARS_LATE)).to_numpy()
        unknown = v.isin(R.UNKNOWN).to_numpy()
        missing = v.isin(R.MISSING).to_numpy()
        yes = v.isin(R.YES).to_numpy()
        no = v.isin(R.NO).to_numpy()
        dd = as_days(d, NEVER)
        plain = ~unknown & ~missing & ~yes & ~no & date_ok
        f[f"k{y}"] = ~unknown & (missing | yes | no | date_ok)
        # day from which the RAT counts (NEVER: not held)
        f[f"h{y}"] = np.where(yes & ~unknown & ~missing, days(date(y + 1, 7, 1)),
                              np.where(plain, dd, NEVER))
        f[f"d{y}"] = np.where(plain, dd, -NEVER)  # meeting date, -NEVER when none
    bh = df["nomor_bh"].str.strip().str.lower()
    bh_year = pd.to_numeric(bh.str.extract(r"(\d{4})$")[0], errors="coerce")
    bh_year[bh.isin(R.BH_PLACEHOLDER) | bh.str.fullmatch(r"0+")] = np.nan
    bh_year[(bh_year < 1945) | (bh_year > 2100)] = np.nan
    founded = parse_date(df["tanggal_bh"])
    fy = founded.dt.year.fillna(bh_year)
    f["founded"] = as_days(founded, -NEVER)
    f["has_founded"] = founded.notna().to_numpy()
    f["founding_year"] = fy.fillna(-1).to_numpy(dtype=np.int64)  # -1: unknown
    kode = df["kode_wilayah"].str.strip().str.replace(".", "", regex=False)
    kode_prov = kode.str.slice(0, 2).where(kode.str.fullmatch(r"\d{4}(\d{2}(\d{4})?)?"))
    labels = prov["code"] + " " + prov["name"]
    by_code = dict(zip(prov["code"], labels))
    by_name = dict(zip(prov["name"].str.upper(), labels))
    provinsi = kode_prov.map(by_code).fillna(df["provinsi"].str.strip().str.upper().map(by_name))
    jenis_key = df["jenis_koperasi"].str.strip().str.lower().str.replace(r"[^a-z0-9]", "", regex=True) \
        .str.removeprefix("koperasi")
    f["provinsi"] = provinsi.fillna("").to_numpy()
    f["jenis"] = jenis_key.map(R.JENIS).fillna("").to_numpy()
    f["check"] = as_days(parse_date(df["tanggal_verifikasi"]), NEVER)
    f["not_found"] = df["ditemukan"].str.strip().str.lower().isin(
        ["tidak", "tdk", "t", "no", "n", "belum", "blm", "0", "false", "salah", "belum ada"]).to_numpy()
    f["dissolved"] = as_days(parse_date(df["tanggal_pembubaran"]), NEVER)
    return f


def status(f: dict, as_of: date) -> np.ndarray:
    """Status codes (index into R.STATUSES) under the national preset as of a date."""
    ld = R.latest_due_book_year(as_of.year, as_of.month, as_of.day)
    d = days(as_of)
    n = len(f["founded"])
    active = np.zeros(n, dtype=bool)
    superseded = np.zeros(n, dtype=bool)
    for y in R.RAT_YEARS:
        counted = f[f"h{y}"] <= d
        if y >= ld - 2:
            active |= counted
        superseded |= counted & (f[f"d{y}"] > f["check"])
    fy = f["founding_year"]
    has_fy = fy >= 0
    first_needed = np.where(has_fy, np.maximum(fy, ld - 2), ld - 2)
    window_known = np.ones(n, dtype=bool)
    for y in range(ld - 2, ld + 1):
        known = f[f"k{y}"] if y in R.RAT_YEARS else np.zeros(n, dtype=bool)
        window_known &= known | (has_fy & (y < fy))
    not_yet_founded = np.where(f["has_founded"], f["founded"] > d, has_fy & (fy > as_of.year))
    conds = [
        f["dissolved"] <= d,
        not_yet_founded,
        (f["check"] <= d) & f["not_found"] & ~superseded,
        active,
        first_needed > ld,
        ~window_known,
    ]
    codes = [3, 5, 2, 0, 4, 5]
    return np.select(conds, codes, default=1)


def j1(data_dir: str, out: str, as_of: str = "2025-07-31") -> None:
    f = features(data_dir)
    s = np.array(R.STATUSES)[status(f, date.fromisoformat(as_of))]
    res = (pd.DataFrame({"provinsi": f["provinsi"], "jenis": f["jenis"], "status": s})
           .groupby(["provinsi", "jenis", "status"]).size().rename("count").reset_index()
           .sort_values(["provinsi", "jenis", "status"]))
    res.to_csv(out, index=False)


def j2(data_dir: str, out: str, first: str = "2015-08", months: str = "120") -> None:
    f = features(data_dir)
    rows = []
    for (y, m, d) in R.month_ends(first, int(months)):
        counts = np.bincount(status(f, date(y, m, d)), minlength=len(R.STATUSES))
        rows += [(date(y, m, d).isoformat(), R.STATUSES[i], int(c)) for i, c in enumerate(counts) if c]
    pd.DataFrame(rows, columns=["as_of", "status", "count"]).sort_values(["as_of", "status"]) \
        .to_csv(out, index=False)


def floor_div_exact(b: np.ndarray, amount: int, total: int):
    """floor(b * amount / total) and the remainder, exactly, although b * amount overflows
    int64: estimate the quotient in float64 (off by at most 1), then correct it with the
    remainder computed modulo 2**64 (exact because the true remainder is small)."""
    q = np.floor(b.astype(np.float64) * amount / total).astype(np.int64)
    with np.errstate(over="ignore"):
        r = b * np.int64(amount) - q * np.int64(total)  # wraps; true value is in (-2T, 2T)
    for _ in range(2):
        low = r < 0
        q[low] -= 1
        r[low] += total
        high = r >= total
        q[high] += 1
        r[high] -= total
    return q, r


def j3(data_dir: str, out: str) -> None:
    pools = pd.read_csv(f"{data_dir}/shu_pools.csv")
    base_cols = ["simpanan_pokok", "simpanan_wajib", "pembelian", "jasa_pinjaman"]
    m = pd.read_csv(f"{data_dir}/members.csv", usecols=base_cols, dtype={c: np.int64 for c in base_cols})
    n = len(m)
    w = np.arange(n, dtype=np.int64) % 9973 + 1
    rows = []
    for pool, base, amount in pools.itertuples(index=False):
        b = sum(m[c].to_numpy() for c in base.split("+"))
        t = int(b.sum())
        q, r = floor_div_exact(b, int(amount), t)
        left = int(amount) - int(q.sum())
        # largest remainder; ties: larger base, then earlier position (the rule of
        # koperasi::shu::apportion): lexsort sorts by the last key first, and is stable
        top = np.lexsort((-b, -r))[:left]
        a = q.copy()
        a[top] += 1
        rows.append({"pool": pool, "amount_sen": amount, "distributed": int(a.sum()),
                     "extra_sen_members": left, "weighted": int((a * w).sum())})
    pd.DataFrame(rows).to_csv(out, index=False)


if __name__ == "__main__":
    job, *args = sys.argv[1:]
    {"j1": j1, "j2": j2, "j3": j3}[job](*args)
