"""The register of the leases, contracts and titles the agent comptable keeps
(circ. 93/82 §2.0.4: « informer le directeur de la date d'expiration des
baux, contrats et titres divers qu'il est tenu de conserver »).

- `contrat_enregistrer`: the agent comptable records what he keeps: kind,
  object, counterpart, dates, expiry, the reference of the original, and how
  many months before the expiry he tells the directeur (six by default).
- `directeur_informer`: he records the day he informed the directeur.

The receipts he cashes directly on them are regularised by a monthly ordre
de recette (circ. 93/82 §2.0.0; `tresorerie.services.regularisation`).
"""

from __future__ import annotations

import datetime

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite, atomique
from recouvrement.models_surveillance import ContratConserve
from recouvrement.surveillance_commun import date_acte, exiger_agent_comptable

CODE_CONTRAT = "recouvrement.contrat"


@atomique
def contrat_enregistrer(
    *,
    acting_user,
    nature: str,
    objet: str,
    cocontractant: str,
    debut: datetime.date,
    expire_le: datetime.date,
    original: str,
    preavis_mois: int = 6,
) -> ContratConserve:
    """The agent comptable records a lease, contract or title he keeps."""
    aujourdhui = horloge.aujourdhui()
    exiger_agent_comptable(
        acting_user, aujourdhui, "tenir le registre des baux, contrats et titres", CODE_CONTRAT
    )
    if nature not in ContratConserve.Nature.values:
        raise DonneeInvalide(f"Nature inconnue : « {nature} » (bail, contrat ou titre).")
    champs = {"objet": objet, "cocontractant": cocontractant, "original": original}
    manquants = [nom for nom, valeur in champs.items() if not (valeur or "").strip()]
    if manquants:
        noms = {
            "objet": "l'objet",
            "cocontractant": "le cocontractant",
            "original": "la référence de l'original conservé",
        }
        raise DonneeInvalide(f"Indiquez {', '.join(noms[m] for m in manquants)}.")
    if not isinstance(debut, datetime.date) or not isinstance(expire_le, datetime.date):
        raise DonneeInvalide("Indiquez la date de prise d'effet et celle d'expiration.")
    if expire_le <= debut:
        raise DonneeInvalide(
            f"Un {nature} qui prend effet le {debut:%d/%m/%Y} ne peut expirer le "
            f"{expire_le:%d/%m/%Y}."
        )
    try:
        preavis = int(preavis_mois)
    except (TypeError, ValueError):
        raise DonneeInvalide("Le préavis s'indique en mois (de 1 à 24).") from None
    if not 1 <= preavis <= 24:
        raise DonneeInvalide("Le préavis s'indique en mois (de 1 à 24).")
    contrat = ContratConserve.objects.create(
        nature=nature,
        objet=objet.strip()[:255],
        cocontractant=cocontractant.strip()[:200],
        debut=debut,
        expire_le=expire_le,
        preavis_mois=preavis,
        original=original.strip()[:200],
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "recouvrement.contrat_enregistre",
        contrat,
        apres={"expire_le": expire_le.isoformat(), "original": contrat.original},
    )
    return contrat


@atomique
def directeur_informer(
    *, acting_user, contrat: ContratConserve, informe_le: datetime.date
) -> ContratConserve:
    """The agent comptable records the day he told the directeur the expiry (§2.0.4)."""
    aujourdhui = horloge.aujourdhui()
    contrat = ContratConserve.objects.select_for_update().get(pk=contrat.pk)
    exiger_agent_comptable(
        acting_user,
        aujourdhui,
        "informer le directeur de l'expiration d'un bail, contrat ou titre",
        CODE_CONTRAT,
    )
    if contrat.directeur_informe_le is not None:
        raise TransitionInterdite(
            f"Le directeur a déjà été informé le {contrat.directeur_informe_le:%d/%m/%Y} de "
            f"l'expiration au {contrat.expire_le:%d/%m/%Y} de {contrat}."
        )
    contrat.directeur_informe_le = date_acte(
        informe_le,
        "de l'information du directeur",
        aujourdhui=aujourdhui,
        au_plus_tot=contrat.debut,
    )
    contrat.save(update_fields=["directeur_informe_le"])
    audit(
        acting_user,
        "recouvrement.directeur_informe_expiration",
        contrat,
        apres={"informe_le": contrat.directeur_informe_le.isoformat()},
    )
    return contrat
