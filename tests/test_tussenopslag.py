# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De tussenopslag van een batch (SQLite op schijf) tegen de regel in gewone Python: per locatie
de nieuwste ronde, met trend tegen de ronde daarvoor, in rapportvolgorde."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from azc_kwaliteit.batch.tussenopslag import Fouten, Rij, Rijen, Tussenopslag
from azc_kwaliteit.domein.fouten import Probleem
from azc_kwaliteit.indeling.uitslag import Categorie, rang
from azc_kwaliteit.indeling.vergelijken import trend

rijen = st.lists(
    st.builds(
        lambda categorie, score, naam, gemeente, datum, omzetting, nr, plan: Rij(
            categorie=categorie, gemiddelde=score, naam=naam, bestand=f"b/{nr:03d}.yaml",
            loc_naam=naam.casefold(), loc_gemeente=gemeente, datum=datum,
            omzetting=omzetting and categorie == 3, kader=None, privacy=False,
            ingetrokken=False, plantoets=plan, rapport=f"r{nr:03d}.html"),
        st.sampled_from([1, 2, 3, None]), st.sampled_from([0.0, 0.25, 0.5, 1.0]),
        st.sampled_from(["Azc A", "azc a", "Azc B", "Ç"]), st.sampled_from(["Ede", "Epe"]),
        st.sampled_from(["2026-01-01", "2026-03-01", "2026-06-01"]), st.booleans(),
        st.integers(0, 999), st.booleans()),
    max_size=25, unique_by=lambda r: r.bestand)


def verwacht(alle: list[Rij]) -> list[dict[str, Any]]:
    """De regel van het contract, rechttoe rechtaan: groepeer, kies de nieuwste datum, vergelijk
    met de laagste categorie van de datum daarvoor (bij gelijke categorie: het eerste bestand)."""
    groepen: dict[tuple[str, str], list[Rij]] = defaultdict(list)
    for r in alle:
        groepen[(r.loc_naam, r.loc_gemeente)].append(r)
    uit = []
    for rondes in groepen.values():
        datums = sorted({r.datum for r in rondes})
        for r in (r for r in rondes if r.datum == datums[-1]):
            rij: dict[str, Any] = {"bestand": r.bestand, "categorie": r.categorie}
            if len(datums) > 1:
                vorige = min((v for v in rondes if v.datum == datums[-2]),
                             key=lambda v: (rang(v.categorie), v.bestand))
                rij.update(trend=trend(vorige.categorie, r.categorie), rondes=len(datums),
                           vorige_ronde={"datum": vorige.datum, "categorie": vorige.categorie,
                                         "bestand": vorige.bestand})
            uit.append((rang(r.categorie), r.gemiddelde, r.naam, r.bestand, rij))
    return [rij for *_, rij in sorted(uit, key=lambda t: t[:4])]


def gevuld(alle: list[Rij]) -> tuple[Tussenopslag, Rijen]:
    opslag = Tussenopslag()
    for r in alle:
        opslag.bewaar(r, json.dumps({"bestand": r.bestand, "categorie": r.categorie}).encode())
    opslag.stel_vast()
    return opslag, Rijen(opslag, 0, opslag.actueel())


