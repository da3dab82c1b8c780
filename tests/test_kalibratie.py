# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De kalibratie van het ingebouwde kader (issue 'Kalibratie'): wat één criterium alleen doet.

Voor elk criterium en elke situatie waarin het geldt (doelgroepen, soort, fase): een verder
volmaakte locatie die alleen op dit criterium faalt, is categorie 1 (kritiek), hoogstens 2
(voorwaarde) of nooit 1 (gewoon). En falen op een criterium maakt de categorie nooit beter, ook
niet vanuit de voorbeelden.
"""

from __future__ import annotations

import re
from itertools import product
from pathlib import Path
from typing import Any

import pytest
import yaml

from azc_kwaliteit.domein.modellen import (
    Antwoord,
    Beoordeling,
    Doelgroep,
    GetalCriterium,
    JaNeeCriterium,
    SchaalCriterium,
    Soort,
)
from azc_kwaliteit.indeling.categorie import deel_in
from azc_kwaliteit.indeling.uitslag import Categorie, rang
from azc_kwaliteit.invoer.openen import laad_kader
from conftest import VOORBEELDEN

K = laad_kader().kader
SITUATIES = list(product((("gezinnen",), ("amv",), ("gezinnen", "amv")), [s.value for s in Soort],
                         ("in_gebruik", "gepland")))


def geldt(c: Any, groepen: tuple[str, ...], soort: str, status: str) -> bool:
    return (bool(set(groepen) & {d.value for d in c.doelgroepen}) and status in c.fasen
            and (not c.soorten or soort in c.soorten))


def beste(c: Any) -> Any:
    if isinstance(c, JaNeeCriterium):
        return c.verwacht
    if isinstance(c, GetalCriterium):
        return c.norm.min if c.norm.min is not None else c.norm.max
    return max(c.niveaus)


def slechtste(c: Any) -> Any:
    """Een antwoord dat 'voldoet niet' geeft (buiten norm én deels-band, binnen het bereik)."""
    if isinstance(c, JaNeeCriterium):
        return "nee" if c.verwacht == "ja" else "ja"
    if isinstance(c, SchaalCriterium):
        return min(c.niveaus)
    bereik = c.toegestaan()
    if c.norm.min is not None:
        return bereik.min
    grens = c.deels.max if c.deels is not None else c.norm.max
    assert grens is not None
    return min(grens * 2 + 1, bereik.max) if bereik.max is not None else grens * 2 + 1


def locatie(groepen: tuple[str, ...], soort: str, status: str, **antwoorden: Any) -> Beoordeling:
    return Beoordeling.model_validate({
        "locatie": {"naam": "IJklocatie", "gemeente": "IJkstad", "soort": soort, "status": status,
                    "capaciteit": 80, "doelgroepen": list(groepen), "draagvlak_regio": "ja"},
        "beoordeling": {"datum": "2026-11-01", "beoordelaar": "IJkteam"},
        "antwoorden": antwoorden})


def volmaakt(groepen: tuple[str, ...], soort: str, status: str) -> dict[str, Any]:
    return {c.id: beste(c) for c in K.criteria if geldt(c, groepen, soort, status)}


GEVALLEN = [(c, s) for c in K.criteria for s in SITUATIES if geldt(c, *s)]


def test_elk_criterium_wordt_in_minstens_een_situatie_getoetst() -> None:
    assert {c.id for c, _ in GEVALLEN} == {c.id for c in K.criteria}
    assert len(GEVALLEN) > 1000


@pytest.mark.parametrize("ernst", ["kritiek", "voorwaarde", "gewoon"])
def test_een_enkele_misser_volgens_de_ernst(ernst: str) -> None:
    getoetst = 0
    for c, (groepen, soort, status) in GEVALLEN:
        if c.ernst != ernst:
            continue
        antwoorden = volmaakt(groepen, soort, status)
        plan = status == "gepland"
        goed = deel_in(K, locatie(groepen, soort, status, **antwoorden), plantoets=plan)
        assert goed.categorie == Categorie.goed, (groepen, soort, status)
        antwoorden[c.id] = slechtste(c)
        u = deel_in(K, locatie(groepen, soort, status, **antwoorden), plantoets=plan)
        assert u.criterium(c.id).oordeel == "voldoet_niet", c.id
        situatie = f"{c.id} bij {groepen}, {soort}, {status}: {u.categorie}"
        if ernst == "kritiek":
            assert u.categorie == Categorie.kritiek, situatie
            assert c.id in next(r.criteria for r in u.redenen if r.regel == "kritiek_voldoet_niet")
        elif ernst == "voorwaarde":
            assert u.categorie == Categorie.verbeterbaar, situatie
            assert any(r.regel == "voorwaarde_voldoet_niet" for r in u.redenen)
        else:
            assert u.categorie in (Categorie.verbeterbaar, Categorie.goed), situatie
        getoetst += 1
    assert getoetst > 100


@pytest.mark.parametrize("pad", sorted(VOORBEELDEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_falen_maakt_de_categorie_nooit_beter(pad: Any) -> None:
    doc = yaml.safe_load(pad.read_text(encoding="utf-8"))
    loc = doc["locatie"]
    groepen, soort, status = tuple(loc["doelgroepen"]), loc["soort"], loc["status"]
    basis = Beoordeling.model_validate(doc)
    voor = deel_in(K, basis)
    for c in K.criteria:
        if not geldt(c, groepen, soort, status):
            continue
        antwoorden = {**basis.antwoorden, c.id: Antwoord(slechtste(c))}
        na = deel_in(K, basis.model_copy(update={"antwoorden": antwoorden}))
        assert rang(na.categorie) <= rang(voor.categorie), (c.id, voor.categorie, na.categorie)


def test_geen_enkel_criterium_kan_alleen_een_locatie_kritiek_maken_tenzij_het_kritiek_is() -> None:
    assert laad_kader().waarschuwingen() == []


def test_doelgroepen_uit_het_model_zijn_alle_situaties() -> None:
    assert {g for s in SITUATIES for g in s[0]} == {d.value for d in Doelgroep}


def test_kader_controleer_waarschuwt_voor_een_criterium_dat_alleen_kritiek_maakt(
        tmp_path: Path) -> None:
    """Het mini-kader van de tests heeft pijlers met één criterium: daar kan een gewoon criterium
    in zijn eentje categorie 1 geven. Dat mag, maar 'kader controleer' zegt het, met regel."""
    from typer.testing import CliRunner

    from conftest import MINI_KADER, draai, schrijf

    pad = schrijf(tmp_path / "mini.yaml", MINI_KADER)
    r = draai(CliRunner(), "kader", "controleer", str(pad))
    # vier over gewichten, en een omdat het mini-kader geen Engelse vertaling heeft (test_taal)
    assert r.exit_code == 0 and "is in orde, met 5 waarschuwingen." in r.stdout
    regels = [m for m in r.stderr.splitlines() if "vertaling" not in m]
    assert len(regels) == 4
    assert all(re.match(rf"waarschuwing: {re.escape(str(pad))}:\d+: criteria\[\d\]\.gewicht: ", m)
               for m in regels)
    assert any("'verhuizingen' (ernst gewoon) brengt in zijn eentje pijler Bescherming" in m
               for m in regels)
