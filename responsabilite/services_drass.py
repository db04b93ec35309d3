"""The ministers' part in the agent comptable's liability (circ. 93/82 §6.2).

- `dossier_drass_transmettre`: while the board's decision on a décharge or a
  remise gracieuse waits for the ministers' approval, the directeur records
  the file the DRASS transmits to the minister of social security « à l'appui
  de la décision de mise en cause »: the agent comptable's revenues over the
  period in question, the valuation of his property (0 when he has none), a
  copy of his contrat de cautionnement and one of his insurance
  (responsabilité civile), each a PDF whose magic bytes are checked, kept
  under its SHA-256. Once; `services_decharge.approbation_enregistrer` waits
  for it.
- `avis_ministres_enregistrer`: a mise en cause decided by the autorité de
  tutelle above the amount set by arrêté (the dated setting
  `seuil_approbation_decharge`, read on the day of the mise en cause) « est
  transmise pour avis » to the ministers of social security and of the
  budget; the directeur records the day of the transmission and their avis
  (date, reference, favourable or not). The text does not suspend the
  ordre de recette meanwhile: it may be issued before the avis, and a
  défavorable avis does not cancel it by itself.

Each act is one transaction with its audit row; PostgreSQL keeps the same
rules (`migrations/sql/0008_dossier_drass.sql`, LG897).
"""

from __future__ import annotations

import datetime
import hashlib
from decimal import Decimal, InvalidOperation

from django.core.files.base import ContentFile
from django.db import transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import format_euros
from core.pieces import controler_fichier
from core.verrous import verrouiller
from responsabilite.models import Demande, MiseEnCause
from responsabilite.models_drass import AvisMinistres, DossierDrass
from responsabilite.services import _date, _exiger_directeur
from responsabilite.seuil import seuil_approbation

COPIES = {
    "cautionnement": "la copie du contrat de cautionnement",
    "assurance": "la copie du contrat d'assurance responsabilité civile",
}


