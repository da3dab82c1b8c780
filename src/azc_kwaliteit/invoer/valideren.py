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

from azc_kwaliteit.domein.antwoorden import lees
from azc_kwaliteit.domein.fouten import InvoerFout, KaderFout, OngeldigAntwoord, Probleem
from azc_kwaliteit.domein.modellen import Beoordeling, Kader
from azc_kwaliteit.domein.taal import aantal, kreeg
from azc_kwaliteit.domein.vertalen import N_, _
from azc_kwaliteit.invoer.laden import Pad, YamlDocument

M = TypeVar("M", bound=BaseModel)

_TAGS = {"ja_nee", "getal", "schaal"}
def valideer_beoordeling(doc: YamlDocument, kader: Kader) -> Beoordeling:
    """Een beoordeling die in vorm en inhoud past bij ``kader``, of een ``InvoerFout`` met alle
    problemen tegelijk (vorm én antwoorden), zodat de beoordelaar alles in één keer kan herstellen."""
    _eis_mapping(doc, _("locatie, beoordeling en antwoorden"))
    if "kader" in doc.data and ("criteria" in doc.data or "indeling" in doc.data):
        raise InvoerFout.enkel(doc.bestand, doc.regel(("kader",)),
                               _("dit is een kader, geen beoordeling; geef het mee met --kader of "
                                 "controleer het met 'azc-kwaliteit kader controleer'"))
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
            hint = (_("bedoelde u '{suggestie}'?").format(suggestie=suggestie[0]) if suggestie
                    else _("zie 'azc-kwaliteit kader toon' voor de ids"))
            problemen.append(_probleem(doc, ("antwoorden", cid),
                                       _("onbekend criterium '{cid}'; {hint}").format(cid=cid, hint=hint)))
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
    _eis_mapping(doc, _("kader, indeling, pijlers en criteria"), fout=KaderFout)
    kader = _valideer(Kader, doc, KaderFout)
    problemen: list[Probleem] = []

    def meld(pad: Pad, melding: str) -> None:
        problemen.append(_probleem(doc, pad, melding))

    for naam, keer in Counter(p.id for p in kader.pijlers).items():
        if keer > 1:
            meld(("pijlers",), _("pijler '{naam}' staat {keer} keer in het kader").format(
                naam=naam, keer=keer))
    pijlers = {p.id for p in kader.pijlers}
    gezien: dict[str, int] = {}
    for i, c in enumerate(kader.criteria):
        if c.id in gezien:
            meld(("criteria", i, "id"),
                 _("criterium-id '{id}' is al gebruikt (criterium {waarde}); elk id moet uniek zijn").format(
                     id=c.id, waarde=gezien[c.id] + 1))
        gezien.setdefault(c.id, i)
        if c.pijler not in pijlers:
            meld(("criteria", i, "pijler"),
                 _("onbekende pijler '{pijler}'; verwacht een van: {pijlers}").format(
                     pijler=c.pijler, pijlers=', '.join(sorted(pijlers))))
        if kader.kader.bronnen:
            for j, bron in enumerate(c.bronnen):
                sleutel = bron.split()[0]
                if sleutel not in kader.kader.bronnen:
                    meld(("criteria", i, "bronnen", j),
                         _("bron '{sleutel}' staat niet in kader.bronnen; verwacht een van: "
                           "{bronnen}").format(sleutel=sleutel,
                                               bronnen=", ".join(sorted(kader.kader.bronnen))))
    for i, thema in enumerate(kader.themas):
        for j, cid in enumerate(thema.criteria):
            if cid not in gezien:
                meld(("themas", i, "criteria", j),
                     _("thema '{naam}' noemt onbekend criterium '{cid}'").format(naam=thema.naam, cid=cid))
    for p in kader.pijlers:
        if not any(c.pijler == p.id for c in kader.criteria):
            meld(("pijlers",), _("pijler '{id}' heeft geen criteria").format(id=p.id))
    ingetrokken: set[str] = set()
    for i, weg in enumerate(kader.ingetrokken):
        if weg.id in gezien:
            meld(("ingetrokken", i, "id"), _(
                "'{id}' is ingetrokken maar staat ook bij de criteria; een id krijgt nooit een "
                "nieuwe betekenis, kies een nieuw id").format(id=weg.id))
        if weg.id in ingetrokken:
            meld(("ingetrokken", i, "id"), _("'{id}' staat twee keer bij ingetrokken").format(id=weg.id))
        ingetrokken.add(weg.id)
        for j, door in enumerate(weg.vervangen_door):
            if door not in gezien:
                meld(("ingetrokken", i, "vervangen_door", j),
                     _("'{id}' wordt vervangen door onbekend criterium '{door}'").format(
                         id=weg.id, door=door))
    if kader.indeling.kritiek_onder == 0 and not any(c.kritiek for c in kader.criteria):
        meld(("indeling", "kritiek_onder"), _("categorie 1 is onbereikbaar: geen enkel criterium is "
                                              "kritiek en kritiek_onder is 0"))
    if problemen:
        raise KaderFout(problemen)
    return kader


