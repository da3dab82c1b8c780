# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Een beoordeling vraag voor vraag invullen: welke vragen, hoe getypte tekst een antwoord wordt,
en het tussentijds opslaan. De CLI stelt de vragen; hier zit niets dat print of leest van de
terminal, zodat het los te testen is.

Elk antwoord wordt meteen (atomair) opgeslagen in het gewone beoordelingsformaat. Een half
ingevuld bestand is dus altijd leesbaar, en ``nieuw`` gaat verder bij de eerste open vraag.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from azc_kwaliteit.domein.antwoorden import AnyCriterium, lees, norm_tekst, verwachting
from azc_kwaliteit.domein.fouten import InvoerFout, OngeldigAntwoord, bestandsnaam, is_utf8
from azc_kwaliteit.domein.modellen import (
    Doelgroep,
    Draagvlak,
    Fase,
    JaNeeCriterium,
    Kader,
    SchaalCriterium,
    Soort,
    beoordelingsdatum,
)
from azc_kwaliteit.domein.taal import woord
from azc_kwaliteit.domein.vertalen import N_, _
from azc_kwaliteit.indeling.toepassing import toepasselijk
from azc_kwaliteit.invoer.laden import lees_bestand
from azc_kwaliteit.uitvoer.beoordeling_yaml import IMPORTMERK, naar_yaml
from azc_kwaliteit.uitvoer.schrijven import schrijf_atomair

Sleutel = tuple[str, str]


@dataclass
class Concept:
    """Een (deels) ingevulde beoordeling."""

    locatie: dict[str, Any] = field(default_factory=dict)
    kop: dict[str, Any] = field(default_factory=dict)
    antwoorden: dict[str, Any] = field(default_factory=dict)

    def heeft(self, sleutel: Sleutel) -> bool:
        return sleutel[1] in self._deel(sleutel[0])

    def waarde(self, sleutel: Sleutel) -> Any:
        return self._deel(sleutel[0]).get(sleutel[1])

    def zet(self, sleutel: Sleutel, waarde: Any) -> None:
        self._deel(sleutel[0])[sleutel[1]] = waarde

    def _deel(self, naam: str) -> dict[str, Any]:
        return {"locatie": self.locatie, "beoordeling": self.kop, "antwoorden": self.antwoorden}[naam]


@dataclass(frozen=True)
class Vraag:
    sleutel: Sleutel
    tekst: str
    uitleg: str
    """Wat er verwacht wordt (getoond bij de vraag)."""
    lees: Callable[[str], Any]
    """Getypte tekst → waarde; een ongeldige invoer geeft ``OngeldigAntwoord`` (Nederlands)."""
    standaard: str | None = None
    hulp: str | None = None
    """Wat ``?`` toont: waarom het criterium telt, het advies en de bronnen."""
    criterium: AnyCriterium | None = None


def laad_concept(pad: Path) -> Concept:
    """Een bestaand (deels ingevuld) bestand om mee verder te gaan."""
    data = lees_bestand(pad).data
    if not isinstance(data, dict):
        raise InvoerFout.enkel(bestandsnaam(pad), 1,
                               _("verwacht een beoordeling (mapping) om mee verder te gaan"))
    vreemd = [str(k) for k in data if k not in ("locatie", "beoordeling", "antwoorden")]
    if vreemd:  # bijvoorbeeld een docker-compose.yaml: niet aanraken, ook niet na één antwoord
        raise InvoerFout.enkel(bestandsnaam(pad), 1, _("dit bestand is geen beoordeling (het heeft "
                                                       "{sleutels}); kies een ander bestand").format(
                                                           sleutels=', '.join(vreemd[:5])))
    delen = []
    for naam in ("locatie", "beoordeling", "antwoorden"):
        deel = data.get(naam) or {}
        if not isinstance(deel, dict):
            raise InvoerFout.enkel(bestandsnaam(pad), None, _("{naam}: verwacht een mapping").format(
                naam=naam))
        delen.append({k: v for k, v in deel.items() if v is not None})
    return Concept(*delen)


def opslaan(pad: Path, concept: Concept, kader: Kader) -> None:
    schrijf_atomair(pad, naar_yaml(concept.locatie, concept.kop, concept.antwoorden, kader,
                                   criteria=_criteria(concept, kader) or None))


