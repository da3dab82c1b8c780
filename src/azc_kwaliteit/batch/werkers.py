# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Een map vol beoordelingen scoren: bestanden vinden, elk apart verwerken, fouten verzamelen.

Een kapot bestand stopt de rest niet: het wordt een ``Probleem`` in de lijst met fouten, en de
andere bestanden worden gewoon gescoord. Van elk bestand gaat de samenvatting meteen naar de
tussenopslag op schijf (``tussenopslag.py``), zodat het geheugen niet met het aantal bestanden
meegroeit. Vanaf ``MIN_VOOR_WORKERS`` bestanden werken alle kernen mee (fork, zodat het geladen
kader en de gecompileerde sjablonen gedeeld worden in plaats van per proces opnieuw opgebouwd).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Collection, Generator, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from pydantic_core import to_json

from azc_kwaliteit.batch.tussenopslag import Fouten, Rij, Rijen, Tussenopslag
from azc_kwaliteit.domein.antwoorden import Oordeel
from azc_kwaliteit.domein.fouten import InvoerFout, Probleem, bestandsnaam
from azc_kwaliteit.domein.modellen import Ernst, KaderHerkomst, Staat
from azc_kwaliteit.domein.taal import woord
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.indeling.categorie import deel_in
from azc_kwaliteit.indeling.uitslag import Categorie, Uitslag, op_of_onder
from azc_kwaliteit.indeling.vergelijken import locatie_sleutel
from azc_kwaliteit.invoer import privacy
from azc_kwaliteit.invoer.openen import GeladenKader, laad_beoordeling
from azc_kwaliteit.invoer.valideren import pad_tekst as _pad_tekst
from azc_kwaliteit.uitvoer import veilig
from azc_kwaliteit.uitvoer.contract import BatchData, LocatieSamenvatting, Telling
from azc_kwaliteit.uitvoer.schrijven import schrijf_atomair
from azc_kwaliteit.uitvoer.weergave import uitslag_kern, uitslag_tekst, veilige_naam

MIN_VOOR_WORKERS = 100
"""Onder dit aantal bestanden kost het opstarten van workers meer dan het oplevert."""

class Overgeslagen(NamedTuple):
    """Een geldige beoordeling die niet meetelt: ``--alleen-goedgekeurd`` en niet goedgekeurd."""

    bestand: str
    reden: str


Uitkomst = tuple[Rij, bytes] | list[Probleem] | Overgeslagen
"""Per bestand: de rij en de samenvatting als JSON, de problemen van een ongeldig bestand, of
waarom een geldig bestand niet meetelt."""


class _NietGoedgekeurd(Exception):
    pass


_NIET_VOLDAAN = (Oordeel.voldoet_niet, Oordeel.deels)


@dataclass(frozen=True)
class Werkwijze:
    """Hoe elk bestand van een batch verwerkt wordt (één object, zodat een worker het erft)."""

    anonimiseer: bool = False
    html_map: Path | None = None
    """Schrijf per beoordeling een HTML-pagina in deze map."""
    alleen_goedgekeurd: bool = False
    alle_criteria: bool = False
    """Zet het oordeel over elk criterium in de samenvatting (voor ``--csv-criteria``)."""


def verwerk(pad: Path, kader: GeladenKader, werkwijze: Werkwijze = Werkwijze()
            ) -> LocatieSamenvatting:
    """De compacte samenvatting van één beoordeling voor een batch: de sleutels van het contract
    (categorie, omzetting, pijlers, dekking, redenen, verbeterpad) plus de bevindingen (criteria
    die niet voldoen, met de regel van hun antwoord) voor SARIF en annotaties."""
    beoordeling, doc = laad_beoordeling(pad, kader.kader)
    anonimiseer, html_map = werkwijze.anonimiseer, werkwijze.html_map
    if werkwijze.alleen_goedgekeurd and (beoordeling.beoordeling.status is None
                               or beoordeling.beoordeling.status.staat != Staat.goedgekeurd):
        staat = beoordeling.beoordeling.status
        raise _NietGoedgekeurd(_("niet goedgekeurd ({waarom})").format(
            waarom=_("staat: {staat}").format(staat=woord(staat.staat)) if staat
            else _("zonder beoordeling.status")))
    vondsten = privacy.zoek(beoordeling)
    if anonimiseer:
        beoordeling = privacy.anonimiseer(beoordeling)
    u = deel_in(kader.kader, beoordeling,
                volledig=html_map is not None or werkwijze.alle_criteria)
    kern = uitslag_kern(u)
    samenvatting: LocatieSamenvatting = {
        "bestand": bestandsnaam(pad), "locatie": kern["locatie"], "plantoets": kern["plantoets"],
        "categorie": kern["categorie"], "onvoldoende_beoordeeld": kern["onvoldoende_beoordeeld"],
        "omzetting": kern["omzetting"], "dekking": kern["dekking"], "redenen": kern["redenen"],
        "beoordeling": {"datum": u.datum, "kader": u.verklaard_kader},
        "pijlers": {p.id: {"naam": p.naam, "score": p.score} for p in u.pijlers},
        "verbeterpad": [{"criterium": s.criterium, "oordeel": s.oordeel.value}
                        for s in u.verbeterpad],
        "bevindingen": [
            {"criterium": c.id, "oordeel": c.oordeel.value, "ernst": c.ernst.value,
             "kritiek": c.kritiek, "antwoord": c.antwoord,
             "regel": doc.regel(("antwoorden", c.id))}
            for c in u.criteria  # zonder 'volledig' alleen wat niet voldoet of onbekend is
            if c.oordeel in _NIET_VOLDAAN
            or (c.ernst != Ernst.gewoon and c.oordeel == Oordeel.onbekend)
        ],
        "niet_van_toepassing": list(u.niet_van_toepassing),
    }
    if html_map is not None:
        samenvatting["rapport"] = schrijf_rapport(u, kader, html_map, bestandsnaam(pad))
    if werkwijze.alle_criteria:
        samenvatting["criteria"] = [[c.id, c.oordeel.value, c.antwoord, c.ernst.value]
                                    for c in u.criteria]
    if u.ingetrokken:
        samenvatting["ingetrokken"] = [
            {"criterium": i.id, "regel": doc.regel(("antwoorden", i.id)), "tekst": i.tekst}
            for i in u.ingetrokken]
    if vondsten:
        samenvatting["privacy"] = [
            {"regel": doc.regel(v.pad), "veld": _pad_tekst(v.pad), "soort": v.soort}
            for v in vondsten]
    return samenvatting