def kader_waarschuwingen(doc: YamlDocument, kader: Kader) -> list[Probleem]:
    """Wat een kader mag, maar wat zijn uitkomsten moeilijk te verdedigen maakt: een criterium
    dat niet kritiek is en toch in zijn eentje categorie 1 kan geven (design §5). Het ingebouwde
    kader heeft er geen; een eigen, klein kader krijgt ze van 'kader controleer' te zien."""
    from azc_kwaliteit.indeling.voorbereiding import eenling_kritiek

    plek = {c.id: i for i, c in enumerate(kader.criteria)}
    return [*(_probleem(doc, ("criteria", plek[cid], "gewicht"), melding)
              for cid, melding in eenling_kritiek(kader)),
            *_vertaalwaarschuwingen(doc, kader)]


def _vertaalwaarschuwingen(doc: YamlDocument, kader: Kader) -> list[Probleem]:
    """Per tekst zonder vertaling een waarschuwing, voor elke taal die het kader vertaalt; een taal
    van het programma die het kader helemaal niet vertaalt, krijgt er één."""
    from azc_kwaliteit.domein.kadertaal import ontbrekend, talen
    from azc_kwaliteit.domein.vertalen import BRONTAAL, TALEN

    vertaald = talen(kader)
    uit = [Probleem(doc.bestand, doc.regel(()), _(
        "het kader heeft geen vertaling naar '{taal}'; met --taal {taal} staan zijn teksten in het "
        "Nederlands, met (nl) ervoor").format(taal=t))
        for t in TALEN if t != BRONTAAL and t not in vertaald]
    for t in vertaald:
        uit += [_probleem(doc, pad, _("geen vertaling naar '{taal}' van {veld}; de uitvoer toont "
                                      "het Nederlands, met (nl) ervoor").format(taal=t, veld=veld))
                for pad, veld in ontbrekend(kader, t)]
    return uit


def _eis_mapping(doc: YamlDocument, wat: str, fout: type[InvoerFout] = InvoerFout) -> None:
    if not isinstance(doc.data, dict):
        raise fout([Probleem(doc.bestand, doc.regel(()),
                             _("verwacht een mapping met {wat}; kreeg {soort}").format(
                                 wat=wat, soort=_soort(doc.data)))])


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
                problemen.append(_probleem(doc, pad, _("verwacht één waarde (ja/nee, een getal, een "
                                                       "niveau of tekst), kreeg {soort}").format(
                                                           soort=_soort(err.get('input')))))
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
        hint = (_("; bedoelde u '{suggestie}'?").format(suggestie=suggestie[0]) if suggestie
                else _("; toegestaan: {velden}").format(velden=', '.join(velden)) if velden else "")
        if not suggestie and " " in sleutel:
            hint = (_("; staat er een komma in een tekst tussen { }? Zet zo'n tekst tussen "
                      "aanhalingstekens"))
        return _probleem(doc, pad, _("onbekende sleutel '{sleutel}'{hint}").format(
            sleutel=sleutel, hint=hint))
    return _probleem(doc, pad, _melding(err))


