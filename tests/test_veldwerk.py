# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Veldwerk: het formulier voor de tablet (XLSForm, getoetst met pyxform en ODK Validate) en de
import van exports van KoboToolbox en ODK Central, met een rondreis: formulier → inzendingen →
import → dezelfde uitslag als een beoordeling met de hand."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from azc_kwaliteit.invoer.openen import laad_kader
from azc_kwaliteit.invullen.formulier import Formulier, formulier
from conftest import VOORBEELDEN, draai, schrijf
from exports import kobo_csv, odk_csv, velden_met_groep, waarden

openpyxl = pytest.importorskip("openpyxl", reason="het extra veldwerk (openpyxl) ontbreekt")
JAVA = shutil.which("java")
GESPLITST = VOORBEELDEN / "gesplitst-gezinnen-en-amv.yaml"
KANTOOR = VOORBEELDEN / "verbeterbaar-kantoorpand-noodopvang.yaml"
UUID_A = "6f1c2a9e-5d3b-4b8e-9a3c-0d4e5f6a7b8c"
UUID_B = "b27e90d4-8c1f-4e2a-b6d5-3f9a0c1e2d47"


def _formulier() -> Formulier:
    g = laad_kader()
    return formulier(g.kader, g.herkomst)


def _bladen(pad: Path) -> dict[str, list[dict[str, Any]]]:
    boek = openpyxl.load_workbook(pad)
    uit = {}
    for blad in boek.worksheets:
        rijen = list(blad.iter_rows(values_only=True))
        uit[blad.title] = [dict(zip(rijen[0], r, strict=True)) for r in rijen[1:]]
    return uit


def _uitslag(runner: CliRunner, pad: Path) -> dict[str, Any]:
    r = draai(runner, "beoordeel", str(pad), "-f", "json")
    assert r.exit_code == 0, r.output
    j = json.loads(r.stdout)
    j.pop("beoordeling")  # datum en beoordelaar gelijk; status en bron komen uit de import
    j["kader"].pop("bestand")
    return j


# ---------------------------------------------------------------- het formulier


def test_formulier_heeft_een_vraag_per_criterium_met_norm_en_relevantie(
        runner: CliRunner, tmp_path: Path) -> None:
    pad = tmp_path / "f.xlsx"
    r = draai(runner, "formulier", "-o", str(pad))
    assert r.exit_code == 0 and f"Geschreven: {pad}" in r.stderr
    bladen = _bladen(pad)
    assert set(bladen) == {"survey", "choices", "settings"}
    k = laad_kader()
    instellingen = bladen["settings"][0]
    assert instellingen["form_id"] == "kind_in_azc"
    assert instellingen["version"] == f"{k.kader.kader.versie}-{k.hash}"
    vragen = {r["name"]: r for r in bladen["survey"] if r["name"]}
    keuzes: dict[str, set[str]] = {}
    for c in bladen["choices"]:
        keuzes.setdefault(c["list_name"], set()).add(str(c["name"]))
    for c in k.kader.criteria:
        hoofd = vragen[c.id + "__keuze"] if c.type == "getal" else vragen[c.id]
        assert hoofd["hint"].startswith("Norm: "), c.id
        assert {"nvt", "onbekend"} <= keuzes[hoofd["type"].split()[1]], c.id
        assert vragen[c.id + "__toelichting"]["type"] == "text"
        assert vragen[c.id + "__bewijs"]["type"] == "file"
    assert vragen["amv-per-slaapkamer__keuze"]["relevant"] == "selected(${doelgroepen}, 'amv')"
    assert vragen["amv-per-slaapkamer"]["relevant"] == (
        "(selected(${doelgroepen}, 'amv')) and ${amv-per-slaapkamer__keuze} = 'getal'")
    assert "${status} = 'gepland'" in vragen["schoolplaatsen-geregeld"]["relevant"]
    assert vragen["onderwijs-binnen-2-maanden"]["constraint"] == ". >= 0 and . <= 100"
    assert keuzes["schaal_voeding_kinderen"] == {"1", "2", "3", "4", "nvt", "onbekend"}
    eerste = [r["name"] for r in bladen["survey"] if r["type"] not in ("start", "end",
                                                                         "calculate")][:10]
    assert eerste[:2] == ["locatie", "naam"]  # de locatie eerst


