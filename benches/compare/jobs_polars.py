"""The jobs of issue 7 written as an expert would in polars: vectorised, no per-row Python.

    python jobs_polars.py j1 DATA_DIR OUT.csv [AS_OF]        # count by provinsi x jenis x status
    python jobs_polars.py j2 DATA_DIR OUT.csv [FIRST MONTHS] # monthly status counts
    python jobs_polars.py j3 DATA_DIR OUT.csv                # SHU over three pools, exact

The status rules of the `national` preset are restated here (see rules.py); compare.py checks
that the counts are identical to koperasi's.
"""
import sys
from datetime import date

import polars as pl

import rules as R

RAT_COLS = [f"RAT {y}" for y in R.RAT_YEARS]
BULAN_RE = "|".join(R.BULAN)


def parse_date(e: pl.Expr) -> pl.Expr:
    """Dates as written in the register: ISO, dd/mm/yyyy, `12 Mei 2024`; anything else null."""
    s = e.str.strip_chars()
    long = s.str.to_lowercase().str.extract_groups(rf"^(\d{{1,2}}) ({BULAN_RE}) (\d{{4}})$")
    long_iso = pl.concat_str(
        [
            long.struct.field("3"),
            long.struct.field("2").replace_strict(R.BULAN, default=None, return_dtype=pl.Int32)
            .cast(pl.String).str.zfill(2),
            long.struct.field("1").str.zfill(2),
        ],
        separator="-",
    )
    return pl.coalesce(
        s.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
        s.str.strptime(pl.Date, "%d/%m/%Y", strict=False),
        long_iso.str.strptime(pl.Date, "%Y-%m-%d", strict=False),
    )


def features(data_dir: str) -> pl.DataFrame:
    """One row per cooperative read (named), with what the status rule needs."""
    cols = ["nama_koperasi", "nomor_bh", "tanggal_bh", "kode_wilayah", "provinsi",
            "jenis_koperasi", *RAT_COLS, "tanggal_verifikasi", "ditemukan", "tanggal_pembubaran"]
    df = pl.read_csv(f"{data_dir}/register.csv", columns=cols, infer_schema=False)
    prov = pl.read_csv(f"{data_dir}/provinces.csv", schema_overrides={"code": pl.String})
    df = df.filter(pl.col("nama_koperasi").str.strip_chars().fill_null("") != "")

    low = lambda c: pl.col(c).fill_null("").str.strip_chars().str.to_lowercase()  # noqa: E731
    # Stage 1: each RAT cell lower-cased and parsed as a date once (eager select does no
    # common-subexpression elimination, so derived columns are built in a second stage).
    df = df.with_columns(
        *[low(c).alias(f"v{y}") for y, c in zip(R.RAT_YEARS, RAT_COLS)],
        *[parse_date(pl.col(c)).alias(f"p{y}") for y, c in zip(R.RAT_YEARS, RAT_COLS)],
    )
    exprs = []
    for y in R.RAT_YEARS:
        v = pl.col(f"v{y}")
        d = pl.col(f"p{y}")
        date_ok = d.is_not_null() & (d.dt.year() > y) & (d.dt.year() <= y + R.RAT_MAX_YEARS_LATE)
        unknown = v.is_in(list(R.UNKNOWN))
        missing = v.is_in(list(R.MISSING))
        yes = v.is_in(list(R.YES))
        no = v.is_in(list(R.NO))
        deadline_next = pl.lit(date(y + 1, 7, 1))
        exprs += [
            (~unknown & (missing | yes | no | date_ok)).alias(f"k{y}"),
            pl.when(unknown | missing).then(None)
            .when(yes).then(deadline_next)
            .when(no).then(None)
            .when(date_ok).then(d).alias(f"h{y}"),
            pl.when(~unknown & ~missing & ~yes & ~no & date_ok).then(d).alias(f"d{y}"),
        ]
    bh = low("nomor_bh")
    bh_year = (pl.when(bh.is_in(list(R.BH_PLACEHOLDER)) | bh.str.contains(r"^0+$")).then(None)
               .otherwise(bh.str.extract(r"(\d{4})$").cast(pl.Int32)))
    kode = pl.col("kode_wilayah").fill_null("").str.strip_chars().str.replace_all(".", "", literal=True)
    check_found = low("ditemukan")
    jenis_key = low("jenis_koperasi").str.replace_all(r"[^a-z0-9]", "").str.strip_prefix("koperasi")
    df = df.select(
        founded=parse_date(pl.col("tanggal_bh")),
        bh_year=pl.when(bh_year.is_between(1945, 2100)).then(bh_year),
        kode_prov=pl.when(kode.str.contains(r"^\d{4}(\d{2}(\d{4})?)?$")).then(kode.str.slice(0, 2)),
        prov_name=pl.col("provinsi").str.strip_chars().str.to_uppercase(),
        jenis=jenis_key.replace_strict(R.JENIS, default=None, return_dtype=pl.String),
        check_date=parse_date(pl.col("tanggal_verifikasi")),
        not_found=check_found.is_in(["tidak", "tdk", "t", "no", "n", "belum", "blm", "0",
                                     "false", "salah", "belum ada"]),
        dissolved=parse_date(pl.col("tanggal_pembubaran")),
        *exprs,
    )
    prov = prov.with_columns(label=pl.col("code") + " " + pl.col("name"),
                             upper=pl.col("name").str.to_uppercase())
    by_code = dict(zip(prov["code"], prov["label"]))
    by_name = dict(zip(prov["upper"], prov["label"]))
    df = df.with_columns(
        provinsi=pl.coalesce(
            pl.col("kode_prov").replace_strict(by_code, default=None),
            pl.col("prov_name").replace_strict(by_name, default=None),
        ),
        founding_year=pl.coalesce(pl.col("founded").dt.year(), pl.col("bh_year")),
    )
    return df


