# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De zinnen die de indelingskern zelf maakt, letterlijk vastgelegd: wat een gebruiker leest bij
een fout antwoord, een niet-toepasselijk criterium, een ingetrokken id of een kader dat een gewoon
criterium te zwaar laat wegen. Een veranderde zin moet hier bewust veranderd worden."""

from __future__ import annotations

from typing import Any

import pytest

from azc_kwaliteit.domein.antwoorden import norm_tekst, verwachting
from azc_kwaliteit.domein.modellen import Fase, GetalCriterium
from azc_kwaliteit.domein.taal import kreeg
from azc_kwaliteit.indeling.categorie import deel_in
from azc_kwaliteit.indeling.toepassing import waarom_niet
from azc_kwaliteit.indeling.uitslag import Categorie
from azc_kwaliteit.indeling.voorbereiding import Deel, eenling_kritiek
from conftest import BESTE, MINI_KADER, beoordeling, mini_kader

K = mini_kader()


@pytest.mark.parametrize(("cid", "verwacht", "norm"), [
    ("school", "een getal (%), minstens 0 en hoogstens 100", "minstens 95 % (deels: minstens 75 %)"),
    ("keuken", "ja of nee", "ja"),
    ("spelen", "een niveau: 1 (geen), 2 (matig), 3 (voldoende), 4 (goed)",
     "niveau 3 (voldoende) of hoger (deels: niveau 2)"),
    ("verhuizingen", "een getal, minstens 0", "hoogstens 1 (deels: hoogstens 2)"),
    ("crisis-baby", "ja of nee", "nee"),
])
def test_verwachting_en_norm_in_woorden(cid: str, verwacht: str, norm: str) -> None:
    c = K.criterium(cid)
    assert c is not None
    assert verwachting(c) == verwacht  # type: ignore[arg-type]
    assert norm_tekst(c) == norm  # type: ignore[arg-type]


def _getal(norm: dict[str, Any], **extra: Any) -> GetalCriterium:
    return GetalCriterium.model_validate({
        "id": "xx", "pijler": "voorzieningen", "titel": "X", "vraag": "?", "type": "getal",
        "gewicht": 1,
        "norm": norm, "bronnen": ["b"], "toelichting": "t", "advies": "a", **extra})


@pytest.mark.parametrize(("norm", "extra", "tekst"), [
    ({"min": 2, "max": 4}, {"eenheid": "m²"}, "2 tot en met 4 m²"),
    ({"min": 3, "max": 3}, {}, "precies 3"),
    ({"min": 2.5}, {"eenheid": "km"}, "minstens 2,5 km"),
    ({"max": 0}, {}, "hoogstens 0"),
    ({"min": 1, "max": 6}, {"deels": {"min": 0, "max": 8}}, "1 tot en met 6 (deels: 0 tot en met 8)"),
])
def test_grenzen_in_woorden(norm: dict[str, Any], extra: dict[str, Any], tekst: str) -> None:
    assert norm_tekst(_getal(norm, **extra)) == tekst


def test_verwachting_van_een_begrensd_getal() -> None:
    c = _getal({"min": 1}, bereik={"min": 0, "max": 10}, eenheid="uur")
    assert verwachting(c) == "een getal (uur), minstens 0 en hoogstens 10"


@pytest.mark.parametrize(("waarde", "tekst"), [
    (True, "true"), (False, "false"), ({}, "een mapping"), ([], "een lijst"),
    (None, "niets (leeg)"), ("abc", "'abc'"), (3, "'3'"), ("Jan's", "'Jan’s'"),
    ("x" * 61, "'" + "x" * 60 + "…'"), ("x" * 60, "'" + "x" * 60 + "'"),
])
def test_kreeg_zegt_kort_wat_er_stond(waarde: object, tekst: str) -> None:
    assert kreeg(waarde) == tekst


@pytest.mark.parametrize(("cid", "groepen", "soort", "fase", "reden"), [
    ("keuken", {"amv"}, "azc", Fase.in_gebruik, "alleen voor gezinnen"),
    ("mentor", {"gezinnen"}, "azc", Fase.in_gebruik, "alleen voor alleenstaande minderjarigen (amv)"),
    ("school", {"gezinnen", "amv"}, "azc", Fase.gepland,
     "pas te beoordelen als de locatie in gebruik is"),
    ("crisis-baby", {"gezinnen"}, "noodopvang", Fase.in_gebruik, "alleen voor crisisnoodopvang"),
    ("crisis-baby", {"gezinnen"}, None, Fase.in_gebruik, None),
    ("klachten", {"amv"}, "azc", Fase.gepland, None),
])
def test_waarom_een_criterium_niet_telt(cid: str, groepen: set[str], soort: str | None,
                                        fase: Fase, reden: str | None) -> None:
    c = K.criterium(cid)
    assert c is not None
    assert waarom_niet(c, groepen, soort, fase) == reden


def test_reden_bij_twee_doelgroepen_en_twee_soorten() -> None:
    c = _getal({"min": 1}, doelgroepen=["gezinnen", "amv"], soorten=["azc", "noodopvang"])
    assert waarom_niet(c, {"gezinnen"}, "crisisnoodopvang", Fase.in_gebruik) == \
        "alleen voor azc, noodopvang"
    c = _getal({"min": 1}, doelgroepen=["gezinnen", "amv"])
    assert waarom_niet(c, set(), "azc", Fase.in_gebruik) == \
        "alleen voor gezinnen en alleenstaande minderjarigen (amv)"
    assert waarom_niet(c, {"amv"}, "azc", Fase.gepland) == \
        "pas te beoordelen als de locatie in gebruik is"


def test_ingetrokken_ids_in_woorden() -> None:
    criteria = [dict(c, id="klachtroute") if c["id"] == "klachten" else c
                for c in MINI_KADER["criteria"]]
    k = mini_kader(criteria=criteria, ingetrokken=[
        {"id": "klachten", "sinds": "2", "vervangen_door": ["klachtroute"],
         "reden": "Alleen de naam is veranderd.", "overnemen": True},
        {"id": "oud-1", "sinds": "2", "vervangen_door": ["spelen", "gehoord"], "reden": "Gesplitst"},
        {"id": "oud-2", "sinds": "3", "vervangen_door": [], "reden": "Vervallen."},
        {"id": "oud-3", "sinds": "3", "vervangen_door": ["mentor"], "reden": "Nieuwe vraag."}])
    antwoorden = {**{c: v for c, v in BESTE.items() if c != "klachten"}, "klachten": "nee",
                  "oud-1": "ja", "oud-2": "ja", "oud-3": "ja"}
    teksten = {i.id: (i.vervangen_door, i.tekst) for i in deel_in(k, beoordeling(antwoorden)).ingetrokken}
    assert teksten == {
        "klachten": (("klachtroute",), "criterium 'klachten' is ingetrokken in versie 2 en vervangen "
                     "door klachtroute (Alleen de naam is veranderd); het antwoord telt nu voor "
                     "klachtroute"),
        "oud-1": (("spelen", "gehoord"), "criterium 'oud-1' is ingetrokken in versie 2 en vervangen "
                  "door spelen, gehoord (Gesplitst); het antwoord telt niet mee; beoordeel de "
                  "vervangers opnieuw"),
        "oud-2": ((), "criterium 'oud-2' is ingetrokken in versie 3 zonder vervanger (Vervallen); "
                  "het antwoord telt niet mee"),
        "oud-3": (("mentor",), "criterium 'oud-3' is ingetrokken in versie 3 en vervangen door "
                  "mentor (Nieuwe vraag); het antwoord telt niet mee; beoordeel de vervanger "
                  "opnieuw"),
    }
    eigen = deel_in(k, beoordeling({**antwoorden, "klachtroute": "ja"})).ingetrokken[0]
    assert eigen.tekst.endswith("; het antwoord telt niet mee, want klachtroute heeft een eigen "
                                "antwoord")


def test_eenling_kritiek_noemt_criterium_pijler_grens_en_situatie() -> None:
    assert eenling_kritiek(K) == [
        ("verhuizingen", "criterium 'verhuizingen' (ernst gewoon) brengt in zijn eentje pijler "
         "Bescherming onder de kritieke grens van 50 % (bij gezinnen, azc, in gebruik); geef het "
         "minder gewicht, geef de pijler meer criteria, of maak het kritiek"),
        ("gehoord", "criterium 'gehoord' (ernst gewoon) brengt in zijn eentje pijler Participatie "
         "onder de kritieke grens van 50 % (bij gezinnen, azc, in gebruik); geef het minder "
         "gewicht, geef de pijler meer criteria, of maak het kritiek"),
        ("klachten", "criterium 'klachten' (ernst gewoon) brengt in zijn eentje pijler "
         "Participatie onder de kritieke grens van 50 % (bij gezinnen, azc, plan); geef het "
         "minder gewicht, geef de pijler meer criteria, of maak het kritiek"),
        ("spelen", "criterium 'spelen' (ernst gewoon) brengt in zijn eentje pijler Voorzieningen "
         "onder de kritieke grens van 50 % (bij amv, azc, plan); geef het minder gewicht, geef de "
         "pijler meer criteria, of maak het kritiek"),
    ]


def test_een_pijler_op_precies_de_grens_met_genoeg_criteria_geeft_geen_melding() -> None:
    """Met gewicht 1 van 2 in een pijler zakt die naar precies 50 %: niet onder de grens."""
    criteria = [c for c in MINI_KADER["criteria"] if c["pijler"] != "participatie"] + [
        dict(c, gewicht=1) for c in MINI_KADER["criteria"] if c["id"] in ("gehoord", "klachten")]
    meldingen = dict(eenling_kritiek(mini_kader(criteria=criteria)))
    assert "gehoord" not in meldingen


def test_deel_vergelijkt_exact() -> None:
    assert Deel(1, 2) == Deel(2, 4)
    assert not Deel(1, 2) == Deel(1, 3)  # noqa: SIM201 - __eq__ zelf, niet __ne__
    assert Deel(2, 3) > Deel(1, 2) and not Deel(1, 2) > Deel(2, 4)
    assert Deel(1, 3) < Deel(1, 2) and not Deel(2, 4) < Deel(1, 2)
    assert Deel(1, 2).__eq__(0.5) is NotImplemented
    assert (Deel(1, 2), 2) > (Deel(2, 4), 1)  # gelijke stand: het volgende element beslist


def test_bij_gelijke_winst_kiest_het_verbeterpad_het_zwaarste_criterium() -> None:
    """Een licht criterium dat niet voldoet en een zwaar dat maar deels voldoet, brengen de pijler
    precies even ver; het zwaarste gaat voor, ook al staat het later in het kader. Dit hangt aan
    de exacte gelijkheid van twee scores."""
    criteria = [c for c in MINI_KADER["criteria"] if c["pijler"] != "participatie"] + [
        {"id": "a-licht", "pijler": "participatie", "titel": "A", "vraag": "?", "type": "ja_nee",
         "gewicht": 1, "bronnen": ["b"], "toelichting": "t", "advies": "a"},
        {"id": "b-zwaar", "pijler": "participatie", "titel": "B", "vraag": "?", "type": "getal",
         "eenheid": "%", "norm": {"min": 95}, "deels": {"min": 75}, "gewicht": 2,
         "bronnen": ["b"], "toelichting": "t", "advies": "a"},
        {"id": "c-rest", "pijler": "participatie", "titel": "C", "vraag": "?", "type": "ja_nee",
         "gewicht": 3, "bronnen": ["b"], "toelichting": "t", "advies": "a"}]
    k = mini_kader(criteria=criteria)
    antwoorden = {**{c: v for c, v in BESTE.items() if c not in ("gehoord", "klachten")},
                  "a-licht": "nee", "b-zwaar": 80, "c-rest": "ja"}
    u = deel_in(k, beoordeling(antwoorden), doel=Categorie.goed)
    assert [s.criterium for s in u.verbeterpad] == ["b-zwaar"]  # daarna is de pijler goed


def _kader_met_voorwaarde(*ids: str, **indeling: float) -> Any:
    criteria = [dict(c, ernst="voorwaarde") if c["id"] in ids else c for c in MINI_KADER["criteria"]]
    return mini_kader(criteria=criteria, **({"indeling": indeling} if indeling else {}))


@pytest.mark.parametrize(("kader", "antwoorden", "locatie", "redenen", "stappen"), [
    (_kader_met_voorwaarde("klachten"), {**BESTE, "school": 10, "crisis-baby": "ja"},
     {"soort": "crisisnoodopvang"},
     [("kritiek_voldoet_niet", "2 kritieke criteria voldoen niet", ("crisis-baby", "school")),
      ("pijler_onder_kritiek", "Pijler Voorzieningen scoort 40 %, onder de kritieke grens van 50 %",
       ("school",))],
     [("school", "kritiek criterium: moet direct voldoen"),
      ("crisis-baby", "kritiek criterium: moet direct voldoen")]),
    (_kader_met_voorwaarde("klachten"), {**BESTE, "school": "onbekend"}, {},
     [("kritiek_onbekend", "1 kritiek criterium is onbekend; zolang het niet beoordeeld is, is "
       "categorie 1 niet uit te sluiten", ("school",)),
      ("pijler_kan_kritiek", "Pijler Voorzieningen zakt onder de kritieke grens van 50 % als de "
       "onbekende criteria niet voldoen", ("school",))],
     [("school", "kritiek criterium: beoordeel dit eerst")]),
    (_kader_met_voorwaarde("klachten"), {**BESTE, "gehoord": "onbekend"}, {},
     [("pijler_kan_kritiek", "Pijler Participatie zakt onder de kritieke grens van 50 % als de "
       "onbekende criteria niet voldoen", ("gehoord",))],
     [("gehoord", "pijler Participatie: beoordeel dit eerst, de onbekende criteria kunnen de "
       "pijler onder de kritieke grens brengen")]),
    (_kader_met_voorwaarde("klachten", kritiek_onder=0.5, goed_vanaf=0.8, min_dekking=0.9,
                           min_dekking_oordeel=0.5),
     {"school": 100, "mentor": "ja", "crisis-baby": "nee"}, {},
     [("pijler_kan_kritiek", "Van pijler Bescherming is geen enkel toepasselijk criterium "
       "beoordeeld", ("verhuizingen",)),
      ("pijler_kan_kritiek", "Van pijler Participatie is geen enkel toepasselijk criterium "
       "beoordeeld", ("gehoord", "klachten")),
      ("dekking_onder_oordeel", "Dekking is 16,7 %: te weinig beoordeeld voor een oordeel "
       "(minimaal 50 %)", ("gehoord", "keuken", "klachten", "spelen", "verhuizingen"))],
     [("klachten", "voorwaarde: beoordeel dit eerst"),
      ("verhuizingen", "pijler Bescherming: beoordeel dit eerst, de onbekende criteria kunnen de "
       "pijler onder de kritieke grens brengen"),
      ("gehoord", "pijler Participatie: beoordeel dit eerst, de onbekende criteria kunnen de "
       "pijler onder de kritieke grens brengen"),
      ("keuken", "dekking 66,7 %, voor categorie 3 is 90 % nodig"),
      ("spelen", "dekking 83,3 %, voor categorie 3 is 90 % nodig")]),
    (_kader_met_voorwaarde("klachten"), {**BESTE, "school": 80}, {},
     [("kritiek_deels", "1 kritiek criterium voldoet maar deels", ("school",)),
      ("pijler_onder_goed", "Pijler Voorzieningen scoort 70 %, onder de grens voor goed van 80 %",
       ("school",))],
     [("school", "kritiek criterium: moet volledig voldoen")]),
    (_kader_met_voorwaarde("klachten", "keuken"), {**BESTE, "klachten": "nee", "keuken": "nee"}, {},
     [("voorwaarde_voldoet_niet", "2 voorwaarden voldoen niet", ("keuken", "klachten")),
      ("pijler_onder_goed", "Pijler Participatie scoort 66,7 %, onder de grens voor goed van "
       "80 %", ("klachten",))],
     [("keuken", "voorwaarde voor categorie 3: moet volledig voldoen"),
      ("klachten", "voorwaarde voor categorie 3: moet volledig voldoen")]),
    (mini_kader(), {**BESTE, "verhuizingen": 2}, {},
     [("pijler_onder_goed", "Pijler Bescherming scoort 50 %, onder de grens voor goed van 80 %",
       ("verhuizingen",))],
     [("verhuizingen", "pijler Bescherming scoort 50 %, nodig is 80 %")]),
    (mini_kader(indeling={"kritiek_onder": 0, "goed_vanaf": 0.8, "min_dekking": 0.5}),
     {c: v for c, v in BESTE.items() if c not in ("gehoord", "klachten")}, {},
     [("pijler_onbekend", "Van pijler Participatie is geen enkel toepasselijk criterium "
       "beoordeeld", ("gehoord", "klachten"))],
     [("gehoord", "pijler Participatie is nog helemaal onbekend")]),
    (mini_kader(), {**BESTE, "keuken": "onbekend"}, {},
     [("dekking_te_laag", "Dekking is 83,3 %: te weinig criteria beoordeeld (minimaal 90 %)",
       ("keuken",))],
     [("keuken", "dekking 83,3 %, voor categorie 3 is 90 % nodig")]),
])
def test_redenen_en_verbeterpad_in_woorden(kader: Any, antwoorden: dict[str, Any],
                                           locatie: dict[str, Any], redenen: list[Any],
                                           stappen: list[Any]) -> None:
    u = deel_in(kader, beoordeling(antwoorden, **locatie), doel=Categorie.goed)
    assert [(r.regel, r.tekst, r.criteria) for r in u.redenen] == redenen
    assert [(s.criterium, s.waarom) for s in u.verbeterpad] == stappen


def test_een_ongeldig_antwoord_noemt_wat_er_stond() -> None:
    from azc_kwaliteit.domein.antwoorden import lees

    c = K.criterium("school")
    assert c is not None
    with pytest.raises(ValueError) as fout:
        lees(c, 140)  # type: ignore[arg-type]
    assert str(fout.value) == "verwacht een getal (%), minstens 0 en hoogstens 100, kreeg '140'"


@pytest.mark.parametrize(("x", "tekst"), [(None, "–"), (0.625, "62,5 %"), (0.63, "63 %"),
                                          (0.8, "80 %"), (79 / 99, "79,8 %"), (1 / 3, "33,3 %"),
                                          (1, "100 %"), (0, "0 %")])
def test_percentages_in_het_nederlands(x: float | None, tekst: str) -> None:
    from azc_kwaliteit.domein.antwoorden import pct

    assert pct(x) == tekst


def test_de_uitslag_draagt_alles_wat_de_rapporten_tonen() -> None:
    """Eén uitslag veld voor veld: wat de rapporten, JSON en CI-formaten tonen, komt hier vandaan;
    een veld dat onderweg wegvalt, mist anders pas in een rapport."""
    from azc_kwaliteit.domein.antwoorden import Oordeel
    from azc_kwaliteit.domein.modellen import Ernst
    from azc_kwaliteit.indeling.uitslag import CriteriumUitslag, Stap

    criteria = [dict(c, toelichting="Waarom school telt.", advies="Regel plaatsen.")
                if c["id"] == "school" else c for c in MINI_KADER["criteria"]]
    k = mini_kader(criteria=criteria)
    antwoorden = {**BESTE, "school": {"waarde": 10, "toelichting": "nog geen plek"}, "spelen": 2}
    u = deel_in(k, beoordeling(antwoorden, naam="De Brug", gemeente="Stad", soort="azc",
                               draagvlak_regio="ja"))
    assert (u.locatie, u.gemeente, u.soort, u.status, u.datum, u.beoordelaar, u.draagvlak_regio,
            u.kader_id, u.kader_versie, u.plantoets) == (
        "De Brug", "Stad", "azc", "in_gebruik", "2026-01-15", "Testteam", "ja", "mini", "1", False)
    assert u.criteria[:3] == (
        CriteriumUitslag(id="school", titel="School", pijler="voorzieningen", ernst=Ernst.kritiek,
                         gewicht=3.0, norm="minstens 95 % (deels: minstens 75 %)",
                         oordeel=Oordeel.voldoet_niet, antwoord="10 %", toelichting="nog geen plek",
                         nvt_reden=None, kader_toelichting="Waarom school telt.",
                         advies="Regel plaatsen.", bronnen=("bron 1",)),
        CriteriumUitslag(id="keuken", titel="Keuken", pijler="voorzieningen", ernst=Ernst.gewoon,
                         gewicht=1.0, norm="ja", oordeel=Oordeel.voldoet, antwoord="ja",
                         toelichting=None, nvt_reden=None, kader_toelichting="t", advies="a",
                         bronnen=("bron",)),
        CriteriumUitslag(id="spelen", titel="Spelen", pijler="voorzieningen", ernst=Ernst.gewoon,
                         gewicht=1.0, norm="niveau 3 (voldoende) of hoger (deels: niveau 2)",
                         oordeel=Oordeel.deels, antwoord="2 (matig)", toelichting=None,
                         nvt_reden=None, kader_toelichting="t", advies="a", bronnen=("bron",)))
    assert u.criterium("mentor").nvt_reden == "alleen voor alleenstaande minderjarigen (amv)"
    assert u.verbeterpad == (
        Stap(criterium="school", titel="School", pijler="voorzieningen",
             oordeel=Oordeel.voldoet_niet, waarom="kritiek criterium: moet direct voldoen",
             kader_toelichting="Waarom school telt.", advies="Regel plaatsen.", bronnen=("bron 1",),
             ernst=Ernst.kritiek, vraag="Welk deel?"),)
    assert u.doel_categorie == Categorie.verbeterbaar  # precies tot de volgende categorie
    voorzieningen = u.pijlers[0]
    assert (voorzieningen.id, voorzieningen.naam) == ("voorzieningen", "Voorzieningen")
    assert voorzieningen.aantallen == {"voldoet": 1, "deels": 1, "voldoet_niet": 1, "nvt": 0,
                                       "onbekend": 0}


def test_geen_pad_als_het_doel_al_gehaald_is() -> None:
    u = deel_in(mini_kader(), beoordeling({**BESTE, "verhuizingen": 2}), doel=Categorie.verbeterbaar)
    assert u.categorie == Categorie.verbeterbaar
    assert u.verbeterpad == () and u.doel_categorie is None


@pytest.mark.parametrize(("antwoorden", "regel", "tekst"), [
    ({**BESTE, "school": 10}, "kritiek_voldoet_niet", "1 kritiek criterium voldoet niet"),
    ({**BESTE, "school": 80, "crisis-baby": "onbekend"}, "kritiek_onbekend",
     "1 kritiek criterium is onbekend; zolang het niet beoordeeld is, is categorie 1 niet uit te "
     "sluiten"),
])
def test_een_regel_in_het_enkelvoud(antwoorden: dict[str, Any], regel: str, tekst: str) -> None:
    u = deel_in(K, beoordeling(antwoorden, soort="crisisnoodopvang"))
    assert [r.tekst for r in u.redenen if r.regel == regel] == [tekst]


def test_geen_enkel_criterium_van_toepassing() -> None:
    alleen_crisis = [c for c in MINI_KADER["criteria"] if c["id"] == "crisis-baby"]
    u = deel_in(mini_kader(criteria=alleen_crisis), beoordeling({}, soort="azc"))
    assert u.categorie is None
    assert [(r.regel, r.tekst) for r in u.redenen] == [
        ("geen_criteria", "Geen enkel criterium is van toepassing op deze locatie; er valt niets "
                          "te beoordelen")]