def _criteria(concept: Concept, kader: Kader) -> list[AnyCriterium]:
    groepen = concept.locatie.get("doelgroepen")
    status = concept.locatie.get("status")
    if not groepen or not status:
        return []
    gesteld = toepasselijk(kader, groepen, status, concept.locatie.get("soort"))
    return [c for c in gesteld if c.id in concept.antwoorden]


LOCATIEHULP = {
    "naam": N_("De naam waaronder de locatie bekend is, zoals COA of de gemeente haar noemt. Samen "
            "met de gemeente herkent het programma er de rondes van één locatie aan."),
    "gemeente": N_("De gemeente waarin de locatie ligt."),
    "soort": N_("Wat voor opvang het is. Sommige criteria gelden alleen voor één soort, zoals de "
             "verblijfsduur in de crisisnoodopvang. Een nummer mag ook: 1 is de eerste keuze."),
    "status": N_("in gebruik: er wonen nu kinderen. gepland: een locatie die er nog niet is; dan "
              "gelden alleen de criteria die al bij het ontwerp te beoordelen zijn (plantoets)."),
    "doelgroepen": N_("Wie er wonen: gezinnen met kinderen, alleenstaande minderjarigen (amv), of "
                   "beide. Dat bepaalt welke criteria gelden."),
    "capaciteit": N_("Het aantal bewoners dat de locatie kan opvangen (plaatsen), niet het aantal "
                  "dat er nu woont."),
    "draagvlak_regio": N_("Steunen de gemeente en de regio dat de locatie blijft als reguliere "
                       "opvang? Alleen met 'ja' kan een goede locatie (categorie 3) worden "
                       "omgezet. Weet u het niet, kies dan onbekend."),
    "datum": N_("De dag van het bezoek of de beoordeling, als 1-12-2026 of 2026-12-01; niet in de "
             "toekomst. Van twee rondes van één locatie telt de nieuwste."),
    "beoordelaar": N_("Wie de beoordeling deed: een naam of een team. Met --anonimiseer blijft "
                      "dit uit openbare rapporten."),
}
"""Wat ``?`` bij de vragen over de locatie en de beoordeling uitlegt."""


def vragen(concept: Concept, kader: Kader) -> list[Vraag]:
    """Alle vragen in volgorde: eerst de locatie, dan de toepasselijke criteria per pijler."""
    def over(deel: str, veld: str, tekst: str, uitleg: str, lezer: Callable[[str], Any],
             standaard: str | None = None) -> Vraag:
        return Vraag((deel, veld), tekst, uitleg, lezer, standaard, hulp=_(LOCATIEHULP[veld]))

    lijst = [
        over("locatie", "naam", _("Naam van de locatie"), _("tekst"), _tekst),
        over("locatie", "gemeente", _("Gemeente"), _("tekst"), _tekst),
        over("locatie", "soort", _("Soort locatie"), _keuzes(Soort), _keuze(Soort)),
        over("locatie", "status", _("Status"), _("in gebruik of gepland (voor een plantoets)"),
             _keuze(Fase), standaard="in gebruik"),
        over("locatie", "doelgroepen", _("Doelgroepen"), _("gezinnen, amv of beide"), _doelgroepen),
        over("locatie", "capaciteit", _("Capaciteit (aantal plaatsen)"), _("een geheel getal"),
             _capaciteit),
        over("locatie", "draagvlak_regio", _("Draagvlak in de regio"), _keuzes(Draagvlak),
             _keuze(Draagvlak), standaard="onbekend"),
        over("beoordeling", "datum", _("Datum van de beoordeling"), _("zoals 1-12-2026"), _datum,
             standaard=_nl_datum(dt.date.today())),
        over("beoordeling", "beoordelaar", _("Beoordelaar"), _("naam of team"), _tekst),
    ]
    groepen, status = concept.locatie.get("doelgroepen"), concept.locatie.get("status")
    if groepen and status:
        namen = {p.id: p.naam for p in kader.pijlers}
        for c in sorted(toepasselijk(kader, groepen, status, concept.locatie.get("soort")),
                        key=lambda c: list(namen).index(c.pijler)):
            lijst.append(Vraag(
                ("antwoorden", c.id),
                f"{namen[c.pijler]} · {c.titel}{c.ernst_label}\n{c.vraag}",
                _("norm: {norm}; antwoord: {verwachting}, nvt of onbekend (Enter)").format(
                    norm=norm_tekst(c), verwachting=verwachting(c)),
                _antwoordlezer(c), standaard="onbekend",
                hulp="\n".join((_("Waarom: {tekst}").format(tekst=c.toelichting),
                                 _("Advies: {advies}").format(advies=c.advies),
                                 _("Bronnen: {bronnen}").format(bronnen="; ".join(c.bronnen)))),
                criterium=c))
    return lijst