def status_expr(as_of: date) -> pl.Expr:
    """Status under the national preset as of a date (rules.py; status/mod.rs `decide`)."""
    ld = R.latest_due_book_year(as_of.year, as_of.month, as_of.day)
    d = pl.lit(as_of)
    counted = {y: pl.col(f"h{y}") <= d for y in R.RAT_YEARS}
    active = pl.any_horizontal([counted[y].fill_null(False) for y in R.RAT_YEARS if y >= ld - 2])
    superseded = pl.any_horizontal(
        [(counted[y] & (pl.col(f"d{y}") > pl.col("check_date"))).fill_null(False) for y in R.RAT_YEARS])
    fy = pl.col("founding_year")
    first_needed = pl.max_horizontal(fy, pl.lit(ld - 2))
    window_known = pl.all_horizontal(
        [(pl.col(f"k{y}") if y in R.RAT_YEARS else pl.lit(False)) | (pl.lit(y) < fy).fill_null(False)
         for y in range(ld - 2, ld + 1)])
    not_yet_founded = pl.when(pl.col("founded").is_not_null()).then(pl.col("founded") > d) \
        .otherwise((fy > as_of.year).fill_null(False))
    return (
        pl.when((pl.col("dissolved") <= d).fill_null(False)).then(pl.lit("dissolved"))
        .when(not_yet_founded).then(pl.lit("not_assessable"))
        .when((pl.col("check_date") <= d).fill_null(False) & pl.col("not_found") & ~superseded)
        .then(pl.lit("not_found"))
        .when(active).then(pl.lit("active"))
        .when(first_needed > ld).then(pl.lit("not_yet_due"))
        .when(~window_known).then(pl.lit("not_assessable"))
        .otherwise(pl.lit("inactive"))
    )


def j1(data_dir: str, out: str, as_of: str = "2025-07-31") -> None:
    df = features(data_dir)
    res = (df.group_by("provinsi", "jenis", status=status_expr(date.fromisoformat(as_of)))
             .agg(count=pl.len())
             .with_columns(pl.col("provinsi", "jenis").fill_null(""))
             .sort("provinsi", "jenis", "status"))
    res.write_csv(out)


def j2(data_dir: str, out: str, first: str = "2015-08", months: str = "120") -> None:
    df = features(data_dir)
    frames = []
    for (y, m, d) in R.month_ends(first, int(months)):
        as_of = date(y, m, d)
        frames.append(df.select(status=status_expr(as_of)).group_by("status").agg(count=pl.len())
                      .with_columns(as_of=pl.lit(as_of.isoformat())))
    pl.concat(frames).select("as_of", "status", "count").sort("as_of", "status").write_csv(out)


def j3(data_dir: str, out: str) -> None:
    pools = pl.read_csv(f"{data_dir}/shu_pools.csv")
    m = pl.read_csv(f"{data_dir}/members.csv",
                    columns=["simpanan_pokok", "simpanan_wajib", "pembelian", "jasa_pinjaman"],
                    schema_overrides={c: pl.Int64 for c in
                                      ["simpanan_pokok", "simpanan_wajib", "pembelian", "jasa_pinjaman"]})
    n = m.height
    w = (pl.int_range(n, dtype=pl.Int64) % 9973 + 1)
    rows = []
    for pool, base, amount in pools.iter_rows():
        b = pl.sum_horizontal([pl.col(c) for c in base.split("+")])
        t = m.select(b.sum()).item()
        # exact: base x pool does not fit in i64 (1e21), so Int128 for the product
        x = b.cast(pl.Int128) * pl.lit(amount, dtype=pl.Int128)
        shares = m.select(q=(x // t).cast(pl.Int64), r=(x % t).cast(pl.Int64), b=b,
                          idx=pl.int_range(n, dtype=pl.Int64))
        left = amount - shares["q"].sum()
        # largest remainder; ties: larger base, then earlier position (the rule of
        # koperasi::shu::apportion)
        top = shares.sort(["r", "b", "idx"], descending=[True, True, False]).head(left)["idx"]
        amounts = shares.with_columns(
            a=pl.col("q") + pl.col("idx").is_in(top.implode()).cast(pl.Int64))
        s = amounts.select(total=pl.col("a").sum(), weighted=(pl.col("a") * w).sum())
        rows.append({"pool": pool, "amount_sen": amount, "distributed": s["total"][0],
                     "extra_sen_members": left, "weighted": s["weighted"][0]})
    pl.DataFrame(rows).write_csv(out)


if __name__ == "__main__":
    job, *args = sys.argv[1:]
    {"j1": j1, "j2": j2, "j3": j3}[job](*args)
