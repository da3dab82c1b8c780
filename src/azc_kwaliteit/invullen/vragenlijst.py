"""Een beoordeling vraag voor vraag invullen: welke vragen, hoe getypte tekst een antwoord wordt,
en het tussentijds opslaan. De CLI stelt de vragen; hier zit niets dat print of leest van de
terminal, zodat het los te testen is.

Elk antwoord wordt meteen (atomair) opgeslagen in het gewone beoordelingsformaat. Een half
ingevuld bestand is dus altijd leesbaar, en ``nieuw`` gaat verder bij de eerste open vraag.
"""

from __future__ import annotations

import datetime as dt
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
    Soort,
    beoordelingsdatum,
)
from azc_kwaliteit.indeling.toepassing import toepasselijk
from azc_kwaliteit.invoer.laden import lees_bestand
from azc_kwaliteit.uitvoer.beoordeling_yaml import naar_yaml
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
                               "verwacht een beoordeling (mapping) om mee verder te gaan")
    vreemd = [str(k) for k in data if k not in ("locatie", "beoordeling", "antwoorden")]
    if vreemd:  # bijvoorbeeld een docker-compose.yaml: niet aanraken, ook niet na één antwoord
        raise InvoerFout.enkel(bestandsnaam(pad), 1, "dit bestand is geen beoordeling (het heeft "
                               f"{', '.join(vreemd[:5])}); kies een ander bestand")
    delen = []
    for naam in ("locatie", "beoordeling", "antwoorden"):
        deel = data.get(naam) or {}
        if not isinstance(deel, dict):
            raise InvoerFout.enkel(bestandsnaam(pad), None, f"{naam}: verwacht een mapping")
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


def vragen(concept: Concept, kader: Kader) -> list[Vraag]:
    """Alle vragen in volgorde: eerst de locatie, dan de toepasselijke criteria per pijler."""
    lijst = [
        Vraag(("locatie", "naam"), "Naam van de locatie", "tekst", _tekst),
        Vraag(("locatie", "gemeente"), "Gemeente", "tekst", _tekst),
        Vraag(("locatie", "soort"), "Soort locatie", _keuzes(Soort), _keuze(Soort)),
        Vraag(("locatie", "status"), "Status", "in_gebruik of gepland (voor een plantoets)",
              _keuze(Fase), standaard="in_gebruik"),
        Vraag(("locatie", "doelgroepen"), "Doelgroepen", "gezinnen, amv of beide", _doelgroepen),
        Vraag(("locatie", "capaciteit"), "Capaciteit (aantal plaatsen)", "een geheel getal",
              _capaciteit),
        Vraag(("locatie", "draagvlak_regio"), "Draagvlak in de regio", _keuzes(Draagvlak),
              _keuze(Draagvlak), standaard="onbekend"),
        Vraag(("beoordeling", "datum"), "Datum van de beoordeling", "JJJJ-MM-DD", _datum,
              standaard=dt.date.today().isoformat()),
        Vraag(("beoordeling", "beoordelaar"), "Beoordelaar", "naam of team", _tekst),
    ]
    groepen, status = concept.locatie.get("doelgroepen"), concept.locatie.get("status")
    if groepen and status:
        namen = {p.id: p.naam for p in kader.pijlers}
        for c in sorted(toepasselijk(kader, groepen, status, concept.locatie.get("soort")),
                        key=lambda c: list(namen).index(c.pijler)):
            lijst.append(Vraag(
                ("antwoorden", c.id),
                f"{namen[c.pijler]} · {c.titel}{c.ernst_label}\n{c.vraag}",
                f"norm: {norm_tekst(c)}; antwoord: {verwachting(c)}, nvt of onbekend",
                _antwoordlezer(c),
                hulp=f"Waarom: {c.toelichting}\nAdvies: {c.advies}\nBronnen: {'; '.join(c.bronnen)}",
                criterium=c))
    return lijst


def eerste_open(lijst: list[Vraag], concept: Concept, vanaf: int = 0) -> int:
    """De index van de eerste onbeantwoorde vraag vanaf ``vanaf`` (of len(lijst) als alles af is)."""
    return next((i for i in range(vanaf, len(lijst)) if not concept.heeft(lijst[i].sleutel)),
                len(lijst))


# ---------------------------------------------------------------- getypte tekst lezen


def _tekst(t: str) -> str:
    if not t.strip():
        raise OngeldigAntwoord("mag niet leeg zijn")
    return t.strip()


def _keuzes(soort: type[Soort] | type[Fase] | type[Draagvlak]) -> str:
    return ", ".join(s.value for s in soort)