def schrijf_rapport(u: Uitslag, kader: GeladenKader, html_map: Path, sleutel: str) -> str:
    """Schrijf de HTML-pagina van één locatie in ``html_map`` (atomair) en geef de bestandsnaam.
    De naam komt uit de beoordeling, dus wordt hij een veilige slug die de map niet kan verlaten."""
    naam = veilige_naam(f"{u.locatie} {u.gemeente} {u.datum}", sleutel) + ".html"
    doel = html_map / naam
    if doel.resolve().parent != html_map.resolve():  # pragma: no cover - slug sluit dit al uit
        raise ValueError(f"rapportnaam buiten de uitvoermap: {naam}")
    schrijf_atomair(doel, uitslag_tekst(u, kader.herkomst, "html", indeling=kader.kader.indeling,
                                        terug="index.html"))
    return naam


def _rij(samenvatting: LocatieSamenvatting) -> Rij:
    loc, scores = samenvatting["locatie"], [
        p["score"] for p in samenvatting["pijlers"].values() if p["score"] is not None]
    loc_naam, loc_gemeente = locatie_sleutel(loc["naam"], loc["gemeente"])
    return Rij(
        categorie=samenvatting["categorie"],
        gemiddelde=sum(scores) / len(scores) if scores else 0.0,
        naam=loc["naam"],
        bestand=samenvatting["bestand"],
        loc_naam=loc_naam,
        loc_gemeente=loc_gemeente,
        datum=samenvatting["beoordeling"]["datum"],
        omzetting=samenvatting["omzetting"],
        kader=samenvatting["beoordeling"]["kader"],
        privacy="privacy" in samenvatting,
        ingetrokken="ingetrokken" in samenvatting,
        plantoets=samenvatting["plantoets"],
        rapport=samenvatting.get("rapport"),
    )


def _probeer(pad: Path, kader: GeladenKader, werkwijze: Werkwijze) -> Uitkomst:
    try:
        samenvatting = verwerk(pad, kader, werkwijze)
    except _NietGoedgekeurd as e:
        return Overgeslagen(bestandsnaam(pad), str(e))
    except InvoerFout as e:
        if werkwijze.anonimiseer:  # een citaat uit het bestand kan persoonsgegevens bevatten
            return [replace(p, melding=privacy.anonimiseer_melding(p.melding)) for p in e.problemen]
        return e.problemen
    return _rij(samenvatting), veilig.json_bytes(to_json(samenvatting))


_WORKER_KADER: GeladenKader | None = None
_WORKER_WIJZE = Werkwijze()


def _rustige_gc() -> None:
    """Elke beoordeling maakt duizenden kortlevende objecten zonder kringverwijzingen; een hogere
    drempel scheelt vele onnodige GC-rondes."""
    gc.set_threshold(50_000, 50, 100)


def _start_worker() -> None:
    """Een worker laat Ctrl-C aan het hoofdproces, dat de pool dan stopt (SIGTERM, dat de worker
    meteen beëindigt: zonder traceback, en zonder te kunnen blijven hangen op een slot van de
    pool) en daarna de halve bestanden opruimt (``batch.uitvoeren``)."""
    _rustige_gc()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _in_worker(pad: Path) -> Uitkomst:
    assert _WORKER_KADER is not None
    return _probeer(pad, _WORKER_KADER, _WORKER_WIJZE)


