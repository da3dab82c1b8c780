# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Batch voor CI: meerdere uitvoerformaten in één run, geldig volgens de officiële schema's,
annotaties op GitHub Actions, workers bij veel bestanden, en de pre-commit-hook."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from typer.testing import CliRunner

from azc_kwaliteit.batch.vinden import zoek_bestanden
from azc_kwaliteit.batch.werkers import verwerk_alle
from azc_kwaliteit.invoer.openen import laad_kader
from conftest import ROOT, VOORBEELDEN, draai, schrijf

SCHEMAS = Path(__file__).parent / "schemas"


@pytest.fixture
def map_met_fout(tmp_path: Path) -> Path:
    map_ = tmp_path / "beoordelingen"
    for f in VOORBEELDEN.glob("*.yaml"):
        schrijf(map_ / f.name, f.read_text(encoding="utf-8"))
    schrijf(map_ / "kapot.yaml", "locatie:\n  naam: [\n")
    return map_


def test_alle_formaten_uit_een_run(runner: CliRunner, map_met_fout: Path, tmp_path: Path) -> None:
    uit = {s: tmp_path / "uit" / f"r.{s}" for s in ("json", "xml", "sarif", "md")}
    r = draai(runner, "batch", str(map_met_fout), "--faal-bij", "1", "--json", str(uit["json"]),
              "--junit", str(uit["xml"]), "--sarif", str(uit["sarif"]), "--markdown",
              str(uit["md"]))
    assert r.exit_code == 2  # een ongeldig bestand gaat voor de poort
    assert all(p.exists() for p in uit.values())
    j = json.loads(uit["json"].read_text())
    assert len(j["resultaten"]) == 8 and len(j["fouten"]) == 1
    assert "kapot.yaml" in uit["md"].read_text()


def test_junit_is_geldig_en_telt_goed(runner: CliRunner, map_met_fout: Path, tmp_path: Path) -> None:
    pad = tmp_path / "junit.xml"
    draai(runner, "batch", str(map_met_fout), "--faal-bij", "2", "--junit", str(pad))
    schema = xmlschema.XMLSchema(str(SCHEMAS / "junit.xsd"))
    document = pad.read_text(encoding="utf-8")
    schema.validate(document)
    data = schema.to_dict(document)
    suite = data["testsuite"][0]
    assert suite["@tests"] == 9 and suite["@failures"] == 5 and suite["@errors"] == 1
    props = {p["@name"]: p["@value"] for p in suite["properties"]["property"]}
    assert props["kader.id"] == "kind-in-azc" and len(props["kader.hash"]) == 12
    fouten = [t for t in suite["testcase"] if "failure" in t]
    assert all(t["failure"]["@type"] in ("categorie-1", "categorie-2") for t in fouten)


def test_sarif_is_geldig_en_wijst_de_regel_van_het_antwoord_aan(
        runner: CliRunner, map_met_fout: Path, tmp_path: Path) -> None:
    pad = tmp_path / "r.sarif"
    draai(runner, "batch", str(map_met_fout), "--sarif", str(pad))
    sarif = json.loads(pad.read_text(encoding="utf-8"))
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert run["properties"]["kader"]["id"] == "kind-in-azc"
    resultaten = run["results"]
    assert {r["ruleId"] for r in resultaten} >= {"onderwijs-binnen-2-maanden", "ongeldige-invoer"}
    for res in resultaten:
        if res["ruleId"] == "ongeldige-invoer":
            continue
        fysiek = res["locations"][0]["physicalLocation"]
        uri = fysiek["artifactLocation"]["uri"]
        bestand = Path(uri.removeprefix("file://")) if uri.startswith("file:") else Path.cwd() / uri
        regel = bestand.read_text(encoding="utf-8").splitlines()[fysiek["region"]["startLine"] - 1]
        assert regel.strip().startswith(res["ruleId"] + ":"), (res["ruleId"], regel)
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]


def test_github_annotaties(map_met_fout: Path) -> None:
    r = CliRunner().invoke(_app(), ["batch", str(map_met_fout), "--faal-bij", "1"],
                           env={"GITHUB_ACTIONS": "true", "NO_COLOR": "1"})
    regels = [x for x in r.stdout.splitlines() if x.startswith("::error ")]
    assert any("kapot.yaml,line=2" in x and "Ongeldige beoordeling" in x for x in regels)
    assert any("kritiek-sporthal-noodopvang.yaml,line=17" in x
               and "onderwijs-binnen-2-maanden voldoet niet: 40 %25" in x for x in regels)
    r = CliRunner().invoke(_app(), ["batch", str(map_met_fout), "--formaat", "json"],
                           env={"GITHUB_ACTIONS": "true"})
    json.loads(r.stdout)  # stdout blijft zuivere JSON; de annotaties gaan naar stderr
    assert "::error " in r.stderr


def _app():  # type: ignore[no-untyped-def]
    from azc_kwaliteit.cli import app

    return app


