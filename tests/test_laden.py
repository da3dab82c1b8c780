# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De YAML-lader: regels, weigeringen en de YAML 1.1-valkuilen."""

from __future__ import annotations

from pathlib import Path

import pytest

from azc_kwaliteit.domein.fouten import InvoerFout
from azc_kwaliteit.invoer import laden
from azc_kwaliteit.invoer.laden import lees_bestand, lees_tekst


def fout(tekst: str) -> InvoerFout:
    with pytest.raises(InvoerFout) as e:
        lees_tekst(tekst, "x.yaml")
    return e.value


def test_regel_van_elke_sleutel_en_elk_lijstelement() -> None:
    doc = lees_tekst("a:\n  b: 1\n  c:\n    - x\n    - y\nd: 2\n", "x.yaml")
    assert doc.data == {"a": {"b": 1, "c": ["x", "y"]}, "d": 2}
    assert doc.regels[("a",)] == 1
    assert doc.regels[("a", "b")] == 2
    assert doc.regels[("a", "c", 1)] == 5
    assert doc.regels[("d",)] == 6
    assert doc.regel(("a", "c", 1, "bestaat-niet")) == 5


@pytest.mark.parametrize("tekst, regel", [
    ("a: 1\na: 2\n", 2),
    ("a:\n  b: 1\n  c: 2\n  b: 3\n", 4),
    ("a:\n  - {x: 1, x: 2}\n", 2),
])
def test_dubbele_sleutel_op_elk_niveau_geweigerd(tekst: str, regel: int) -> None:
    p = fout(tekst).problemen[0]
    assert p.regel == regel
    assert "staat dubbel" in p.melding


def test_yaml11_booleans_blijven_tekst_alleen_true_false_zijn_bool() -> None:
    doc = lees_tekst("a: yes\nb: no\nc: on\nd: off\ne: y\nf: true\ng: False\n", "x.yaml")
    assert doc.data == {"a": "yes", "b": "no", "c": "on", "d": "off", "e": "y", "f": True,
                        "g": False}


def test_datum_blijft_tekst_getallen_worden_getallen() -> None:
    doc = lees_tekst("d: 2025-09-15\ni: 12\nf: 3.5\nn: ~\nh: 0x10\n", "x.yaml")
    assert doc.data == {"d": "2025-09-15", "i": 12, "f": 3.5, "n": None, "h": 16}


@pytest.mark.parametrize("tekst, woord", [
    ("a: &x {b: 1}\nc: *x\n", "aliassen"),
    ("a: &x 1\nb: *x\n", "aliassen"),
    ("a: !!python/object/apply:os.system ['echo hoi']\n", "onbekende tag"),
    ("a: !eigen 1\n", "onbekende tag"),
    ("a: 1\n---\nb: 2\n", "meerdere YAML-documenten"),
    ("a:\n\tb: 1\n", "tab"),
    ("a: 'open\n", "ongeldige YAML"),
    ("", "leeg"),
    ("# alleen commentaar\n\n", "leeg"),
    ("a:\n  <<: {b: 1}\n", "'<<'"),
])
def test_weigeringen_noemen_een_regel(tekst: str, woord: str) -> None:
    p = fout(tekst).problemen[0]
    assert woord in p.melding
    assert p.regel is not None and p.regel >= 1


def test_aliasbom_wordt_snel_geweigerd() -> None:
    bom = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20))
    assert "aliassen" in fout(bom).problemen[0].melding


def test_diepe_nesting_geweigerd() -> None:
    assert "genest" in fout("a: " + "[" * 200 + "]" * 200 + "\n").problemen[0].melding


def test_bom_en_crlf_worden_geaccepteerd(tmp_path: Path) -> None:
    pad = tmp_path / "x.yaml"
    pad.write_bytes("\ufeffa: 1\r\nb: één\r\n".encode())
    doc = lees_bestand(pad)
    assert doc.data == {"a": 1, "b": "één"}
    assert doc.regels[("b",)] == 2


def test_binair_en_niet_utf8(tmp_path: Path) -> None:
    binair = tmp_path / "b.yaml"
    binair.write_bytes(b"a: 1\n\x00\x01\x02")
    with pytest.raises(InvoerFout, match="binair"):
        lees_bestand(binair)
    latin = tmp_path / "l.yaml"
    latin.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(InvoerFout) as e:
        lees_bestand(latin)
    assert e.value.problemen[0].regel == 2
    assert "UTF-8" in e.value.problemen[0].melding


def test_te_groot_bestand_wordt_niet_gelezen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(laden, "MAX_BYTES", 100)
    pad = tmp_path / "groot.yaml"
    pad.write_text("a: " + "x" * 200 + "\n")
    with pytest.raises(InvoerFout, match="te groot"):
        lees_bestand(pad)


def test_map_en_ontbrekend_bestand(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    with pytest.raises(InvoerFout, match="map"):
        lees_bestand(tmp_path / "x.yaml")
    with pytest.raises(InvoerFout, match="bestaat niet"):
        lees_bestand(tmp_path / "nee.yaml")
