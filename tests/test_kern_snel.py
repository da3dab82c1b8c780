# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De snelle weg van de indeling (``snel_oordeel``) en de gulzige keuze van het verbeterpad,
vastgelegd: de snelle weg geeft voor elk gewoon antwoord precies het oordeel van de gewone weg (en
geeft niet stilletjes op, want dan wordt elke batch trager), en weigert wat ``lees`` moet melden."""

from __future__ import annotations

import math

import pytest

from azc_kwaliteit.domein.antwoorden import lees, oordeel, snel_oordeel
from azc_kwaliteit.domein.modellen import GetalCriterium, JaNeeCriterium, SchaalCriterium
from azc_kwaliteit.indeling.categorie import deel_in
from azc_kwaliteit.invoer.openen import laad_kader
from conftest import BESTE, MINI_KADER, beoordeling, mini_kader

KADERS = [mini_kader(), laad_kader().kader]
VRIJ_BEREIK = GetalCriterium.model_validate({
    "id": "temperatuur", "pijler": "voorzieningen", "titel": "T", "vraag": "?", "type": "getal",
    "eenheid": "°C", "norm": {"min": 18}, "deels": {"min": 16}, "bereik": {"max": 40},
    "gewicht": 1, "bronnen": ["b"], "toelichting": "t", "advies": "a"})
"""Een getal zonder ondergrens: ook negatieve antwoorden gaan langs de snelle weg."""
CRITERIA = [*(c for k in KADERS for c in k.criteria), VRIJ_BEREIK]


def _gewone_antwoorden(c: object) -> list[object]:
    gewoon: list[object] = ["nvt", "onbekend", None]
    if isinstance(c, JaNeeCriterium):
        return [*gewoon, "ja", "nee", "Ja", "NEE", True, False]
    if isinstance(c, SchaalCriterium):
        return [*gewoon, *c.niveaus, *(float(n) for n in c.niveaus)]
    assert isinstance(c, GetalCriterium)
    g = c.toegestaan()
    lo = g.min if g.min is not None else -20
    hi = g.max if g.max is not None else lo + 1000
    grenzen = [v for n in (c.norm, c.deels) if n is not None for v in (n.min, n.max) if v is not None]
    return [*gewoon, lo, hi, (lo + hi) / 2, *grenzen, *(x + 0.5 for x in grenzen if x + 0.5 <= hi)]


@pytest.mark.parametrize("c", CRITERIA, ids=[f"{c.id}" for c in CRITERIA])
def test_snelle_weg_geeft_het_oordeel_van_de_gewone_weg(c: object) -> None:
    snel = snel_oordeel(c)  # type: ignore[arg-type]
    for w in _gewone_antwoorden(c):
        if isinstance(w, str) and w not in ("nvt", "onbekend") and w != w.lower():
            continue  # 'Ja' en 'NEE' gaan langs lees (de snelle weg kent alleen de gewone spelling)
        o = snel(w)  # type: ignore[arg-type]
        assert o is not None, (c, w)  # type: ignore[union-attr]
        assert o == oordeel(c, lees(c, w)), (c, w)  # type: ignore[arg-type]
        assert snel(w) == o  # ook uit het geheugen van de snelle weg  # type: ignore[arg-type]


@pytest.mark.parametrize("c", CRITERIA, ids=[f"{c.id}" for c in CRITERIA])
def test_snelle_weg_laat_foute_antwoorden_aan_lees(c: object) -> None:
    snel = snel_oordeel(c)  # type: ignore[arg-type]
    fout: list[object] = ["misschien", [1], {"a": 1}, math.nan, math.inf, -math.inf]
    if isinstance(c, JaNeeCriterium):
        fout += [1, 0, 1.0, "yes"]
    elif isinstance(c, SchaalCriterium):
        fout += [True, False, max(c.niveaus) + 1, min(c.niveaus) - 1, 2.5]
    else:
        assert isinstance(c, GetalCriterium)
        g = c.toegestaan()
        fout += [True, False] + ([g.min - 1] if g.min is not None else []) + (
            [g.max + 1] if g.max is not None else [])
    for w in fout:
        assert snel(w) is None, (c, w)  # type: ignore[arg-type]


@pytest.mark.parametrize(("gewicht_onbekend", "eerst"), [(4, "p-onbekend"), (2, "p-licht")])
def test_verbeterpad_kiest_tussen_onbekend_en_niet_voldaan_op_winst(gewicht_onbekend: int,
                                                                    eerst: str) -> None:
    """Een pijler onder de kritieke grens (2 van 6 halve punten): een onbekend criterium telt na
    de stap voor het eerst mee (teller én noemer groeien), een criterium dat niet voldoet alleen in
    de teller. Met gewicht 4 levert het onbekende meer op (10/14 tegen 4/6), met gewicht 2 niet
    (6/10 tegen 4/6); dan wint van de twee gelijke het eerste id."""
    criteria = [c for c in MINI_KADER["criteria"] if c["pijler"] != "participatie"] + [
        {"id": f"p-{naam}", "pijler": "participatie", "titel": naam, "vraag": "?",
         "type": "ja_nee", "gewicht": gewicht_onbekend if naam == "onbekend" else 1,
         "bronnen": ["b"], "toelichting": "t", "advies": "a"}
        for naam in ("licht", "onbekend", "nee", "ja")]
    k = mini_kader(criteria=criteria)
    antwoorden = {**{c: v for c, v in BESTE.items() if c not in ("gehoord", "klachten")},
                  "p-licht": "nee", "p-nee": "nee", "p-ja": "ja"}
    u = deel_in(k, beoordeling(antwoorden))
    assert u.categorie == 1 and u.verbeterpad[0].criterium == eerst


def test_dekking_onder_de_grens_met_tekst_en_criteria() -> None:
    k = mini_kader()
    antwoorden = {c: v for c, v in BESTE.items() if c not in ("spelen",)}
    u = deel_in(k, beoordeling(antwoorden))
    reden = next(r for r in u.redenen if r.regel == "dekking_te_laag")
    assert reden.tekst == "Dekking is 83,3 %: te weinig criteria beoordeeld (minimaal 90 %)"
    assert reden.criteria == ("spelen",)