def test_formulier_voor_een_soort_locatie_laat_de_rest_weg(runner: CliRunner,
                                                          tmp_path: Path) -> None:
    pad = tmp_path / "amv.xlsx"
    r = draai(runner, "formulier", "-o", str(pad), "--doelgroepen", "amv", "--status",
              "in_gebruik", "--soort", "amv_kleinschalig")
    assert r.exit_code == 0, r.output
    namen = {r["name"] for r in _bladen(pad)["survey"]}
    assert "amv-per-slaapkamer" in namen and "kookvoorziening" not in namen  # alleen gezinnen
    r = draai(runner, "formulier", "-o", str(pad), "--doelgroepen", "kinderen")
    assert r.exit_code == 2 and "ongeldige waarde voor --doelgroepen: 'kinderen'" in r.stderr
    r = draai(runner, "formulier", "-o", str(pad), "--doelgroepen", "amv")
    namen = {r["name"] for r in _bladen(pad)["survey"]}  # alleen doelgroepen: toch beperkt
    assert "amv-per-slaapkamer__keuze" in namen and "kookvoorziening" not in namen
    assert "schoolplaatsen-geregeld" in namen  # zonder --status ook de plancriteria


@pytest.mark.skipif(JAVA is None, reason="java ontbreekt; ODK Validate niet getoetst")
@pytest.mark.parametrize("opties", [[], ["--doelgroepen", "amv", "--status", "gepland"],
                                    ["--taal", "en"]])
def test_pyxform_en_odk_validate_accepteren_het_formulier(runner: CliRunner, tmp_path: Path,
                                                          opties: list[str]) -> None:
    xls2xform = pytest.importorskip("pyxform.xls2xform")
    pad = tmp_path / "f.xlsx"
    assert draai(runner, "formulier", "-o", str(pad), *opties).exit_code == 0
    uitkomst = xls2xform.convert(xlsform=str(pad), validate=True)  # ODK Validate, in Java
    assert uitkomst.warnings == []
    if "en" in opties:  # hetzelfde formulier met Engelse labels; de namen blijven gelijk
        assert "<h:title>Quality framework for child-friendly" in uitkomst.xform
        assert 'jr:constraintMsg="between 0 and 100"' in uitkomst.xform
        assert "Drinking water day and night" in uitkomst.xform
        return
    assert "<h:title>Kwaliteitskader kindvriendelijke en veilige asielopvang" in uitkomst.xform
    if not opties:
        assert 'jr:constraintMsg="tussen 0 en 100"' in uitkomst.xform


def test_zonder_het_extra_veldwerk_een_nederlandse_regel(tmp_path: Path) -> None:
    code = ("import sys; sys.modules['openpyxl'] = None\n"
            "from azc_kwaliteit.cli import main\n"
            f"main(['formulier', '-o', {str(tmp_path / 'f.xlsx')!r}])")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 2
    assert r.stderr.strip() == ("fout: hiervoor is openpyxl nodig; installeer het met: "
                                "pip install 'azc-kwaliteit[veldwerk]'")


# ---------------------------------------------------------------- de rondreis


def _inzendingen() -> list[tuple[dict[str, str], dict[str, str]]]:
    k = laad_kader().kader
    return [(waarden(yaml.safe_load(GESPLITST.read_text(encoding="utf-8")), k),
             {"uuid": UUID_A, "status": "Approved"}),
            (waarden(yaml.safe_load(KANTOOR.read_text(encoding="utf-8")), k),
             {"uuid": UUID_B, "status": "On Hold"})]


