"""Shared paths of the real sample files (crates/koperasi/data/samples, see their PROVENANCE.md)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SAMPLES = REPO / "crates" / "koperasi" / "data" / "samples"
JATIM = SAMPLES / "jatim-koperasi-kabkota-quarterly" / "koperasi_jatim_kabkota_2018Q4_2025Q2.csv"
BOGOR = SAMPLES / "kota-bogor-koperasi-register" / "koperasi_kota_bogor_2022.csv"
