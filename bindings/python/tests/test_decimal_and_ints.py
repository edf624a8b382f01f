"""Issue 13: the ``decimal`` read option (``1,500`` and ``1.500`` are read only when the file's
decimal mark settles them) and ``int`` arguments beyond what the core takes (a coded koperasi
exception, never a bare ``OverflowError``)."""

from __future__ import annotations

import pytest

import koperasi as k

MEMBERS = "no_anggota,simpanan_wajib\nA1,\"1,500\"\nA2,1.500\n"
PLAN = """
[[components]]
component = "jasa_modal"
basis_points = 5000
base = "capital"
[[components]]
component = "cadangan"
basis_points = 5000
"""


def _wajib(read: k.MembersRead) -> list[int]:
    return [m["savings"]["wajib"] for m in read.members.to_list()]


def test_members_1_comma_500_is_refused_by_default_never_rp_1_50() -> None:
    read = k.shu_read_members(MEMBERS)
    assert read.report.accepted == 1
    (r,) = read.report.rejected
    assert (r.line, r.code, r.value) == (2, "number_ambiguous", "1,500")
    assert "decimal" in r.reason
    assert _wajib(read) == [150_000]


def test_members_under_each_decimal_setting() -> None:
    assert _wajib(k.shu_read_members(MEMBERS, decimal="comma")) == [150, 150_000]
    assert _wajib(k.shu_read_members(MEMBERS, decimal="point")) == [150_000, 150]
    # auto: nothing settles the column, so both cells are refused ...
    read = k.shu_read_members(MEMBERS, decimal="auto")
    assert read.report.accepted == 0
    assert [r.code for r in read.report.rejected] == ["number_ambiguous"] * 2
    # ... until a cell that reads one way only settles it, and a note says so.
    read = k.shu_read_members(MEMBERS + "A3,Rp 2.750.000\n", decimal="auto")
    assert _wajib(read) == [150, 150_000, 275_000_000]
    assert read.report.notes == (
        "column `simpanan_wajib`: decimal comma (from 1 unambiguous cell)",
    )


def test_register_and_panel_take_decimal() -> None:
    csv = "nama_koperasi,jumlah_anggota\nKSP Satu,\"1,500\"\nKSP Dua,1.500\n"
    read = k.read_register(csv)
    assert [e.code for e in read.report.cell_errors] == ["number_ambiguous"]
    read = k.read_register(csv, decimal="point")
    assert [e.code for e in read.report.cell_errors] == ["number_inexact"]
    panel = "KABUPATEN / KOTA,PERIODE UPDATE,JUMLAH KOPERASI TOTAL\nKota Batu,2021-Q1,\"1,500\"\n"
    assert k.read_panel(panel, decimal="point").report.accepted == 1
    assert k.read_panel(panel).report.rejected[0].code == "number_ambiguous"
    got = k.read_any(panel, decimal="point")
    assert isinstance(got, k.PanelRead) and got.report.accepted == 1


def test_an_unknown_decimal_is_a_validation_error() -> None:
    with pytest.raises(k.ValidationError) as e:
        k.shu_read_members(MEMBERS, decimal="koma")
    assert e.value.code == "invalid_decimal"
    assert e.value.value == "koma"


def test_amounts_beyond_i64_raise_money_error_with_a_code() -> None:
    for call in (
        lambda: k.format_rupiah(2**63),
        lambda: k.format_rupiah_whole(-(2**63) - 1),
        lambda: k.shu_distribute(
            k.shu_plan_from_toml(PLAN),
            k.shu_read_members("no_anggota,simpanan_wajib\nA,100\n").members,
            shu_sen=2**63,
            book_year=2024,
        ),
    ):
        with pytest.raises(k.MoneyError) as e:
            call()
        assert e.value.code == "money_overflow"
        assert not isinstance(e.value, OverflowError)
        assert "out of range" in str(e.value)
    # The largest amount still formats.
    assert k.format_rupiah(2**63 - 1) == "Rp 92.233.720.368.547.758,07"


def test_other_integers_beyond_their_range_raise_validation_error() -> None:
    for call in (
        lambda: k.format_int(2**63),
        lambda: k.cagr(2**64, 1, 1.0),
        lambda: k.pct_change(1, -(2**70)),
        lambda: k.rat_deadline(2**31),
    ):
        with pytest.raises(k.ValidationError) as e:
            call()
        assert e.value.code == "integer_out_of_range"
    # A wrong type is still a TypeError.
    with pytest.raises(TypeError):
        k.format_rupiah("100")  # type: ignore[arg-type]
