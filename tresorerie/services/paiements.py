"""Payment of visaed ordres de dépense in batches (circ. 93/82 §2.1.5, §2.1.6)."""

from __future__ import annotations

import datetime
import hashlib
import uuid
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db.models import Q

from core.audit import audit
from core.exceptions import DonneeInvalide
from core.money import ZERO
from core.saisie import date as date_saisie
from depenses.models import LigneOrdreDepense
from depenses.paiements import ordres_depense_payer, ordres_depense_verrouiller_pour_paiement
from ledger.services import LigneSaisie, ecriture_passer
from oppositions.models import Opposition
from oppositions.services import imputer, oppositions_opposables, repartir_paiement
from personnes.permissions import exiger_comptable
from tresorerie import sepa
from tresorerie.models import CompteDisponibilite, LotPaiement, Paiement
from tresorerie.services.caisse import exiger_caisse_ouverte
from tresorerie.services.commun import _atomique, _aujourd_hui, exercice_du

# --- Paiements ------------------------------------------------------------------------


def _exiger_compte_de_paiement(compte: CompteDisponibilite, moyen: str) -> None:
    if compte.credits_seulement:
        raise DonneeInvalide(
            f"« {compte.libelle} » est un compte spécial d'encaissement : il n'enregistre que des "
            "crédits, aucun paiement n'en part (circulaire 93/82 §2.2.0.2)."
        )
    if not compte.actif:
        raise DonneeInvalide(f"Le compte « {compte.libelle} » est fermé.")
    if moyen == LotPaiement.Moyen.NUMERAIRE and compte.nature != CompteDisponibilite.Nature.CAISSE:
        raise DonneeInvalide("Un paiement en numéraire se fait à la caisse.")
    if moyen in (LotPaiement.Moyen.VIREMENT, LotPaiement.Moyen.CHEQUE) and not compte.iban:
        raise DonneeInvalide(
            f"Un paiement par {LotPaiement.Moyen(moyen).label} part d'un compte bancaire ; "
            f"« {compte.libelle} » n'a pas d'IBAN."
        )


def _bout_en_bout(lot_ref: str, rang: int) -> str:
    return f"{lot_ref}-{rang:05d}"[:35]


