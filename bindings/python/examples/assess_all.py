"""Time ``Register.assess_all`` in Python against the Rust baseline
(``examples/assess_all_rust.rs``): assess only, then ``.to_pandas()`` and ``.to_polars()``.

    python bindings/python/examples/assess_all.py REGISTER.csv AS_OF [REPS]
"""

from __future__ import annotations

import statistics
import sys
import time

import koperasi as k


def main() -> None:
    path, as_of = sys.argv[1], sys.argv[2]
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    t = time.perf_counter()
    reg = k.read_register(path).register
    print(f"read {len(reg)} records in {time.perf_counter() - t:.4f} s")
    jobs = {
        "assess_all": lambda: reg.assess_all(as_of),
        "assess_all().to_pandas()": lambda: reg.assess_all(as_of).to_pandas(),
        "assess_all().to_polars()": lambda: reg.assess_all(as_of).to_polars(),
    }
    if len(reg) <= 100_000:
        jobs["assess_all().to_dict() (a Python object per cell)"] = (
            lambda: reg.assess_all(as_of).to_dict()
        )
    for name, job in jobs.items():
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            job()
            times.append(time.perf_counter() - t)
        print(f"{name}: median {statistics.median(times):.4f} s, min {min(times):.4f} s "
              f"over {reps} runs")


if __name__ == "__main__":
    main()
