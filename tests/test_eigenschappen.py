# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Eigenschappen van design §5 en van de lader, met gegenereerde kaders en beoordelingen."""

from __future__ import annotations

import contextlib
import json
import random
from fractions import Fraction
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from azc_kwaliteit.domein.fouten import InvoerFout
from azc_kwaliteit.domein.modellen import Beoordeling, Kader
from azc_kwaliteit.indeling.categorie import deel_in
from azc_kwaliteit.indeling.uitslag import Categorie, rang
from azc_kwaliteit.invoer.laden import decodeer, lees_tekst
from azc_kwaliteit.invoer.valideren import valideer_beoordeling
from azc_kwaliteit.uitvoer.weergave import JsonLijst, compacte_json, json_delen, naar_json, uitslag_naar_dict

PIJLERS = ["voorzieningen", "bescherming", "participatie"]
OORDELEN = ["voldoet", "deels", "voldoet_niet", "onbekend", "nvt"]
# per type: een antwoord dat elk oordeel oplevert (ja_nee kent geen deels)
WAARDE = {
    "ja_nee": {"voldoet": "ja", "deels": "nee", "voldoet_niet": "nee"},
    "getal": {"voldoet": 20, "deels": 7, "voldoet_niet": 0},
    "schaal": {"voldoet": 4, "deels": 2, "voldoet_niet": 1},
}
BETER = {"voldoet_niet": "deels", "deels": "voldoet"}


@st.composite
def kaders(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 9))
    criteria = []
    for i in range(n):
        soort = draw(st.sampled_from(["ja_nee", "getal", "schaal"]))
        c: dict[str, Any] = {
            "id": f"c{i}", "pijler": draw(st.sampled_from(PIJLERS)), "titel": f"C{i}",
            "vraag": "?", "type": soort, "gewicht": draw(st.integers(1, 5)),
            "bronnen": ["b"], "toelichting": "t", "advies": "a",
            "doelgroepen": draw(st.sampled_from([["gezinnen"], ["amv"], ["gezinnen", "amv"]])),
        }
        ernst = draw(st.sampled_from(["kritiek", "voorwaarde", "gewoon", "oud-kritiek", "oud-niet"]))
        if ernst.startswith("oud-"):  # een kader van vóór 2027.1: kritiek: true/false
            c["kritiek"] = ernst == "oud-kritiek"
        else:
            c["ernst"] = ernst
        if soort == "getal":
            c.update(norm={"min": 10}, deels={"min": 5})
        elif soort == "schaal":
            c.update(niveaus={1: "a", 2: "b", 3: "c", 4: "d"}, norm={"voldoet": 3, "deels": 2})
        criteria.append(c)
    gebruikt = sorted({c["pijler"] for c in criteria}, key=PIJLERS.index)
    kritiek_onder = draw(st.sampled_from([0.3, 0.5, 0.6]))
    min_dekking = draw(st.sampled_from([0.5, 0.9, 1.0]))
    return {
        "kader": {"id": "gen", "naam": "Gegenereerd", "versie": "1"},
        "indeling": {"kritiek_onder": kritiek_onder,
                     "goed_vanaf": draw(st.sampled_from([0.7, 0.8, 0.9, 1.0])),
                     "min_dekking": min_dekking,
                     "min_dekking_oordeel": draw(st.sampled_from([0, 0.3, min_dekking]))},
        "pijlers": [{"id": p, "naam": p.title()} for p in gebruikt],
        "criteria": criteria,
    }


@st.composite
def gevallen(draw: st.DrawFn) -> tuple[Kader, dict[str, Any], dict[str, Any]]:
    kader = draw(kaders())
    antwoorden: dict[str, Any] = {}
    for c in kader["criteria"]:
        o = draw(st.sampled_from([*OORDELEN, "afwezig"]))
        if o in ("onbekend", "nvt"):
            antwoorden[c["id"]] = o
        elif o != "afwezig":
            antwoorden[c["id"]] = WAARDE[c["type"]][o]
    loc = {"naam": "L", "gemeente": "G", "soort": "azc", "status": "in_gebruik",
           "capaciteit": 10, "doelgroepen": draw(st.sampled_from([["gezinnen"], ["amv"],
                                                                  ["gezinnen", "amv"]])),
           "draagvlak_regio": draw(st.sampled_from(["ja", "nee", "onbekend"]))}
    return Kader.model_validate(kader), antwoorden, loc


