"""Quittances and reçus: each drawn from its carnet, numbered by the database
(circ. 93/82 §2.0.6)."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from django.conf import settings

from core import horloge
from core.audit import audit
from core.exceptions import TransitionInterdite
from core.verrous import verrouiller
from personnes.permissions import exiger_comptable
from tresorerie.models import Carnet, Encaissement, Quittance
from tresorerie.services.commun import _atomique, _aujourd_hui, _qualite, nom_complet
from tresorerie.services.comptes import carnet_de


def _contenu_document(
    encaissement: Encaissement, nature: str, montant: Decimal, motif: str
) -> dict:
    return {
        "organisme": settings.NOM_ORGANISME,
        "nature": nature,
        "encaissement": encaissement.pk,
        "date": encaissement.date.isoformat(),
        "payeur": encaissement.payeur,
        "objet": encaissement.objet,
        "montant": str(montant),
        "moyen": encaissement.moyen,
        "reference": encaissement.reference,
        "ordres": [
            (a.ordre.reference, a.ligne.debiteur, str(a.montant))
            for a in encaissement.affectations.select_related("ordre__exercice", "ligne")
            if a.ordre_id
        ],
        "motif": motif,
    }


def _delivrer(
    acting_user,
    encaissement: Encaissement,
    nature: str,
    *,
    annule: Quittance | None = None,
    motif="",
) -> Quittance:
    """Draw the next number of the issuer's carnet; the trigger checks it is the next one."""
    type_carnet = (
        Carnet.Type.QUITTANCE
        if (annule.nature if annule else nature) == Quittance.Nature.QUITTANCE
        else Carnet.Type.RECU
    )
    carnet = (
        verrouiller(Carnet, annule.carnet_id)
        if annule is not None and annule.carnet.clos_le is None
        else carnet_de(type_carnet, encaissement.compte, acting_user)
    )
    montant = annule.montant if annule else encaissement.montant
    contenu = _contenu_document(encaissement, nature, montant, motif)
    if annule is not None:
        contenu["annule"] = annule.reference
    le = _aujourd_hui()
    return Quittance.objects.create(
        carnet=carnet,
        numero=carnet.dernier_utilise + 1,
        nature=nature,
        encaissement=encaissement,
        annule=annule,
        montant=montant,
        emise_le=horloge.maintenant(),
        emise_par=acting_user,
        signataire=nom_complet(acting_user),
        qualite=_qualite(acting_user, le),
        motif=motif,
        empreinte=hashlib.sha256(
            json.dumps(contenu, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest(),
    )


@_atomique
def recu_delivrer(*, acting_user, encaissement: Encaissement) -> Quittance:
    """A reçu asked for later by a debtor who paid otherwise than in cash (circ. §2.0.6)."""
    exiger_comptable(
        acting_user, _aujourd_hui(), "délivrer un reçu", code="tresorerie.recu_delivrer"
    )
    encaissement = verrouiller(Encaissement, encaissement.pk)
    if encaissement.etat != Encaissement.Etat.ENREGISTRE:
        raise TransitionInterdite("Cet encaissement est annulé : il ne donne plus de reçu.")
    if (
        encaissement.quittances.filter(annulee_par__isnull=True)
        .exclude(nature="annulation")
        .exists()
    ):
        raise TransitionInterdite(
            "Cet encaissement a déjà sa quittance ou son reçu : imprimez-en un duplicata."
        )
    document = _delivrer(acting_user, encaissement, Quittance.Nature.RECU)
    audit(acting_user, "tresorerie.recu", encaissement, apres={"document": document.reference})
    return document