def _melding(err: ErrorDetails) -> str:
    t, ctx, invoer = err["type"], err.get("ctx") or {}, err.get("input")
    gekregen = _(", kreeg {kreeg}").format(kreeg=kreeg(invoer))
    if t == "missing":
        return _("ontbreekt; dit veld is verplicht")
    if t in ("enum", "literal_error"):
        verwacht = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return _("verwacht een van: {verwacht}{gekregen}").format(verwacht=verwacht, gekregen=gekregen)
    if t in ("int_type", "int_parsing", "int_from_float", "int_parsing_size"):
        return _("verwacht een geheel getal{gekregen}").format(gekregen=gekregen)
    if t in ("float_type", "float_parsing"):
        return _("verwacht een getal{gekregen}").format(gekregen=gekregen)
    if t == "finite_number":
        return _("verwacht een eindig getal (geen NaN of oneindig){gekregen}").format(gekregen=gekregen)
    if t in ("bool_type", "bool_parsing"):
        return _("verwacht true of false{gekregen}").format(gekregen=gekregen)
    if t == "string_type":
        return _("verwacht tekst{gekregen}").format(gekregen=gekregen)
    if t == "string_too_short":
        return _("mag niet leeg zijn")
    if t == "string_too_long":
        return _("tekst is te lang (hoogstens {grens} tekens)").format(grens=ctx.get('max_length'))
    if t == "string_pattern_mismatch":
        return (_("verwacht een id van kleine letters, cijfers en streepjes (zoals "
                  "'speelruimte-binnen'){gekregen}").format(gekregen=gekregen))
    if t in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        zinnen = {"greater_than": (N_("moet groter dan {grens} zijn{gekregen}"), "gt"),
                  "greater_than_equal": (N_("moet minstens {grens} zijn{gekregen}"), "ge"),
                  "less_than": (N_("moet kleiner dan {grens} zijn{gekregen}"), "lt"),
                  "less_than_equal": (N_("moet hoogstens {grens} zijn{gekregen}"), "le")}
        zin, sleutel = zinnen[t]
        return _(zin).format(grens=ctx.get(sleutel), gekregen=gekregen)
    if t == "too_short":
        n = ctx.get("min_length")
        return _("verwacht minstens {waarde}").format(
            waarde=aantal(n, 'element', 'elementen') if isinstance(n, int) else n)
    if t == "too_long":
        return _("verwacht hoogstens {grens} elementen").format(grens=ctx.get('max_length'))
    if t in ("dict_type", "model_type", "model_attributes_type"):
        return _("verwacht een mapping (sleutel: waarde){gekregen}").format(
            gekregen=_(", kreeg {kreeg}").format(kreeg=_soort(invoer)))
    if t == "list_type":
        return _("verwacht een lijst{gekregen}").format(
            gekregen=_(", kreeg {kreeg}").format(kreeg=_soort(invoer)))
    if t in ("date_type", "date_parsing", "date_from_datetime_parsing"):
        return _("verwacht een datum als JJJJ-MM-DD{gekregen}").format(gekregen=gekregen)
    if t == "union_tag_invalid":
        return _("onbekend type '{soort}'; verwacht ja_nee, getal of schaal").format(soort=ctx.get('tag'))
    if t == "union_tag_not_found":
        return _("type ontbreekt; verwacht ja_nee, getal of schaal")
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
        return _("het getal {x}").format(x=x)
    return _("de tekst {kreeg}").format(kreeg=kreeg(x)) if isinstance(x, str) else kreeg(x)
