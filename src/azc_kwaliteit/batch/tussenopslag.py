# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De tussenopslag van een batch: samenvattingen in een tijdelijke SQLite-database op schijf.

Zo blijft het geheugen van een batch gelijk, of het nu om honderd of om een miljoen bestanden
gaat: per bestand gaat één rij naar schijf (de sorteersleutels en de samenvatting als JSON), en
SQLite kiest per locatie de nieuwste ronde en sorteert, met een begrensde cache. De uitvoer leest
de samenvattingen daarna één voor één terug. De database heeft geen naam en verdwijnt bij het
sluiten, ook als het proces wordt afgebroken.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple, overload

from azc_kwaliteit.domein.fouten import KwaliteitFout, Probleem
from azc_kwaliteit.domein.vertalen import _
from azc_kwaliteit.indeling.uitslag import Categorie
from azc_kwaliteit.indeling.vergelijken import trend
from azc_kwaliteit.uitvoer.contract import FoutRegel, LocatieSamenvatting
from azc_kwaliteit.uitvoer.weergave import compacte_json


class Rij(NamedTuple):
    """Wat van één gescoorde beoordeling nodig is om te tellen, te sorteren en per locatie de
    nieuwste ronde te kiezen; de volledige samenvatting gaat er als JSON naast."""

    categorie: int | None
    """None: onvoldoende beoordeeld (sorteert tussen 1 en 2, zie ``uitslag.rang``)."""
    gemiddelde: float
    """Gemiddelde van de pijlerscores: binnen een categorie eerst de laagste."""
    naam: str
    bestand: str
    loc_naam: str
    """Naam en gemeente zonder hoofdletters en witruimte eromheen: dezelfde locatie over rondes."""
    loc_gemeente: str
    datum: str
    omzetting: bool
    kader: str | None
    """Het kader dat de beoordeling zelf noemt (``id@versie``), als ze dat doet."""
    privacy: bool
    ingetrokken: bool
    """Of de beoordeling ingetrokken criterium-ids beantwoordt."""
    plantoets: bool = False
    """Een geplande locatie: apart geteld van de locaties in gebruik."""
    rapport: str | None = None
    """De HTML-pagina van deze ronde (``batch --html``), om de rondes van een locatie te koppelen."""


_SCHEMA = f"""
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA temp_store = FILE;
CREATE TABLE rij (nr INTEGER PRIMARY KEY, {", ".join(Rij._fields)}, samenvatting BLOB NOT NULL);
CREATE TABLE fout (nr INTEGER PRIMARY KEY, bestand TEXT NOT NULL, regel INTEGER, melding TEXT NOT NULL);
"""

_ACTUEEL = """
DROP TABLE IF EXISTS actueel;
CREATE TABLE actueel (volgnummer INTEGER PRIMARY KEY, nr INTEGER NOT NULL, rondes INTEGER NOT NULL,
                      vorige_datum TEXT, vorige_categorie INTEGER, vorige_bestand TEXT);
WITH ronde AS (  -- 1 is de nieuwste datum van een locatie, 2 de ronde daarvoor
    SELECT nr, loc_naam, loc_gemeente, datum, categorie, bestand, DENSE_RANK() OVER (
        PARTITION BY loc_naam, loc_gemeente ORDER BY datum DESC) AS ronde
    FROM rij),
rondes AS (
    SELECT loc_naam, loc_gemeente, MAX(ronde) AS rondes FROM ronde GROUP BY 1, 2),
vorige AS (  -- twee bestanden in de vorige ronde: de laagste categorie telt
    SELECT loc_naam, loc_gemeente, datum, categorie, bestand, ROW_NUMBER() OVER (
        PARTITION BY loc_naam, loc_gemeente ORDER BY IFNULL(categorie, 1.5), bestand) AS keus
    FROM ronde WHERE ronde = 2)
INSERT INTO actueel
SELECT ROW_NUMBER() OVER (ORDER BY IFNULL(rij.categorie, 1.5), rij.gemiddelde, rij.naam,
                          rij.bestand) - 1,
       r.nr, n.rondes, v.datum, v.categorie, v.bestand
FROM ronde AS r
JOIN rij USING (nr)
JOIN rondes AS n USING (loc_naam, loc_gemeente)
LEFT JOIN vorige AS v ON v.loc_naam = r.loc_naam AND v.loc_gemeente = r.loc_gemeente AND v.keus = 1
WHERE r.ronde = 1;
"""

_BEWAAR = f"INSERT INTO rij VALUES (NULL, {', '.join('?' * len(Rij._fields))}, ?)"