@settings(max_examples=300, deadline=None)
@given(rijen)
def test_nieuwste_ronde_en_volgorde_zoals_de_regel(alle: list[Rij]) -> None:
    opslag, resultaten = gevuld(alle)
    try:
        assert list(resultaten) == verwacht(alle)
        assert [json.loads(t) for t in resultaten.json_teksten()] == verwacht(alle)
        nieuwste = verwacht(alle)
        per, gepland, omzetting = opslag.tellingen()
        plannen = {r.bestand for r in alle if r.plantoets}
        for telling, welke in ((per, nieuwste),
                               (gepland, [r for r in nieuwste if r["bestand"] in plannen])):
            assert telling == {
                Categorie.kritiek: sum(r["categorie"] == 1 for r in welke),
                None: sum(r["categorie"] is None for r in welke),
                Categorie.verbeterbaar: sum(r["categorie"] == 2 for r in welke),
                Categorie.goed: sum(r["categorie"] == 3 for r in welke),
            }
        groepen: dict[tuple[str, str], list[Rij]] = defaultdict(list)
        for r in alle:
            groepen[(r.loc_naam, r.loc_gemeente)].append(r)
        volgorde = {r.rapport: (r.datum, r.bestand) for r in alle}
        gevonden = list(opslag.rondes_per_locatie())  # elke groep de oudste ronde eerst
        assert all([volgorde[t[2]] for t in g] == sorted(volgorde[t[2]] for t in g)
                   for g in gevonden)
        assert sorted(sorted(t[2] for t in g) for g in gevonden) == sorted(
            sorted(str(r.rapport) for r in g) for g in groepen.values() if len(g) > 1)
        assert omzetting == sum(r.omzetting for r in alle
                                if any(n["bestand"] == r.bestand for n in nieuwste))
    finally:
        opslag.sluit()


def test_stukken_en_losse_rijen_lezen_uit_dezelfde_volgorde() -> None:
    alle = [Rij(c, 0.5, f"L{i}", f"{i}.yaml", f"l{i}", "g", "2026-01-01", False, None, False,
                False)
            for i, c in enumerate([3, 1, 2, 1, 3])]
    opslag, resultaten = gevuld(alle)
    try:
        volgorde = [r["bestand"] for r in resultaten]
        assert [r["categorie"] for r in resultaten] == [1, 1, 2, 3, 3]
        assert [r["bestand"] for r in resultaten[:2]] == volgorde[:2]
        assert [r["bestand"] for r in resultaten[1:4][1:]] == volgorde[2:4]
        assert resultaten[-1]["bestand"] == volgorde[-1] and len(resultaten[5:]) == 0
        with pytest.raises(IndexError):
            resultaten[5]
        with pytest.raises(ValueError, match="aaneengesloten"):
            resultaten[::2]
        opslag.stel_vast()  # nog eens vaststellen (een tweede uitvoer) geeft hetzelfde
        assert [r["bestand"] for r in resultaten] == volgorde
    finally:
        opslag.sluit()


def test_andere_kaders_en_privacy_uit_alle_rondes() -> None:
    opslag = Tussenopslag()
    basis = Rij(2, 0.5, "A", "a.yaml", "a", "g", "2026-01-01", False, "k@1", False, False)
    opslag.bewaar(basis, b"{}")
    opslag.bewaar(basis._replace(bestand="b.yaml", datum="2026-02-01", kader="k@0",
                                 privacy=True),
                  json.dumps({"privacy": [{"regel": 3, "veld": "x", "soort": "bsn"}]}).encode())
    opslag.bewaar(basis._replace(bestand="c.yaml", kader=None), b"{}")
    opslag.stel_vast()
    try:
        assert opslag.andere_kaders("k@1") == {"k@0": 1}
        assert list(opslag.vondsten("privacy")) == [
            ("b.yaml", {"regel": 3, "veld": "x", "soort": "bsn"})]
        assert opslag.aantal == 3 and opslag.actueel() == 1
    finally:
        opslag.sluit()


def test_fouten_op_bestand_en_regel() -> None:
    opslag = Tussenopslag()
    opslag.bewaar_fouten([Probleem("b.yaml", 7, "zeven"), Probleem("b.yaml", None, "geen regel"),
                          Probleem("a.yaml", 3, "drie")])
    opslag.bewaar_fouten([Probleem("b.yaml", 7, "nog een zeven")])
    try:
        fouten = Fouten(opslag)
        assert len(fouten) == 4
        assert [(f["bestand"], f["regel"], f["melding"]) for f in fouten] == [
            ("a.yaml", 3, "drie"), ("b.yaml", None, "geen regel"), ("b.yaml", 7, "zeven"),
            ("b.yaml", 7, "nog een zeven")]
    finally:
        opslag.sluit()
