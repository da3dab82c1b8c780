"""Publiek: de batch als CSV voor Excel en open data, met een CSVW-beschrijving die het
W3C-pakket ``csvw`` leest (elke waarde naar haar type), en de gegevens voor het register van
publieke code (publiccode.yml, CHANGELOG, licentiekoppen)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from azc_kwaliteit.invoer.openen import laad_kader
from conftest import VOORBEELDEN, draai

csvw = pytest.importorskip("csvw", reason="het pakket csvw ontbreekt")


@pytest.mark.parametrize("scheiding", [";", ","])
def test_csv_per_locatie_en_per_criterium_met_csvw(runner: CliRunner, tmp_path: Path,
                                                    scheiding: str) -> None:
    loc, crit = tmp_path / "locaties.csv", tmp_path / "criteria.csv"
    r = draai(runner, "batch", str(VOORBEELDEN), "--csv", str(loc), "--csv-criteria", str(crit),
              "--csv-scheiding", scheiding, "-f", "json")
    assert r.exit_code == 0, r.output
    resultaten = json.loads(r.stdout)["resultaten"]
    ruw = loc.read_bytes()
    assert ruw.startswith(b"\xef\xbb\xbf")  # BOM: Excel leest UTF-8
    assert ruw.split(b"\r\n")[0].count(scheiding.encode()) == 21
    tabel = csvw.Table.from_file(loc.with_name("locaties.csv-metadata.json"))
    rijen = list(tabel.iterdicts(strict=True))  # elke waarde naar het type van haar kolom
    assert [x["bestand"] for x in rijen] == [x["bestand"] for x in resultaten]
    for rij, j in zip(rijen, resultaten, strict=True):
        assert rij["categorie"] == j["categorie"]
        assert rij["onvoldoende_beoordeeld"] is j["onvoldoende_beoordeeld"]
        assert rij["omzetting"] is j["omzetting"] and rij["plantoets"] is j["plantoets"]
        score = j["pijlers"]["voorzieningen"]["score"]
        assert rij["score_voorzieningen"] == Decimal(f"{score:.4f}")
        assert rij["datum"].date().isoformat() == j["beoordeling"]["datum"]
    decimaal = "0,3214" if scheiding == ";" else "0.3214"
    assert decimaal in loc.read_text(encoding="utf-8-sig")
    criteria = list(csvw.Table.from_file(crit.with_name("criteria.csv-metadata.json"))
                    .iterdicts(strict=True))
    assert len(criteria) == len(resultaten) * len(laad_kader().kader.criteria)
    brug = [x for x in criteria if x["naam"] == "Noodopvang Sporthal De Brug"]
    assert {x["criterium"]: x["oordeel"] for x in brug}["onderwijs-binnen-2-maanden"] == \
        "voldoet_niet"
    meta = json.loads(loc.with_name("locaties.csv-metadata.json").read_text(encoding="utf-8"))
    assert meta["url"] == "locaties.csv" and meta["dialect"]["delimiter"] == scheiding
    assert all(k.get("dc:description") for k in meta["tableSchema"]["columns"])


def test_csv_scheiding_is_een_puntkomma_of_een_komma(runner: CliRunner, tmp_path: Path) -> None:
    r = draai(runner, "batch", str(VOORBEELDEN), "--csv", str(tmp_path / "x.csv"),
              "--csv-scheiding", "|")
    assert r.exit_code == 2 and "--csv-scheiding: kies ; of ," in r.stderr
    assert not (tmp_path / "x.csv").exists()
