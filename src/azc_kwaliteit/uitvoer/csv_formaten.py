# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De batch als CSV, voor Excel en open data: één rij per locatie, of per locatie en criterium,
met een CSVW-beschrijving (W3C *CSV on the Web*) ernaast die zegt wat elke kolom is.

Standaard zoals Nederlandse Excel het opent: UTF-8 met BOM, ``;`` tussen de velden en een
decimale komma. Met ``,`` als scheiding een decimale punt, voor andere programma's. De rijen worden
één voor één geschreven: een batch van honderdduizend locaties past nooit in één keer in het
geheugen.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from azc_kwaliteit.domein.modellen import Kader
from azc_kwaliteit.domein.vertalen import N_, _, taal
from azc_kwaliteit.uitvoer import veilig
from azc_kwaliteit.uitvoer.contract import BatchData, LocatieSamenvatting


class Kolom(NamedTuple):
    naam: str
    titel: str
    soort: str
    """CSVW-datatype: string, integer, decimal, boolean of date."""
    uitleg: str


JA_NEE = "ja|nee"

_WELKE = (
    Kolom("kader_id", N_("Kader"), "string", N_("Id van het kwaliteitskader")),
    Kolom("kader_versie", N_("Kaderversie"), "string", N_("Versie van het kader")),
    Kolom("bestand", N_("Bestand"), "string", N_("De beoordeling (YAML) waaruit deze rij komt")),
    Kolom("naam", N_("Locatie"), "string", N_("Naam van de opvanglocatie")),
    Kolom("gemeente", N_("Gemeente"), "string", N_("Gemeente van de locatie")),
)
"""De kolommen waarmee elke rij begint: welk kader, welk bestand, welke locatie."""


def locatie_kolommen(kader: Kader) -> list[Kolom]:
    return [
        *_WELKE,
        Kolom("soort", N_("Soort"), "string", N_("Soort opvang (azc, noodopvang, ...)")),
        Kolom("status", N_("Status"), "string", N_("in_gebruik, of gepland (plantoets)")),
        Kolom("draagvlak_regio", N_("Draagvlak in de regio"), "string", N_("ja, nee of onbekend")),
        Kolom("plantoets", N_("Plantoets"), "boolean", N_("Een geplande locatie: verwachte categorie")),
        Kolom("categorie", N_("Categorie"), "integer",
              N_("1 kritiek, 2 verbeterbaar, 3 goed; leeg als onvoldoende beoordeeld")),
        Kolom("onvoldoende_beoordeeld", N_("Onvoldoende beoordeeld"), "boolean",
              N_("Te weinig bekend voor een categorie")),
        Kolom("omzetting", N_("Omzetting mogelijk"), "boolean",
              N_("Categorie 3 en draagvlak: kan reguliere opvang worden")),
        *(Kolom(f"score_{p.id}", _("Score {pijler}").format(pijler=p.naam), "decimal",
                _("Pijlerscore {pijler}: gewogen aandeel behaalde punten, 0 tot 1").format(
                    pijler=p.naam))
          for p in kader.pijlers),
        Kolom("dekking", N_("Dekking"), "decimal",
              N_("Aandeel toepasselijke criteria dat beoordeeld is, 0 tot 1")),
        Kolom("voldoet_niet", N_("Criteria die niet voldoen"), "integer", N_("Aantal criteria")),
        Kolom("deels", N_("Criteria die deels voldoen"), "integer", N_("Aantal criteria")),
        Kolom("kritiek_voldoet_niet", N_("Kritieke criteria die niet voldoen"), "integer",
              N_("Aantal kritieke criteria dat niet voldoet")),
        Kolom("datum", N_("Datum"), "date", N_("Datum van de beoordeling")),
        Kolom("trend", N_("Trend"), "string",
              N_("hoger, lager of gelijk: de categorie tegen de vorige ronde; leeg bij één ronde")),
        Kolom("vorige_categorie", N_("Vorige categorie"), "integer", N_("Categorie in de vorige ronde")),
    ]


def criterium_kolommen() -> list[Kolom]:
    return [
        *_WELKE,
        Kolom("datum", N_("Datum"), "date", N_("Datum van de beoordeling")),
        Kolom("criterium", N_("Criterium"), "string", N_("Id van het criterium in het kader")),
        Kolom("titel", N_("Titel"), "string", N_("Titel van het criterium")),
        Kolom("pijler", N_("Pijler"), "string", N_("Voorzieningen, bescherming of participatie")),
        Kolom("ernst", N_("Ernst"), "string", N_("kritiek, voorwaarde of gewoon")),
        Kolom("oordeel", N_("Oordeel"), "string", N_("voldoet, deels, voldoet_niet, nvt of onbekend")),
        Kolom("antwoord", N_("Antwoord"), "string", N_("Het antwoord zoals ingevuld")),
    ]


_FORMULE = ("=", "+", "-", "@", "\t", "\r")
"""Waarmee een cel in Excel of LibreOffice een formule wordt: tekst uit een beoordeling die zo
begint, krijgt een ' ervoor (OWASP, CSV injection) en blijft zo tekst."""


