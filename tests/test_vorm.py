# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De vorm van het project: de pijplijn als import-contracten, een kern zonder terminal, en een
``--help`` die niet meer laadt dan nodig.

De contracten lezen de bron (ook imports binnen functies), zodat een verboden import niet pas
opvalt als die regel toevallig draait."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parent.parent / "src" / "azc_kwaliteit"

MAG = {
    "domein": {"domein"},
    "indeling": {"domein", "indeling"},
    "invoer": {"domein", "invoer", "indeling"},
    "uitvoer": {"domein", "indeling", "uitvoer"},
    "batch": {"domein", "invoer", "indeling", "uitvoer", "batch"},
    "invullen": {"domein", "invoer", "indeling", "uitvoer", "invullen"},
    "cli": {"domein", "invoer", "indeling", "uitvoer", "batch", "invullen", "cli"},
}
"""Per deelpakket welke deelpakketten het mag importeren (de wortel, voor ``__version__``, mag
altijd). Niemand importeert ``cli``; ``uitvoer`` kent ``invoer`` niet."""

TERMINAL = {"typer", "rich", "click"}


def _imports(bestand: Path) -> list[tuple[int, str]]:
    """(regel, module) voor elke import in het bestand, ook binnen functies."""
    gevonden = []
    for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            gevonden += [(knoop.lineno, a.name) for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and knoop.module and not knoop.level:
            gevonden.append((knoop.lineno, knoop.module))
            if knoop.module == "azc_kwaliteit":
                gevonden += [(knoop.lineno, f"azc_kwaliteit.{a.name}") for a in knoop.names]
    return gevonden


def _modules() -> list[tuple[str, Path]]:
    return [(p.relative_to(PAKKET).parts[0], p) for p in sorted(PAKKET.rglob("*.py"))
            if len(p.relative_to(PAKKET).parts) > 1]


def test_elk_deelpakket_staat_in_de_contracten() -> None:
    deelpakketten = {p.name for p in PAKKET.iterdir() if (p / "__init__.py").exists()}
    assert deelpakketten == set(MAG)


@pytest.mark.parametrize(("pakket", "bestand"), _modules(),
                         ids=[str(p.relative_to(PAKKET)) for _, p in _modules()])
def test_import_contract(pakket: str, bestand: Path) -> None:
    fout = []
    for regel, module in _imports(bestand):
        delen = module.split(".")
        if delen[0] == "azc_kwaliteit" and len(delen) > 1 and delen[1] not in ("__version__",):
            if delen[1] not in MAG[pakket]:
                fout.append(f"{bestand.name}:{regel} importeert {module}")
        elif delen[0] in TERMINAL and pakket != "cli":
            fout.append(f"{bestand.name}:{regel} importeert {module} (alleen cli mag dat)")
    assert not fout


def test_elk_deelpakket_zegt_wat_het_bevat_en_mag() -> None:
    for pakket in MAG:
        doc = ast.get_docstring(ast.parse((PAKKET / pakket / "__init__.py").read_text()))
        assert doc and "importeert" in doc and len(doc) > 150, pakket


def test_de_contracttest_vangt_een_verboden_import(tmp_path: Path) -> None:
    bestand = tmp_path / "x.py"
    bestand.write_text("def f():\n    from azc_kwaliteit.invoer.laden import lees_bestand\n")
    assert _imports(bestand) == [(2, "azc_kwaliteit.invoer.laden")]


def _geladen(code: str) -> set[str]:
    r = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
                       capture_output=True, text=True, check=True)
    return set(r.stdout.split())


def test_de_kern_importeert_geen_typer_of_rich() -> None:
    kern = [f"azc_kwaliteit.{p.relative_to(PAKKET).with_suffix('').as_posix().replace('/', '.')}"
            for pakket, p in _modules() if pakket != "cli"]
    modules = _geladen("\n".join(f"import {m}".removesuffix(".__init__") for m in kern))
    assert "azc_kwaliteit.indeling.categorie" in modules
    assert not {m for m in modules if m.split(".")[0] in TERMINAL}


def test_help_laadt_geen_yaml_jinja_of_modellen() -> None:
    modules = _geladen("import azc_kwaliteit.cli")
    for zwaar in ("yaml", "jinja2", "pydantic", "azc_kwaliteit.domein.modellen",
                  "azc_kwaliteit.indeling.categorie", "rich.progress"):
        assert zwaar not in modules, zwaar


def test_ondergrenzen_in_pyproject_zijn_de_geteste_minimumversies() -> None:
    """.ci/run draait de tests met .ci/minimum.txt; die lijst moet de ondergrenzen van
    pyproject.toml zijn, anders belooft de package meer dan getest is."""
    import re
    import tomllib
    from pathlib import Path

    wortel = Path(__file__).resolve().parent.parent
    afhankelijk = tomllib.loads((wortel / "pyproject.toml").read_text())["project"]["dependencies"]
    ondergrens = {}
    for eis in afhankelijk:
        m = re.fullmatch(r"([a-z0-9]+)>=([0-9.]+)(,<[0-9.]+)?", eis.replace(" ", ""))
        assert m, f"afhankelijkheid zonder getoetste ondergrens: {eis}"
        ondergrens[m.group(1)] = m.group(2)
    minimum = dict(r.split("==") for r in (wortel / ".ci" / "minimum.txt").read_text().splitlines()
                   if r and not r.startswith("#"))
    assert minimum == ondergrens