def doc(antwoorden: dict[str, Any], loc: dict[str, Any]) -> Beoordeling:
    return Beoordeling.model_validate({
        "locatie": loc, "beoordeling": {"datum": "2026-01-01", "beoordelaar": "x"},
        "antwoorden": antwoorden})


INSTELLINGEN = settings(max_examples=300, deadline=None,
                        suppress_health_check=[HealthCheck.too_slow])


@INSTELLINGEN
@given(gevallen(), st.data())
def test_verbeteren_verlaagt_de_categorie_nooit(geval: Any, data: st.DataObject) -> None:
    kader, antwoorden, loc = geval
    voor = deel_in(kader, doc(antwoorden, loc))
    kandidaten = [c for c in voor.criteria if c.oordeel.value in BETER]
    assume(kandidaten)
    c = data.draw(st.sampled_from(kandidaten))
    crit = kader.criterium(c.id)
    assert crit is not None
    beter = BETER[c.oordeel.value]
    if crit.type == "ja_nee":
        beter = "voldoet"
    na = deel_in(kader, doc({**antwoorden, c.id: WAARDE[crit.type][beter]}, loc))
    assert rang(na.categorie) >= rang(voor.categorie)


@INSTELLINGEN
@given(gevallen(), st.randoms(use_true_random=False))
def test_volgorde_van_criteria_en_antwoorden_doet_er_niet_toe(geval: Any,
                                                              rnd: random.Random) -> None:
    kader, antwoorden, loc = geval
    criteria = list(kader.criteria)
    rnd.shuffle(criteria)
    geschud = kader.model_copy(update={"criteria": criteria})
    items = list(antwoorden.items())
    rnd.shuffle(items)
    a = deel_in(kader, doc(antwoorden, loc))
    b = deel_in(geschud, doc(dict(items), loc))
    assert (a.categorie, a.omzetting, a.dekking, a.pijlers) == (
        b.categorie, b.omzetting, b.dekking, b.pijlers)
    assert a.redenen == b.redenen
    assert [s.criterium for s in a.verbeterpad] == [s.criterium for s in b.verbeterpad]


@INSTELLINGEN
@given(gevallen())
def test_categorie_1_en_2_noemen_redenen_en_het_verbeterpad_werkt(geval: Any) -> None:
    kader, antwoorden, loc = geval
    u = deel_in(kader, doc(antwoorden, loc))
    if u.categorie == Categorie.kritiek:
        assert u.redenen and all(r.regel in ("kritiek_voldoet_niet", "pijler_onder_kritiek")
                                 for r in u.redenen)
        assert any(r.criteria for r in u.redenen)
    if u.categorie != Categorie.goed:
        assert u.redenen
    if u.categorie is None:  # onvoldoende beoordeeld: alleen regels die over onbekend gaan
        assert {r.regel for r in u.redenen} <= {"kritiek_onbekend", "pijler_kan_kritiek",
                                                "dekking_onder_oordeel", "geen_criteria"}
    if u.categorie == Categorie.goed or not any(c.oordeel.value != "nvt" for c in u.criteria):
        return
    # zonder doel: de volgende categorie, of bij onvoldoende beoordeeld tot er een oordeel is
    doel = Categorie.verbeterbaar if u.categorie is None else Categorie(u.categorie + 1)
    assert u.doel_categorie == (None if u.categorie is None else doel)
    assert all((s.actie == "beoordelen") == (s.oordeel.value == "onbekend") for s in u.verbeterpad)
    if u.categorie is None:
        assert all(s.actie == "beoordelen" for s in u.verbeterpad)
    na = dict(antwoorden)
    for stap in u.verbeterpad:
        crit = kader.criterium(stap.criterium)
        assert crit is not None
        na[stap.criterium] = WAARDE[crit.type]["voldoet"]
    assert rang(deel_in(kader, doc(na, loc)).categorie) >= rang(doel)


@INSTELLINGEN
@given(gevallen())
def test_verbeterpad_met_doel_3_bereikt_3(geval: Any) -> None:
    kader, antwoorden, loc = geval
    u = deel_in(kader, doc(antwoorden, loc), doel=Categorie.goed)
    if u.categorie == Categorie.goed or not any(c.oordeel.value != "nvt" for c in u.criteria):
        assert u.verbeterpad == ()
        return
    assert u.doel_categorie == Categorie.goed
    na = dict(antwoorden)
    for stap in u.verbeterpad:
        crit = kader.criterium(stap.criterium)
        assert crit is not None
        na[stap.criterium] = WAARDE[crit.type]["voldoet"]
    assert deel_in(kader, doc(na, loc)).categorie == Categorie.goed


