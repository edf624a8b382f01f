"""The one decoder and encoder of the generated result types (:mod:`koperasi._types`).

The native module hands results over in their serde shape (dicts, lists, ISO date strings,
through ``pythonize``). :func:`decode` turns such a value into the type its annotation names,
by the dataclass's type hints alone: :class:`datetime.date` from ISO text, str-enums,
nested dataclasses, tuples and dicts. :func:`encode` is the way back (``to_dict()``): the
serde shape, with the fields serde leaves out (``skip_serializing_if``: marked :data:`OMIT`)
left out when empty, dates kept as :class:`datetime.date`, enums as their ``str`` values.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
import json
import typing
from typing import Any, Dict, Mapping, Type, TypeVar, Union

OMIT = "koperasi.omit"
"""Field metadata key: serde leaves the field out when it is empty (``None``, ``()``, ``{}``,
``False``)."""

_T = TypeVar("_T")
_HINTS: Dict[type, Dict[str, Any]] = {}


class StrEnum(str, enum.Enum):
    """A ``str``-valued enum whose ``str()`` is its value (the serde name)."""

    def __str__(self) -> str:
        return str(self.value)


class Generated:
    """Base of the generated result dataclasses: :meth:`_from` decodes the serde shape,
    :meth:`to_dict` gives it back."""

    __slots__ = ()

    @classmethod
    def _from(cls: Type[_T], d: Mapping[str, Any]) -> _T:
        out: _T = decode(cls, d)
        return out

    def to_dict(self) -> Dict[str, Any]:
        """The result as a dict (the serde JSON shape of the Rust result; dates as
        :class:`datetime.date`, enums as their ``str`` values, tuples as lists; fields that
        Rust leaves out when empty left out)."""
        out: Dict[str, Any] = encode(self)
        return out


def _hints(cls: type) -> Dict[str, Any]:
    h = _HINTS.get(cls)
    if h is None:
        h = typing.get_type_hints(cls)
        _HINTS[cls] = h
    return h


def _dataclass(cls: Type[_T], v: Mapping[str, Any]) -> _T:
    hints = _hints(cls)
    kwargs: Dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        key = f.metadata.get("json", f.name)
        if key in v:
            kwargs[f.name] = decode(hints[f.name], v[key])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}: the result has no `{key}`")
    return cls(**kwargs)


def decode(tp: Any, v: Any) -> Any:
    """``v`` (the serde shape of a value) as the type ``tp`` (an annotation of
    :mod:`koperasi._types`)."""
    if v is None:
        return None
    origin = typing.get_origin(tp)
    if origin is Union:
        alts = [a for a in typing.get_args(tp) if a is not type(None)]
        return decode(alts[0], v) if len(alts) == 1 else v
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], x) for x in v)
        return tuple(decode(a, x) for a, x in zip(args, v))
    if origin is dict:
        kt, vt = typing.get_args(tp)
        return {decode(kt, k): decode(vt, x) for k, x in v.items()}
    if tp is _dt.date:
        return v if isinstance(v, _dt.date) else _dt.date.fromisoformat(v)
    if isinstance(tp, type):
        if dataclasses.is_dataclass(tp):
            return _dataclass(tp, v)
        if issubclass(tp, enum.Enum):
            return tp(v)
        if tp is int and isinstance(v, str):
            return int(v)
    return v


def _empty(v: Any) -> bool:
    return v is None or v is False or (isinstance(v, (tuple, list, dict)) and not v)


def encode(x: Any) -> Any:
    """The serde shape of ``x`` (see the module's doc)."""
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        out: Dict[str, Any] = {}
        for f in dataclasses.fields(x):
            v = getattr(x, f.name)
            if f.metadata.get(OMIT) and _empty(v):
                continue
            out[f.metadata.get("json", f.name)] = encode(v)
        return out
    if isinstance(x, enum.Enum):
        return x.value
    if isinstance(x, dict):
        return {encode(k): encode(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [encode(v) for v in x]
    if hasattr(x, "to_list"):
        return x.to_list()
    return x


def typed(tp: Any, v: Any) -> Any:
    """``v`` (a serde shape of plain dicts and lists) with its dates as
    :class:`datetime.date`, by the type ``tp``; every other value and every key kept (a dict
    stays a dict, a tuple becomes a list, as in JSON). For results handed on as dicts."""
    if v is None:
        return None
    origin = typing.get_origin(tp)
    if origin is Union:
        alts = [a for a in typing.get_args(tp) if a is not type(None)]
        return typed(alts[0], v) if len(alts) == 1 else v
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return [typed(args[0], x) for x in v]
        return [typed(a, x) for a, x in zip(args, v)]
    if origin is dict:
        return {k: typed(typing.get_args(tp)[1], x) for k, x in v.items()}
    if tp is _dt.date:
        return v if isinstance(v, _dt.date) else _dt.date.fromisoformat(v)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(v, dict):
        hints = _hints(tp)
        names = {f.metadata.get("json", f.name): f.name for f in dataclasses.fields(tp)}
        return {k: typed(hints[names[k]], x) if k in names else x for k, x in v.items()}
    return v


def _json_default(o: Any) -> Any:
    if isinstance(o, _dt.date):
        return o.isoformat()[:10]
    if hasattr(o, "to_dict"):
        return o.to_dict()
    if isinstance(o, tuple):
        return list(o)
    raise TypeError(f"cannot convert a {type(o).__name__} to a koperasi value")


def to_json(x: Any) -> str:
    """``x`` (dicts, lists, scalars, :class:`datetime.date`, objects with ``to_dict()``) as
    JSON text for the native module (dates as ISO text)."""
    return json.dumps(x, default=_json_default, allow_nan=False)
