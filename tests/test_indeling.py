# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De categorieregels van design §5, op hun drempels, met een klein kader."""

from __future__ import annotations

from typing import Any

import pytest

from azc_kwaliteit.domein.antwoorden import Oordeel
from azc_kwaliteit.indeling.categorie import deel_in
from azc_kwaliteit.indeling.uitslag import Categorie, Uitslag, rang
from conftest import BESTE, beoordeling, mini_kader

K = mini_kader()


def uitslag(wijzig: dict[str, Any] | None = None, *, kader: Any = K, **loc: Any) -> Uitslag:
    return deel_in(kader, beoordeling({**BESTE, **(wijzig or {})}, **loc))


def regels(u: Uitslag) -> set[str]:
    return {r.regel for r in u.redenen}


def test_alles_goed_met_draagvlak_is_3_met_omzetting() -> None:
    u = uitslag()
    assert u.categorie == Categorie.goed and u.omzetting
    assert u.redenen == () and u.verbeterpad == ()
    assert u.dekking == 1.0


@pytest.mark.parametrize("draagvlak", ["nee", "onbekend"])
def test_categorie_3_zonder_draagvlak_geen_omzetting(draagvlak: str) -> None:
    u = uitslag(draagvlak_regio=draagvlak)
    assert u.categorie == Categorie.goed and not u.omzetting


def test_kritiek_criterium_voldoet_niet_is_1_met_reden() -> None:
    u = uitslag({"school": 50})
    assert u.categorie == Categorie.kritiek
    reden = next(r for r in u.redenen if r.regel == "kritiek_voldoet_niet")
    assert reden.criteria == ("school",)


def test_kritiek_deels_blokkeert_3_en_kritiek_onbekend_geeft_geen_oordeel() -> None:
    assert uitslag({"school": 80}).categorie == Categorie.verbeterbaar
    assert "kritiek_deels" in regels(uitslag({"school": 80}))
    u = uitslag({"school": "onbekend"})
    assert u.categorie is None and u.onvoldoende_beoordeeld
    reden = next(r for r in u.redenen if r.regel == "kritiek_onbekend")
    assert reden.criteria == ("school",) and "niet uit te sluiten" in reden.tekst
    assert [(s.criterium, s.actie) for s in u.verbeterpad] == [("school", "beoordelen")]
    assert u.doel_categorie is None


def test_pijlerscore_precies_op_kritieke_grens_is_niet_kritiek() -> None:
    # participatie: gehoord (2) + klachten (1). gehoord deels (1) + klachten nee (0) = 1/3 < 0.5
    assert uitslag({"gehoord": 2, "klachten": "nee"}).categorie == Categorie.kritiek
    # bescherming: verhuizingen (2) + mentor nvt (gezinnen) + crisis-baby nvt: 1 gewicht 2
    # voorzieningen 3+1+1: school 100, keuken nee, spelen 1 -> 3/5 = 0.6 (niet kritiek, < 0.8)
    u = uitslag({"keuken": "nee", "spelen": 1})
    assert u.pijlers[0].score == 0.6
    assert u.categorie == Categorie.verbeterbaar
    assert "pijler_onder_goed" in regels(u)


def test_drempels_exact() -> None:
    k = mini_kader(indeling={"kritiek_onder": 0.5, "goed_vanaf": 0.75, "min_dekking": 0.9})
    # participatie 2/3 van 3: gehoord deels (1) + klachten ja (1) = 2/3 -> onder 0.75
    assert uitslag({"gehoord": 2}, kader=k).categorie == Categorie.verbeterbaar
    # voorzieningen: school 100 (3), keuken ja (1), spelen deels (0.5) = 4.5/5 = 0.9
    # participatie: gehoord 3 (2), klachten nee (0) = 2/3 -> 2
    assert uitslag({"klachten": "nee"}, kader=k).categorie == Categorie.verbeterbaar
    # precies 0.5: participatie gehoord nee (0) + ... maak gehoord deels en klachten nee -> 1/3
    k2 = mini_kader(indeling={"kritiek_onder": 1 / 3, "goed_vanaf": 0.8, "min_dekking": 0.5})
    assert uitslag({"gehoord": 2, "klachten": "nee"}, kader=k2).categorie == Categorie.verbeterbaar
    # precies op goed_vanaf = 0.8: voorzieningen school (3) + keuken (1) + spelen deels (0.5)
    k3 = mini_kader(indeling={"kritiek_onder": 0.5, "goed_vanaf": 0.9, "min_dekking": 0.9})
    assert uitslag({"spelen": 2}, kader=k3).categorie == Categorie.goed
    assert uitslag({"spelen": 1}, kader=k3).categorie == Categorie.verbeterbaar


