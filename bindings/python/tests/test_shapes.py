"""Published tables in every shape (tests/data/real/, figures in each PROVENANCE.md): the
same figures as the Rust tests (crates/koperasi/tests/io_shapes.rs), through the same core."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import koperasi as k

REAL = Path(__file__).resolve().parents[3] / "tests" / "data" / "real"


def real(slug: str) -> str:
    return str(REAL / slug / f"{slug}.csv")


def test_sipd_is_a_hierarchy_with_its_totals() -> None:
    r = k.read_any(real("sipd-gorontalo-koperasi"), region="75.71")
    assert isinstance(r, k.PanelRead)
    shape = r.report.shape
    assert shape is not None and shape["kind"] == "hierarchy" and shape["header_line"] == 1
    totals = r.panel.totals_by_period(["aktif", "tidak_aktif"]).to_dict()
    assert totals["aktif"] == [126, 133, 108, 139, 141]
    assert totals["tidak_aktif"] == [141, 150, 128, 159, 161]
    assert [(g["line"], g["period"], g["parent"], g["children_sum"]) for g in shape["parent_gaps"]] == [
        (125, "2015", 13, 12)
    ]
    cols = r.panel.to_dict()
    assert True in cols["is_parent"] and "breakdown" in cols


def test_snapshot_needs_period() -> None:
    f = real("bps-koperasi-aktif-provinsi-2024")
    with pytest.raises(k.ReadError) as e:
        k.read_any(f)
    assert e.value.code == "read_missing_column" and "period" in str(e.value)
    r = k.read_panel(f, period=2024)
    assert r.report.shape is not None and r.report.shape["kind"] == "snapshot"
    assert r.panel.totals_by_period(["aktif"]).to_dict()["aktif"] == [38538]


def test_key_value_with_a_date_and_a_rate() -> None:
    r = k.read_any(real("kemenkop-koperasi-aktif-rat-2014"), period=dt.date(2014, 12, 31))
    assert isinstance(r, k.PanelRead)
    cols = r.panel.to_dict()
    assert cols["aktif"] == [147249, None, None]
    rate = [m for m in r.report.shape["measures"] if not m["count"]][0]["name"]  # type: ignore[index]
    assert cols[rate] == [None, None, "54.34"]


def test_wide_flag() -> None:
    text = "kabupaten_kota,2024\nKota Batu,10\n"
    with pytest.raises(k.ReadError):
        k.read_any(text)
    r = k.read_any(text, wide=True)
    assert isinstance(r, k.PanelRead) and r.panel.to_dict()["value"] == [10]