# ---------------------------------------------------------------- getypte tekst lezen


def _tekst(t: str) -> str:
    if not t.strip():
        raise OngeldigAntwoord(_("mag niet leeg zijn"))
    return t.strip()


def _keuzes(soort: type[Soort] | type[Fase] | type[Draagvlak]) -> str:
    return ", ".join(woord(s) for s in soort)


def _keuze(soort: type[Soort] | type[Fase] | type[Draagvlak]) -> Callable[[str], str]:
    """Een keuze als woord ('gemeentelijke opvang' of 'gemeentelijke_opvang') of als nummer."""
    def lees_keuze(t: str) -> str:
        waarden = [s.value for s in soort]
        tekst = t.strip().lower()
        if tekst.isdigit() and 1 <= int(tekst) <= len(waarden):
            return waarden[int(tekst) - 1]
        for w in waarden:
            if tekst in (w, woord(w), w.replace("_", " ")):
                return w
        raise OngeldigAntwoord(_("kies uit {keuzes}").format(
            keuzes=", ".join(woord(w) for w in waarden)))
    return lees_keuze


def _doelgroepen(t: str) -> list[str]:
    tekst = t.strip().lower()
    if tekst in ("beide", "allebei", "gesplitst", _("beide").lower()):
        return [d.value for d in Doelgroep]
    namen = {**{woord(g).lower(): g.value for g in Doelgroep}, **{g.value: g.value for g in Doelgroep}}
    delen = [d.strip() for d in re.split(r",| en | and ", tekst) if d.strip()]
    if not delen or any(d not in namen for d in delen):
        raise OngeldigAntwoord(_("kies gezinnen, amv of beide"))
    return list(dict.fromkeys(namen[d] for d in delen))


def _capaciteit(t: str) -> int:
    try:
        n = int(t.strip())
    except ValueError:  # ook bij duizenden cijfers (de grens van int())
        raise OngeldigAntwoord(_("verwacht een geheel getal, zoals 120")) from None
    if not 0 < n <= 100_000:
        raise OngeldigAntwoord(_("verwacht een aantal plaatsen groter dan 0"))
    return n


_NL_DATUM = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def _datum(t: str) -> str:
    """Een datum zoals in Nederland geschreven (1-12-2026, 01/12/2026) of als ISO (2026-12-01)."""
    tekst = t.strip()
    if m := _NL_DATUM.fullmatch(tekst):
        tekst = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    try:
        return beoordelingsdatum(tekst).isoformat()
    except ValueError as e:
        raise OngeldigAntwoord(_("{e} (of als 1-12-2026)").format(e=e)) from None