def test_dekking_op_de_drempel() -> None:
    # 6 toepasselijke criteria voor gezinnen in noodopvang; 1 onbekend -> 5/6 = 0.833
    u = uitslag({"spelen": "onbekend"})
    assert u.dekking == pytest.approx(5 / 6)
    assert u.categorie == Categorie.verbeterbaar
    assert "dekking_te_laag" in regels(u)
    # keuken nvt, spelen onbekend: 4 van de 5 toepasselijke criteria bekend = precies 0,8
    for drempel, categorie in ((0.8, Categorie.goed), (0.81, Categorie.verbeterbaar)):
        k = mini_kader(indeling={"kritiek_onder": 0.5, "goed_vanaf": 0.8, "min_dekking": drempel})
        u = uitslag({"keuken": "nvt", "spelen": "onbekend"}, kader=k)
        assert u.dekking == 0.8
        assert u.categorie == categorie


@pytest.mark.parametrize("antwoord, min_dekking, toelichting, categorie, regel", [
    # alles onbekend: geen score; de pijler kan dan nog onder de kritieke grens liggen
    ("onbekend", 0.1, "onbekend", None, "pijler_kan_kritiek"),
    # niets van toepassing: geen score, en de pijler telt niet mee
    ("nvt", 0.9, "geen toepasselijke", Categorie.goed, None),
])
def test_pijler_zonder_score(antwoord: str, min_dekking: float, toelichting: str,
                             categorie: Categorie | None, regel: str | None) -> None:
    k = mini_kader(indeling={"kritiek_onder": 0.5, "goed_vanaf": 0.8,
                             "min_dekking": min_dekking})
    u = uitslag({"verhuizingen": antwoord}, kader=k)
    bescherming = next(p for p in u.pijlers if p.id == "bescherming")
    assert bescherming.score is None
    assert bescherming.toelichting is not None and toelichting in bescherming.toelichting
    assert u.categorie == categorie
    assert regel is None or regel in regels(u)


def test_nvt_door_doelgroep_soort_en_fase() -> None:
    u = uitslag({"mentor": "nee"})  # mentor is alleen voor amv; de locatie heeft gezinnen
    assert u.criterium("mentor").oordeel == Oordeel.nvt
    assert u.criterium("mentor").nvt_reden == "alleen voor alleenstaande minderjarigen (amv)"
    assert u.categorie == Categorie.goed
    assert uitslag(soort="crisisnoodopvang", wijzig={"crisis-baby": "ja"}).categorie == 1
    assert uitslag(doelgroepen=["amv"], wijzig={"mentor": "nee"}).categorie == 2


def test_afwezig_antwoord_is_onbekend() -> None:
    antwoorden = {k: v for k, v in BESTE.items() if k != "keuken"}
    u = deel_in(K, beoordeling(antwoorden))
    assert u.criterium("keuken").oordeel == Oordeel.onbekend


def test_plantoets_telt_alleen_ontwerpcriteria_en_noemt_de_rest() -> None:
    u = uitslag({"school": 0, "verhuizingen": 9, "gehoord": 1}, status="gepland")
    assert u.plantoets
    assert u.categorie == Categorie.goed  # keuken, spelen, klachten voldoen
    assert set(u.nog_te_beoordelen) == {"school", "verhuizingen", "gehoord"}
    assert u.criterium("school").oordeel == Oordeel.nvt
    u2 = uitslag({"keuken": "nee"}, status="gepland")
    assert u2.categorie == Categorie.verbeterbaar


def test_plantoets_forceren_op_bestaande_locatie() -> None:
    u = deel_in(K, beoordeling({**BESTE, "school": 0}), plantoets=True)
    assert u.plantoets and u.categorie == Categorie.goed