@INSTELLINGEN
@given(gevallen())
def test_json_gaat_heen_en_terug(geval: Any) -> None:
    kader, antwoorden, loc = geval
    data = uitslag_naar_dict(deel_in(kader, doc(antwoorden, loc)), {"id": "gen"})
    terug = json.loads(naar_json(data))
    assert terug == json.loads(json.dumps(data))
    assert terug["categorie"] in (1, 2, 3, None)
    assert terug["onvoldoende_beoordeeld"] is (terug["categorie"] is None)
    assert all(p["score"] is None or 0 <= p["score"] <= 1 for p in terug["pijlers"].values())


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_lader_geeft_alleen_eigen_fouten_op_willekeurige_tekst(tekst: str) -> None:
    try:
        lees_tekst(tekst, "x.yaml")
    except InvoerFout as e:
        assert all(p.bestand == "x.yaml" for p in e.problemen)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_lader_op_willekeurige_bytes(ruw: bytes) -> None:
    with contextlib.suppress(InvoerFout):
        lees_tekst(decodeer(ruw, "x.yaml"), "x.yaml")


YAML_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda kind: st.lists(kind, max_size=3) | st.dictionaries(st.text(max_size=10), kind,
                                                             max_size=3),
    max_leaves=10,
)


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({}, optional={
    "locatie": YAML_WAARDEN, "beoordeling": YAML_WAARDEN, "antwoorden": YAML_WAARDEN,
    "extra": YAML_WAARDEN}))
def test_modellen_geven_alleen_eigen_fouten(data: dict[str, Any]) -> None:
    from azc_kwaliteit.invoer.openen import laad_kader

    tekst = yaml.safe_dump(data, allow_unicode=True)
    try:
        valideer_beoordeling(lees_tekst(tekst, "x.yaml"), laad_kader().kader)
    except InvoerFout as e:
        assert all(p.bestand == "x.yaml" and p.melding.strip() for p in e.problemen)


KADER_SLEUTELS = st.sampled_from(["kader", "indeling", "pijlers", "criteria", "themas", "x"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KADER_SLEUTELS, YAML_WAARDEN, max_size=5), kaders())
def test_kaders_geven_alleen_eigen_fouten(willekeurig: dict[str, Any],
                                          geldig: dict[str, Any]) -> None:
    """Een willekeurig of half kapot kader wordt een KaderFout, nooit iets anders."""
    from azc_kwaliteit.invoer.valideren import valideer_kader

    for data in (willekeurig, {**geldig, **willekeurig}):
        tekst = yaml.safe_dump(data, allow_unicode=True)
        try:
            valideer_kader(lees_tekst(tekst, "kader.yaml"))
        except InvoerFout as e:  # KaderFout, of de lader zelf (een ongeldige YAML-sleutel)
            assert all(p.bestand == "kader.yaml" and p.melding.strip() for p in e.problemen)


PUNTEN = {"voldoet": Fraction(1), "deels": Fraction(1, 2), "voldoet_niet": Fraction(0)}


