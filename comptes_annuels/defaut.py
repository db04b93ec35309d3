"""The default mapping of the plan comptable indicatif to the rubrics, loaded
by the data migration 0003 and by the tests (transactional tests empty the
tables). Classes 1 to 5 by their first digits (2 immobilisations, 3 stocks,
41 créances sur cotisants, 5 disponibilités, 1 capitaux et provisions,
40 and 42 to 47 dettes, with the debit accounts of class 4 on the actif);
classes 6 and 7 by gestion."""

from __future__ import annotations

import datetime

DEPUIS = datetime.date(1900, 1, 1)

RUBRIQUES = [
    # code, libellé, état, gestion, ordre
    ("AI", "Immobilisations incorporelles (nettes)", "actif", "", 10),
    ("AC", "Immobilisations corporelles (nettes)", "actif", "", 20),
    ("AS", "Stocks", "actif", "", 30),
    ("AK", "Créances sur cotisants (nettes des dépréciations)", "actif", "", 40),
    ("AD", "Autres créances", "actif", "", 50),
    ("AL", "Disponibilités", "actif", "", 60),
    ("PD", "Dotations, réserves et report à nouveau", "passif", "", 10),
    ("PR", "Résultat de l'exercice (comptabilisé)", "passif", "", 20),
    ("PP", "Provisions pour risques et charges", "passif", "", 30),
    ("PE", "Emprunts, dettes financières et comptes de liaison", "passif", "", 40),
    ("PF", "Dettes fournisseurs", "passif", "", 50),
    ("PA", "Dettes envers les assurés et allocataires", "passif", "", 60),
    ("PS", "Dettes sociales et fiscales", "passif", "", 70),
    ("PO", "Autres dettes", "passif", "", 80),
    ("CT", "Charges de gestion technique", "charges", "technique", 10),
    ("CC", "Charges de gestion courante", "charges", "courante", 20),
    ("CF", "Charges financières", "charges", "financiere", 30),
    ("CE", "Charges exceptionnelles", "charges", "exceptionnelle", 40),
    ("RT", "Produits de gestion technique", "produits", "technique", 10),
    ("RC", "Produits de gestion courante", "produits", "courante", 20),
    ("RF", "Produits financiers", "produits", "financiere", 30),
    ("RE", "Produits exceptionnels", "produits", "exceptionnelle", 40),
]

CORRESPONDANCES = [
    ("1", "PE"),
    ("10", "PD"),
    ("11", "PD"),
    ("12", "PR"),
    ("15", "PP"),
    ("2", "AC"),
    ("20", "AI"),
    ("280", "AI"),
    ("3", "AS"),
    ("4", "PO"),
    ("40", "PF"),
    ("409", "AD"),
    ("41", "AK"),
    ("412", "PA"),
    ("42", "PS"),
    ("43", "PS"),
    ("44", "PS"),
    ("429", "AD"),
    ("45", "AD"),
    ("4671", "AD"),
    ("4687", "AD"),
    ("4721", "AD"),
    ("4722", "AD"),
    ("486", "AD"),
    ("49", "AD"),
    ("491", "AK"),
    ("5", "AL"),
    ("6", "CC"),
    ("65", "CT"),
    ("6817", "CT"),
    ("66", "CF"),
    ("67", "CE"),
    ("7", "RC"),
    ("75", "RT"),
    ("752", "RC"),
    ("76", "RF"),
    ("77", "RE"),
]


def charger_correspondances(Rubrique, Correspondance) -> None:
    """Create the rubrics and the default mapping missing (idempotent)."""
    rubriques = {}
    for code, libelle, etat, gestion, ordre in RUBRIQUES:
        rubriques[code], _ = Rubrique.objects.get_or_create(
            code=code,
            defaults={"libelle": libelle, "etat": etat, "gestion": gestion, "ordre": ordre},
        )
    for prefixe, code in CORRESPONDANCES:
        Correspondance.objects.get_or_create(
            prefixe=prefixe, valable_du=DEPUIS, defaults={"rubrique": rubriques[code]}
        )
