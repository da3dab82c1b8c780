# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Wat een kale YAML-scalar (zonder aanhalingstekens of tag) betekent, voor beide lezers.

YAML 1.2-achtig: alleen ``true``/``false`` zijn booleans en alleen ``~``/``null``/leeg is niets;
``yes``/``no``/``on``/``off``/``y``/``n`` en datums blijven tekst, zodat Pydantic ze streng
controleert. Getallen lezen we zoals PyYAML (ook ``0x10``, ``1_000``, ``.inf``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_T = "tag:yaml.org,2002:"
_INT_RE = re.compile(r"""^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)
    |[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""", re.X)
_FLOAT_RE = re.compile(r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""", re.X)
_GEWOON_GETAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)(\.[0-9]*)?")
"""Het gewone geval (``12``, ``-3``, ``4.5``), dat Python zelf net zo leest als PyYAML."""

KAAL = {"": None, "~": None, "null": None, "Null": None, "NULL": None,
        "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
"""Kale scalars die geen tekst zijn."""
_GETALSTART = frozenset("-+.0123456789")
"""Alleen een kale scalar die hiermee begint kan een getal zijn."""


MAX_CIJFERS = 1000
"""Een 'getal' van meer tekens blijft tekst: geen antwoord heeft zoveel cijfers, en Python weigert
gehele getallen van meer dan 4300 cijfers om te zetten. Als tekst weigert het model het netjes,
met bestand en regel."""


def kale_scalar(waarde: str) -> Any:
    """De Python-waarde van een kale scalar."""
    if waarde in KAAL:
        return KAAL[waarde]
    if waarde[0] in _GETALSTART and len(waarde) <= MAX_CIJFERS:
        if (m := _GEWOON_GETAL.fullmatch(waarde)) is not None:
            return float(waarde) if m[1] is not None else int(waarde)
        if _INT_RE.match(waarde):
            return getal(_T + "int", waarde)
        if _FLOAT_RE.match(waarde):
            return getal(_T + "float", waarde)
    return waarde


@cache
def _constructor() -> Any:
    """PyYAML's eigen getallenlezer, voor de zeldzame vormen (``0x10``, ``1_000``, ``.inf``):
    pas geladen als zo'n getal voorkomt, zodat een gewone beoordeling zonder PyYAML kan."""
    import yaml

    return yaml.constructor.SafeConstructor()


def getal(tag: str, waarde: str) -> Any:
    """Een scalar met een expliciete ``!!int``- of ``!!float``-tag, zoals PyYAML hem leest."""
    import yaml

    if len(waarde) > MAX_CIJFERS:
        return waarde
    knoop = yaml.ScalarNode(tag, waarde)
    if tag == _T + "int":
        return _constructor().construct_yaml_int(knoop)
    return _constructor().construct_yaml_float(knoop)