@pytest.mark.parametrize("wijzig", [
    {"school": 0},
    {"school": 0, "spelen": 1, "keuken": "nee", "gehoord": 1, "klachten": "nee"},
    {"gehoord": 1, "klachten": "nee"},
    {"school": 80},
    {"verhuizingen": "onbekend"},
    {"spelen": 1, "keuken": "nee"},
])
def test_verbeterpad_toegepast_bereikt_de_volgende_categorie(wijzig: dict[str, Any]) -> None:
    u = uitslag(wijzig)
    assert u.categorie != Categorie.goed and u.verbeterpad
    doel = Categorie.verbeterbaar if u.categorie is None else Categorie(u.categorie + 1)
    assert u.doel_categorie == (None if u.categorie is None else doel)
    beste = dict(BESTE)
    na = {**BESTE, **wijzig, **{s.criterium: beste[s.criterium] for s in u.verbeterpad}}
    assert rang(deel_in(K, beoordeling(na)).categorie) >= rang(doel)


def test_verbeterpad_begint_met_kritieke_criteria() -> None:
    u = uitslag({"school": 0, "gehoord": 1, "klachten": "nee"})
    assert u.verbeterpad[0].criterium == "school"
    assert u.verbeterpad[0].advies == "a" and u.verbeterpad[0].bronnen == ("bron 1",)


def test_waarschuwing_bij_ander_kader() -> None:
    b = beoordeling(BESTE).model_copy(update={"beoordeling": beoordeling(BESTE).beoordeling
                                              .model_copy(update={"kader": "mini@0"})})
    assert deel_in(K, b).waarschuwingen == (
        "de beoordeling noemt kader mini@0, maar is beoordeeld met mini@1",)


# ---------------------------------------------------------------- ernst en onvoldoende beoordeeld
# In het mini-kader: 'keuken' (gewicht 1 van 5 in voorzieningen) en 'klachten' (1 van 3 in
# participatie) zijn gewoon; met ernst voorwaarde gelden ze als eis voor categorie 3.


def met_ernst(**ernst: str) -> Any:
    from conftest import MINI_KADER

    criteria = [{k: v for k, v in c.items() if k != "kritiek"} | {"ernst": ernst.get(
        c["id"], "kritiek" if c.get("kritiek") else "gewoon")} for c in MINI_KADER["criteria"]]
    return mini_kader(criteria=criteria)


@pytest.mark.parametrize("antwoord, oordeel", [("nee", "voldoet_niet"), ("onbekend", "onbekend")])
def test_voorwaarde_die_niet_voldoet_geeft_hoogstens_2(antwoord: str, oordeel: str) -> None:
    k = met_ernst(keuken="voorwaarde")
    gewoon = uitslag({"keuken": antwoord})  # zelfde antwoord, maar gewoon
    u = uitslag({"keuken": antwoord}, kader=k)
    assert u.criterium("keuken").oordeel == oordeel
    assert u.pijlers[0].score == gewoon.pijlers[0].score  # de score zelf verandert niet
    assert gewoon.categorie == (Categorie.goed if antwoord == "nee" else Categorie.verbeterbaar)
    assert u.categorie == Categorie.verbeterbaar
    regel = "voorwaarde_voldoet_niet" if antwoord == "nee" else "voorwaarde_onbekend"
    assert next(r for r in u.redenen if r.regel == regel).criteria == ("keuken",)
    assert u.voorwaarden == (() if antwoord == "onbekend" else (u.criterium("keuken"),))


def test_voorwaarde_deels_houdt_3_tegen_en_telt_half_in_de_score() -> None:
    k = met_ernst(spelen="voorwaarde")
    u = uitslag({"spelen": 2}, kader=k)
    assert u.pijlers[0].score == 0.9  # (3 + 1 + 0,5) / 5
    assert u.categorie == Categorie.verbeterbaar and "voorwaarde_deels" in regels(u)
    assert uitslag({"spelen": 2}).categorie == Categorie.goed  # als gewoon criterium: geen bezwaar


