"""J4 of issue 7: J1 through the koperasi Python package (bindings/python).

    python j4_python.py path DATA OUT AS_OF    # koperasi.read_register(path)
    python j4_python.py polars DATA OUT AS_OF  # koperasi.read_register(polars DataFrame)
    python j4_python.py to-pandas DATA OUT AS_OF  # assess_all(...).to_pandas(), timed alone

Reads the register, counts by provinsi x jenis x status as of AS_OF under the national preset
(`Register.count_by`), writes provinsi,jenis,status,count like `kopjobs j1`. The `polars` mode
first reads the CSV into a DataFrame of strings (`pl.read_csv(..., infer_schema=False)`, as a
user holding the register in polars would have it): that read is part of the measured time.
The `to-pandas` mode reads the register from its path, assesses every record, and times
`Assessments.to_pandas()` alone (one row per record), writing `rows,seconds` to OUT.
"""
import csv
import sys

import koperasi


def to_pandas(path: str, out: str, as_of: str) -> None:
    import time

    a = koperasi.read_register(path).register.assess_all(as_of)
    start = time.perf_counter()
    df = a.to_pandas()
    seconds = time.perf_counter() - start
    with open(out, "w") as f:
        f.write(f"rows,seconds\n{len(df)},{seconds:.3f}\n")
    print(f"to_pandas: {len(df)} rows in {seconds:.3f} s")


def main(mode: str, data_dir: str, out: str, as_of: str) -> None:
    path = f"{data_dir}/register.csv"
    if mode == "to-pandas":
        return to_pandas(path, out, as_of)
    if mode == "path":
        read = koperasi.read_register(path)
    elif mode == "polars":
        import polars as pl

        df = pl.read_csv(path, infer_schema=False)
        read = koperasi.read_register(df)
    else:
        raise SystemExit(f"unknown mode {mode} (path or polars)")
    t = read.register.count_by(["provinsi", "jenis", "status"], as_of,
                               koperasi.StatusPolicy.national()).to_dict()
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["provinsi", "jenis", "status", "count"])
        for row in zip(t["provinsi"], t["jenis"], t["status"], t["count"]):
            w.writerow(["" if v is None else str(v) for v in row])


if __name__ == "__main__":
    main(*sys.argv[1:])