def _exports(tmp_path: Path) -> dict[str, Path]:
    f = _formulier()
    inzendingen = _inzendingen()
    uit = {"kobo-puntkomma.csv": kobo_csv(f, inzendingen),
           "kobo-komma.csv": kobo_csv(f, inzendingen, scheiding=","),
           "odk.csv": odk_csv(f, [(v, {**m, "status": "approved" if m["uuid"] == UUID_A
                                        else "hasIssues"}) for v, m in inzendingen])}
    paden = {naam: schrijf(tmp_path / "exports" / naam, tekst) for naam, tekst in uit.items()}
    # KoboToolbox als XLSX: dezelfde kolommen op het eerste blad
    boek = openpyxl.Workbook()
    import csv
    import io

    for rij in csv.reader(io.StringIO(uit["kobo-puntkomma.csv"]), delimiter=";"):
        boek.active.append(rij)
    paden["kobo.xlsx"] = tmp_path / "exports" / "kobo.xlsx"
    boek.save(paden["kobo.xlsx"])
    # KoboToolbox als JSON (API): groep/vraag, en de validatiestatus als object
    velden = velden_met_groep(f)
    resultaten = []
    for v, m in inzendingen:
        item: dict[str, Any] = {(f"{g}/{n}" if g else n): v[n] for g, n in velden if n in v}
        item.update(_uuid=m["uuid"], _submission_time="2026-10-14T11:05:00",
                    _validation_status={"uid": "validation_status_approved"
                                        if m["uuid"] == UUID_A else "validation_status_on_hold",
                                        "by": "coördinator", "timestamp": 1792926000,
                                        "label": "Approved"})
        resultaten.append(item)
    paden["kobo.json"] = schrijf(tmp_path / "exports" / "kobo.json",
                                 json.dumps({"count": 2, "results": resultaten}))
    # ODK Central als zip: de hoofdtabel in de wortel, media ernaast
    paden["odk.zip"] = tmp_path / "exports" / "odk.zip"
    with zipfile.ZipFile(paden["odk.zip"], "w") as z:
        z.writestr("kind_in_azc.csv", uit["odk.csv"])
        z.writestr("media/keuken.jpg", b"\xff\xd8")
    return paden


@pytest.mark.parametrize("export", ["kobo-puntkomma.csv", "kobo-komma.csv", "kobo.xlsx",
                                    "kobo.json", "odk.csv", "odk.zip"])
def test_rondreis_geeft_dezelfde_uitslag_als_met_de_hand(runner: CliRunner, tmp_path: Path,
                                                        export: str) -> None:
    pad = _exports(tmp_path)[export]
    map_ = tmp_path / "beoordelingen"
    r = draai(runner, "importeer", str(pad), "--map", str(map_))
    assert r.exit_code == 0, r.output
    assert "2 beoordelingen geschreven" in r.stderr
    bestanden = sorted(map_.glob("*.yaml"))
    assert len(bestanden) == 2
    per_locatie = {yaml.safe_load(p.read_text(encoding="utf-8"))["locatie"]["naam"]: p
                   for p in bestanden}
    gesplitst = per_locatie["Azc De Vaart"]
    assert _uitslag(runner, gesplitst) == _uitslag(runner, GESPLITST)
    assert _uitslag(runner, per_locatie["Noodopvang Kantoorpand Stationsweg"]) == \
        _uitslag(runner, KANTOOR)
    kop = yaml.safe_load(gesplitst.read_text(encoding="utf-8"))["beoordeling"]
    assert kop["bron"]["inzending"] == UUID_A
    assert kop["status"]["staat"] == "goedgekeurd"
    assert kop["bron"]["systeem"] == ("ODK Central" if export.startswith("odk")
                                      else "KoboToolbox")
    if export == "kobo.json":
        assert kop["status"] == {"staat": "goedgekeurd", "door": "coördinator",
                                 "op": "2026-10-25T11:00:00+00:00"}


def test_opnieuw_importeren_verandert_niets_en_verdubbelt_niets(runner: CliRunner,
                                                               tmp_path: Path) -> None:
    pad = _exports(tmp_path)["kobo-puntkomma.csv"]
    map_ = tmp_path / "b"
    draai(runner, "importeer", str(pad), "--map", str(map_))
    voor = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in map_.iterdir()}
    r = draai(runner, "importeer", str(pad), "--map", str(map_))
    assert "0 beoordelingen geschreven" in r.stderr and "2 ongewijzigd" in r.stderr
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in map_.iterdir()} == voor
    # een gecorrigeerde inzending (andere naam, zelfde uuid) vervangt haar eigen bestand
    schrijf(pad, pad.read_text(encoding="utf-8").replace("Azc De Vaart", "Azc De Vaart-Oost"))
    draai(runner, "importeer", str(pad), "--map", str(map_))
    assert sorted(p.name for p in map_.iterdir()) == sorted(voor)
    assert any("Azc De Vaart-Oost" in p.read_text(encoding="utf-8") for p in map_.iterdir())