_LEES = """
SELECT rij.samenvatting, rij.categorie, a.rondes, a.vorige_datum, a.vorige_categorie,
       a.vorige_bestand
FROM actueel AS a JOIN rij USING (nr)
WHERE a.volgnummer >= ? AND a.volgnummer < ?
ORDER BY a.volgnummer
"""

_Gelezen = tuple[bytes, int | None, int, str | None, int | None, str | None]


class OpslagFout(KwaliteitFout):
    """De tijdelijke opslag op schijf lukt niet: de schijf is vol, of er is geen tijdelijke map."""


@contextmanager
def _op_schijf() -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as e:
        raise OpslagFout(_("tijdelijke opslag op schijf mislukt ({fout}); maak ruimte vrij of wijs "
                           "met TMPDIR een andere map aan").format(fout=e)) from e


class Tussenopslag:
    """De rijen van één batch. Eerst ``bewaar`` voor elk bestand, dan ``stel_vast``; daarna lezen
    de tellingen en ``resultaten`` de nieuwste ronde per locatie, in rapportvolgorde."""

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None
        self.aantal = 0

    def _verbinding(self) -> sqlite3.Connection:
        # pas bij de eerste rij: dan zijn de workers al gestart, en erven ze geen open database
        if self._db is None:
            with _op_schijf():
                self._db = sqlite3.connect("", isolation_level=None)  # "": naamloos, op schijf
                self._db.executescript(_SCHEMA)
                self._db.execute("BEGIN")
        return self._db

    def bewaar(self, rij: Rij, samenvatting: bytes) -> None:
        with _op_schijf():
            self._verbinding().execute(_BEWAAR, (*rij, samenvatting))
        self.aantal += 1

    def bewaar_fouten(self, problemen: Iterable[Probleem]) -> None:
        """Bewaar de problemen van een ongeldig bestand."""
        with _op_schijf():
            self._verbinding().executemany(
                "INSERT INTO fout VALUES (NULL, ?, ?, ?)",
                ((p.bestand, p.regel, p.melding) for p in problemen))

    def fouten(self) -> Iterator[FoutRegel]:
        """Alle problemen van ongeldige bestanden, op bestand en regel."""
        for bestand, regel, melding in self._verbinding().execute(
                "SELECT bestand, regel, melding FROM fout ORDER BY bestand, IFNULL(regel, 0), nr"):
            yield {"bestand": bestand, "regel": regel, "melding": melding}

    def aantal_fouten(self) -> int:
        return int(self._vraag("SELECT COUNT(*) FROM fout")[0][0])

    def stel_vast(self) -> None:
        """Klaar met bewaren: kies per locatie de nieuwste ronde en zet die in rapportvolgorde
        (eerst de laagste categorie, daarbinnen de laagste gemiddelde score)."""
        with _op_schijf():
            self._verbinding().executescript(_ACTUEEL)

    def _vraag(self, sql: str, *parameters: object) -> list[Any]:
        return self._verbinding().execute(sql, parameters).fetchall()

    def tellingen(self) -> tuple[dict[Categorie | None, int], dict[Categorie | None, int], int]:
        """Aantal locaties (nieuwste ronde) per categorie (en onvoldoende beoordeeld): alle, en
        alleen de geplande; en hoeveel er omgezet kunnen worden."""
        per: dict[Categorie | None, int] = {**dict.fromkeys(Categorie, 0), None: 0}
        gepland = dict(per)
        omzetting = 0
        for categorie, plan, aantal, omzetbaar in self._vraag(
                "SELECT categorie, plantoets, COUNT(*), SUM(omzetting) FROM actueel "
                "JOIN rij USING (nr) GROUP BY categorie, plantoets"):
            sleutel = None if categorie is None else Categorie(categorie)
            per[sleutel] += aantal
            if plan:
                gepland[sleutel] += aantal
            omzetting += omzetbaar
        return per, gepland, omzetting

    def rondes_per_locatie(self) -> Iterator[list[tuple[str, int | None, str]]]:
        """Voor elke locatie met meer dan één ronde en HTML-pagina's: (datum, categorie, rapport)
        per ronde, de oudste eerst."""
        groep: list[tuple[str, int | None, str]] = []
        vorige: tuple[str, str] | None = None
        for naam, gemeente, datum, categorie, rapport in self._verbinding().execute(
                "SELECT loc_naam, loc_gemeente, datum, categorie, rapport FROM rij "
                "WHERE rapport IS NOT NULL AND (loc_naam, loc_gemeente) IN ("
                "SELECT loc_naam, loc_gemeente FROM rij GROUP BY 1, 2 HAVING COUNT(*) > 1) "
                "ORDER BY loc_naam, loc_gemeente, datum, bestand"):
            if (naam, gemeente) != vorige and groep:
                yield groep
                groep = []
            vorige = (naam, gemeente)
            groep.append((datum, categorie, rapport))
        if groep:
            yield groep

    def actueel(self) -> int:
        return int(self._vraag("SELECT COUNT(*) FROM actueel")[0][0])

    def andere_kaders(self, gebruikt: str) -> dict[str, int]:
        """Welke andere kaderversies de beoordelingen noemen (alle rondes), en hoe vaak."""
        return dict(self._vraag("SELECT kader, COUNT(*) FROM rij WHERE kader != ? "
                                "GROUP BY kader ORDER BY kader", gebruikt))

    def vondsten(self, soort: str) -> Iterator[tuple[str, dict[str, Any]]]:
        """Per bestand met meldingen van ``soort`` ('privacy': mogelijke persoonsgegevens,
        'ingetrokken': antwoorden op ingetrokken ids), alle rondes: (bestand, vondst)."""
        if soort not in ("privacy", "ingetrokken"):
            raise ValueError(soort)
        for bestand, samenvatting in self._verbinding().execute(
                f"SELECT bestand, samenvatting FROM rij WHERE {soort} ORDER BY bestand, nr"):
            for vondst in json.loads(samenvatting)[soort]:
                yield bestand, vondst

    def lees(self, van: int, tot: int) -> Iterator[_Gelezen]:
        return self._verbinding().execute(_LEES, (van, tot))

    def sluit(self) -> None:
        if self._db is not None:
            self._db.close()


