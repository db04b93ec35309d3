"""Procurations of the fondés de pouvoir (circ. 93/82 §1.1.1).

« L'agent comptable doit se faire suppléer dans ses fonctions par un ou
plusieurs fondés de pouvoir munis d'une procuration régulière. Toutefois, le
nombre de fondés de pouvoir ne saurait être supérieur à deux » ; the
procuration is given « après agrément du conseil d'administration ». The
directeur records the board's decision (its date and délibération) with the
limits it states: the acts allowed and a ceiling per act. PostgreSQL refuses
the same (personnes 0007, LG607–LG609).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import connection, transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import montant as montant_valide
from personnes.codes_actes import normaliser_actes
from personnes.models import Fonction, Procuration
from personnes.models import nom_de as _nom
from personnes.selectors import agent_comptable_en_fonction, fonctions_le
from personnes.services import _periode, _verrouiller_utilisateur

CIRCULAIRE_FONDES = "circulaire 93/82 §1.1.1"
NOMBRE_MAX_FONDES = 2


def fondes_en_trop(debut: datetime.date, fin: datetime.date | None, fonde) -> tuple | None:
    """The first day of [debut, fin] on which `fonde` would be a third fondé
    de pouvoir holding a procuration, with the two others' procurations."""
    autres = list(
        Procuration.objects.exclude(fonde=fonde)
        .filter(**({"debut__lte": fin} if fin else {}))
        .select_related("fonde")
        .order_by("debut", "id")
    )
    autres = [p for p in autres if p.fin is None or p.fin >= debut]
    jours = sorted({debut} | {p.debut for p in autres if p.debut > debut})
    for jour in jours:
        en_vigueur = [p for p in autres if p.valide_le(jour)]
        if len({p.fonde_id for p in en_vigueur}) >= NOMBRE_MAX_FONDES:
            return jour, en_vigueur
    return None


@transaction.atomic
def procuration_enregistrer(
    *,
    acting_user,
    fonde,
    debut: datetime.date,
    fin: datetime.date | None = None,
    agreee_le: datetime.date,
    deliberation: str,
    actes: str | list[str] = "",
    montant_max: Decimal | str | int | None = None,
) -> Procuration:
    """The directeur records the procuration of a fondé de pouvoir approved by the board.

    Refused: an author who is not directeur today; an approval dated in the
    future or after the procuration's first day (« après agrément du conseil
    d'administration »); no délibération; a beneficiary who is not fondé de
    pouvoir on the first day, or is the agent comptable in office that day
    (the procuration is his mandant's); no agent comptable in office on the
    first day to give it; a third fondé de pouvoir holding a procuration on
    some day of the period (« ne saurait être supérieur à deux »).
    """
    jour = horloge.aujourdhui()
    if Fonction.DIRECTEUR not in fonctions_le(acting_user, jour):
        raise DroitInsuffisant(
            "Seul le directeur enregistre la procuration d'un fondé de pouvoir agréée par le "
            f"conseil d'administration ({CIRCULAIRE_FONDES}).",
            details={"fonctions": sorted(fonctions_le(acting_user, jour))},
        )
    if fin is None:
        if not isinstance(debut, datetime.date) or isinstance(debut, datetime.datetime):
            raise DonneeInvalide("La date de début doit être une date.")
    else:
        debut, fin = _periode(debut, fin)
    if not isinstance(agreee_le, datetime.date) or isinstance(agreee_le, datetime.datetime):
        raise DonneeInvalide(
            "La date de l'agrément du conseil d'administration doit être une date."
        )
    if agreee_le > jour:
        raise DonneeInvalide(
            f"L'agrément du conseil d'administration du {agreee_le:%d/%m/%Y} n'est pas encore "
            "venu : le directeur enregistre une décision déjà prise."
        )
    if agreee_le > debut:
        raise DonneeInvalide(
            f"La procuration prend effet le {debut:%d/%m/%Y}, avant l'agrément du conseil "
            f"d'administration du {agreee_le:%d/%m/%Y} : elle est donnée après cet agrément "
            f"({CIRCULAIRE_FONDES})."
        )
    deliberation = (deliberation or "").strip()
    if not deliberation:
        raise DonneeInvalide(
            "La procuration cite la délibération du conseil d'administration qui l'agrée "
            f"({CIRCULAIRE_FONDES})."
        )
    actes = normaliser_actes(actes)
    if montant_max is not None and montant_max != "":
        montant_max = montant_valide(montant_max, libelle="Le plafond de la procuration")
    else:
        montant_max = None
    if fonde is None or not getattr(fonde, "pk", None):
        raise DonneeInvalide("La procuration désigne le fondé de pouvoir.")
    if Fonction.FONDE_DE_POUVOIR not in fonctions_le(fonde, debut):
        raise DonneeInvalide(
            f"{_nom(fonde)} n'est pas fondé de pouvoir de l'agent comptable le {debut:%d/%m/%Y} : "
            f"la procuration va à un fondé de pouvoir ({CIRCULAIRE_FONDES}).",
            details={"fonctions": sorted(fonctions_le(fonde, debut))},
        )
    mandant = agent_comptable_en_fonction(debut)
    if mandant is None:
        raise TransitionInterdite(
            f"Aucun agent comptable n'est en fonction le {debut:%d/%m/%Y} : personne ne donne "
            f"la procuration ({CIRCULAIRE_FONDES})."
        )
    if mandant.pk == fonde.pk:
        raise DonneeInvalide(
            f"{_nom(fonde)} exerce lui-même les fonctions d'agent comptable le {debut:%d/%m/%Y} : "
            "il ne se donne pas procuration."
        )

    _verrouiller_utilisateur(fonde)
    with connection.cursor() as curseur:
        curseur.execute("SELECT pg_advisory_xact_lock(hashtext('personnes_fondes_de_pouvoir'))")
    en_trop = fondes_en_trop(debut, fin, fonde)
    if en_trop is not None:
        le, autres = en_trop
        noms = " et ".join(dict.fromkeys(_nom(p.fonde) for p in autres))
        raise TransitionInterdite(
            f"{noms} sont déjà fondés de pouvoir, munis d'une procuration, le {le:%d/%m/%Y} : le "
            f"nombre de fondés de pouvoir ne saurait être supérieur à deux ({CIRCULAIRE_FONDES}).",
            details={"le": le.isoformat(), "procurations": [p.pk for p in autres]},
        )

    procuration = Procuration.objects.create(
        fonde=fonde,
        agent_comptable=mandant,
        debut=debut,
        fin=fin,
        agreee_le=agreee_le,
        deliberation=deliberation,
        actes=actes,
        montant_max=montant_max,
        enregistree_par=acting_user,
    )
    audit(
        acting_user,
        "procuration.enregistree",
        procuration,
        apres={
            "fonde": fonde.pk,
            "agent_comptable": mandant.pk,
            "debut": debut,
            "fin": fin,
            "agreee_le": agreee_le,
            "deliberation": deliberation,
            "actes": actes,
            "montant_max": montant_max,
        },
    )
    return procuration
