# SPDX-FileCopyrightText: 2026 azc-kwaliteit
# SPDX-License-Identifier: EUPL-1.2
"""Een map vol beoordelingen scoren, als één functie die ook een andere voorkant kan aanroepen.

``uitvoeren`` is de kern-API: opties erin (mappen, kader, formaten, poort), een getypt resultaat
eruit (tellingen, samenvattingen per locatie, problemen, de poort). ``werkers`` vindt de bestanden
en scoort ze (met meerdere processen bij grote aantallen), ``tussenopslag`` houdt de samenvattingen
op schijf, ``samenvatting`` beschrijft hun vorm (het JSON-contract). Dit pakket importeert
``domein``, ``invoer``, ``indeling`` en ``uitvoer``, nooit ``cli``.
"""
