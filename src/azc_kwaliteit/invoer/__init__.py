# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""De invoer: bestanden veilig lezen en een kader of beoordeling valideren.

``laden`` leest YAML met een regelnummer per sleutel (en weigert dubbele sleutels, aliassen en
tags), ``laden_snel`` en ``scalars`` zijn de snelle regellezer voor de gewone vorm, ``valideren``
maakt van Pydantic-fouten Nederlandse meldingen op ``bestand:regel``, ``openen`` geeft een geladen
kader of beoordeling, en ``privacy`` zoekt persoonsgegevens in vrije tekst. Dit pakket importeert
alleen ``domein`` en ``indeling`` (de kadercontrole vraagt of categorie 1 bereikbaar is).
"""