def verwerk_alle(paden: Collection[Path], kader: GeladenKader, workers: int | None = None,
                 werkwijze: Werkwijze = Werkwijze()) -> Generator[Uitkomst, None, None]:
    """Per bestand een samenvatting, of de lijst problemen als het bestand ongeldig is.

    Bij veel bestanden in volgorde van afronding (de weergave sorteert toch); ``workers=1``
    dwingt één proces af.
    """
    global _WORKER_KADER, _WORKER_WIJZE
    if workers is None:
        workers = (os.cpu_count() or 1) if len(paden) >= MIN_VOOR_WORKERS else 1
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        if len(paden) >= MIN_VOOR_WORKERS:
            _rustige_gc()
        for pad in paden:
            yield _probeer(pad, kader, werkwijze)
        return
    _WORKER_KADER, _WORKER_WIJZE = kader, werkwijze
    gc.freeze()  # de geladen modules en het kader hoeven de GC in elke worker niet te kosten
    _rustige_gc()  # ook hier: het hoofdproces ontvangt duizenden kortlevende uitkomsten
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_start_worker) as pool:
        yield from pool.imap_unordered(_in_worker, paden, chunksize=64)


class BatchUitslag:
    """Alles wat een batchrun oplevert: de rijen en de problemen van ongeldige bestanden, allebei
    in de tussenopslag op schijf. Een contextmanager: bij het verlaten verdwijnt die."""

    def __init__(self, kader: KaderHerkomst, fouten: Sequence[Probleem] = ()) -> None:
        self.kader = kader
        self._opslag = Tussenopslag()
        self._vooraf = list(fouten)  # bewaard zodra de workers draaien (zie Tussenopslag)
        self.ongeldige_bestanden = len({f.bestand for f in fouten})  # of niet bestaan
        self.overgeslagen: list[Overgeslagen] = []

    def __enter__(self) -> BatchUitslag:
        return self

    def __exit__(self, soort: type[BaseException] | None, fout: BaseException | None,
                 herkomst: TracebackType | None) -> None:
        self._opslag.sluit()

    def voeg_toe(self, uitkomst: Uitkomst) -> None:
        if isinstance(uitkomst, Overgeslagen):
            self.overgeslagen.append(uitkomst)
        elif isinstance(uitkomst, list):
            self._opslag.bewaar_fouten(uitkomst)
            self.ongeldige_bestanden += len({f.bestand for f in uitkomst})
        else:
            self._opslag.bewaar(*uitkomst)

    def andere_kaders(self) -> dict[str, int]:
        """Welke andere kaderversies de beoordelingen noemen, en hoe vaak."""
        return self._opslag.andere_kaders(f"{self.kader['id']}@{self.kader['versie']}")

    def rondes_per_locatie(self) -> Iterator[list[tuple[str, int | None, str]]]:
        """De rondes van elke locatie met meer dan één ronde (datum, categorie, rapport)."""
        return self._opslag.rondes_per_locatie()

    def vondsten(self, soort: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Per bestand (alle rondes) de meldingen van ``soort``: 'privacy' of 'ingetrokken'."""
        return self._opslag.vondsten(soort)

    def naar_dict(self, faal_bij: int | None = None) -> BatchData:
        """De batch-JSON (design §6): per locatie alleen de nieuwste ronde, met de trend (↑/↓/=)
        tegen de ronde daarvoor; twee bestanden van dezelfde datum blijven allebei staan.
        ``resultaten`` en ``fouten`` lezen pas bij het doorlopen van schijf."""
        self._opslag.bewaar_fouten(self._vooraf)
        self._vooraf = []
        self._opslag.stel_vast()
        actueel = self._opslag.actueel()
        per, gepland, omzetting = self._opslag.tellingen()
        telling: Telling = {
            "beoordelingen": actueel, "kritiek": per[Categorie.kritiek],
            "onvoldoende_beoordeeld": per[None], "verbeterbaar": per[Categorie.verbeterbaar],
            "goed": per[Categorie.goed], "omzetting": omzetting,
            "ongeldig": self.ongeldige_bestanden, "eerdere_rondes": self._opslag.aantal - actueel,
            "gepland": {"beoordelingen": sum(gepland.values()),
                        "kritiek": gepland[Categorie.kritiek],
                        "onvoldoende_beoordeeld": gepland[None],
                        "verbeterbaar": gepland[Categorie.verbeterbaar],
                        "goed": gepland[Categorie.goed]}}
        return {
            "kader": self.kader,
            "samenvatting": telling,
            "poort": {"faal_bij": faal_bij,
                      "gezakt": 0 if faal_bij is None else op_of_onder(telling, faal_bij)},
            "resultaten": Rijen(self._opslag, 0, actueel),
            "fouten": Fouten(self._opslag),
        }
