"""East Java: cooperatives per kabupaten/kota and quarter (2018-Q4 to 2025-Q2).

Reads the published panel, prints the growth of the total per region (largest first), the
province totals per quarter and the consistency findings, and saves a chart of aktif and tidak
aktif per quarter.

    python examples/python/east_java.py [--out east_java.png]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import koperasi  # noqa: E402

HERE = Path(__file__).resolve().parent
PANEL = (
    HERE.parents[1]
    / "crates/koperasi/data/samples/jatim-koperasi-kabkota-quarterly"
    / "koperasi_jatim_kabkota_2018Q4_2025Q2.csv"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default="east_java.png", help="PNG file to write")
    out = Path(ap.parse_args().out)

    read = koperasi.read_panel(PANEL)
    panel = read.panel
    print(f"{read.report.accepted} rows, {len(panel.regions())} regions, "
          f"{len(panel.periods())} periods ({panel.periods()[0]} to {panel.periods()[-1]})")

    growth = koperasi.growth(panel, "total", "2018-Q4", "2025-Q2").to_pandas()
    growth = growth.sort_values("change", ascending=False)
    print("\nGrowth of the number of cooperatives, 2018-Q4 to 2025-Q2")
    print(growth[["region", "from", "to", "change", "pct_change"]]
          .to_string(index=False, float_format=lambda x: f"{x:+.1f} %"))

    totals = panel.totals_by_period(["aktif", "tidak_aktif", "total"]).to_pandas()
    cagr = koperasi.cagr(int(totals.total.iloc[0]), int(totals.total.iloc[-1]), 6.5)
    print(f"\nProvince total {koperasi.format_int(int(totals.total.iloc[0]))} -> "
          f"{koperasi.format_int(int(totals.total.iloc[-1]))}: {cagr:+.2f} % a year (CAGR)")

    findings = koperasi.run_checks(panel)
    print(f"\n{len(findings)} findings:")
    for f in findings:
        print(f"- {f.code} [{f.severity}] ({f.region or 'all regions'}): {f.message_en[:100]}")

    fig, ax = plt.subplots(figsize=(10, 5))
    ax.plot(totals.period, totals.aktif, marker="o", label="aktif")
    ax.plot(totals.period, totals.tidak_aktif, marker="o", label="tidak aktif")
    ax.set_title("Koperasi di Jawa Timur per triwulan (sum of 38 kabupaten/kota)")
    ax.set_xlabel("period (2018-Q4 to 2020-Q4 yearly, then quarterly)")
    ax.set_ylabel("cooperatives")
    ax.tick_params(axis="x", rotation=60)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    print(f"\nchart: {out}")


if __name__ == "__main__":
    main()