def test_wat_na_de_import_met_de_hand_veranderde_blijft_staan(runner: CliRunner,
                                                              tmp_path: Path) -> None:
    """Een inspecteur verbetert een geïmporteerde beoordeling; de volgende nachtelijke import
    zet die verbetering niet stil terug. Een bestand dat niemand aanraakte, volgt de export wel."""
    pad = _exports(tmp_path)["kobo-puntkomma.csv"]
    map_ = tmp_path / "b"
    assert draai(runner, "importeer", str(pad), "--map", str(map_)).exit_code == 0
    vaart, kantoor = (next(p for p in map_.iterdir() if naam in p.read_text(encoding="utf-8"))
                      for naam in ("Azc De Vaart", "Kantoorpand"))
    met_de_hand = vaart.read_text(encoding="utf-8").replace('beoordelaar: "',
                                                            'beoordelaar: "Gecorrigeerd, ')
    schrijf(vaart, met_de_hand)
    # de export verandert ook: allebei de inzendingen zijn later nog gecorrigeerd
    schrijf(pad, pad.read_text(encoding="utf-8").replace("Azc De Vaart", "Azc De Vaart-Oost")
            .replace("Kantoorpand Stationsweg", "Kantoorpand Stationsweg-Oost"))
    r = draai(runner, "importeer", str(pad), "--map", str(map_))
    assert r.exit_code == 2
    assert f"fout: {vaart}: veranderd sinds de vorige import; niet overschreven" in r.stderr
    assert "1 beoordeling geschreven" in r.stderr
    assert "1 beoordeling met de hand veranderd en bewaard" in r.stderr
    assert vaart.read_text(encoding="utf-8") == met_de_hand  # de verbetering staat er nog
    assert "Stationsweg-Oost" in kantoor.read_text(encoding="utf-8")  # niemand raakte dit aan
    # een bestand dat iemand zelf maakte (zonder merk van de import) telt ook als met de hand
    schrijf(kantoor, "\n".join(r for r in kantoor.read_text(encoding="utf-8").splitlines()
                               if not r.startswith("# azc-kwaliteit importeer:")) + "\n")
    schrijf(pad, pad.read_text(encoding="utf-8").replace("-Oost", ""))
    r = draai(runner, "importeer", str(pad), "--map", str(map_))
    assert r.exit_code == 2 and r.stderr.count("niet overschreven") == 2
    r = draai(runner, "importeer", str(pad), "--map", str(map_), "--forceer")
    assert r.exit_code == 0 and "2 beoordelingen geschreven" in r.stderr
    assert "Gecorrigeerd" not in vaart.read_text(encoding="utf-8")


def test_nieuw_ziet_het_merk_van_de_import_niet_als_eigen_commentaar(runner: CliRunner,
                                                                    tmp_path: Path) -> None:
    from azc_kwaliteit.invoer.openen import laad_kader
    from azc_kwaliteit.invullen.vragenlijst import Gesprek

    pad = _exports(tmp_path)["kobo-puntkomma.csv"]
    map_ = tmp_path / "b"
    draai(runner, "importeer", str(pad), "--map", str(map_))
    for bestand in map_.iterdir():
        assert "# azc-kwaliteit importeer: " in bestand.read_text(encoding="utf-8")
        assert Gesprek(bestand, laad_kader().kader).opmerkingen == []