def test_stil_en_max_fouten(runner: CliRunner, tmp_path: Path) -> None:
    for i in range(5):
        schrijf(tmp_path / f"kapot-{i}.yaml", "a: [\n")
    r = draai(runner, "batch", str(tmp_path), "--max-fouten", "2", "--stil", "--formaat", "json",
              "--json", str(tmp_path / "uit" / "r.json"))
    assert r.exit_code == 2
    assert len({f["bestand"] for f in json.loads(r.stdout)["fouten"]}) == 2
    assert "--max-fouten" in r.stderr
    assert "Geschreven" not in r.stderr


def test_waarschuwing_bij_ander_kader(runner: CliRunner, tmp_path: Path) -> None:
    tekst = (VOORBEELDEN / "goed-kleinschalig-met-draagvlak.yaml").read_text(encoding="utf-8")
    schrijf(tmp_path / "oud.yaml", tekst.replace("kind-in-azc@2027.1", "kind-in-azc@2025.1"))
    r = draai(runner, "batch", str(tmp_path))
    assert r.exit_code == 0
    assert "1 beoordeling noemt kader kind-in-azc@2025.1" in r.stderr


def test_workers_geven_hetzelfde_als_een_proces(tmp_path: Path) -> None:
    bronnen = sorted(VOORBEELDEN.glob("*.yaml"))
    for i in range(120):
        shutil.copy(bronnen[i % len(bronnen)], tmp_path / f"b{i:03d}.yaml")
    schrijf(tmp_path / "kapot.yaml", "x: [\n")
    paden, _ = zoek_bestanden([tmp_path])
    kader = laad_kader()
    sleutel = lambda u: json.dumps(u, sort_keys=True, default=str)  # noqa: E731
    een = sorted(map(sleutel, verwerk_alle(paden, kader, workers=1)))
    twee = sorted(map(sleutel, verwerk_alle(paden, kader, workers=2)))
    assert een == twee and len(een) == 121


def test_overlappende_mappen_scoren_elk_bestand_een_keer(tmp_path: Path) -> None:
    (tmp_path / "regio").mkdir()
    for bron in sorted(VOORBEELDEN.glob("*.yaml"))[:3]:
        shutil.copy(bron, tmp_path / "regio" / bron.name)
    een_bestand = next((tmp_path / "regio").glob("*.yaml"))
    paden, problemen = zoek_bestanden([tmp_path, tmp_path / "regio", een_bestand])
    assert not problemen
    assert sorted(paden) == sorted((tmp_path / "regio").glob("*.yaml"))


@pytest.mark.skipif(shutil.which("git") is None, reason="git ontbreekt")
def test_pre_commit_hook_via_try_repo(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    if subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("geen git-repository met commits")
    werk = tmp_path / "andere-repo"
    werk.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=werk, check=True)
    schrijf(werk / "goed.yaml", (VOORBEELDEN / "goed-amv-kleinschalig.yaml").read_text("utf-8"))
    schrijf(werk / "kritiek.yaml", (VOORBEELDEN / "kritiek-sporthal-noodopvang.yaml")
            .read_text("utf-8"))
    subprocess.run(["git", "add", "."], cwd=werk, check=True)
    r = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                        "azc-kwaliteit", "--all-files"], cwd=werk, capture_output=True,
                       text=True, check=False, timeout=600)
    uit = r.stdout + r.stderr
    if "Could not find a version" in uit or "No matching distribution" in uit:
        pytest.skip("pakketregister niet bereikbaar")
    assert r.returncode == 1, uit
    assert "azc-kwaliteit" in uit and "Failed" in uit
    (werk / "kritiek.yaml").unlink()
    subprocess.run(["git", "add", "-A"], cwd=werk, check=True)
    r = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT),
                        "azc-kwaliteit", "--all-files"], cwd=werk, capture_output=True,
                       text=True, check=False, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr


def test_github_actions_voorbeeld_uit_de_readme_werkt(tmp_path: Path) -> None:
    """Het workflowvoorbeeld in README.md is geldige YAML en zijn azc-kwaliteit-stap draait hier."""
    import re
    import shlex

    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blok = re.search(r"### GitHub Actions\n\n```yaml\n(.*?)```", readme, re.S)
    assert blok is not None
    workflow = yaml.safe_load(blok.group(1))
    stappen = workflow["jobs"]["toets"]["steps"]
    opdracht = next(s["run"] for s in stappen if "run" in s and "batch" in s["run"])
    args = shlex.split(opdracht.replace("beoordelingen/", str(VOORBEELDEN)))
    assert args[:2] == ["azc-kwaliteit", "batch"]
    exe = Path(sys.executable).parent / "azc-kwaliteit"
    r = subprocess.run([str(exe), *args[1:]], cwd=tmp_path, capture_output=True, text=True,
                       check=False)
    assert r.returncode == 1  # de voorbeelden bevatten kritieke locaties: de poort zakt
    for naam in ("azc.sarif", "junit.xml", "samenvatting.md"):
        assert (tmp_path / naam).stat().st_size > 100
    assert any("upload-sarif" in s.get("uses", "") for s in stappen)
