# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Het kader in de taal van de lezer: elke tekst uit zijn ``vertalingen``, of het Nederlands.

Een kader is in het Nederlands geschreven; een vertaling staat bij de tekst zelf
(``vertalingen: {en: {titel: ..., vraag: ...}}``). Ontbreekt er een, dan blijft het Nederlands
staan, met ``(nl)`` ervoor, zodat een lezer van een Engels rapport ziet welke tekst hij niet in
zijn taal krijgt. ``kader controleer`` noemt elke ontbrekende vertaling (``ontbrekend``). De
indeling zelf (ernst, gewichten, normen) hangt nooit van de taal af: alleen tekst verandert.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from azc_kwaliteit.domein.modellen import Kader, Model, SchaalCriterium
from azc_kwaliteit.domein.vertalen import BRONTAAL

MERK = "(nl) "
"""Voor een tekst die in het Nederlands blijft omdat het kader hem niet vertaalt."""

Pad = tuple[str | int, ...]


def _velden(obj: Model) -> tuple[str, ...]:
    """De te vertalen velden van een deel van het kader (die van zijn vertaalmodel)."""
    soort = type(obj).model_fields["vertalingen"].annotation
    vertaling: Any = getattr(soort, "__args__", (None, None))[1]
    return tuple(v for v in vertaling.model_fields if v != "niveaus")


def _taalneutraal(veld: str, tekst: str) -> bool:
    """Een eenheid zonder letters (%, m²) is in elke taal hetzelfde."""
    return veld == "eenheid" and not any(t.isalpha() for t in tekst.replace("m²", ""))


def _delen(kader: Kader) -> Iterator[tuple[Pad, Model]]:
    """Elk deel van het kader met eigen tekst, met zijn plek in het bestand."""
    yield ("kader",), kader.kader
    yield ("indeling",), kader.indeling
    for i, p in enumerate(kader.pijlers):
        yield ("pijlers", i), p
    for i, c in enumerate(kader.criteria):
        yield ("criteria", i), c
    for i, t in enumerate(kader.themas):
        yield ("themas", i), t
    for i, w in enumerate(kader.ingetrokken):
        yield ("ingetrokken", i), w


def _teksten(obj: Model, taal: str) -> Iterator[tuple[str, str, str | None]]:
    """Elke tekst van ``obj``: (veld, het Nederlands, de vertaling naar ``taal`` of None als die
    ontbreekt). Een taalneutrale eenheid is haar eigen vertaling; een schaalniveau heet
    ``niveaus.<n>``. Eén plek voor wat ``in_taal`` toont en ``ontbrekend`` meldt."""
    vertaling = getattr(obj, "vertalingen", {}).get(taal)
    for veld in _velden(obj):
        origineel = getattr(obj, veld)
        if origineel is None:
            continue
        tekst = getattr(vertaling, veld, None)
        yield veld, origineel, (origineel if tekst is None and _taalneutraal(veld, origineel)
                                else tekst)
    if isinstance(obj, SchaalCriterium):
        eigen = vertaling.niveaus if vertaling is not None else {}
        for n, naam in obj.niveaus.items():
            yield f"niveaus.{n}", naam, eigen.get(n)


def _vertaald(obj: Model, taal: str) -> dict[str, Any]:
    """De velden van ``obj`` in ``taal`` (of gemerkt Nederlands), als update voor ``model_copy``."""
    nieuw: dict[str, Any] = {}
    niveaus: dict[int, str] = {}
    for veld, origineel, tekst in _teksten(obj, taal):
        getoond = tekst if tekst is not None else MERK + origineel
        if veld.startswith("niveaus."):
            niveaus[int(veld.removeprefix("niveaus."))] = getoond
        else:
            nieuw[veld] = getoond
    if niveaus:
        nieuw["niveaus"] = niveaus
    return nieuw


def in_taal(kader: Kader, taal: str) -> Kader:
    """Het kader met zijn teksten in ``taal``; in het Nederlands is het hetzelfde kader."""
    if taal == BRONTAAL:
        return kader
    return kader.model_copy(update={
        "kader": kader.kader.model_copy(update=_vertaald(kader.kader, taal)),
        "indeling": kader.indeling.model_copy(update=_vertaald(kader.indeling, taal)),
        "pijlers": [p.model_copy(update=_vertaald(p, taal)) for p in kader.pijlers],
        "criteria": [c.model_copy(update=_vertaald(c, taal)) for c in kader.criteria],
        "themas": [t.model_copy(update=_vertaald(t, taal)) for t in kader.themas],
        "ingetrokken": [w.model_copy(update=_vertaald(w, taal)) for w in kader.ingetrokken],
    })


def talen(kader: Kader) -> list[str]:
    """De talen waarin het kader (een deel van) zijn teksten vertaalt."""
    return sorted({t for _pad, obj in _delen(kader) for t in getattr(obj, "vertalingen", {})})


def ontbrekend(kader: Kader, taal: str) -> list[tuple[Pad, str]]:
    """Elke tekst zonder vertaling naar ``taal``: (plek in het kader, veld)."""
    return [(pad, veld) for pad, obj in _delen(kader)
            for veld, _nl, tekst in _teksten(obj, taal) if tekst is None]