@_atomique
def lot_payer(
    *,
    acting_user,
    ordres,
    compte: CompteDisponibilite,
    moyen: str = LotPaiement.Moyen.VIREMENT,
    le: datetime.date | None = None,
) -> LotPaiement:
    """Pay visaed ordres de dépense in one batch (circ. 93/82 §2.1.5, §2.1.6).

    For each creditor's line the opposing parties are paid first, each up to
    what remains of its opposition, the creditor gets the rest. One entry
    (journal TR) debits each creditor's account and credits the account of
    funds; transfers go in one pain.001 file; each order gets its payment
    mention and the credits their payment.
    """
    le = date_saisie(le or _aujourd_hui(), "La date du paiement")
    exiger_comptable(acting_user, le, "payer un ordre de dépense")
    if moyen not in LotPaiement.Moyen.values:
        raise DonneeInvalide(f"Le moyen de paiement « {moyen} » n'existe pas.")
    _exiger_compte_de_paiement(compte, moyen)
    exiger_caisse_ouverte(compte, le, "le paiement")
    exercice = exercice_du(le)
    verrouilles = ordres_depense_verrouiller_pour_paiement(ordres)
    identifiants = [o.pk for o in verrouilles]
    lignes = list(
        LigneOrdreDepense.objects.filter(ordre_id__in=identifiants).order_by("ordre_id", "id")
    )
    par_ordre = {o.pk: o for o in verrouilles}
    frappes = {
        i
        for i in Opposition.objects.filter(
            creancier_identifiant__in={lg.identifiant for lg in lignes if lg.identifiant},
            signifiee_le__lte=le,
        )
        .filter(Q(mainlevee_le__isnull=True) | Q(mainlevee_le__gt=le))
        .values_list("creancier_identifiant", flat=True)
    }
    message_id = f"CAISSE-{le:%Y%m%d}-{uuid.uuid4().hex[:12].upper()}"
    paiements: list[Paiement] = []
    opposants = 0
    for ligne in lignes:
        ordre = par_ordre[ligne.ordre_id]
        if moyen == LotPaiement.Moyen.VIREMENT and not ligne.iban:
            raise DonneeInvalide(
                f"L'ordre n° {ordre.reference} ne donne pas l'IBAN de {ligne.creancier} : "
                "payez-le par chèque ou en numéraire."
            )
        if ligne.identifiant and ligne.identifiant in frappes:
            # Opposing parties first, each up to what remains of its act (§2.1.5);
            # a later line of the same creditor sees what this one took.
            parts = repartir_paiement(
                montant=ligne.montant,
                creancier_nom=ligne.creancier,
                creancier_iban=ligne.iban,
                creancier_bic=ligne.bic,
                oppositions=oppositions_opposables(creancier_identifiant=ligne.identifiant, le=le),
            )
        else:
            parts = [None]
        for part in parts:
            if part is not None and part.montant <= 0:
                continue
            reference = _bout_en_bout(message_id[7:], len(paiements) + 1)
            if part is not None and part.opposition_id is not None:
                imputer(acting_user=acting_user, part=part, reference=reference, le=le)
                opposants += 1
            paiements.append(
                Paiement(
                    ordre=ordre,
                    ligne=ligne,
                    opposition_id=part.opposition_id if part else None,
                    beneficiaire=(part.beneficiaire if part else ligne.creancier)[:200],
                    iban=part.iban if part else ligne.iban,
                    bic=part.bic if part else ligne.bic,
                    montant=part.montant if part else ligne.montant,
                    bout_en_bout=reference,
                )
            )
    total = sum((p.montant for p in paiements), ZERO)
    debits: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for ligne in lignes:
        debits[(par_ordre[ligne.ordre_id].compte_tiers.numero, ligne.creancier[:120])] += (
            ligne.montant
        )
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice,
        journal="TR",
        date=le,
        libelle=(
            f"Paiement par {LotPaiement.Moyen(moyen).label} de {len(verrouilles)} ordre(s) de "
            f"dépense, lot {message_id}"
        )[:255],
        lignes=[
            LigneSaisie(numero, debit=somme, tiers=tiers)
            for (numero, tiers), somme in debits.items()
        ]
        + [LigneSaisie(compte.compte.numero, credit=total)],
        piece=message_id,
    )
    fichier = b""
    if moyen == LotPaiement.Moyen.VIREMENT:
        fichier = sepa.pain001(
            message_id=message_id,
            donneur=sepa.Donneur(nom=settings.NOM_ORGANISME, iban=compte.iban, bic=compte.bic),
            date_execution=le,
            virements=[
                sepa.Virement(
                    beneficiaire=p.beneficiaire,
                    iban=p.iban,
                    bic=p.bic,
                    montant=p.montant,
                    bout_en_bout=p.bout_en_bout,
                    libelle=f"Ordre de dépense {p.ordre.reference} {p.ordre.objet}",
                )
                for p in paiements
            ],
        )
    lot = LotPaiement.objects.create(
        exercice=exercice,
        compte=compte,
        moyen=moyen,
        date=le,
        nombre=len(paiements),
        total=total,
        message_id=message_id,
        fichier=fichier,
        empreinte_fichier=hashlib.sha256(fichier).hexdigest() if fichier else "",
        ecriture=ecriture,
        cree_par=acting_user,
    )
    for p in paiements:
        p.lot = lot
    Paiement.objects.bulk_create(paiements, batch_size=5000)
    ordres_depense_payer(
        acting_user=acting_user, ordres=verrouilles, le=le, moyen=moyen, reference=message_id
    )
    audit(
        acting_user,
        "tresorerie.lot_paye",
        lot,
        apres={
            "ordres": len(verrouilles),
            "paiements": len(paiements),
            "total": total,
            "compte": compte.compte.numero,
            "ecriture": f"TR-{ecriture.numero}",
            "oppositions": opposants,
        },
    )
    return lot