def _montant_positif(valeur, quoi: str):
    if valeur in (None, ""):
        raise DonneeInvalide(f"Indiquez {quoi} (0 s'il n'y en a pas).")
    try:
        montant = Decimal(str(valeur)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        raise DonneeInvalide(f"{quoi[0].upper()}{quoi[1:]} doit être un montant.") from None
    if montant < 0:
        raise DonneeInvalide(f"{quoi[0].upper()}{quoi[1:]} ne peut être négatif.")
    return montant


@transaction.atomic
def dossier_drass_transmettre(
    *,
    acting_user,
    demande: Demande,
    transmis_le: datetime.date,
    revenus,
    biens_immobiliers,
    cautionnement: bytes | None,
    cautionnement_nom: str = "",
    assurance: bytes | None,
    assurance_nom: str = "",
) -> DossierDrass:
    """The directeur records the DRASS file transmitted to the minister."""
    demande = verrouiller(Demande.objects.select_related("ordre"), demande.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=demande.ordre.agent_comptable)
    if DossierDrass.objects.filter(demande=demande).exists():
        raise TransitionInterdite(
            f"Le dossier de la DRASS sur la {demande.get_nature_display()} de l'ordre "
            f"{demande.ordre.reference} est déjà enregistré ; il ne se modifie pas."
        )
    if demande.etat != Demande.Etat.APPROBATION:
        raise TransitionInterdite(
            f"La {demande.get_nature_display()} de l'ordre {demande.ordre.reference} n'attend "
            "pas d'approbation ministérielle : aucun dossier de la DRASS n'est à transmettre."
        )
    transmis_le = _date(
        transmis_le,
        "de transmission du dossier",
        au_plus_tot=demande.conseil_le,
        aujourdhui=aujourdhui,
    )
    revenus = _montant_positif(revenus, "les revenus de l'agent comptable sur la période en cause")
    biens = _montant_positif(biens_immobiliers, "l'évaluation de ses biens immobiliers")
    fichiers = {
        "cautionnement": (cautionnement, cautionnement_nom),
        "assurance": (assurance, assurance_nom),
    }
    manquantes = [COPIES[c] for c, (contenu, _nom) in fichiers.items() if not contenu]
    if manquantes:
        raise DonneeInvalide(f"Joignez {' et '.join(manquantes)} (PDF).")
    dossier = DossierDrass(
        demande=demande,
        transmis_le=transmis_le,
        revenus=revenus,
        biens_immobiliers=biens,
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    fichiers = {
        champ: (contenu, (nom or f"{champ}.pdf")[:200])
        for champ, (contenu, nom) in fichiers.items()
    }
    for champ, (contenu, nom) in fichiers.items():  # both checked before either is stored
        if controler_fichier(nom, contenu) != "application/pdf":
            raise DonneeInvalide(
                f"{COPIES[champ][0].upper()}{COPIES[champ][1:]} « {nom} » doit être un PDF."
            )
    for champ, (contenu, nom) in fichiers.items():
        sha = hashlib.sha256(contenu).hexdigest()
        setattr(dossier, f"{champ}_sha256", sha)
        setattr(dossier, f"{champ}_nom", nom)
        getattr(dossier, champ).save(f"{sha}.pdf", ContentFile(contenu), save=False)
    dossier.save()
    audit(
        acting_user,
        "responsabilite.dossier_drass",
        demande,
        apres={
            "transmis_le": transmis_le,
            "revenus": revenus,
            "biens_immobiliers": biens,
            "cautionnement_sha256": dossier.cautionnement_sha256,
            "assurance_sha256": dossier.assurance_sha256,
        },
    )
    return dossier


@transaction.atomic
def avis_ministres_enregistrer(
    *,
    acting_user,
    mise_en_cause: MiseEnCause,
    transmis_le: datetime.date,
    avis_le: datetime.date,
    reference: str,
    favorable: bool,
) -> AvisMinistres:
    """The directeur records the transmission for avis of a mise en cause by the
    tutelle above the amount set by arrêté, and the ministers' avis. The
    ordre de recette is not suspended by it (the text does not say so)."""
    mise = verrouiller(MiseEnCause, mise_en_cause.pk)
    aujourdhui = _exiger_directeur(acting_user, contre=mise.agent_comptable)
    if AvisMinistres.objects.filter(mise_en_cause=mise).exists():
        raise TransitionInterdite(
            "L'avis des ministres sur cette mise en cause est déjà enregistré ; il ne se modifie "
            "pas."
        )
    if mise.auteur != MiseEnCause.Auteur.TUTELLE:
        raise TransitionInterdite(
            "Seule la mise en cause décidée par l'autorité de tutelle locale est transmise pour "
            "avis aux ministres (circulaire 93/82 §6.2)."
        )
    seuil = seuil_approbation(mise.decide_le)
    if mise.montant <= seuil:
        raise TransitionInterdite(
            f"La mise en cause ({format_euros(mise.montant)}) ne dépasse pas la somme fixée par "
            f"arrêté ({format_euros(seuil)}) : elle n'est pas transmise pour avis aux ministres."
        )
    transmis_le = _date(
        transmis_le, "de transmission pour avis", au_plus_tot=mise.decide_le, aujourdhui=aujourdhui
    )
    avis_le = _date(
        avis_le, "de l'avis des ministres", au_plus_tot=transmis_le, aujourdhui=aujourdhui
    )
    reference = (reference or "").strip()
    if not reference:
        raise DonneeInvalide("Indiquez la référence de l'avis des ministres.")
    avis = AvisMinistres.objects.create(
        mise_en_cause=mise,
        seuil=seuil,
        transmis_le=transmis_le,
        avis_le=avis_le,
        avis_reference=reference[:120],
        favorable=bool(favorable),
        enregistre_par=acting_user,
        enregistre_le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "responsabilite.avis_ministres",
        mise,
        apres={
            "transmis_le": transmis_le,
            "avis_le": avis_le,
            "reference": avis.avis_reference,
            "favorable": avis.favorable,
            "seuil": seuil,
        },
    )
    return avis