class Fouten(Collection[FoutRegel]):
    """De problemen van de ongeldige bestanden, bij het doorlopen uit de tussenopslag gelezen (op
    bestand en regel). Er kunnen er veel zijn: een map oude beoordelingen tegen een nieuw kader."""

    def __init__(self, opslag: Tussenopslag) -> None:
        self._opslag = opslag
        self._aantal = opslag.aantal_fouten()

    def __len__(self) -> int:
        return self._aantal

    def __iter__(self) -> Iterator[FoutRegel]:
        return self._opslag.fouten()

    def __contains__(self, fout: object) -> bool:
        return any(fout == f for f in self)


class Rijen(Sequence[LocatieSamenvatting]):
    """De resultaten van een batch (nieuwste ronde per locatie) in rapportvolgorde, bij het
    doorlopen één voor één uit de tussenopslag gelezen, met de trend tegen de vorige ronde."""

    def __init__(self, opslag: Tussenopslag, van: int, tot: int) -> None:
        self._opslag, self._van, self._tot = opslag, van, max(van, tot)

    def __len__(self) -> int:
        return self._tot - self._van

    @overload
    def __getitem__(self, i: int) -> LocatieSamenvatting: ...
    @overload
    def __getitem__(self, i: slice) -> Rijen: ...
    def __getitem__(self, i: int | slice) -> LocatieSamenvatting | Rijen:
        if isinstance(i, slice):
            van, tot, stap = i.indices(len(self))
            if stap != 1:
                raise ValueError("alleen aaneengesloten stukken")
            return Rijen(self._opslag, self._van + van, self._van + tot)
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        plek = self._van + i % len(self)
        return next(_als_dict(g) for g in self._opslag.lees(plek, plek + 1))

    def __iter__(self) -> Iterator[LocatieSamenvatting]:
        return map(_als_dict, self._opslag.lees(self._van, self._tot))

    def json_teksten(self) -> Iterator[str]:
        """Elke rij als compacte JSON; zonder eerdere rondes precies zoals ze is opgeslagen."""
        for gelezen in self._opslag.lees(self._van, self._tot):
            samenvatting, _u, rondes, *_rest = gelezen
            yield samenvatting.decode("utf-8") if rondes == 1 else compacte_json(_als_dict(gelezen))


def _als_dict(gelezen: _Gelezen) -> LocatieSamenvatting:
    samenvatting, categorie, rondes, datum, vorige, bestand = gelezen
    uit: LocatieSamenvatting = json.loads(samenvatting)
    if rondes > 1 and datum is not None and bestand is not None:  # er is een ronde hiervoor
        uit["trend"] = trend(vorige, categorie)
        uit["rondes"] = rondes
        uit["vorige_ronde"] = {"datum": datum, "categorie": vorige, "bestand": bestand}
    return uit
