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
from typing import Any, Callable, Dict, List, Mapping, Type, TypeVar, Union

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


_DECODERS: Dict[Any, Callable[[Any], Any]] = {}


def _same(v: Any) -> Any:
    return v


def _decoder(tp: Any) -> Callable[[Any], Any]:
    """The decoder of the type ``tp``, built once per type (a read report may hold hundreds
    of thousands of rows to decode)."""
    d = _DECODERS.get(tp)
    if d is None:
        d = _build(tp)
        _DECODERS[tp] = d
    return d


def _build(tp: Any) -> Callable[[Any], Any]:
    origin = typing.get_origin(tp)
    if origin is Union:
        alts = [a for a in typing.get_args(tp) if a is not type(None)]
        one = _decoder(alts[0]) if len(alts) == 1 else _same
        return one if one is _same else lambda v: None if v is None else one(v)
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda v: None if v is None else tuple(map(item, v))
        items = [_decoder(a) for a in args]
        return lambda v: None if v is None else tuple(f(x) for f, x in zip(items, v))
    if origin is dict:
        kd, vd = (_decoder(a) for a in typing.get_args(tp))
        return lambda v: None if v is None else {kd(k): vd(x) for k, x in v.items()}
    if tp is _dt.date:
        return lambda v: v if v is None or isinstance(v, _dt.date) else _dt.date.fromisoformat(v)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _dataclass(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return lambda v: None if v is None else tp(v)
    if tp is int:
        return lambda v: int(v) if isinstance(v, str) else v
    return _same


def _dataclass(cls: Any) -> Callable[[Any], Any]:
    fields: List[Any] = []  # built at the first call (a type may contain itself)

    def decode_one(v: Any) -> Any:
        if v is None:
            return None
        if not fields:
            hints = _hints(cls)
            fields.extend(
                (f.metadata.get("json", f.name), f.name, _decoder(hints[f.name]),
                 f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING)
                for f in dataclasses.fields(cls)
            )
        kwargs: Dict[str, Any] = {}
        for key, name, dec, required in fields:
            if key in v:
                kwargs[name] = v[key] if dec is _same else dec(v[key])
            elif required:
                raise TypeError(f"{cls.__name__}: the result has no `{key}`")
        return cls(**kwargs)

    return decode_one


def decode(tp: Any, v: Any) -> Any:
    """``v`` (the serde shape of a value) as the type ``tp`` (an annotation of
    :mod:`koperasi._types`)."""
    return _decoder(tp)(v)


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
