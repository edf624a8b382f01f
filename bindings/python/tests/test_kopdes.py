"""Koperasi Desa/Kelurahan Merah Putih in Python (issue 19): the figures of the real
SIMKOPDES exports (tests/data/real/simkopdes-statistics/PROVENANCE.md, computed with pandas by
its figures.py), of the synthetic register with dated stages (its expected.json, computed by
generate.py), and of the East Java panel."""

from pathlib import Path

import pytest

import koperasi as k

ROOT = Path(__file__).resolve().parents[3]
STATS = ROOT / "tests/data/real/simkopdes-statistics"
SYNTH = ROOT / "tests/data/synthetic/kopdes-stages/kopdes_stages_synth.csv"
JATIM = (
    ROOT
    / "crates/koperasi/data/samples/jatim-koperasi-kabkota-quarterly"
    / "koperasi_jatim_kabkota_2018Q4_2025Q2.csv"
)


def test_province_table_totals_and_match_rate() -> None:
    s = k.kopdes_statistics(STATS / "kopdes_stats_province.csv")
    snap = s["snapshot"]
    assert snap["level"] == "provinsi"
    assert snap["matching"]["rows"] == 38 and snap["matching"]["matched"] == 38
    t = snap["totals"]
    assert (t["cooperatives"], t["accounts_count"], t["npwp_count"]) == (83382, 79709, 80978)
    assert (t["nib_count"], t["rat_count"]) == (60807, 50174)


def test_district_table_against_provinces() -> None:
    s = k.kopdes_statistics(
        STATS / "kopdes_stats_district.csv", parent=STATS / "kopdes_stats_province.csv"
    )
    m = s["snapshot"]["matching"]
    assert (m["rows"], m["matched"], m["misplaced"]) == (525, 514, 5)
    assert m["match_rate_pct"] == pytest.approx(97.90, abs=0.005)
    assert s["snapshot"]["totals"]["cooperatives"] == 83382
    # Banten NPWP and NIB, and rat_count (0 in every district row) in all 38 provinces.
    assert len(s["level_check"]) == 40


def test_village_slice_coverage_of_kota_denpasar() -> None:
    c = k.kopdes_coverage(STATS / "kopdes_stats_village_slice.csv", level="kecamatan",
                          region="51.71")
    assert [r["desa"] for r in c["rows"]] == [10, 11, 11, 11] or sorted(
        r["desa"] for r in c["rows"]
    ) == [10, 11, 11, 11]
    assert c["total"]["desa"] == 43 and c["total"]["with_coop"] == 43
    assert c["total"]["coverage_pct"] == 100.0
    assert c["without_coop"] == []


def test_village_slice_lebak_without_and_several() -> None:
    c = k.kopdes_coverage(STATS / "kopdes_stats_village_slice.csv", level="kecamatan",
                          region="36.02")
    rows = {r["name"].upper(): r for r in c["rows"]}
    assert (rows["CIBADAK"]["desa"], rows["CIBADAK"]["with_coop"]) == (15, 14)
    assert (rows["CIGEMBLONG"]["desa"], rows["CIGEMBLONG"]["with_coop"]) == (9, 8)
    names = {d["name"].upper() for d in c["without_coop"]}
    assert {"CIMENTENG JAYA", "CIKARATUAN"} <= names
    assert len(c["with_several"]) == 3


def test_province_table_is_not_a_list_of_coops() -> None:
    with pytest.raises(k.ValidationError) as e:
        k.kopdes_coverage(STATS / "kopdes_stats_province.csv")
    assert e.value.code == "kopdes_not_a_list"


def test_stages_and_readiness_of_the_synthetic_register() -> None:
    reg = k.read_register(SYNTH)
    r = k.kopdes_stages(reg, "2026-01-31")
    assert r["coops"] == 600 and r["without_facts"] == 40
    funnel = {c["stage"]: c for c in r["funnel"]}
    assert (funnel["sk_ahu"]["reached"], funnel["sk_ahu"]["undated"]) == (421, 61)
    assert funnel["bank_account"]["reached"] == 290 and funnel["operating"]["reached"] == 7
    by = k.kopdes_stages(SYNTH, "2026-01-31", by="kab_kota")["by_region"]
    assert len(by) >= 2
    ready = k.kopdes_readiness(reg)
    assert ready["overall"]["coops"] == 600 and ready["overall"]["ready"] == 71


def test_bad_preset_and_field() -> None:
    with pytest.raises(k.ValidationError) as e:
        k.kopdes_stages(SYNTH, "2026-01-31", stall_days="[[step]]\nfrom = 1\n")
    assert e.value.code.startswith("kopdes_preset")
    with pytest.raises(k.ValidationError) as e:
        k.kopdes_readiness(SYNTH, by="nama")
    assert e.value.code == "invalid_field"


def test_east_java_wave() -> None:
    f = k.kopdes_wave(JATIM, kdmp_count=8494, at="2025-Q2")
    assert f["change"] == 8570 and f["change_without"] == 76
    with pytest.raises(k.ValidationError) as e:
        k.kopdes_wave(JATIM)
    assert e.value.code == "kopdes_needs_count"