def volgens_design_5(kader: Kader, oordelen: dict[str, str]) -> tuple[int, dict[str, Any], Any]:
    """Design §5 rechttoe rechtaan, met breuken: categorie, pijlerscores en dekking uit de
    oordelen per criterium. Een onafhankelijke rekensom naast de snelle tellers van indeling."""
    ind = kader.indeling
    kritiek_onder, goed_vanaf, min_dekking, min_oordeel = (Fraction(str(x)) for x in (
        ind.kritiek_onder, ind.goed_vanaf, ind.min_dekking, ind.min_dekking_oordeel))
    scores: dict[str, Any] = {}
    onbekende_pijler = kan_kritiek = False
    for p in kader.pijlers:
        toepasselijk = [c for c in kader.criteria if c.pijler == p.id and oordelen[c.id] != "nvt"]
        bekend = [c for c in toepasselijk if oordelen[c.id] in PUNTEN]
        punten = sum(Fraction(str(c.gewicht)) * PUNTEN[oordelen[c.id]] for c in bekend)
        if bekend:
            scores[p.id] = punten / sum(Fraction(str(c.gewicht)) for c in bekend)
        else:
            scores[p.id] = None
            onbekende_pijler = onbekende_pijler or bool(toepasselijk)
        if len(bekend) < len(toepasselijk):  # het slechtste geval: alle onbekende voldoen niet
            slechtst = punten / sum(Fraction(str(c.gewicht)) for c in toepasselijk)
            kan_kritiek = kan_kritiek or slechtst < kritiek_onder
    toepasselijk_n = sum(o != "nvt" for o in oordelen.values())
    bekend_n = sum(o in PUNTEN for o in oordelen.values())
    dekking = Fraction(bekend_n, toepasselijk_n) if toepasselijk_n else Fraction(0)
    kritiek = [oordelen[c.id] for c in kader.criteria if c.ernst == "kritiek"]
    voorwaarde = [oordelen[c.id] for c in kader.criteria if c.ernst == "voorwaarde"]
    gescoord = [s for s in scores.values() if s is not None]
    categorie: int | None
    if "voldoet_niet" in kritiek or any(s < kritiek_onder for s in gescoord):
        categorie = 1
    elif not toepasselijk_n or "onbekend" in kritiek or kan_kritiek or dekking < min_oordeel:
        categorie = None
    elif (not onbekende_pijler and dekking >= min_dekking
          and all(s >= goed_vanaf for s in gescoord)
          and "deels" not in kritiek and not {"voldoet_niet", "deels", "onbekend"} & set(voorwaarde)):
        categorie = 3
    else:
        categorie = 2
    return categorie, scores, dekking


@INSTELLINGEN
@given(gevallen())
def test_indeling_rekent_zoals_design_5(geval: Any) -> None:
    kader, antwoorden, loc = geval
    u = deel_in(kader, doc(antwoorden, loc))
    oordelen = {c.id: c.oordeel.value for c in u.criteria}
    categorie, scores, dekking = volgens_design_5(kader, oordelen)
    assert u.categorie == categorie
    assert u.dekking == float(dekking)
    assert {p.id: p.score for p in u.pijlers} == {
        pid: None if s is None else round(float(s), 4) for pid, s in scores.items()}


@INSTELLINGEN
@given(gevallen())
def test_batchindeling_zonder_volledige_lijst_zegt_hetzelfde(geval: Any) -> None:
    """De batch vraagt alleen de criteria die niet voldoen; de rest van de uitslag is gelijk."""
    kader, antwoorden, loc = geval
    volledig = deel_in(kader, doc(antwoorden, loc))
    kort = deel_in(kader, doc(antwoorden, loc), volledig=False)
    assert (kort.categorie, kort.dekking, kort.pijlers, kort.redenen, kort.verbeterpad) == (
        volledig.categorie, volledig.dekking, volledig.pijlers, volledig.redenen,
        volledig.verbeterpad)
    assert kort.criteria == tuple(c for c in volledig.criteria
                                  if c.oordeel.value in ("voldoet_niet", "deels", "onbekend"))


json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers(-10**18, 10**18) | st.text(max_size=30)
    | st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: x == 0 or abs(x) >= 1e-4),
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=8), kind,
                                                              max_size=4),
    max_leaves=25,
)


@settings(max_examples=500, deadline=None)
@given(json_waarden)
def test_json_is_dezelfde_tekst_als_json_dumps(data: Any) -> None:
    """naar_json en json_delen gebruiken de snelle encoder van pydantic-core; de tekst moet die van
    de standaardbibliotheek blijven (getallen onder 1e-4 schrijft hij anders, met dezelfde
    waarde), op de stuurtekens na die ``veilig.json`` als ``\\u009b`` schrijft: na inlezen
    dezelfde data."""
    from azc_kwaliteit.uitvoer import veilig

    assert naar_json(data) == veilig.json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
    assert "".join(json_delen(data)) == veilig.json(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    assert json.loads(naar_json(data)) == data


def _lange_lijsten(data: Any) -> Any:
    """Elke lijst als ``JsonLijst`` van kant-en-klare JSON, zoals de batch haar resultaten geeft."""
    if isinstance(data, list):
        return JsonLijst(compacte_json(x) for x in data)
    if isinstance(data, dict):
        return {k: _lange_lijsten(v) for k, v in data.items()}
    return data


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=8), json_waarden, max_size=4))
def test_json_in_stukken_leest_terug_als_hetzelfde(data: dict[str, Any]) -> None:
    """Een lange lijst wordt element voor element geschreven, elk op een eigen regel; wat eruit
    komt is dezelfde JSON."""
    tekst = "".join(json_delen(_lange_lijsten(data)))
    assert json.loads(tekst) == data