def _keuze(soort: type[Soort] | type[Fase] | type[Draagvlak]) -> Callable[[str], str]:
    def lees_keuze(t: str) -> str:
        waarden = [s.value for s in soort]
        tekst = t.strip().lower().replace(" ", "_")
        if tekst.isdigit() and 1 <= int(tekst) <= len(waarden):
            return waarden[int(tekst) - 1]
        if tekst not in waarden:
            raise OngeldigAntwoord(f"kies uit {', '.join(waarden)}")
        return tekst
    return lees_keuze


def _doelgroepen(t: str) -> list[str]:
    tekst = t.strip().lower()
    if tekst in ("beide", "allebei", "gesplitst"):
        return [d.value for d in Doelgroep]
    delen = [d.strip() for d in tekst.replace(" en ", ",").split(",") if d.strip()]
    if not delen or any(d not in {g.value for g in Doelgroep} for d in delen):
        raise OngeldigAntwoord("kies gezinnen, amv of beide")
    return list(dict.fromkeys(delen))


def _capaciteit(t: str) -> int:
    try:
        n = int(t.strip())
    except ValueError:  # ook bij duizenden cijfers (de grens van int())
        raise OngeldigAntwoord("verwacht een geheel getal, zoals 120") from None
    if not 0 < n <= 100_000:
        raise OngeldigAntwoord("verwacht een aantal plaatsen groter dan 0")
    return n


def _datum(t: str) -> str:
    try:
        return beoordelingsdatum(t.strip()).isoformat()
    except ValueError as e:
        raise OngeldigAntwoord(str(e)) from None


def _antwoordlezer(c: AnyCriterium) -> Callable[[str], Any]:
    """Tekst na een # wordt de toelichting: ``nee # maaltijden via catering``."""
    def lees_antwoord(t: str) -> Any:
        waarde_tekst, _, toelichting = t.partition("#")
        waarde = _ruwe_waarde(c, waarde_tekst.strip())
        lees(c, waarde)  # zelfde controle als bij het inlezen van een bestand
        toelichting = toelichting.strip()
        return {"waarde": waarde, "toelichting": toelichting} if toelichting else waarde
    return lees_antwoord


def _ruwe_waarde(c: AnyCriterium, tekst: str) -> Any:
    laag = tekst.lower()
    if not laag:
        raise OngeldigAntwoord(f"verwacht {verwachting(c)} (of nvt/onbekend)")
    if laag in ("nvt", "onbekend"):
        return laag
    if isinstance(c, JaNeeCriterium):
        return {"j": "ja", "n": "nee"}.get(laag, laag)
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
    Na elk antwoord worden de vragen opnieuw bepaald: doelgroepen en status kiezen de criteria."""

    def __init__(self, pad: Path, kader: Kader) -> None:
        self.pad, self.kader = pad, kader
        self.bestond = pad.exists()
        self.concept = laad_concept(pad) if self.bestond else Concept()
        self.concept.kop.setdefault("kader", kader.label)
        self._lijst = vragen(self.concept, kader)
        self._i = eerste_open(self._lijst, self.concept)

    @property
    def klaar(self) -> bool:
        return self._i >= len(self._lijst)

    @property
    def vraag(self) -> Vraag:
        return self._lijst[self._i]

    @property
    def nummer(self) -> tuple[int, int]:
        """(nummer van de huidige vraag, aantal vragen), beide vanaf 1 geteld."""
        return self._i + 1, len(self._lijst)

    @property
    def standaard(self) -> str | None:
        """Wat er staat als de gebruiker alleen Enter geeft: het eerdere antwoord (na 'terug'),
        of de standaard van de vraag."""
        huidig = self.concept.waarde(self.vraag.sleutel)
        return self.vraag.standaard if huidig is None else als_tekst(huidig)

    def geef(self, invoer: str) -> Reactie:
        tekst = invoer.strip()
        if not is_utf8(tekst):  # bytes die geen UTF-8 zijn, door de terminal als surrogaten
            return Reactie(fout="de invoer is geen geldige UTF-8-tekst; typ het opnieuw")
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
        self._lijst = vragen(self.concept, self.kader)
        self._i = eerste_open(self._lijst, self.concept, self._i + 1)
        return Reactie()


def als_tekst(waarde: Any) -> str:
    """Een opgeslagen waarde terug als invoertekst (voor de standaard bij 'terug')."""
    if isinstance(waarde, dict):
        toelichting = waarde.get("toelichting")
        return als_tekst(waarde.get("waarde")) + (f" # {toelichting}" if toelichting else "")
    if isinstance(waarde, list):
        return ",".join(str(w) for w in waarde)
    return str(waarde)