def test_een_foute_rij_noemt_rij_en_kolom_en_de_goede_rij_komt_erin(runner: CliRunner,
                                                                   tmp_path: Path) -> None:
    f = _formulier()
    (goed, m1), (fout, m2) = _inzendingen()
    fout = {**fout, "drinkwater": "misschien", "capaciteit": "veel"}
    pad = schrijf(tmp_path / "export.csv", kobo_csv(f, [(goed, m1), (fout, m2)]))
    r = draai(runner, "importeer", str(pad), "--map", str(tmp_path / "b"))
    assert r.exit_code == 2
    assert (f"fout: {pad}: rij 3: kolom voorzieningen/drinkwater: verwacht ja of nee "
            "(of nvt/onbekend), kreeg 'misschien'") in r.stderr
    assert f"fout: {pad}: rij 3: kolom locatie/capaciteit: verwacht een geheel getal" in r.stderr
    assert "Traceback" not in r.output
    assert len(list((tmp_path / "b").glob("*.yaml"))) == 1
    assert "1 inzending met fouten niet geïmporteerd" in r.stderr
    kapot = schrijf(tmp_path / "kapot.zip", "geen zip")
    r = draai(runner, "importeer", str(kapot), "--map", str(tmp_path / "b"))
    assert r.exit_code == 2 and f"fout: {kapot}: geen geldig zip-bestand" in r.stderr


def test_alleen_goedgekeurd_en_bewijs_en_privacy(runner: CliRunner, tmp_path: Path) -> None:
    f = _formulier()
    (a, m1), (b, m2) = _inzendingen()
    b = {**b, "kookvoorziening__toelichting": "bel de locatiemanager op 06-12345678",
         "kookvoorziening__bewijs": "keuken-1700000000.jpg"}
    pad = schrijf(tmp_path / "export.csv", kobo_csv(f, [(a, m1), (b, m2)]))
    r = draai(runner, "importeer", str(pad), "--map", str(tmp_path / "b"))
    assert r.exit_code == 0
    assert "antwoorden.kookvoorziening.toelichting lijkt een telefoonnummer te bevatten" in r.stderr
    r = draai(runner, "batch", str(tmp_path / "b"), "--alleen-goedgekeurd", "-f", "json")
    j = json.loads(r.stdout)
    assert [x["locatie"]["naam"] for x in j["resultaten"]] == ["Azc De Vaart"]
    assert j["samenvatting"]["niet_goedgekeurd"] == 1
    assert "niet goedgekeurd (staat: ingediend)" in r.stderr
    kantoor = next(p for p in (tmp_path / "b").iterdir() if p.name.startswith("noodopvang"))
    html = draai(runner, "beoordeel", str(kantoor), "-f", "html").stdout
    assert "Bewijs: keuken-1700000000.jpg" in html and "Foto's van kinderen horen niet" in html
    assert "Status: ingediend · ingevuld in KoboToolbox" in html


def test_het_voorbeeld_van_een_export_importeert(runner: CliRunner, tmp_path: Path) -> None:
    export = VOORBEELDEN / "veldwerk" / "kobotoolbox-export.csv"
    r = draai(runner, "importeer", str(export), "--map", str(tmp_path))
    assert r.exit_code == 0, r.output
    uit = sorted(tmp_path.glob("*.yaml"))
    assert len(uit) == 2
    r = draai(runner, "batch", str(tmp_path), "-f", "json")
    assert sorted(x["categorie"] for x in json.loads(r.stdout)["resultaten"]) == [2, 2]


def test_een_formulier_van_een_andere_kaderversie(runner: CliRunner, tmp_path: Path) -> None:
    import csv
    import io

    f = _formulier()
    (a, m1), _ = _inzendingen()
    tekst = kobo_csv(f, [({**a, "kader": "kind-in-azc@2026.1"}, m1)])
    rijen = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    weg = rijen[0].index("voorzieningen/drinkwater")  # bestond toen nog niet
    rijen = [[*r[:weg], *r[weg + 1:]] for r in rijen]
    rijen[0].append("voorzieningen/zwembad")  # bestaat nu niet meer
    rijen[1].append("ja")
    rijen[0].append("voorzieningen/voeding")  # ingetrokken in 2027.1
    rijen[1].append("ja")
    buf = io.StringIO()
    csv.writer(buf, delimiter=";", lineterminator="\n").writerows(rijen)
    pad = schrijf(tmp_path / "oud.csv", buf.getvalue())
    r = draai(runner, "importeer", str(pad), "--map", str(tmp_path / "b"))
    assert r.exit_code == 0, r.output
    assert "rij 2: ingevuld met een formulier van kind-in-azc@2026.1, gelezen met " \
        "kind-in-azc@2027.1" in r.stderr
    assert "rij 2: criterium 'drinkwater' stond niet in dat formulier" in r.stderr
    assert "rij 2: kolom voorzieningen/zwembad: een criterium dat kind-in-azc@2027.1 niet kent" \
        in r.stderr
    assert "criterium 'voeding' is ingetrokken; beoordeel voeding-kinderen opnieuw" in r.stderr
    data = yaml.safe_load(next((tmp_path / "b").glob("*.yaml")).read_text(encoding="utf-8"))
    assert data["antwoorden"]["voeding"] == "ja" and "drinkwater" not in data["antwoorden"]


