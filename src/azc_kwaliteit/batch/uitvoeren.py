# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Een batch draaien als één aanroep: opties erin, een getypt resultaat eruit.

De CLI leest alleen opties, toont voortgang en print; een andere voorkant (een dienst, een
formulierimport) roept dezelfde functie aan. ``draai`` is een contextmanager omdat de resultaten
op schijf staan (``tussenopslag``): binnen het ``with``-blok zijn ze te lezen, daarna verdwijnen
ze. De extra uitvoer (JSON, JUnit, SARIF, Markdown, HTML) is dan al geschreven.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, closing, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from azc_kwaliteit.batch.tussenopslag import Rijen
from azc_kwaliteit.batch.vinden import zoek_bestanden
from azc_kwaliteit.batch.werkers import BatchUitslag, Werkwijze, verwerk_alle
from azc_kwaliteit.domein.fouten import (
    InvoerFout,
    Melding,
    Probleem,
    SchrijfFout,
    bestandsnaam,
    systeemreden,
)
from azc_kwaliteit.domein.vertalen import _, n_
from azc_kwaliteit.indeling.voorbereiding import voorbereid
from azc_kwaliteit.invoer import privacy
from azc_kwaliteit.invoer.openen import GeladenKader
from azc_kwaliteit.invoer.overschrijven import bewaak
from azc_kwaliteit.uitvoer import ci_formaten
from azc_kwaliteit.uitvoer.contract import BatchData
from azc_kwaliteit.uitvoer.schrijven import ruim_halve_op, schrijf_atomair
from azc_kwaliteit.uitvoer.weergave import (
    JsonLijst,
    batch_html,
    compacte_json,
    json_delen,
    met_rondes,
    naar_json,
    render,
    render_delen,
)

EXTRA = ("json", "junit", "sarif", "markdown", "csv", "csv-criteria")
"""De formaten die ``BatchOpties.extra`` naar een bestand kan schrijven."""
MAX_RIJEN = 50
"""Zoveel locaties toont een overzicht zonder ``alle``; de urgente staan altijd vooraan."""

Voortgang = Callable[[int], AbstractContextManager[Callable[[], None]]]
"""Krijgt het aantal bestanden en geeft een context met een stap per gescoord bestand."""


@dataclass(frozen=True)
class BatchOpties:
    mappen: Sequence[Path]
    kader: GeladenKader
    faal_bij: int | None = None
    """De poort: locaties in deze categorie of lager (of onvoldoende beoordeeld) laten haar zakken."""
    anonimiseer: bool = False
    alleen_goedgekeurd: bool = False
    """Score alleen beoordelingen met ``beoordeling.status.staat: goedgekeurd``."""
    csv_scheiding: str = ";"
    """Tussen de velden van ``csv`` en ``csv-criteria``: ``;`` voor Nederlandse Excel, of ``,``."""
    max_fouten: int | None = None
    """Stop na zoveel ongeldige bestanden."""
    extra: Mapping[str, Path] = field(default_factory=dict)
    """Formaat (een van ``EXTRA``) → bestand om die uitvoer ook naar te schrijven."""
    html_map: Path | None = None
    alle: bool = False
    """Toon alle locaties in tekst en Markdown, ook bij grote aantallen."""
    workers: int | None = None
    forceer: bool = False
    """Overschrijf ook een invoerbestand of een ingevulde beoordeling."""

    def bewaak(self, doel: Path) -> None:
        """Een ``SchrijfFout`` als ``doel`` een invoer van deze batch of een ingevulde beoordeling
        is (zie ``invoer.overschrijven``)."""
        bewaak(doel, [*self.mappen, Path(self.kader.bestand)], forceer=self.forceer)