def _waarde(w: Any, komma: bool) -> str:
    if w is None:
        return ""
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, float):
        tekst = f"{w:.4f}".rstrip("0").rstrip(".")
        return tekst.replace(".", ",") if komma else tekst
    if isinstance(w, int):
        return str(w)
    tekst = veilig.tekst(str(w))  # geen stuurteken of workflow-commando als iemand de CSV leest
    return "'" + tekst if tekst.startswith(_FORMULE) else tekst


_TREND = {"↑": "hoger", "↓": "lager", "=": "gelijk"}
"""In woorden: een cel die met = begint, is in Excel een formule."""


def locatie_rijen(data: BatchData, kader: Kader) -> Iterator[list[Any]]:
    k = data["kader"]
    for r in data["resultaten"]:
        loc = r["locatie"]
        bevindingen = r["bevindingen"]
        yield [k["id"], k["versie"], r["bestand"], loc["naam"], loc["gemeente"], loc["soort"],
               loc["status"], loc["draagvlak_regio"], r["plantoets"], r["categorie"],
               r["onvoldoende_beoordeeld"], r["omzetting"],
               *(_score(r, p.id) for p in kader.pijlers),
               r["dekking"], sum(b["oordeel"] == "voldoet_niet" for b in bevindingen),
               sum(b["oordeel"] == "deels" for b in bevindingen),
               sum(b["oordeel"] == "voldoet_niet" and b["kritiek"] for b in bevindingen),
               r["beoordeling"]["datum"], _TREND.get(r.get("trend", "")),
               r["vorige_ronde"]["categorie"] if "vorige_ronde" in r else None]


def _score(r: LocatieSamenvatting, pijler: str) -> float | None:
    score = r["pijlers"].get(pijler)
    return None if score is None else score["score"]


def criterium_rijen(data: BatchData, kader: Kader) -> Iterator[list[Any]]:
    k = data["kader"]
    titels = {c.id: (c.titel, c.pijler) for c in kader.criteria}
    namen = {p.id: p.naam for p in kader.pijlers}
    for r in data["resultaten"]:
        for cid, oordeel, antwoord, ernst in _criteria(r):
            titel, pijler = titels.get(cid, (cid, ""))
            yield [k["id"], k["versie"], r["bestand"], r["locatie"]["naam"],
                   r["locatie"]["gemeente"], r["beoordeling"]["datum"], cid, titel,
                   namen.get(pijler, pijler), ernst, oordeel, antwoord]


def _criteria(r: LocatieSamenvatting) -> list[list[str]]:
    return r.get("criteria", [])


def csv_delen(kolommen: Sequence[Kolom], rijen: Iterable[Sequence[Any]],
              scheiding: str = ";") -> Iterator[str]:
    """De CSV in stukken: eerst de BOM en de kop, dan per honderd rijen een stuk."""
    komma = scheiding == ";"
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=scheiding, lineterminator="\r\n")

    def leeg() -> str:
        tekst = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return tekst

    schrijver.writerow([k.naam for k in kolommen])
    yield "\ufeff" + leeg()
    for i, rij in enumerate(rijen, 1):
        schrijver.writerow([_waarde(w, komma) for w in rij])
        if i % 100 == 0:
            yield leeg()
    if rest := leeg():
        yield rest


def csvw(url: str, kolommen: Sequence[Kolom], scheiding: str, titel: str) -> dict[str, Any]:
    """De CSVW-beschrijving (``<bestand>-metadata.json``): dialect en elke kolom met type."""
    komma = scheiding == ";"

    def kolom(k: Kolom) -> dict[str, Any]:
        soort: dict[str, Any] | str = k.soort
        if k.soort == "boolean":
            soort = {"base": "boolean", "format": JA_NEE}
        elif k.soort == "decimal":
            soort = {"base": "decimal",
                     "format": {"decimalChar": "," if komma else ".", "groupChar": ""}}
        return {"name": k.naam, "titles": k.naam, "dc:title": _(k.titel), "dc:description": _(k.uitleg),
                "datatype": soort, "null": ""}

    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": taal()}],
        "url": url,
        "dc:title": titel,
        "dialect": {"delimiter": scheiding, "encoding": "utf-8", "header": True,
                    "lineTerminators": ["\r\n", "\n"]},
        "tableSchema": {"columns": [kolom(k) for k in kolommen]},
    }


class Tabel(NamedTuple):
    kolommen: list[Kolom]
    rijen: Callable[[BatchData, Kader], Iterator[list[Any]]]
    titel: str


def tabel(soort: str, kader: Kader) -> Tabel:
    """Kolommen, rijen en titel van ``csv`` (per locatie) of ``csv-criteria``."""
    if soort == "csv":
        return Tabel(locatie_kolommen(kader), locatie_rijen,
                     _("Opvanglocaties beoordeeld met {kader}").format(kader=kader.label))
    return Tabel(criterium_kolommen(), criterium_rijen,
                 _("Oordelen per locatie en criterium ({kader})").format(kader=kader.label))