def test_pad_naar_3_zet_een_voorwaarde_op_voldoet() -> None:
    u = uitslag({"spelen": 2}, kader=met_ernst(spelen="voorwaarde"))
    assert [(s.criterium, s.actie, s.ernst.value) for s in u.verbeterpad] == [
        ("spelen", "verbeteren", "voorwaarde")]
    assert u.verbeterpad[0].waarom.startswith("voorwaarde voor categorie 3")


def test_een_bekende_kritieke_misser_is_1_bij_elke_dekking() -> None:
    u = deel_in(K, beoordeling({"school": 0}))
    assert u.dekking < 0.2 and u.categorie == Categorie.kritiek
    assert "kritiek_voldoet_niet" in regels(u)


def test_niets_ingevuld_is_onvoldoende_beoordeeld() -> None:
    u = deel_in(K, beoordeling({}))
    assert u.categorie is None and u.dekking == 0
    assert {"kritiek_onbekend", "pijler_kan_kritiek"} <= regels(u)
    assert u.verbeterpad[0].criterium == "school"  # kritiek eerst
    assert all(s.actie == "beoordelen" for s in u.verbeterpad)


def test_onbekende_criteria_die_een_pijler_kritiek_kunnen_maken() -> None:
    # participatie: gehoord (2) deels = 1 punt, klachten (1) onbekend; slechtst: 1/3 < 50 %
    u = uitslag({"gehoord": 2, "klachten": "onbekend"})
    assert u.categorie is None
    reden = next(r for r in u.redenen if r.regel == "pijler_kan_kritiek")
    assert reden.criteria == ("klachten",) and "Participatie" in reden.tekst
    # met gehoord op voldoet is het slechtste geval 2/3: dan wel een oordeel
    assert uitslag({"klachten": "onbekend"}).categorie == Categorie.verbeterbaar


def test_minimale_dekking_voor_een_oordeel() -> None:
    k = mini_kader(indeling={"kritiek_onder": 0.2, "goed_vanaf": 0.8, "min_dekking": 0.9,
                             "min_dekking_oordeel": 0.6})
    onbekend = {"keuken": "onbekend", "spelen": "onbekend", "verhuizingen": "ja"}
    u = uitslag({**onbekend, "verhuizingen": 0, "gehoord": "onbekend"}, kader=k)
    assert u.dekking == 0.5  # school, verhuizingen, klachten bekend van de 6
    assert u.categorie is None and "dekking_onder_oordeel" in regels(u)
    assert uitslag({"keuken": "onbekend", "spelen": "onbekend"}, kader=k).categorie == 2


def test_doel_3_geeft_het_hele_pad() -> None:
    u = deel_in(K, beoordeling({**BESTE, "school": 0, "spelen": 1, "klachten": "onbekend"}),
                doel=Categorie.goed)
    assert u.categorie == Categorie.kritiek and u.doel_categorie == Categorie.goed
    # spelen mag blijven falen: voorzieningen haalt dan (3 + 1 + 0) / 5 = 80 %
    assert [(s.criterium, s.actie) for s in u.verbeterpad] == [
        ("school", "verbeteren"), ("klachten", "beoordelen")]
    na = {**BESTE, "spelen": 1}
    assert deel_in(K, beoordeling(na)).categorie == Categorie.goed
    standaard = deel_in(K, beoordeling({**BESTE, "school": 0, "spelen": 1, "klachten": "onbekend"}))
    assert [s.criterium for s in standaard.verbeterpad] == ["school"]
    assert deel_in(K, beoordeling(BESTE), doel=Categorie.goed).verbeterpad == ()


def test_gelijke_stand_kiest_de_alfabetisch_eerste_ook_bij_een_voorvoegsel() -> None:
    from conftest import MINI_KADER

    extra = [dict(c, id=i) for c, i in ((MINI_KADER["criteria"][6], "ab"),
                                         (MINI_KADER["criteria"][6], "abc"))]
    for c in extra:
        c.update(gewicht=2, pijler="participatie")
    k = mini_kader(criteria=[*MINI_KADER["criteria"][:6], *extra])
    u = deel_in(k, beoordeling({**BESTE, "gehoord": "nvt", "klachten": "nvt", "ab": 1, "abc": 1}))
    assert u.categorie == Categorie.kritiek
    assert u.verbeterpad[0].criterium == "ab"


