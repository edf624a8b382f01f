"""Paired J4 read timing (issue 16): `python j4_read_pair.py REGISTER.csv df|path` reads the
register from a polars DataFrame (its read_csv not timed) or from the path and prints the time of
`koperasi.read_register` alone."""
import sys
import time

import koperasi
import polars as pl

path = sys.argv[1]
df = pl.read_csv(path, infer_schema=False)
t = time.perf_counter()
r = koperasi.read_register(df) if sys.argv[2] == "df" else koperasi.read_register(path)
print(sys.argv[2], f"{time.perf_counter() - t:.2f} s", len(r.register), flush=True)
import os

os._exit(0)  # skip freeing the register at exit (not part of the read)
