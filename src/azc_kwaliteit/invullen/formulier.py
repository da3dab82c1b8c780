# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Het kader als XLSForm: het formulier voor ODK Collect en KoboToolbox op een tablet.

Het kader *is* het formulier: eerst de locatie en de beoordeling, dan een groep per pijler, per
criterium een vraag van het juiste soort (ja/nee en schaalniveaus als keuze, een getal met de
grenzen van het kader), altijd met ``nvt`` en ``onbekend``, de norm als hint, en ``relevant`` uit
doelgroepen, soorten en fasen, zodat op de tablet alleen de criteria verschijnen die gelden. Bij
elk criterium een toelichting en een bewijsstuk, allebei optioneel.

De veldnamen zijn de ids van het kader (``kookvoorziening``, ``kookvoorziening__toelichting``);
``importeren`` leest ze daaraan terug. ``rijen`` is puur; ``schrijf_xlsx`` heeft openpyxl nodig
(het extra ``veldwerk``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from azc_kwaliteit.domein.antwoorden import AnyCriterium, norm_tekst
from azc_kwaliteit.domein.fouten import KwaliteitFout
from azc_kwaliteit.domein.modellen import (
    Doelgroep,
    Draagvlak,
    Fase,
    GetalCriterium,
    JaNeeCriterium,
    Kader,
    KaderHerkomst,
    Soort,
)
from azc_kwaliteit.domein.taal import woord
from azc_kwaliteit.domein.vertalen import _, taal
from azc_kwaliteit.indeling.toepassing import waarom_niet

SCHEIDING = "__"
"""Tussen criterium-id en het onderdeel van zijn antwoord: ``<id>__keuze``, ``__toelichting``,
``__bewijs``. Een id zelf heeft nooit twee lage streepjes (ids zijn slugs met ``-``)."""

KEUZE, TOELICHTING, BEWIJS = "keuze", "toelichting", "bewijs"
LOCATIE = ("naam", "gemeente", "soort", "status", "capaciteit", "doelgroepen", "kinderen", "amv",
           "draagvlak_regio")
KOP = ("datum", "beoordelaar")

GERESERVEERD = frozenset({*LOCATIE, *KOP, "kader", "kaderhash", "start", "end", "locatie",
                          "beoordeling", "meta"})
"""Namen die het formulier zelf gebruikt; een criterium of pijler met zo'n id krijgt ``c_``/``p_``."""

TAALNAAM = {"nl": "Nederlands (nl)", "en": "English (en)"}
"""De taal van de labels, zoals ODK hem noemt (``default_language``)."""


def veld(cid: str, deel: str | None = None) -> str:
    """De veldnaam van een criterium (en een deel van zijn antwoord): het id, tenzij dat geen
    geldige XForm-naam is (begint met een cijfer) of al door het formulier gebruikt wordt."""
    naam = cid if cid[0].isalpha() and cid not in GERESERVEERD else "c_" + cid
    return naam if deel is None else naam + SCHEIDING + deel


def groep(pid: str) -> str:
    """De groepsnaam van een pijler, met dezelfde regel."""
    return pid if pid[0].isalpha() and pid not in GERESERVEERD else "p_" + pid


SURVEY = ("type", "name", "label", "hint", "required", "relevant", "constraint",
          "constraint_message", "default", "appearance", "calculation")
CHOICES = ("list_name", "name", "label")
SETTINGS = ("form_title", "form_id", "version", "instance_name", "default_language")


class ExtraOntbreekt(KwaliteitFout):
    """Een optioneel pakket (openpyxl, pyxform) is niet geïnstalleerd."""


def veldwerk_nodig(module: str) -> Any:
    """Importeer een pakket van het extra ``veldwerk``, of zeg in één regel hoe het erbij komt."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ExtraOntbreekt(_("hiervoor is {module} nodig; installeer het met: pip install "
                               "'azc-kwaliteit[veldwerk]'").format(module=module.split('.')[0])) from None


@dataclass
class Formulier:
    """De drie bladen van een XLSForm, als rijen (dicts met de kolommen hierboven)."""

    survey: list[dict[str, str]] = field(default_factory=list)
    choices: list[dict[str, str]] = field(default_factory=list)
    settings: dict[str, str] = field(default_factory=dict)


def formulier(kader: Kader, herkomst: KaderHerkomst, *, doelgroepen: Sequence[str] | None = None,
              soort: str | None = None, status: str | None = None) -> Formulier:
    """Het XLSForm van het kader. Met ``doelgroepen``, ``soort`` of ``status`` alleen de criteria
    die daarvoor gelden (zoals ``sjabloon``), en die waarden als standaard op de tablet."""
    f = Formulier()
    _keuzelijsten(f)
    f.survey += [{"type": "start", "name": "start"}, {"type": "end", "name": "end"},
                 # in elke inzending, ook in een export van een server die zijn eigen
                 # versienummers geeft: met welk kader het formulier is gemaakt
                 {"type": "calculate", "name": "kader", "calculation": f"'{kader.label}'"},
                 {"type": "calculate", "name": "kaderhash", "calculation": f"'{herkomst['hash']}'"}]
    f.survey.append({"type": "begin_group", "name": "locatie", "label": _("Locatie")})
    f.survey += [
        {"type": "text", "name": "naam", "label": _("Naam van de locatie"), "required": "yes"},
        {"type": "text", "name": "gemeente", "label": _("Gemeente"), "required": "yes"},
        {"type": "select_one soort", "name": "soort", "label": _("Soort locatie"), "required": "yes",
         "default": soort or ""},
        {"type": "select_one status", "name": "status", "label": _("Status"), "required": "yes",
         "hint": _("gepland: een plantoets; dan gelden alleen de criteria van het ontwerp"),
         "default": status or "in_gebruik"},
        {"type": "integer", "name": "capaciteit", "label": _("Capaciteit (aantal plaatsen)"),
         "required": "yes", "constraint": ". > 0 and . <= 100000",
         "constraint_message": _("een aantal plaatsen groter dan 0")},
        {"type": "select_multiple doelgroep", "name": "doelgroepen", "label": _("Doelgroepen"),
         "required": "yes", "default": " ".join(doelgroepen or ())},
        {"type": "integer", "name": "kinderen", "label": _("Aantal kinderen op de locatie"),
         "hint": _("optioneel"), "constraint": ". >= 0", "relevant": "${status} = 'in_gebruik'"},
        {"type": "integer", "name": "amv", "label": _("Van wie alleenstaande minderjarigen"),
         "hint": _("optioneel"), "constraint": ". >= 0 and . <= ${kinderen}",
         "relevant": "selected(${doelgroepen}, 'amv') and ${status} = 'in_gebruik'"},
        {"type": "select_one draagvlak", "name": "draagvlak_regio", "label": _("Draagvlak in de regio"),
         "hint": _("steunen gemeente en regio dat de locatie reguliere opvang wordt?"),
         "default": "onbekend", "required": "yes"},
        {"type": "end_group", "name": ""},
        {"type": "begin_group", "name": "beoordeling", "label": "Beoordeling"},
        {"type": "date", "name": "datum", "label": _("Datum van de beoordeling"), "required": "yes",
         "default": "today()", "constraint": ". <= today()",
         "constraint_message": _("niet in de toekomst")},
        {"type": "text", "name": "beoordelaar", "label": _("Beoordelaar (naam of team)"),
         "required": "yes"},
        {"type": "end_group", "name": ""},
    ]
    # wat niet gegeven is, beperkt niets: zonder --status staan plan- en gebruikscriteria erin
    groepen = frozenset(doelgroepen or [d.value for d in Doelgroep])
    fasen = [Fase(status)] if status else list(Fase)
    gelden = {c.id for c in kader.criteria
              if any(waarom_niet(c, groepen, soort, fase) is None for fase in fasen)}
    for p in kader.pijlers:
        criteria = [c for c in kader.criteria if c.pijler == p.id and c.id in gelden]
        if not criteria:
            continue
        f.survey.append({"type": "begin_group", "name": groep(p.id), "label": p.naam})
        for c in criteria:
            f.survey += _vragen(c, f)
        f.survey.append({"type": "end_group", "name": ""})
    f.settings = {"form_title": f"{kader.kader.naam} ({kader.label})",
                  "form_id": kader.kader.id.replace("-", "_"),
                  "version": f"{kader.kader.versie}-{herkomst['hash']}",
                  "instance_name": "concat(${naam}, ' – ', ${datum})",
                  "default_language": TAALNAAM[taal()]}
    return f


def _keuzelijsten(f: Formulier) -> None:
    for lijst, waarden in (("soort", Soort), ("status", Fase), ("doelgroep", Doelgroep),
                           ("draagvlak", Draagvlak)):
        f.choices += [{"list_name": lijst, "name": w.value, "label": woord(w)} for w in waarden]
    f.choices += [{"list_name": "janee", "name": n, "label": label} for n, label in (
        ("ja", woord("ja")), ("nee", woord("nee")), ("nvt", woord("nvt")), ("onbekend", woord("onbekend")))]
    f.choices += [{"list_name": "getal", "name": n, "label": label} for n, label in (
        ("getal", _("ik vul een getal in")), ("nvt", _("niet van toepassing")),
        ("onbekend", "onbekend"))]


def _vragen(c: AnyCriterium, f: Formulier) -> list[dict[str, str]]:
    """De vragen van één criterium: het antwoord (bij een getal: eerst de keuze getal, nvt of
    onbekend), de toelichting en het bewijs."""
    relevant = relevantie(c)
    kop = f"{c.titel}{c.ernst_label}"
    hint = f"Norm: {norm_tekst(c)}. {c.vraag}"
    vragen: list[dict[str, str]] = []
    if isinstance(c, GetalCriterium):
        vragen.append({"type": "select_one getal", "name": veld(c.id, KEUZE), "label": kop,
                       "hint": hint, "relevant": relevant, "default": "getal"})
        grens = c.toegestaan()
        delen = [f". >= {_getal(grens.min)}" if grens.min is not None else "",
                 f". <= {_getal(grens.max)}" if grens.max is not None else ""]
        eenheid = f" ({c.eenheid})" if c.eenheid else ""
        vragen.append({"type": "decimal", "name": veld(c.id), "label": f"{c.titel}{eenheid}",
                       "hint": hint, "required": "yes",
                       "relevant": _en(relevant, f"${{{veld(c.id, KEUZE)}}} = 'getal'"),
                       "constraint": " and ".join(d for d in delen if d),
                       "constraint_message": _("tussen {laag} en {hoog}").format(
                           laag=_getal(grens.min), hoog=_getal(grens.max))
                       if grens.min is not None and grens.max is not None
                       else _("minstens {getal}").format(getal=_getal(grens.min))
                       if grens.min is not None
                       else _("hoogstens {getal}").format(getal=_getal(grens.max))})
    elif isinstance(c, JaNeeCriterium):
        vragen.append({"type": "select_one janee", "name": veld(c.id), "label": kop, "hint": hint,
                       "relevant": relevant})
    else:
        lijst = "schaal_" + c.id.replace("-", "_")
        f.choices += [{"list_name": lijst, "name": str(n), "label": f"{n} – {naam}"}
                      for n, naam in sorted(c.niveaus.items())]
        f.choices += [{"list_name": lijst, "name": "nvt", "label": _("niet van toepassing")},
                      {"list_name": lijst, "name": "onbekend", "label": "onbekend"}]
        vragen.append({"type": f"select_one {lijst}", "name": veld(c.id), "label": kop, "hint": hint,
                       "relevant": relevant})
    vragen.append({"type": "text", "name": veld(c.id, TOELICHTING),
                   "label": "Toelichting (optioneel)", "relevant": relevant,
                   "hint": _("over de locatie, nooit over een kind of ouder bij naam")})
    vragen.append({"type": "file", "name": veld(c.id, BEWIJS),
                   "label": "Bewijsstuk (optioneel)", "relevant": relevant,
                   "hint": _("een document of een foto van de ruimte; geen foto's van kinderen")})
    return vragen


def relevantie(c: AnyCriterium) -> str:
    """Wanneer het criterium op de tablet verschijnt: dezelfde regel als ``toepassing``."""
    delen = []
    if set(c.doelgroepen) != set(Doelgroep):
        delen.append(" or ".join(f"selected(${{doelgroepen}}, '{d.value}')" for d in c.doelgroepen))
    if c.soorten:
        delen.append(" or ".join(f"${{soort}} = '{s.value}'" for s in c.soorten))
    if set(c.fasen) != set(Fase):
        delen.append(" or ".join(f"${{status}} = '{fase.value}'" for fase in c.fasen))
    return " and ".join(f"({d})" if " or " in d else d for d in delen)


def _en(a: str, b: str) -> str:
    return f"({a}) and {b}" if a else b


def _getal(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def schrijf_xlsx(f: Formulier, pad: Path) -> None:
    """Schrijf het formulier als ``.xlsx`` met de bladen survey, choices en settings."""
    openpyxl = veldwerk_nodig("openpyxl")
    boek = openpyxl.Workbook()
    for blad, kolommen, rijen in (("survey", SURVEY, f.survey), ("choices", CHOICES, f.choices),
                                  ("settings", SETTINGS, [f.settings])):
        ws = boek.active if blad == "survey" else boek.create_sheet(blad)
        ws.title = blad
        ws.append(list(kolommen))
        for rij in rijen:
            ws.append([rij.get(k, "") for k in kolommen])
        for regel in ws.iter_rows(min_row=2):  # tekst uit het kader wordt nooit een formule
            for cel in regel:
                if isinstance(cel.value, str) and cel.value.startswith("="):
                    cel.data_type = "s"
    import io

    buffer = io.BytesIO()
    boek.save(buffer)
    from azc_kwaliteit.uitvoer.schrijven import schrijf_atomair

    schrijf_atomair(pad, buffer.getvalue())
