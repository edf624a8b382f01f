"""Published statements (issue 18) in Python: the embedded 1 February 2025 Balikpapan sample
and its expected findings (tests/vectors/statements/, the same file the Rust and JS tests
read), and the funnel of the real Gianyar register (figures counted by hand in
tests/data/real/gianyar-koperasi-rat-terakhir/PROVENANCE.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import koperasi as k

ROOT = Path(__file__).resolve().parents[3]
VECTOR = ROOT / "tests" / "vectors" / "statements" / "balikpapan_2025_02_01.json"
GIANYAR = ROOT / "tests" / "data" / "real" / "gianyar-koperasi-rat-terakhir" / "koperasi.csv"


def _case(name: str) -> Dict[str, Any]:
    doc = json.loads(VECTOR.read_text(encoding="utf-8"))
    return next(c for c in doc["cases"] if c["name"] == name)


def test_sample_gives_the_vector_findings() -> None:
    expected: List[Dict[str, Any]] = _case("the article's findings")["expected"]
    read = k.samples.balikpapan_statements()
    assert read.report.accepted == 5 and read.report.rejected == ()
    got = k.check_statements(read)
    assert [f["code"] for f in got] == [e["code"] for e in expected]
    for g, e in zip(got, expected):
        assert g["statements"] == e["statements"]
        assert g["values"] == e["values"]
        assert g["lines"] == e["lines"]
    # the nine fits 125 -> 134, not 113 -> 125; no "fall of 325" anywhere
    assert "325" not in json.dumps(got)
    assert "+12" in got[0]["message_en"]


def test_broken_date_is_rejected_with_its_reason() -> None:
    case = _case("the printed date 1/2/20245 is rejected, not guessed")
    read = k.read_statements(case["args"]["text"])
    assert read.report.rows_read == 2 and read.report.accepted == 1
    r = read.report.rejected[0]
    assert (r.line, r.column, r.value, r.code) == (2, "tanggal", "Sabtu (1/2/20245)", "date_invalid")
    assert "20245" in r.reason
    assert read.statements[0]["value"] == {"kind": "count", "value": 438}


def _gianyar() -> k.Funnel:
    return k.funnel(k.read_register(GIANYAR, data_as_of="2022-05-15"), "2022-05-15")


def test_the_read_report_names_the_columns() -> None:
    read = k.read_register(GIANYAR, data_as_of="2022-05-15")
    with_report = {
        f["definition"]: f["basis"]["columns"] for f in k.funnel(read, "2022-05-15").to_dict()["figures"]
    }
    assert with_report["rat_held"] == ["tglRAT_terakhir"]
    assert with_report["nik_certified"] == ["statusNIK"]
    assert with_report["identified"] == []  # the file has no field-check column
    # without the report: the fields that could hold the facts, not the file's headers
    without = {
        f["definition"]: f["basis"]["columns"]
        for f in k.funnel(read.register, "2022-05-15").to_dict()["figures"]
    }
    assert without["rat_held"] == ["last_rat_year", "last_rat_date", "rat_"]
    assert without["nik_certified"] == ["nik"]


def test_funnel_of_a_real_register() -> None:
    f = _gianyar()
    d = f.to_dict()
    assert d["records"] == 20 and d["policy"] == "national"
    assert f.value("on_record") == 20
    assert f.value("rat_held") == 7
    assert f.value("nik_certified") == 6
    assert f.value("identified") is None  # no field-check column: unknown, not 0
    rat = next(x for x in d["figures"] if x["definition"] == "rat_held")
    assert rat["book_year"] == 2020


def test_funnel_by_jenis_parts_sum_to_the_total() -> None:
    reg = k.read_register(GIANYAR, data_as_of="2022-05-15").register
    d = k.funnel(reg, "2022-05-15", policy="national", by="jenis").to_dict()
    on_record = next(i for i, x in enumerate(d["figures"]) if x["definition"] == "on_record")
    counts = sorted(
        c for p in d["parts"] for (i, c) in p["counts"] if i == on_record
    )
    assert counts == [1, 1, 7, 11]


def test_statements_to_publish_round_trip_and_compare() -> None:
    f = _gianyar()
    out = f.to_statements("2022-06-01")
    # 7: new in 2022 counts only to 15 May and is not published as the year's figure
    assert len(out) == 7
    assert not any(s["describes"] == "2022" for s in out)
    csv = k.statements_csv(out)
    back = k.read_statements(csv)
    assert back.report.rejected == () and len(back.statements) == 7
    # the whole set to publish holds together under the checks (new in 2021 included)
    assert k.check_statements(back) == []
    outcomes = {c["outcome"]["kind"] for c in k.compare_statements(back, f)}
    assert outcomes == {"matched"}


def test_compare_an_office_statement() -> None:
    text = (
        "id,tanggal,periode,definisi,nilai\n"
        "terdata,1 Juni 2022,15 Mei 2022,terdata,20\n"
        "rat,1 Juni 2022,15 Mei 2022,rat_held,8\n"
        "jelas,1 Juni 2022,15 Mei 2022,teridentifikasi,5\n"
    )
    got = k.compare_statements(k.read_statements(text), _gianyar())
    assert [c["outcome"]["kind"] for c in got] == ["matched", "off", "unsupported"]
    assert got[1]["outcome"]["register"] == 7 and got[1]["outcome"]["by"] == 1
    assert got[2]["outcome"]["reason_id"]


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(k.ValidationError) as e:
        k.check_statements([{"id": "x"}])
    assert e.value.code == "invalid_statement"
    with pytest.raises(k.ValidationError) as e2:
        k.check_statements(k.samples.balikpapan_statements(), relations="relation = 3")
    assert e2.value.code == "relations_invalid"