@dataclass
class BatchResultaat:
    """Wat een batch oplevert. ``data`` is de batch-JSON (README); de teksten worden pas gemaakt
    als erom gevraagd wordt, en grote uitvoer komt in stukken."""

    opties: BatchOpties
    data: BatchData
    duur: float
    afgebroken: bool
    """Gestopt door ``max_fouten``: niet alle bestanden zijn gescoord."""
    geschreven: list[Path]
    meldingen: list[Melding]

    @property
    def ongeldig(self) -> int:
        return self.data["samenvatting"]["ongeldig"]

    @property
    def gezakt(self) -> int:
        """Hoeveel locaties de poort laten zakken (0 zonder poort)."""
        return self.data["poort"]["gezakt"]

    def tekst(self, soort: str) -> str | Iterable[str]:
        """De uitvoer als ``tekst``, ``samenvatting`` (zonder tabel) of een van ``EXTRA``."""
        data, o = self.data, self.opties
        resultaten, fouten = data["resultaten"], data["fouten"]
        if soort == "json" and max(len(resultaten), len(fouten)) <= MAX_RIJEN:
            return naar_json({**data, "resultaten": list(resultaten), "fouten": list(fouten)})
        if soort == "json":
            rijen = (resultaten.json_teksten() if isinstance(resultaten, Rijen)
                     else map(compacte_json, resultaten))
            return json_delen({**data, "resultaten": JsonLijst(rijen),
                               "fouten": JsonLijst(map(compacte_json, fouten))})
        if soort == "junit":
            return ci_formaten.naar_junit(data, o.faal_bij, self.duur)
        if soort == "sarif":
            return ci_formaten.naar_sarif(data, o.kader.kader)
        if soort == "markdown":
            return render_delen("batch.md.j2", b=data, alle=o.alle, max_rijen=MAX_RIJEN,
                                titels=voorbereid(o.kader.kader).titels)
        if soort in ("csv", "csv-criteria"):
            from azc_kwaliteit.uitvoer import csv_formaten

            tabel = csv_formaten.tabel(soort, o.kader.kader)
            return csv_formaten.csv_delen(tabel.kolommen, tabel.rijen(data, o.kader.kader),
                                          o.csv_scheiding)
        if soort == "samenvatting":
            return render("batch.txt.j2", b=data, alle=False, max_rijen=0, zonder_tabel=True)
        if soort == "tekst":
            return render_delen("batch.txt.j2", b=data, alle=o.alle, max_rijen=MAX_RIJEN)
        raise ValueError(f"onbekend batchformaat: {soort}")

    def annotaties(self) -> Iterator[str]:
        """GitHub Actions-annotaties (``::error file=…``) voor de poort en ongeldige bestanden."""
        return ci_formaten.github_annotaties(self.data, self.opties.faal_bij)


def _geen_voortgang(_: int) -> AbstractContextManager[Callable[[], None]]:
    return nullcontext(lambda: None)


@contextmanager
def draai(opties: BatchOpties, voortgang: Voortgang = _geen_voortgang
          ) -> Iterator[BatchResultaat]:
    """Vind, scoor en schrijf; binnen het ``with``-blok is het resultaat te lezen. Geeft een
    ``InvoerFout`` als er niets te scoren valt, en een ``SchrijfFout`` als een uitvoerbestand of
    -map niet te schrijven is. Ongeldige bestanden zijn geen fout van de batch: ze staan in
    ``data["fouten"]`` en tellen in ``ongeldig``."""
    paden, problemen = zoek_bestanden(opties.mappen)
    if not paden and not problemen:
        raise InvoerFout([Probleem(", ".join(str(m) for m in opties.mappen), None,
                                   _("geen beoordelingen (*.yaml, *.yml) gevonden"))])
    onbekend = set(opties.extra) - set(EXTRA)
    if onbekend:
        raise ValueError(f"onbekende extra uitvoer: {', '.join(sorted(onbekend))}")
    for doel in [*opties.extra.values(),
                 *([] if opties.html_map is None else [opties.html_map / "index.html"])]:
        opties.bewaak(doel)  # vóór het werk: een vergissing in een pad kost geen hele batch
    html_map = _maak_map(opties.html_map)
    kader = opties.kader
    start = time.perf_counter()
    afgebroken = False
    geschreven: list[Path] = []
    try:
        with BatchUitslag(kader.herkomst, fouten=problemen) as uitslag:
            # closing: bij een onderbreking stopt de pool (en zijn workers) vóór het opruimen
            with voortgang(len(paden)) as stap, closing(verwerk_alle(
                    paden, kader, workers=opties.workers, werkwijze=Werkwijze(
                        anonimiseer=opties.anonimiseer, html_map=html_map,
                        alleen_goedgekeurd=opties.alleen_goedgekeurd,
                        alle_criteria="csv-criteria" in opties.extra))) as uitkomsten:
                for uitkomst in uitkomsten:
                    uitslag.voeg_toe(uitkomst)
                    stap()
                    if opties.max_fouten is not None and uitslag.ongeldige_bestanden >= opties.max_fouten:
                        afgebroken = True
                        break
            data = uitslag.naar_dict(opties.faal_bij)
            data["samenvatting"]["overgeslagen"] = len(paden.overgeslagen)
            if opties.alleen_goedgekeurd:
                data["samenvatting"]["niet_goedgekeurd"] = len(uitslag.overgeslagen)
            if html_map is not None:
                _koppel_rondes(html_map, uitslag)
                schrijf_atomair(html_map / "index.html", batch_html(data, kader.kader))
                geschreven.append(html_map / "index.html")
                if "markdown" in opties.extra:
                    data["html_basis"] = os.path.relpath(html_map,
                                                         opties.extra["markdown"].resolve().parent)
            resultaat = BatchResultaat(opties, data, time.perf_counter() - start, afgebroken,
                                       geschreven, [Melding(o.bestand, None, o.reden)
                                                    for o in paden.overgeslagen]
                                       + [Melding(o.bestand, None, o.reden)
                                          for o in uitslag.overgeslagen]
                                       + _meldingen(uitslag, kader, opties.anonimiseer))
            for soort in EXTRA:
                if soort in opties.extra:
                    schrijf_atomair(opties.extra[soort], resultaat.tekst(soort))
                    geschreven.append(opties.extra[soort])
                    if soort.startswith("csv"):
                        geschreven.append(_csvw(opties, soort))
            yield resultaat
    except BaseException:  # Ctrl-C, SIGTERM, een schrijffout: geen halve bestanden achterlaten
        _ruim_op(opties)
        raise