def _nl_datum(d: dt.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


def _antwoordlezer(c: AnyCriterium) -> Callable[[str], Any]:
    """Tekst na een # wordt de toelichting: ``nee # maaltijden via catering``."""
    def lees_antwoord(t: str) -> Any:
        waarde_tekst, _hek, toelichting = t.partition("#")
        waarde = _ruwe_waarde(c, waarde_tekst.strip())
        lees(c, waarde)  # zelfde controle als bij het inlezen van een bestand
        toelichting = toelichting.strip()
        return {"waarde": waarde, "toelichting": toelichting} if toelichting else waarde
    return lees_antwoord


def _ruwe_waarde(c: AnyCriterium, tekst: str) -> Any:
    """Wat de gebruiker typte als waarde voor het bestand. Het bestand is Nederlands (``ja``,
    ``nee``, ``nvt``, ``onbekend``); de woorden van de gekozen taal (``yes``, ``n/a``) mogen ook."""
    laag = tekst.lower()
    if not laag:  # Enter: nog niet te beoordelen
        return "onbekend"
    speciaal = {"nvt": "nvt", "onbekend": "onbekend", _("nvt").lower(): "nvt",
                woord("nvt").lower(): "nvt", woord("onbekend").lower(): "onbekend"}
    if laag in speciaal:
        return speciaal[laag]
    if isinstance(c, JaNeeCriterium):
        ja, nee = woord("ja").lower(), woord("nee").lower()
        return {"j": "ja", "n": "nee", ja: "ja", nee: "nee", ja[0]: "ja"}.get(laag, laag)
    if isinstance(c, SchaalCriterium):  # het woord van een niveau mag ook ('wisselend')
        for niveau, naam in c.niveaus.items():
            if laag == naam.lower() or laag == naam.lower().split(" (")[0]:
                return niveau
    try:
        getal = float(laag.replace(",", ".").removesuffix("%").strip())
    except ValueError:
        return tekst  # ``lees`` meldt wat er verwacht werd
    return int(getal) if getal.is_integer() else getal


# ---------------------------------------------------------------- het gesprek


@dataclass(frozen=True)
class Reactie:
    """Wat de voorkant na een invoer toont: ``uitleg`` (bij ?), een ``fout`` (ongeldige invoer,
    dezelfde vraag komt terug), of niets (opgeslagen, of een vraag terug)."""

    uitleg: str | None = None
    fout: str | None = None


class Gesprek:
    """Een beoordeling invullen als gesprek dat een voorkant aanstuurt: ``vraag`` tonen (met
    ``nummer`` en ``standaard``), wat de gebruiker typte aan ``geef`` geven, tot ``klaar``. Elk
    geldig antwoord staat meteen in het bestand; ``?`` geeft uitleg, ``<`` gaat een vraag terug.
    Na elk antwoord worden de vragen opnieuw bepaald: doelgroepen en status kiezen de criteria.

    Een antwoord in het bestand dat niet geldig is (met de hand verkeerd ingevuld), telt als open:
    die vraag komt opnieuw, met wat er stond en waarom dat niet kan (``probleem``)."""

    def __init__(self, pad: Path, kader: Kader, criterium: str | None = None) -> None:
        self.pad, self.kader = pad, kader
        self.bestond = pad.exists()
        self.concept = laad_concept(pad) if self.bestond else Concept()
        self.opmerkingen = eigen_opmerkingen(pad, self.concept, kader) if self.bestond else []
        """Commentaarregels van de gebruiker in het bestand: die overleven het opslaan niet."""
        self.concept.kop.setdefault("kader", kader.label)
        self._lijst = vragen(self.concept, kader)
        self._i = self._eerste_open(0)
        if criterium is not None:
            self._i = self._plek(criterium)

    def _geldig(self, vraag: Vraag) -> str | None:
        """Waarom het opgeslagen antwoord op ``vraag`` niet kan (None: geldig of nog leeg)."""
        waarde = self.concept.waarde(vraag.sleutel)
        if waarde is None:
            return None
        try:
            if vraag.criterium is not None:
                ruw = waarde.get("waarde") if isinstance(waarde, dict) else waarde
                lees(vraag.criterium, ruw)
            else:
                vraag.lees(als_tekst(waarde))
        except (OngeldigAntwoord, ValueError) as e:
            return str(e)
        return None

    def _eerste_open(self, vanaf: int) -> int:
        return next((i for i in range(vanaf, len(self._lijst))
                     if not self.concept.heeft(self._lijst[i].sleutel)
                     or self._geldig(self._lijst[i]) is not None), len(self._lijst))

    def _plek(self, naam: str) -> int:
        """De vraag bij een criterium-id of een veld van de locatie (naam, datum, ...)."""
        for i, vraag in enumerate(self._lijst):
            if naam in (vraag.sleutel[1], ".".join(vraag.sleutel)):
                return i
        bekend = {c.id for c in self.kader.criteria}
        if naam in bekend:
            raise InvoerFout.enkel(bestandsnaam(self.pad), None,
                                   _("criterium '{naam}' geldt niet voor deze locatie (doelgroepen, "
                                     "soort of status); er is niets aan te wijzigen").format(naam=naam))
        raise InvoerFout.enkel(bestandsnaam(self.pad), None,
                               _("onbekend criterium of veld '{naam}'; zie 'azc-kwaliteit kader toon' "
                                 "voor de ids, of gebruik naam, gemeente, soort, status, doelgroepen, "
                                 "capaciteit, draagvlak_regio, datum, beoordelaar").format(naam=naam))

    @property
    def klaar(self) -> bool:
        return self._i >= len(self._lijst)

    @property
    def vraag(self) -> Vraag:
        return self._lijst[self._i]

    @property
    def probleem(self) -> str | None:
        """Bij een ongeldig antwoord uit het bestand: wat er stond en waarom dat niet kan."""
        fout = self._geldig(self.vraag)
        if fout is None:
            return None
        return _("in het bestand stond '{waarde}': {fout}").format(
            waarde=als_tekst(self.concept.waarde(self.vraag.sleutel)), fout=fout)

    @property
    def nummer(self) -> tuple[str, int, int]:
        """(deel, nummer, aantal) met het nummer vanaf 1, per deel geteld: de locatie en de
        criteria. Zo springt de teller niet als de doelgroepen de criteria bepalen."""
        deel = "criteria" if self.vraag.criterium is not None else "locatie"
        in_deel = [i for i, v in enumerate(self._lijst)
                   if (v.criterium is not None) == (deel == "criteria")]
        return deel, in_deel.index(self._i) + 1, len(in_deel)

    @property
    def standaard(self) -> str | None:
        """Wat er staat als de gebruiker alleen Enter geeft: het eerdere (geldige) antwoord, of
        de standaard van de vraag (bij een criterium: onbekend)."""
        huidig = self.concept.waarde(self.vraag.sleutel)
        if huidig is None or self._geldig(self.vraag) is not None:
            return self.vraag.standaard
        return als_tekst(huidig)

    def geef(self, invoer: str) -> Reactie:
        tekst = invoer.strip()
        if not is_utf8(tekst):  # bytes die geen UTF-8 zijn, door de terminal als surrogaten
            return Reactie(fout=_("de invoer is geen geldige UTF-8-tekst; typ het opnieuw"))
        if tekst == "?":
            return Reactie(uitleg=self.vraag.hulp or self.vraag.uitleg)
        if tekst == "<":
            self._i = max(self._i - 1, 0)
            return Reactie()
        try:
            waarde = self.vraag.lees(tekst)
        except OngeldigAntwoord as e:
            return Reactie(fout=str(e))
        self.concept.zet(self.vraag.sleutel, waarde)
        opslaan(self.pad, self.concept, self.kader)
        self.opmerkingen = []  # gezegd vóór het eerste opslaan; nu zijn ze weg
        self._lijst = vragen(self.concept, self.kader)
        self._i = self._eerste_open(self._i + 1)
        return Reactie()


def eigen_opmerkingen(pad: Path, concept: Concept, kader: Kader) -> list[str]:
    """De commentaarregels (``# ...``) in het bestand die niet van ons zijn: bij het opslaan
    schrijft het programma het bestand opnieuw, met alleen zijn eigen commentaar."""
    try:
        tekst = pad.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    # wat wij zelf schrijven, ook in een leeg formulier van 'sjabloon' (vraag en norm erbij)
    formulier = naar_yaml(concept.locatie, concept.kop, concept.antwoorden, kader,
                          criteria=kader.criteria, uitgebreid=True)
    eigen = {r.strip() for r in formulier.splitlines() if r.strip().startswith("#")}
    uit = []
    for regel in tekst.splitlines():
        m = _COMMENTAAR.search(regel)
        if m is None or "'" in regel[:m.start()] or '"' in regel[:m.start()]:
            continue  # geen commentaar, of een # in een tekst tussen aanhalingstekens
        opmerking = "# " + m[1].strip()
        if opmerking.startswith(("# yaml-language-server:", IMPORTMERK)):
            continue
        if m[1].strip() and opmerking not in eigen and regel.strip() not in eigen:
            uit.append(opmerking)
    return uit


_COMMENTAAR = re.compile(r"(?:^|\s)#(.*)$")


def als_tekst(waarde: Any) -> str:
    """Een opgeslagen waarde terug als invoertekst (voor de standaard bij 'terug')."""
    if isinstance(waarde, dict):
        toelichting = waarde.get("toelichting")
        return als_tekst(waarde.get("waarde")) + (f" # {toelichting}" if toelichting else "")
    if isinstance(waarde, list):
        return ",".join(str(w) for w in waarde)
    return str(waarde)
