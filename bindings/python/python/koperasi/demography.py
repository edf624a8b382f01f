"""Business demography of cooperatives: Kaplan-Meier survival, birth and death rates by
year, cohorts, high-growth units and the demography report of a register (Eurostat-OECD
Manual on Business Demography Statistics; ``DOMAIN.md``). Re-exported by :mod:`koperasi`: use
``koperasi.kaplan_meier`` and the others from there."""

from __future__ import annotations

import copy
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, TypedDict, Union

from . import _types as _gt
from ._errors import DemographyError, ValidationError

from . import (
    DateLike,
    PolicyLike,
    Register,
    _date,
    _import,
    _iso,
    _koperasi as _k,
    _policy,
    _Rows,
    _Table,
)

__all__ = [
    "Cohort", "Cohorts", "DemographyReport", "DemographyYear", "DemographyYears", "HighGrowth",
    "KaplanMeier", "KaplanMeierSummary", "Lifeline", "Population", "Rates", "StatusSeries",
    "SurvivalData", "UnitGrowth", "UnitGrowths", "cohort_survival", "demography_rates",
    "demography_report", "high_growth", "kaplan_meier", "survival_data", "yearly_demography",
]


Population = _gt.Population


class KaplanMeier:
    """A fitted Kaplan-Meier survival curve (DOMAIN.md 5.4; reproduces lifelines'
    ``KaplanMeierFitter``): parallel columns ``timeline``, ``at_risk``, ``events``,
    ``censored``, ``entered``, ``survival``, ``ci_lower``, ``ci_upper``, ``greenwood``, and
    ``median`` (``None`` when S never falls to 0.5) and ``alpha``. ``to_pandas()`` /
    ``to_polars()`` give the columns, one row per timeline time."""

    __slots__ = ("_km", "_d")

    _COLUMNS = ("timeline", "at_risk", "events", "censored", "entered", "survival",
                "ci_lower", "ci_upper", "greenwood")

    def __init__(self, _native: Any) -> None:
        self._km = _native
        self._d: Dict[str, Any] = _native.to_dict()

    def survival_at(self, t: float) -> float:
        """``S(t)``: the value at the latest timeline time ``<= t`` (1 before the first)."""
        return self._km.survival_at(float(t))

    @property
    def median(self) -> Optional[float]:
        """The median survival time; ``None`` when never reached."""
        m: Optional[float] = self._km.median
        return m

    @property
    def alpha(self) -> float:
        """The alpha of the confidence interval (0.05: 95%)."""
        a: float = self._km.alpha
        return a

    @property
    def timeline(self) -> List[float]:
        """The distinct times, ascending."""
        return list(self._d["timeline"])

    @property
    def survival(self) -> List[float]:
        """``S(t)`` at each timeline time."""
        return list(self._d["survival"])

    @property
    def ci_lower(self) -> List[float]:
        """Lower bound of the pointwise confidence interval."""
        return list(self._d["ci_lower"])

    @property
    def ci_upper(self) -> List[float]:
        """Upper bound of the pointwise confidence interval."""
        return list(self._d["ci_upper"])

    def __len__(self) -> int:
        return len(self._d["timeline"])

    def to_dict(self) -> Dict[str, Any]:
        """The serde shape: the columns, ``median`` and ``alpha``."""
        return copy.deepcopy(self._d)

    @property
    def table(self) -> _Table:
        """The columns as an Arrow table, one row per timeline time."""
        return _Table(self._km.table())

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame``, one row per timeline time."""
        return self.table.to_pandas()

    def to_polars(self) -> Any:
        """A ``polars.DataFrame``, one row per timeline time."""
        return self.table.to_polars()

    def __repr__(self) -> str:
        return f"KaplanMeier({len(self)} times, median={self.median!r})"


def kaplan_meier(
    durations: Sequence[float],
    event_observed: Sequence[bool],
    entry: Optional[Sequence[float]] = None,
    alpha: float = 0.05,
) -> KaplanMeier:
    """Fit the Kaplan-Meier estimator with right-censoring and late ``entry`` (left
    truncation), Greenwood log(-log) intervals at level ``1 - alpha``. Raises
    :class:`DemographyError` (``demography_empty``, ``demography_length_mismatch``,
    ``demography_invalid_value``, ``demography_entry_after_duration``)."""
    return KaplanMeier(
        _k.kaplan_meier(
            [float(x) for x in durations], [bool(x) for x in event_observed],
            None if entry is None else [float(x) for x in entry], alpha,
        )
    )


Rates = _gt.Rates


def demography_rates(active: int, births: int, deaths: int) -> Rates:
    """Birth, death, churn and net growth rates (percent of ``active``; Eurostat-OECD).
    Raises :class:`DemographyError` (``demography_zero_population``)."""
    return Rates(**_k.demography_rates(active, births, deaths))


DemographyYear = _gt.DemographyYear


class DemographyYears(_Rows[DemographyYear]):
    """Yearly demography rows (see :class:`DemographyYear`); columns flatten ``rates`` as
    ``rates.birth_rate``, ..."""

    def _make(self, d: Dict[str, Any]) -> DemographyYear:
        return DemographyYear._from(d)


class Lifeline(TypedDict, total=False):
    """A cooperative's life by calendar year (every key optional): ``founded`` (year),
    ``origin`` (``merger``, ... when not a birth), ``active_years``, ``dissolved`` (year),
    ``observed_from`` (first year whose activity is known). A plain dict works too."""

    founded: Optional[int]
    origin: Optional[str]
    active_years: List[int]
    dissolved: Optional[int]
    observed_from: Optional[int]
    unknown_years: List[int]
    assumed_years: List[int]


_Lifelines = Sequence[Union[Lifeline, Mapping[str, Any]]]


def yearly_demography(
    lifelines: _Lifelines,
    from_year: int,
    to_year: int,
    last_observed_year: int,
    params: Optional[Mapping[str, Any]] = None,
) -> DemographyYears:
    """Births, deaths, reactivations and rates for each year ``from_year..=to_year``
    (``params``: ``{"death_window_years": 2}``). Raises :class:`DemographyError`
    (``demography_empty_span``, ...) or :class:`ValidationError` (``invalid_lifeline``,
    ``invalid_params``)."""
    return DemographyYears(
        *_k.yearly_demography(
            list(lifelines), from_year, to_year, last_observed_year,
            None if params is None else dict(params),
        )
    )


Cohort = _gt.Cohort


class Cohorts(_Rows[Cohort]):
    """Cohort survival rows (see :class:`Cohort`). As a table (``to_dict()``,
    ``to_pandas()``, ``to_polars()``), one column per year after founding: ``survivors.1``,
    ..., ``rates.1``, ..."""

    def _make(self, d: Dict[str, Any]) -> Cohort:
        return Cohort._from(d)


def cohort_survival(
    lifelines: _Lifelines,
    from_year: int,
    to_year: int,
    last_observed_year: int,
    horizon: int = 5,
) -> Cohorts:
    """Survivors of each founding-year cohort ``from_year..=to_year`` 1..``horizon`` years
    later. Raises :class:`DemographyError` or :class:`ValidationError`
    (``invalid_lifeline``)."""
    return Cohorts(
        *_k.cohort_survival(list(lifelines), from_year, to_year, last_observed_year, horizon)
    )


class SurvivalData(_Table):
    """Input of :func:`kaplan_meier` from lifelines: columns ``durations`` (years),
    ``observed`` (death seen) and ``entry`` (years at entry)."""

    def fit(self, alpha: float = 0.05) -> KaplanMeier:
        """:func:`kaplan_meier` of these columns."""
        c = self._cols()
        return kaplan_meier(c["durations"], c["observed"], c["entry"], alpha)


def survival_data(
    lifelines: _Lifelines,
    first_observed_year: int,
    last_observed_year: int,
    death_window_years: int = 2,
) -> SurvivalData:
    """Durations, event flags and entry times of the cooperatives born from
    ``first_observed_year`` on, for :func:`kaplan_meier`. Raises :class:`ValidationError`
    (``invalid_lifeline``)."""
    return SurvivalData(
        _k.survival_data(list(lifelines), first_observed_year, last_observed_year,
                         death_window_years)
    )


UnitGrowth = _gt.UnitGrowth


class UnitGrowths(_Rows[UnitGrowth]):
    """The eligible units of :func:`high_growth` (see :class:`UnitGrowth`)."""

    def _make(self, d: Dict[str, Any]) -> UnitGrowth:
        return UnitGrowth(**d)


@dataclass(frozen=True)
class HighGrowth:
    """High-growth and gazelle cooperatives of a ``year`` (Eurostat-OECD): ``eligible``,
    ``high_growth``, ``gazelles``, ``high_growth_share`` (percent, ``None`` when none is
    eligible) and ``units`` (:class:`UnitGrowths`)."""

    year: int
    eligible: int
    high_growth: int
    gazelles: int
    high_growth_share: Optional[float]
    units: UnitGrowths

    def to_dict(self) -> Dict[str, Any]:
        """The serde shape (``units`` as a list of dicts)."""
        return {
            "year": self.year, "eligible": self.eligible, "high_growth": self.high_growth,
            "gazelles": self.gazelles, "high_growth_share": self.high_growth_share,
            "units": self.units.to_list(),
        }


def high_growth(
    units: Sequence[Mapping[str, Any]], year: int, params: Optional[Mapping[str, Any]] = None
) -> HighGrowth:
    """High-growth units of ``year`` from members by year (``units``: ``{"id": "A",
    "founded": 2015, "members": [[2019, 100], [2022, 200]]}``; ``params``:
    ``threshold_pct``, ``span_years``, ``min_base``, ``gazelle_max_age``). Raises
    :class:`DemographyError` or :class:`ValidationError` (``invalid_growth_unit``,
    ``invalid_params``)."""
    d, t = _k.high_growth(list(units), year, None if params is None else dict(params))
    return HighGrowth(
        d["year"], d["eligible"], d["high_growth"], d["gazelles"], d["high_growth_share"],
        UnitGrowths(d["units"], t),
    )


KaplanMeierSummary = _gt.KaplanMeierSummary


@dataclass(frozen=True)
class DemographyReport:
    """What ``koperasi demography`` shows, as data: ``as_of``, ``policy`` (name),
    ``population`` (:class:`Population`, ``auto`` resolved), ``death_window_years``,
    ``years`` (:class:`DemographyYears`), ``cohorts`` (:class:`Cohorts`), ``kaplan_meier``
    (:class:`KaplanMeierSummary` or ``None``) and ``survival_curve`` (the full
    :class:`KaplanMeier`, for charts; not part of ``to_dict()``); ``deaths_measurable``
    (``False`` when the register holds no dissolution, RAT, field-check or activity facts),
    ``unknown_founding`` (coops with no founding year: counted only from their first
    evidence, never as births) and ``notes`` (what the figures rest on, in English;
    ``notes_id`` the same in Indonesian)."""

    as_of: _dt.date
    policy: str
    population: Population
    death_window_years: int
    years: DemographyYears
    cohorts: Cohorts
    kaplan_meier: Optional[KaplanMeierSummary]
    survival_curve: Optional[KaplanMeier]
    deaths_measurable: bool = True
    unknown_founding: int = 0
    notes: Tuple[str, ...] = ()
    notes_id: Tuple[str, ...] = ()

    def to_dict(self) -> Dict[str, Any]:
        """The JSON of ``koperasi demography --format json`` (without ``file``)."""
        km = self.kaplan_meier
        return {
            "as_of": self.as_of, "policy": self.policy, "population": self.population.value,
            "death_window_years": self.death_window_years,
            "deaths_measurable": self.deaths_measurable,
            "unknown_founding": self.unknown_founding, "notes": list(self.notes),
            **({"notes_id": list(self.notes_id)} if self.notes_id else {}),
            "years": self.years.to_list(), "cohorts": self.cohorts.to_list(),
            "kaplan_meier": None if km is None else km.to_dict(),
        }


def demography_report(
    register: Register,
    from_year: int,
    to_year: int,
    as_of: DateLike,
    policy: Optional[PolicyLike] = None,
    population: str = "auto",
    death_window: int = 2,
) -> DemographyReport:
    """Business demography of a register (what ``koperasi demography`` shows): population
    (``auto``: ``active`` when the register has RAT, field-check or activity data, else
    ``registered``), yearly table and cohorts for ``from_year..=to_year``, Kaplan-Meier
    summary. Raises :class:`DemographyError` (``demography_empty_span``,
    ``demography_invalid_value``) or :class:`ValidationError` (``invalid_population``)."""
    d, km, years, cohorts = _k.demography_report(
        register._g, from_year, to_year, _iso(as_of, "as_of"), _policy(policy), str(population),
        death_window,
    )
    s = d["kaplan_meier"]
    summary = None if s is None else KaplanMeierSummary._from(s)
    return DemographyReport(
        _date(d["as_of"]), d["policy"], Population(d["population"]), d["death_window_years"],
        DemographyYears(d["years"], years), Cohorts(d["cohorts"], cohorts), summary,
        None if km is None else KaplanMeier(km),
        d["deaths_measurable"], d["unknown_founding"], tuple(d["notes"]),
        tuple(d.get("notes_id", ())),
    )


class StatusSeries(_Table):
    """Counts by status at many dates (:meth:`Register.status_series`). As columns (long
    form, one row per date, group and status, zero counts kept): ``date``, one column per
    breakdown field, ``status``, ``count`` (``to_dict()``, ``to_pandas()``, ``to_polars()``).
    ``dates``, ``fields`` and ``groups`` give the serde shape; ``to_serde()`` all of it."""

    __slots__ = ("_s",)

    def __init__(self, serde: Dict[str, Any], table: Any) -> None:
        super().__init__(table)
        self._s = serde

    @property
    def dates(self) -> List[_dt.date]:
        """The dates, ascending and distinct."""
        return [_date(x) if isinstance(x, str) else x for x in self._s["dates"]]

    @property
    def fields(self) -> List[str]:
        """The breakdown fields."""
        return list(self._s["fields"])

    @property
    def groups(self) -> List[Dict[str, Any]]:
        """One ``{"key": [...], "counts": [[status, [count per date]], ...]}`` per group."""
        return copy.deepcopy(self._s["groups"])

    def to_serde(self) -> Dict[str, Any]:
        """The serde shape of the Rust ``StatusSeries``: ``dates``, ``fields``, ``groups``."""
        return copy.deepcopy(self._s)
