"""Helpers of run.sh: time a command, check that implementations agree, print the table.

    python compare.py measure LOG NAME -- CMD...   # run CMD once, append wall s + peak RSS to LOG
    python compare.py check-j1 REF OTHER...        # identical (provinsi, jenis, status) counts
    python compare.py check-j1-cli REF CLI         # CLI report counts = REF without dissolved
    python compare.py check-j2 REF OTHER...        # identical (as_of, status) counts (0s ignored)
    python compare.py check-j3 DATA REF OTHER...   # identical pool results; REF re-derived in
                                                   # pure Python integers when DATA is small
    python compare.py table LOG SIZES              # medians, ratios, peak memory (markdown)

Only the standard library: it runs before and without the venv.
"""
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def measure(log, name, cmd):
    """Run cmd; record wall seconds and the peak RSS of the child (ru_maxrss of children)."""
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"{name}: `{' '.join(cmd)}` failed with exit code {r.returncode}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(log, "a") as f:
        f.write(json.dumps({"name": name, "wall": wall, "peak_mb": peak_kb / 1024}) + "\n")
    print(f"  {name:28s} {wall:8.2f} s  {peak_kb / 1024:8.0f} MB", flush=True)


def load_counts(path, keys, drop_zero=False):
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            n = int(row["count"])
            if drop_zero and n == 0:
                continue
            k = tuple(row[c] for c in keys)
            if k in out:
                sys.exit(f"{path}: key {k} twice")
            out[k] = n
    return out


def same(ref_name, ref, name, other):
    if ref == other:
        return True
    diff = sorted(set(ref) | set(other))
    bad = [(k, ref.get(k), other.get(k)) for k in diff if ref.get(k) != other.get(k)]
    print(f"MISMATCH {name} vs {ref_name}: {len(bad)} keys differ, e.g.:")
    for k, a, b in bad[:15]:
        print(f"   {k}: {ref_name}={a} {name}={b}")
    return False


def check(keys, ref_path, others, drop_zero=False, transform=None):
    ref = load_counts(ref_path, keys, drop_zero)
    ok = True
    for p in others:
        other = load_counts(p, keys, drop_zero)
        r = transform(ref) if transform else ref
        ok &= same(ref_path, r, p, other)
    total = sum(ref.values())
    if ok:
        print(f"OK: {len(others) + 1} results identical ({len(ref)} keys, {total} records counted)")
    return ok


def check_j3(data, ref_path, others):
    def load(p):
        with open(p, newline="") as f:
            return {r["pool"]: r for r in csv.DictReader(f)}
    ref = load(ref_path)
    ok = True
    for pool, r in ref.items():
        if r["distributed"] != r["amount_sen"]:
            print(f"MISMATCH {ref_path}: pool {pool} distributes {r['distributed']} of {r['amount_sen']}")
            ok = False
    for p in others:
        if load(p) != ref:
            print(f"MISMATCH {p} vs {ref_path}:\n  {load(p)}\n  {ref}")
            ok = False
    members = os.path.join(data, "members.csv")
    if os.path.getsize(members) < 20_000_000:
        ok &= verify_j3_python(data, ref)
    if ok:
        print(f"OK: {len(others) + 1} SHU results identical; every pool distributed exactly")
    return ok


def verify_j3_python(data, ref):
    """Independent reference in pure Python integers (small files only)."""
    with open(os.path.join(data, "members.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(data, "shu_pools.csv"), newline="") as f:
        pools = list(csv.DictReader(f))
    ok = True
    for p in pools:
        amount = int(p["amount_sen"])
        base = [sum(int(r[c]) for c in p["base"].split("+")) for r in rows]
        t = sum(base)
        q = [b * amount // t for b in base]
        rem = [b * amount % t for b in base]
        left = amount - sum(q)
        # largest remainder; ties: larger base, then earlier position (koperasi::shu::apportion)
        for i in sorted(range(len(base)), key=lambda i: (-rem[i], -base[i], i))[:left]:
            q[i] += 1
        weighted = sum(a * (i % 9973 + 1) for i, a in enumerate(q))
        got = ref[p["pool"]]
        want = {"distributed": str(sum(q)), "extra_sen_members": str(left), "weighted": str(weighted)}
        if any(got[k] != v for k, v in want.items()):
            print(f"MISMATCH pure-Python reference, pool {p['pool']}: {want} vs {got}")
            ok = False
    if ok:
        print("OK: pure-Python integer reference agrees")
    return ok


def table(log, sizes):
    runs = {}
    with open(log) as f:
        for line in f:
            r = json.loads(line)
            runs.setdefault(r["name"], []).append(r)
    med = {k: statistics.median(x["wall"] for x in v) for k, v in runs.items()}
    peak = {k: max(x["peak_mb"] for x in v) for k, v in runs.items()}
    print(f"\nSizes: {sizes}\n")
    print("| job | implementation | runs | median s | peak MB | koperasi / this |")
    print("|---|---|---:|---:|---:|---:|")
    for name in runs:
        job, impl = name.split(":", 1)
        kop = med.get(f"{job}:koperasi")
        ratio = f"{kop / med[name]:.3f}" if kop is not None else "-"
        print(f"| {job} | {impl} | {len(runs[name])} | {med[name]:.2f} | {peak[name]:.0f} | {ratio} |")
    print("\n'koperasi / this': below 1, koperasi is faster. On a limit row (parse-only, "
          "sum-only) it is koperasi's time as a multiple of the limit. On j4, 'koperasi' is the "
          "Rust API doing what the Python package does (`kopjobs j1 --batch`: read_register + "
          "count_by), so the ratio on a py-* row is Rust / Python (>= 0.83 means Python is "
          "within 1.2x of Rust).")


def main():
    cmd, *a = sys.argv[1:]
    if cmd == "measure":
        log, name, dashdash, *rest = a
        assert dashdash == "--"
        measure(log, name, rest)
        return
    ok = True
    if cmd == "check-j1":
        ok = check(["provinsi", "jenis", "status"], a[0], a[1:])
    elif cmd == "check-j1-cli":
        ok = check(["provinsi", "jenis", "status"], a[0], a[1:],
                   transform=lambda r: {k: v for k, v in r.items() if k[2] != "dissolved"})
    elif cmd == "check-j2":
        ok = check(["as_of", "status"], a[0], a[1:], drop_zero=True)
    elif cmd == "check-j3":
        ok = check_j3(a[0], a[1], a[2:])
    elif cmd == "table":
        table(a[0], a[1] if len(a) > 1 else "")
    else:
        sys.exit(f"unknown command {cmd}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
