"""The database's refusals made to read as the pages write.

The triggers build their messages in SQL: an amount comes out as PostgreSQL
prints a `numeric` (`1234.50`), a date as ISO (`2026-03-01`), and a few quote
the internal id of a row the user never sees. `lisible` rewrites them:
`1 234,50 €`, `01/03/2026`, and the ids named in `SANS_IDENTIFIANT` dropped.
`doublon` says which value a unique constraint found taken, with the names the
pages give the field and the table.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.apps import apps

# A numeric with two decimals, not part of a citation (« §2.0.5 ») or a longer number.
PARAGRAPHE = "\u00a7"  # the sign of a paragraph: spelled so, no citation reads it here
MONTANT = re.compile(rf"(?<![\w.,{PARAGRAPHE}/])(-?\d+)\.(\d{{2}})(?![\d.,]\d)(\s*€)?")
DATE_ISO = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")

# Refusals whose SQL quotes a row's internal id, which no page shows: the words
# without it (the user is acting on that very row).
SANS_IDENTIFIANT = {
    "LG920": [(re.compile(r"du délai de paiement n° \d+"), "du délai de paiement")],
    "LG921": [(re.compile(r"^La créance n° \d+"), "Cette créance")],
    "LG613": [(re.compile(r"de l'intérim n° \d+"), "de cet intérim")],
}


def nom_du_modele(modele) -> str:
    """The model's name in the messages: its verbose_name, or the accented name its
    app declares (`noms_modeles` of its AppConfig, by model name) where Django made
    the verbose_name from the class name, without accents (« ecriture »)."""
    noms = getattr(modele._meta.app_config, "noms_modeles", {})
    return noms.get(modele._meta.model_name) or str(modele._meta.verbose_name)


def _montant(m: re.Match) -> str:
    from core.money import format_euros, format_nombre  # core.money imports core.exceptions

    valeur = Decimal(f"{m.group(1)}.{m.group(2)}")
    if m.group(3):
        return f"{format_nombre(valeur)}\u00a0€"
    return format_euros(valeur)


def lisible(message: str, sqlstate: str = "") -> str:
    for motif, remplacement in SANS_IDENTIFIANT.get(sqlstate, ()):
        message = motif.sub(remplacement, message)
    message = DATE_ISO.sub(lambda m: f"{m.group(3)}/{m.group(2)}/{m.group(1)}", message)
    return MONTANT.sub(_montant, message)


CLE = re.compile(r"Key \((?P<colonnes>.+)\)=\((?P<valeurs>.*)\) already exists")


def doublon(table: str | None, detail: str | None) -> str:
    """« La valeur « A-2026 » (série) est déjà prise par un autre enregistrement (carnet). »"""
    modele = next((m for m in apps.get_models() if m._meta.db_table == table), None)
    trouve = CLE.search(detail or "")
    if trouve is None:
        quoi = f" ({nom_du_modele(modele)})" if modele is not None else ""
        return f"Cet enregistrement existe déjà{quoi} : rien n'a été enregistré."
    colonnes = [c.strip() for c in trouve["colonnes"].split(",")]
    noms = []
    for colonne in colonnes:
        champ = None
        if modele is not None:
            champ = next((f for f in modele._meta.concrete_fields if f.column == colonne), None)
        noms.append(str(champ.verbose_name) if champ is not None else colonne)
    quoi = f", {nom_du_modele(modele)}" if modele is not None else ""
    return (
        f"La valeur « {trouve['valeurs']} » ({', '.join(noms)}{quoi}) est déjà prise par un autre "
        "enregistrement : rien n'a été enregistré."
    )
