# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Van ingelezen YAML naar gecontroleerde modellen, met Nederlandse meldingen op ``bestand:regel``.

Pydantic controleert de vorm; hier worden zijn fouten vertaald en aan regels gekoppeld, en komen
de controles die het kader nodig hebben: bestaat het criterium, past het antwoord bij zijn type,
hangt het kader zelf samen.
"""

from __future__ import annotations

import difflib
from collections import Counter
from types import UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from azc_kwaliteit.domein.antwoorden import kreeg, lees
from azc_kwaliteit.domein.fouten import InvoerFout, KaderFout, OngeldigAntwoord, Probleem
from azc_kwaliteit.domein.modellen import Beoordeling, Kader
from azc_kwaliteit.domein.taal import aantal
from azc_kwaliteit.invoer.laden import Pad, YamlDocument

M = TypeVar("M", bound=BaseModel)

_TAGS = {"ja_nee", "getal", "schaal"}
def valideer_beoordeling(doc: YamlDocument, kader: Kader) -> Beoordeling:
    """Een beoordeling die in vorm en inhoud past bij ``kader``, of een ``InvoerFout`` met alle
    problemen tegelijk (vorm én antwoorden), zodat de beoordelaar alles in één keer kan herstellen."""
    _eis_mapping(doc, "locatie, beoordeling en antwoorden")
    if "kader" in doc.data and ("criteria" in doc.data or "indeling" in doc.data):
        raise InvoerFout.enkel(doc.bestand, doc.regel(("kader",)),
                               "dit is een kader, geen beoordeling; geef het mee met --kader of "
                               "controleer het met 'azc-kwaliteit kader controleer'")
    problemen: list[Probleem] = []
    beoordeling: Beoordeling | None = None
    try:
        beoordeling = Beoordeling.model_validate(doc.data)
    except ValidationError as e:
        problemen.extend(_pydantic_problemen(doc, Beoordeling, e.errors()))
    antwoorden = doc.data.get("antwoorden")
    if isinstance(antwoorden, dict):
        problemen.extend(_antwoordproblemen(doc, antwoorden, kader))
    if problemen or beoordeling is None:
        raise InvoerFout(sorted(set(problemen), key=lambda p: (p.regel or 0, p.melding)))
    return beoordeling


def _antwoordproblemen(doc: YamlDocument, antwoorden: dict[Any, Any],
                       kader: Kader) -> list[Probleem]:
    """Onbekende criteria en antwoorden die niet bij het type van hun criterium passen."""
    from azc_kwaliteit.indeling.voorbereiding import voorbereid

    problemen = []
    rijen = voorbereid(kader).per_id
    for cid, ruw in antwoorden.items():
        rij = rijen.get(str(cid))
        if rij is None and kader.ingetrokken_id(str(cid)) is not None:
            continue  # geen fout: de indeling waarschuwt en zegt wat ervoor in de plaats kwam
        if rij is None:
            suggestie = difflib.get_close_matches(str(cid), list(rijen), n=1, cutoff=0.6)
            hint = (f"bedoelde u '{suggestie[0]}'?" if suggestie
                    else "zie 'azc-kwaliteit kader toon' voor de ids")
            problemen.append(_probleem(doc, ("antwoorden", cid),
                                       f"onbekend criterium '{cid}'; {hint}"))
            continue
        waarde = ruw.get("waarde") if isinstance(ruw, dict) else ruw
        if rij.snel(waarde) is not None or isinstance(waarde, dict | list):
            continue  # een gewoon, geldig antwoord; of geen enkele waarde (dat meldt Pydantic)
        pad: Pad = ("antwoorden", cid, "waarde") if isinstance(ruw, dict) else ("antwoorden", cid)
        try:
            lees(rij.criterium, waarde)
        except OngeldigAntwoord as e:
            problemen.append(_probleem(doc, pad, str(e)))
    return problemen


def valideer_kader(doc: YamlDocument) -> Kader:
    """Een kader dat in vorm klopt en samenhangt, of een ``KaderFout``."""
    _eis_mapping(doc, "kader, indeling, pijlers en criteria", fout=KaderFout)
    kader = _valideer(Kader, doc, KaderFout)
    problemen: list[Probleem] = []

    def meld(pad: Pad, melding: str) -> None:
        problemen.append(_probleem(doc, pad, melding))

    for naam, keer in Counter(p.id for p in kader.pijlers).items():
        if keer > 1:
            meld(("pijlers",), f"pijler '{naam}' staat {keer} keer in het kader")
    pijlers = {p.id for p in kader.pijlers}
    gezien: dict[str, int] = {}
    for i, c in enumerate(kader.criteria):
        if c.id in gezien:
            meld(("criteria", i, "id"),
                 f"criterium-id '{c.id}' is al gebruikt (criterium {gezien[c.id] + 1}); "
                 "elk id moet uniek zijn")
        gezien.setdefault(c.id, i)
        if c.pijler not in pijlers:
            meld(("criteria", i, "pijler"),
                 f"onbekende pijler '{c.pijler}'; verwacht een van: {', '.join(sorted(pijlers))}")
        if kader.kader.bronnen:
            for j, bron in enumerate(c.bronnen):
                sleutel = bron.split()[0]
                if sleutel not in kader.kader.bronnen:
                    meld(("criteria", i, "bronnen", j),
                         f"bron '{sleutel}' staat niet in kader.bronnen; verwacht een van: "
                         f"{', '.join(sorted(kader.kader.bronnen))}")
    for i, thema in enumerate(kader.themas):
        for j, cid in enumerate(thema.criteria):
            if cid not in gezien:
                meld(("themas", i, "criteria", j),
                     f"thema '{thema.naam}' noemt onbekend criterium '{cid}'")
    for p in kader.pijlers:
        if not any(c.pijler == p.id for c in kader.criteria):
            meld(("pijlers",), f"pijler '{p.id}' heeft geen criteria")
    ingetrokken: set[str] = set()
    for i, weg in enumerate(kader.ingetrokken):
        if weg.id in gezien:
            meld(("ingetrokken", i, "id"), f"'{weg.id}' is ingetrokken maar staat ook bij de "
                 "criteria; een id krijgt nooit een nieuwe betekenis, kies een nieuw id")
        if weg.id in ingetrokken:
            meld(("ingetrokken", i, "id"), f"'{weg.id}' staat twee keer bij ingetrokken")
        ingetrokken.add(weg.id)
        for j, door in enumerate(weg.vervangen_door):
            if door not in gezien:
                meld(("ingetrokken", i, "vervangen_door", j),
                     f"'{weg.id}' wordt vervangen door onbekend criterium '{door}'")
    if kader.indeling.kritiek_onder == 0 and not any(c.kritiek for c in kader.criteria):
        meld(("indeling", "kritiek_onder"), "categorie 1 is onbereikbaar: geen enkel criterium is "
             "kritiek en kritiek_onder is 0")
    if problemen:
        raise KaderFout(problemen)
    return kader


def kader_waarschuwingen(doc: YamlDocument, kader: Kader) -> list[Probleem]:
    """Wat een kader mag, maar wat zijn uitkomsten moeilijk te verdedigen maakt: een criterium
    dat niet kritiek is en toch in zijn eentje categorie 1 kan geven (design §5). Het ingebouwde
    kader heeft er geen; een eigen, klein kader krijgt ze van 'kader controleer' te zien."""
    from azc_kwaliteit.indeling.voorbereiding import eenling_kritiek

    plek = {c.id: i for i, c in enumerate(kader.criteria)}
    return [_probleem(doc, ("criteria", plek[cid], "gewicht"), melding)
            for cid, melding in eenling_kritiek(kader)]


def _eis_mapping(doc: YamlDocument, wat: str, fout: type[InvoerFout] = InvoerFout) -> None:
    if not isinstance(doc.data, dict):
        raise fout([Probleem(doc.bestand, doc.regel(()),
                             f"verwacht een mapping met {wat}; kreeg {_soort(doc.data)}")])


def _valideer(model: type[M], doc: YamlDocument, fout: type[InvoerFout]) -> M:
    try:
        return model.model_validate(doc.data)
    except ValidationError as e:
        raise fout(_pydantic_problemen(doc, model, e.errors())) from None


def _probleem(doc: YamlDocument, pad: Pad, melding: str) -> Probleem:
    return Probleem(doc.bestand, doc.regel(pad), f"{pad_tekst(pad)}: {melding}")


_UNIELEDEN = {"bool", "int", "float", "str"}


def _pydantic_problemen(doc: YamlDocument, model: type[BaseModel],
                        fouten: list[ErrorDetails]) -> list[Probleem]:
    """Pydantic-fouten als Nederlandse problemen; de fouten van één unie-veld (een antwoord is
    ja/nee, een getal of tekst) worden samen één melding."""
    problemen: list[Probleem] = []
    unies: set[Pad] = set()
    for err in fouten:
        loc = err["loc"]
        if loc and isinstance(loc[-1], str) and (loc[-1] in _UNIELEDEN
                                                 or loc[-1].startswith("constrained-")):
            pad = _schoon(loc[:-1])
            if pad not in unies:
                unies.add(pad)
                problemen.append(_probleem(doc, pad, "verwacht één waarde (ja/nee, een getal, een "
                                           f"niveau of tekst), kreeg {_soort(err.get('input'))}"))
            continue
        problemen.append(_pydantic_probleem(doc, model, err))
    return problemen


def _schoon(loc: tuple[int | str, ...]) -> Pad:
    return tuple(
        p for p in loc
        if p not in _TAGS and p != "[key]" and not (isinstance(p, str) and p.startswith("function-"))
    )


def _velden(model: type[BaseModel], pad: Pad) -> set[str]:
    """De sleutels die op ``pad`` in een document van ``model`` mogen staan (voor suggesties)."""
    huidig: list[Any] = [model]
    for stap in pad:
        volgende: list[Any] = []
        for t in huidig:
            if isinstance(t, type) and issubclass(t, BaseModel) and isinstance(stap, str):
                veld = t.model_fields.get(stap)
                if veld is not None:
                    volgende.append(veld.annotation)
            elif get_origin(t) in (list, dict):
                volgende.append(get_args(t)[-1])
        huidig = []
        while volgende:
            t = volgende.pop()
            if get_origin(t) is Annotated:
                volgende.append(get_args(t)[0])
            elif get_origin(t) in (Union, UnionType):
                volgende.extend(get_args(t))
            else:
                huidig.append(t)
    return {naam for t in huidig if isinstance(t, type)
            for naam in (t.model_fields if issubclass(t, BaseModel)
                         else getattr(t, "_fields", ()))}  # ook een NamedTuple als Antwoord


def _pydantic_probleem(doc: YamlDocument, model: type[BaseModel], err: ErrorDetails) -> Probleem:
    pad = _schoon(err["loc"])
    if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        sleutel = str(pad[-1]) if pad else "?"
        velden = sorted(_velden(model, pad[:-1]))
        suggestie = difflib.get_close_matches(sleutel, velden, n=1, cutoff=0.6)
        hint = (f"; bedoelde u '{suggestie[0]}'?" if suggestie
                else f"; toegestaan: {', '.join(velden)}" if velden else "")
        if not suggestie and " " in sleutel:
            hint = ("; staat er een komma in een tekst tussen { }? Zet zo'n tekst tussen "
                    "aanhalingstekens")
        return _probleem(doc, pad, f"onbekende sleutel '{sleutel}'{hint}")
    return _probleem(doc, pad, _melding(err))


def _melding(err: ErrorDetails) -> str:
    t, ctx, invoer = err["type"], err.get("ctx") or {}, err.get("input")
    gekregen = f", kreeg {kreeg(invoer)}"
    if t == "missing":
        return "ontbreekt; dit veld is verplicht"
    if t in ("enum", "literal_error"):
        verwacht = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"verwacht een van: {verwacht}{gekregen}"
    if t in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return f"verwacht een geheel getal{gekregen}"
    if t in ("float_type", "float_parsing"):
        return f"verwacht een getal{gekregen}"
    if t == "finite_number":
        return f"verwacht een eindig getal (geen NaN of oneindig){gekregen}"
    if t in ("bool_type", "bool_parsing"):
        return f"verwacht true of false{gekregen}"
    if t == "string_type":
        return f"verwacht tekst{gekregen}"
    if t == "string_too_short":
        return "mag niet leeg zijn"
    if t == "string_too_long":
        return f"tekst is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if t == "string_pattern_mismatch":
        return ("verwacht een id van kleine letters, cijfers en streepjes (zoals "
                f"'speelruimte-binnen'){gekregen}")
    if t in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        woorden = {"greater_than": ("groter dan", "gt"), "greater_than_equal": ("minstens", "ge"),
                   "less_than": ("kleiner dan", "lt"), "less_than_equal": ("hoogstens", "le")}
        woord, sleutel = woorden[t]
        return f"moet {woord} {ctx.get(sleutel)} zijn{gekregen}"
    if t == "too_short":
        n = ctx.get("min_length")
        return f"verwacht minstens {aantal(n, 'element', 'elementen') if isinstance(n, int) else n}"
    if t == "too_long":
        return f"verwacht hoogstens {ctx.get('max_length')} elementen"
    if t in ("dict_type", "model_type", "model_attributes_type"):
        return f"verwacht een mapping (sleutel: waarde){', kreeg ' + _soort(invoer)}"
    if t == "list_type":
        return f"verwacht een lijst{', kreeg ' + _soort(invoer)}"
    if t in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return f"verwacht een datum als JJJJ-MM-DD{gekregen}"
    if t == "union_tag_invalid":
        return f"onbekend type '{ctx.get('tag')}'; verwacht ja_nee, getal of schaal"
    if t == "union_tag_not_found":
        return "type ontbreekt; verwacht ja_nee, getal of schaal"
    if t == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return str(err["msg"])  # pragma: no cover - een fouttype dat we nog niet vertalen


def pad_tekst(pad: Pad) -> str:
    """Een pad als 'antwoorden.voeding.toelichting' of 'locatie.doelgroepen[1]'."""
    tekst = ""
    for p in pad:
        tekst += f"[{p}]" if isinstance(p, int) else (f".{p}" if tekst else str(p))
    return tekst or "(document)"


def _soort(x: Any) -> str:
    """Wat voor waarde er stond ('een lijst', 'het getal 3', "de tekst 'ja'")."""
    if isinstance(x, bool):
        return "true/false"
    if isinstance(x, int | float):
        return f"het getal {x}"
    return f"de tekst {kreeg(x)}" if isinstance(x, str) else kreeg(x)
