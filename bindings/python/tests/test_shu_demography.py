"""The SHU and demography API beyond the vectors: objects, columns, privacy of names/NIK.
Figures are hand-computed (DOMAIN.md 3.4 T1; a 4-coop Kaplan-Meier by the product limit)."""

from __future__ import annotations

import datetime as dt

import pytest

import koperasi as k

PLAN = """
[[components]]
component = "jasa_modal"
basis_points = 3000
base = "capital"
[[components]]
component = "jasa_pinjaman"
basis_points = 2000
base = "loans"
[[components]]
component = "cadangan"
basis_points = 5000
"""

MEMBERS = (
    "no_anggota,nama,nik,simpanan_wajib,transaksi_loans\n"
    "A,Siti Aminah,3201234567890001,Rp 500.000,Rp 600.000\n"
    "B,Budi Santoso,3201234567890002,Rp 19.500.000,Rp 11.900.000\n"
)


def test_domain_t1_distribution() -> None:
    # DOMAIN.md 3.4 T1: SHU Rp 5,000,000; jasa modal 30 % by capital, jasa pinjaman 20 % by
    # loans. A: 1,500,000 * 500,000 / 20,000,000 = 37,500 and 1,000,000 * 600,000 /
    # 12,500,000 = 48,000, together Rp 85,500.
    plan = k.shu_plan_from_toml(PLAN)
    read = k.shu_read_members(MEMBERS)
    assert read.report.accepted == 2 and len(read.members) == 2
    d = k.shu_distribute(plan, read.members, 5_000_000_00, 2024)
    a = d.members[0]
    assert (a.member_id, a.amounts, a.total) == ("A", (37_500_00, 48_000_00), 85_500_00)
    assert d.retained == 2_500_000_00 and d.distributed == 2_500_000_00
    df = d.members.to_pandas()
    assert list(df["amounts.jasa_modal"]) == [37_500_00, 1_462_500_00]
    assert list(df["amounts.jasa_pinjaman"]) == [48_000_00, 952_000_00]
    assert d.to_dict()["members"][1]["total"] == 1_462_500_00 + 952_000_00
    alloc = k.shu_allocate(plan, 5_000_000_00)
    assert [ln.amount for ln in alloc.lines] == [1_500_000_00, 1_000_000_00, 2_500_000_00]


def test_names_and_nik_stay_out_of_repr_and_errors() -> None:
    read = k.shu_read_members(MEMBERS)
    m = read.members[0]
    assert m.name == "Siti Aminah"  # kept for the coop's own output
    for text in (repr(m), repr(read.members), repr(read), str(read.members[1])):
        assert "Siti" not in text and "Budi" not in text and "32012345678900" not in text
    with pytest.raises(k.ValidationError) as e:
        k.shu_distribute(k.shu_plan_from_toml(PLAN), [{"id": "X", "nik": 3201234567890009}],
                         100, 2024)
    assert e.value.code == "invalid_member" and "3201234567890009" not in str(e.value)
    assert "X" in str(e.value)


def test_apportion_and_pseudonym() -> None:
    # 100 sen over 1:1:1 floors to 33 each, the remaining sen to the earliest position.
    assert k.shu_apportion(100, [1, 1, 1]).amounts == (34, 33, 33)
    p = k.shu_pseudonym("rahasia", "A-001")
    assert p.startswith("M-") and len(p) == 18 and p == k.shu_pseudonym("rahasia", "A-001")


def test_kaplan_meier_object() -> None:
    # deaths at 1 and 3, censored at 2 and 4: S = 3/4 after 1, 3/4 * 1/2 after 3.
    km = k.kaplan_meier([1, 2, 3, 4], [True, False, True, False])
    assert km.timeline == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert km.survival_at(3.5) == pytest.approx(0.375, abs=1e-12)
    assert km.median == 3.0
    assert km.to_pandas().shape == (5, 9)
    with pytest.raises(k.DemographyError) as e:
        k.kaplan_meier([1.0], [True, False])
    assert e.value.code == "demography_length_mismatch"


def test_demography_report_and_series() -> None:
    csv = ("nama_koperasi,tanggal_badan_hukum,tanggal_pembubaran\n"
           "K1,2015-04-01,\nK2,2016-05-01,2019-03-01\nK3,2018-01-10,\n")
    reg = k.read_register(csv).register
    r = k.demography_report(reg, 2016, 2020, dt.date(2021, 12, 31))
    assert r.population is k.Population.REGISTERED
    # births by founding year 2016..2020: K2 (2016), K3 (2018); K2 dissolved 2019
    assert [y.births for y in r.years] == [1, 0, 1, 0, 0]
    assert [y.dissolutions for y in r.years] == [0, 0, 0, 1, 0]
    assert r.years.to_pandas()["births"].tolist() == [1, 0, 1, 0, 0]
    assert "survival_curve" not in r.to_dict()
    s = reg.status_series(["2016-12-31", "2019-12-31"])
    df = s.to_pandas()
    dissolved = df[df.status == "dissolved"]["count"].tolist()
    assert dissolved == [0, 1]
    assert s.dates == [dt.date(2016, 12, 31), dt.date(2019, 12, 31)]