def test_oud_kader_met_kritiek_true_is_ernst_kritiek() -> None:
    assert K.criterium("school") is not None and K.criterium("school").ernst == "kritiek"
    assert K.criterium("keuken") is not None and K.criterium("keuken").ernst == "gewoon"
    from pydantic import ValidationError

    from conftest import MINI_KADER

    tegenstrijdig = [dict(MINI_KADER["criteria"][0], ernst="gewoon"), *MINI_KADER["criteria"][1:]]
    with pytest.raises(ValidationError, match="spreekt ernst: gewoon tegen"):
        mini_kader(criteria=tegenstrijdig)


def test_verbeterpad_van_een_voorbeeld_ligt_vast_in_volgorde_en_keuze() -> None:
    """Niet alleen 'het pad haalt het doel': welke criteria, in welke volgorde, en waarom."""
    from azc_kwaliteit.invoer.openen import laad_beoordeling, laad_kader
    from conftest import VOORBEELDEN

    k = laad_kader().kader
    b, _ = laad_beoordeling(VOORBEELDEN / "verbeterbaar-kantoorpand-noodopvang.yaml", k)
    u = deel_in(k, b, doel=Categorie.goed)
    # eerst de voorwaarden, zwaarste eerst (gewicht 3, dan 2), bij gelijk gewicht op id; dan de
    # pijler die achterblijft, telkens het criterium dat de score het meest verhoogt
    assert [(s.criterium, s.oordeel.value) for s in u.verbeterpad] == [
        ("speelruimte-binnen", "deels"), ("verhuizingen-totaal", "deels"),
        ("kookvoorziening", "voldoet_niet"), ("speelruimte-buiten", "voldoet_niet"),
        ("gehoord-bij-overplaatsing", "voldoet_niet"), ("kinderen-gehoord", "deels")]
    assert all(s.waarom.startswith("voorwaarde voor categorie 3") for s in u.verbeterpad[:4])
    assert [s.waarom for s in u.verbeterpad[4:]] == [
        "pijler Participatie scoort 62,5 %, nodig is 80 %",
        "pijler Participatie scoort 75 %, nodig is 80 %"]


@pytest.mark.parametrize("ja, nee", [("JA", "NEE"), ("Ja ", " nee"), (True, False)])
def test_antwoorden_in_andere_schrijfwijze_geven_dezelfde_uitslag(ja: Any, nee: Any) -> None:
    gewoon = uitslag({"keuken": "nee", "klachten": "ja"})
    anders = uitslag({"keuken": nee, "klachten": ja})
    assert (anders.categorie, anders.pijlers, anders.redenen, anders.verbeterpad) == (
        gewoon.categorie, gewoon.pijlers, gewoon.redenen, gewoon.verbeterpad)
    assert anders.criterium("keuken").oordeel == "voldoet_niet"


def test_gebroken_gewichten_rekenen_exact() -> None:
    from conftest import MINI_KADER

    def kader(**indeling: float) -> Any:
        gewichten = {"school": 0.1, "keuken": 0.2, "spelen": 0.3}
        return mini_kader(criteria=[dict(c, gewicht=gewichten.get(c["id"], c["gewicht"]))
                                    for c in MINI_KADER["criteria"]],
                          indeling={"kritiek_onder": 0.3, "goed_vanaf": 0.8, "min_dekking": 0.9,
                                    **indeling})

    # voorzieningen: school 0,1 + keuken 0,2 voldoen, spelen 0,3 niet: precies (0,1 + 0,2) / 0,6
    u = deel_in(kader(), beoordeling({**BESTE, "spelen": 1}))
    assert u.pijlers[0].score == 0.5 and u.categorie == Categorie.verbeterbaar
    # precies op goed_vanaf telt als gehaald (>=), ook al is 0,1 + 0,2 als float 0,30000000000000004
    assert deel_in(kader(goed_vanaf=0.5), beoordeling({**BESTE, "spelen": 1})).categorie == 3
    # en precies op kritiek_onder is niet kritiek
    assert deel_in(kader(kritiek_onder=0.5, goed_vanaf=0.9),
                   beoordeling({**BESTE, "spelen": 1})).categorie == Categorie.verbeterbaar