def _csvw(opties: BatchOpties, soort: str) -> Path:
    """De CSVW-beschrijving naast een CSV (``<naam>.csv-metadata.json``, W3C)."""
    from azc_kwaliteit.uitvoer import csv_formaten

    pad = opties.extra[soort]
    tabel = csv_formaten.tabel(soort, opties.kader.kader)
    doel = pad.with_name(pad.name + "-metadata.json")
    schrijf_atomair(doel, naar_json(csv_formaten.csvw(pad.name, tabel.kolommen,
                                                      opties.csv_scheiding, tabel.titel)))
    return doel


def _ruim_op(opties: BatchOpties) -> None:
    """Tijdelijke bestanden van een onderbroken batch: alle in de HTML-map (een worker kan vlak na
    het aanmaken gestopt zijn), en die van de extra uitvoerbestanden."""
    if opties.html_map is not None:
        ruim_halve_op(opties.html_map)
    for pad in opties.extra.values():
        ruim_halve_op(pad.parent if str(pad.parent) else Path("."), [pad.name])


def _koppel_rondes(html_map: Path, uitslag: BatchUitslag) -> None:
    """Zet in de pagina van elke ronde links naar de andere rondes van die locatie. Alleen onze
    eigen pagina's in de uitvoermap worden gelezen (de namen zijn slugs, zie ``schrijf_rapport``)."""
    for rondes in uitslag.rondes_per_locatie():
        for _datum, _cat, rapport in rondes:
            pagina = html_map / rapport
            tekst = pagina.read_text(encoding="utf-8")
            schrijf_atomair(pagina, met_rondes(tekst, rondes, rapport))


def _maak_map(map_: Path | None) -> Path | None:
    if map_ is None:
        return None
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise SchrijfFout(bestandsnaam(map_), _("kan map niet maken ({reden})").format(
            reden=systeemreden(e))) from None
    return map_


def _meldingen(uitslag: BatchUitslag, kader: GeladenKader, anoniem: bool) -> list[Melding]:
    """De waarschuwingen van een batch: mogelijke persoonsgegevens, ingetrokken criterium-ids,
    en beoordelingen die een ander kader noemen."""
    meldingen = [
        Melding(bestand, v["regel"], privacy.waarschuwing(v["veld"], v["soort"], anoniem))
        for bestand, v in uitslag.vondsten("privacy")]
    meldingen += [Melding(bestand, v["regel"], v["tekst"])
                  for bestand, v in uitslag.vondsten("ingetrokken")]
    meldingen += [Melding(None, None, n_(
        "{n} beoordeling noemt kader {ander}, maar is beoordeeld met {kader}",
        "{n} beoordelingen noemen kader {ander}, maar zijn beoordeeld met {kader}", n).format(
            n=n, ander=andere, kader=kader.kader.label))
                  for andere, n in uitslag.andere_kaders().items()]
    return meldingen
