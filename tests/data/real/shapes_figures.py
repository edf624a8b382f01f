"""Independent figures (pandas) for the real tables of the `shapes` set; each PROVENANCE.md
quotes its part of the output. Run from tests/data/real: python3 shapes_figures.py"""
import pandas as pd


def idn(s):
    """An Indonesian number (`12.358`, `54,34%`) as a float."""
    return float(str(s).replace("%", "").replace(".", "").replace(",", "."))


def wide(slug):
    df = pd.read_csv(f"{slug}/{slug}.csv", dtype=str)
    years = [c for c in df.columns if c.isdigit()]
    return {y: idn(df[y].iloc[0]) for y in years}, df


print("blitar-ksp-sehat-persen:", wide("blitar-ksp-sehat-persen")[0])
print("bps-koperasi-aktif-nasional-wide:", wide("bps-koperasi-aktif-nasional-wide")[0])
df = pd.read_csv("bps-koperasi-aktif-provinsi-2024/bps-koperasi-aktif-provinsi-2024.csv", dtype=str)
print("bps-koperasi-aktif-provinsi-2024: sum", sum(map(idn, df["Jumlah Koperasi Aktif"])),
      "top 3", sum(map(idn, df["Jumlah Koperasi Aktif"][:3])), "rows", len(df))
df = pd.read_csv("kemenkum-kdmp-2025/kemenkum-kdmp-2025.csv", dtype=str)
parts = df[df["Uraian"] != "Jumlah"]["Jumlah"].map(idn).sum()
print("kemenkum-kdmp-2025: parts", parts, "Jumlah row", idn(df[df["Uraian"] == "Jumlah"]["Jumlah"].iloc[0]))
df = pd.read_csv("jabar-cooperatives-2015-en/jabar-cooperatives-2015-en.csv")
v = dict(zip(df["metric"], df["value"]))
print("jabar-cooperatives-2015-en:", v, "active + inactive =", v["active cooperatives"] + v["inactive cooperatives"])
df = pd.read_csv("databoks-cooperatives-province-en/databoks-cooperatives-province-en.csv")
print("databoks-cooperatives-province-en: sum", df["cooperatives"].sum(), "rows", len(df))
df = pd.read_csv("kemenkop-koperasi-aktif-rat-2014/kemenkop-koperasi-aktif-rat-2014.csv", dtype=str)
v = dict(zip(df["Uraian"], df["Nilai"].map(idn)))
print("kemenkop-koperasi-aktif-rat-2014:", v, "RAT / aktif =",
      round(100 * v["Koperasi Aktif yang Melaksanakan RAT"] / v["Jumlah Koperasi Aktif"], 2))