def test_bewijs_en_status_in_elk_formaat(runner: CliRunner, tmp_path: Path) -> None:
    tekst = (VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml").read_text(encoding="utf-8")
    tekst = tekst.replace(
        'kookvoorziening: {waarde: nee, toelichting: Maaltijden via catering}',
        'kookvoorziening: {waarde: nee, toelichting: Maaltijden via catering, '
        'bewijs: [keuken-2026-09.pdf, "dossier 14"]}').replace(
        "  beoordelaar: Team toezicht Noord",
        "  beoordelaar: Team toezicht Noord\n  status: {staat: afgewezen, door: coördinator}")
    assert "bewijs: [keuken" in tekst
    pad = schrijf(tmp_path / "b.yaml", tekst)
    for formaat in ("tekst", "markdown", "html"):
        r = draai(runner, "beoordeel", str(pad), "-f", formaat)
        assert r.exit_code == 0, r.output
        assert "Bewijs: keuken-2026-09.pdf; dossier 14" in r.stdout, formaat
        assert "Status: afgewezen door coördinator" in r.stdout, formaat
        assert "Foto's van kinderen horen niet in het bewijs" in r.stdout, formaat
        if formaat == "markdown":  # elk criterium een eigen regel van de lijst
            regel = next(x for x in r.stdout.splitlines() if "`kookvoorziening`" in x)
            assert regel.startswith("- Zelf kunnen koken") and regel.count("- ") == 1
    j = json.loads(draai(runner, "beoordeel", str(pad), "-f", "json").stdout)
    assert j["beoordeling"]["status"] == {"staat": "afgewezen", "door": "coördinator"}
    koken = next(c for c in j["criteria"] if c["id"] == "kookvoorziening")
    assert koken["bewijs"] == ["keuken-2026-09.pdf", "dossier 14"]
    fout = schrijf(tmp_path / "f.yaml", tekst.replace("staat: afgewezen", "staat: klaar"))
    r = draai(runner, "beoordeel", str(fout), "-f", "json")
    assert r.exit_code == 2 and "beoordeling.status.staat" in r.stderr


def test_een_export_met_labels_in_plaats_van_veldnamen(runner: CliRunner, tmp_path: Path) -> None:
    pad = schrijf(tmp_path / "labels.csv", "Naam van de locatie;Gemeente\nDe Brug;Ede\n")
    r = draai(runner, "importeer", str(pad), "--map", str(tmp_path / "b"))
    assert r.exit_code == 2
    assert "geen enkele kolom van het formulier gevonden; exporteer uit KoboToolbox met " \
        "'XML values and headers'" in r.stderr


def test_exports_die_niet_te_lezen_zijn(runner: CliRunner, tmp_path: Path) -> None:
    xlsx = schrijf(tmp_path / "kapot.xlsx", "geen xlsx")
    js = schrijf(tmp_path / "kapot.json", '{"results": 5\n')
    latin = tmp_path / "latin.csv"
    latin.write_bytes("naam;gemeente\nCaf\xe9;Ede\n".encode("latin-1"))
    leeg_zip = tmp_path / "leeg.zip"
    with zipfile.ZipFile(leeg_zip, "w") as z:
        z.writestr("media/foto.jpg", b"x")
    r = draai(runner, "importeer", str(xlsx), str(js), str(latin), str(leeg_zip),
              str(tmp_path / "weg.csv"), "--map", str(tmp_path / "b"))
    assert r.exit_code == 2
    assert f"fout: {xlsx}: geen geldig xlsx-bestand" in r.stderr
    assert f"fout: {js}:2: geen geldige JSON" in r.stderr
    assert f"fout: {latin}: de export is geen UTF-8-tekst" in r.stderr
    assert f"fout: {leeg_zip}: kan de export niet lezen: er staat geen CSV-bestand" in r.stderr
    assert f"fout: {tmp_path / 'weg.csv'}: bestand bestaat niet" in r.stderr
    assert "5 exports niet gelezen" in r.stderr and "Traceback" not in r.output


def test_ids_die_geen_xform_naam_zijn_gaan_heen_en_terug(runner: CliRunner,
                                                        tmp_path: Path) -> None:
    """Een id dat met een cijfer begint (geldig in een kader, niet in een XForm) of dat het
    formulier zelf al gebruikt, krijgt op de tablet ``c_`` ervoor; de import leest het terug."""
    from azc_kwaliteit.invoer.openen import laad_kader as laad

    data = yaml.safe_load((Path(__file__).resolve().parent.parent / "kaders" /
                           "kind-in-azc.yaml").read_text(encoding="utf-8"))
    hernoem = {"drinkwater": "24-uur-drinkwater", "kookvoorziening": "naam"}
    for c in data["criteria"]:
        c["id"] = hernoem.get(c["id"], c["id"])
    for t in data.get("themas", []):
        t["criteria"] = [hernoem.get(c, c) for c in t["criteria"]]
    kader_pad = schrijf(tmp_path / "k.yaml", yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False))
    assert draai(runner, "kader", "controleer", str(kader_pad)).exit_code == 0
    xlsx = tmp_path / "f.xlsx"
    assert draai(runner, "formulier", "-o", str(xlsx), "--kader", str(kader_pad)).exit_code == 0
    namen = {r["name"] for r in _bladen(xlsx)["survey"]}
    assert {"c_24-uur-drinkwater", "c_naam", "naam"} <= namen
    if JAVA is not None:
        xls2xform = pytest.importorskip("pyxform.xls2xform")
        assert xls2xform.convert(xlsform=str(xlsx), validate=True).warnings == []
    g = laad(kader_pad)
    beoordeling = yaml.safe_load(GESPLITST.read_text(encoding="utf-8"))
    beoordeling["antwoorden"] = {hernoem.get(k, k): v for k, v in beoordeling["antwoorden"].items()}
    v = waarden(beoordeling, g.kader)
    export = schrijf(tmp_path / "e.csv", kobo_csv(formulier(g.kader, g.herkomst),
                                                 [(v, {"uuid": UUID_A, "status": "Approved"})]))
    r = draai(runner, "importeer", str(export), "--map", str(tmp_path / "b"), "--kader",
              str(kader_pad))
    assert r.exit_code == 0, r.output
    antwoorden = yaml.safe_load(next((tmp_path / "b").glob("*.yaml")).read_text(
        encoding="utf-8"))["antwoorden"]
    assert antwoorden["24-uur-drinkwater"] == "ja" and antwoorden["naam"] == "ja"


def test_kadertekst_wordt_in_het_formulier_geen_formule(runner: CliRunner, tmp_path: Path) -> None:
    data = yaml.safe_load((Path(__file__).resolve().parent.parent / "kaders" /
                           "kind-in-azc.yaml").read_text(encoding="utf-8"))
    data["criteria"][0]["titel"] = "=HYPERLINK(\"http://x\")"
    kader_pad = schrijf(tmp_path / "k.yaml", yaml.safe_dump(data, allow_unicode=True,
                                                             sort_keys=False))
    xlsx = tmp_path / "f.xlsx"
    assert draai(runner, "formulier", "-o", str(xlsx), "--kader", str(kader_pad)).exit_code == 0
    blad = openpyxl.load_workbook(xlsx)["survey"]
    cellen = [c for rij in blad.iter_rows() for c in rij
              if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert cellen and all(c.data_type == "s" for c in cellen)  # tekst, geen formule
