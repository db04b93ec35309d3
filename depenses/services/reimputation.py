"""Réimputation (circ. 93/82 §2.1.4): "Les imputations de dépenses reconnues
erronées au cours de l'exercice d'émission sont rectifiées, pour les
opérations des gestions budgétaires, au moyen de certificats de réimputation
délivrés par le directeur."

Two acts, as for every order: the directeur issues the certificate (his
budget: the credits move from the old line to the new one at once); the
agent comptable takes it in charge and posts it in the OD journal, in his
own name — "la tenue de la comptabilité ne peut faire l'objet d'une
délégation" (circ. §1.1.1) — or rejects it, and the credits move back.
"""

from __future__ import annotations

from django.db import DatabaseError, transaction

from budget.reimputation import credit_reimputer
from core import horloge
from core.audit import audit
from core.exceptions import (
    DonneeInvalide,
    DroitInsuffisant,
    ExerciceClos,
    TransitionInterdite,
    relever_erreur_base,
)
from core.verrous import verrouiller
from depenses.models import CertificatReimputation, Gestion, OrdreDepense
from depenses.selectors import imputations_actuelles
from depenses.services.communs import NATURE_DELEGATION, _aujourd_hui, _compte, _verrouiller
from ledger.models import Compte, Exercice
from ledger.services import LigneSaisie, ecriture_passer
from ordres.services import exiger_etat
from personnes.permissions import exiger_comptable, exiger_separation, pouvoir_ordonnateur
from personnes.signature import verifier_mot_de_passe

CIRC_REIMPUTATION = "circulaire 93/82 §2.1.4"
Etat = CertificatReimputation.Etat


def imputation_actuelle(ordre: OrdreDepense):
    """The account an order is charged to now: the new account of its last
    certificate not rejected (its credits moved when the directeur issued it),
    else its own."""
    numero = imputations_actuelles([ordre.pk]).get(ordre.pk)
    return Compte.objects.get(numero=numero) if numero else ordre.compte_imputation


def _exiger_exercice_d_emission(ordre: OrdreDepense) -> None:
    exercice = ordre.exercice
    if exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {exercice.annee} est clos : l'imputation de ses dépenses ne peut plus "
            f"être modifiée ({CIRC_REIMPUTATION})."
        )
    if _aujourd_hui() > exercice.fin or exercice.etat != Exercice.Etat.OUVERT:
        raise ExerciceClos(
            f"L'ordre n° {ordre.reference} a été émis sur l'exercice {exercice.annee}, achevé le "
            f"{exercice.fin:%d/%m/%Y} : une imputation erronée ne se rectifie par certificat de "
            f"réimputation qu'au cours de l'exercice d'émission ({CIRC_REIMPUTATION})."
        )


def certificat_reimputation_etablir(
    *, acting_user, ordre: OrdreDepense, nouveau_compte: str, motif: str, mot_de_passe: str
) -> CertificatReimputation:
    """The directeur issues a certificate of réimputation (circ. 93/82 §2.1.4):
    only the directeur himself (the text says "délivrés par le directeur"; a
    délégué is refused, whatever his délégation), only for an order of the
    gestions budgétaires, visaed or paid, only within the exercise of emission.
    The credits move at once from the line of the current imputation to the
    new one (`budget.reimputation.credit_reimputer`), refused when the new line
    lacks room. Nothing is posted: the agent comptable takes the certificate
    in charge (`certificat_reimputation_prendre_en_charge`)."""
    try:
        with transaction.atomic():
            verifier_mot_de_passe(acting_user, mot_de_passe)
            ordre = _verrouiller(ordre)
            nouveau = _compte(nouveau_compte, classes=(2, 6), libelle="Le nouveau compte")
            capacite = pouvoir_ordonnateur(
                acting_user,
                nature=NATURE_DELEGATION,
                montant=ordre.montant,
                compte_numero=nouveau.numero,
                le=_aujourd_hui(),
            )
            if capacite.delegation is not None:
                raise DroitInsuffisant(
                    "Les certificats de réimputation sont délivrés par le directeur lui-même "
                    f"({CIRC_REIMPUTATION})."
                )
            if ordre.gestion != Gestion.BUDGETAIRE:
                raise DonneeInvalide(
                    f"L'ordre n° {ordre.reference} relève de la {ordre.get_gestion_display()} : "
                    "le certificat de réimputation ne rectifie que les opérations des gestions "
                    f"budgétaires ({CIRC_REIMPUTATION})."
                )
            exiger_etat(ordre, {OrdreDepense.Etat.VISE, OrdreDepense.Etat.PAYE}, "réimputer")
            _exiger_exercice_d_emission(ordre)
            if ordre.reimputations.filter(etat=Etat.DELIVRE).exists():
                raise TransitionInterdite(
                    f"Un certificat de réimputation de l'ordre n° {ordre.reference} attend déjà "
                    "sa prise en charge par l'agent comptable."
                )
            ancien = imputation_actuelle(ordre)
            if nouveau.pk == ancien.pk:
                raise DonneeInvalide(
                    f"Le compte {nouveau.numero} est celui de l'imputation actuelle de l'ordre."
                )
            motif = (motif or "").strip()
            if not motif:
                raise DonneeInvalide("Le certificat de réimputation est motivé.")
            certificat = CertificatReimputation.objects.create(
                ordre=ordre,
                ancien_compte=ancien,
                nouveau_compte=nouveau,
                motif=motif,
                par=acting_user,
                qualite=capacite.qualite[:255],
            )
            credits = credit_reimputer(
                acting_user=acting_user,
                exercice=ordre.exercice,
                ancien_compte=ancien.numero,
                nouveau_compte=nouveau.numero,
                montant=ordre.montant,
                paye=ordre.etat == OrdreDepense.Etat.PAYE,
                reference=f"reimputation:{certificat.pk}:ordre_depense:{ordre.reference}",
            )
            audit(
                acting_user,
                "ordre_depense.reimputation_delivree",
                ordre,
                avant={"compte": ancien.numero},
                apres={
                    "compte": nouveau.numero,
                    "motif": motif,
                    "certificat": certificat.pk,
                    "credits": "déplacés" if credits else "même chapitre : rien ne bouge",
                },
            )
            return certificat
    except DatabaseError as exc:
        relever_erreur_base(exc)


def _verrouiller_certificat(acting_user, certificat, acte: str):
    """The certificate and its order locked; the agent comptable acts, never
    on a certificate he issued (circ. 93/82 §2.4.0)."""
    exiger_comptable(acting_user, _aujourd_hui(), acte)
    certificat = verrouiller(
        CertificatReimputation.objects.select_related("par", "ancien_compte", "nouveau_compte"),
        certificat.pk,
    )
    ordre = _verrouiller(certificat.ordre)
    exiger_separation(ordonnateur=certificat.par, comptable=acting_user)
    if certificat.etat != Etat.DELIVRE:
        raise TransitionInterdite(
            f"Le certificat de réimputation n° {certificat.pk} est {certificat.get_etat_display()} : "
            "on ne le prend en charge ou ne le rejette qu'une fois."
        )
    if ordre.exercice.etat == Exercice.Etat.CLOS:
        raise ExerciceClos(
            f"L'exercice {ordre.exercice.annee} est clos : l'imputation de ses dépenses ne peut "
            f"plus être modifiée ({CIRC_REIMPUTATION})."
        )
    return certificat, ordre


def certificat_reimputation_prendre_en_charge(
    *, acting_user, certificat: CertificatReimputation
) -> CertificatReimputation:
    """The agent comptable takes the directeur's certificate in charge and
    posts it in the OD journal, in his own name (circ. 93/82 §1.1.1): debit of
    the new account, credit of the old one, for the order's amount."""
    try:
        with transaction.atomic():
            certificat, ordre = _verrouiller_certificat(
                acting_user, certificat, "prendre en charge un certificat de réimputation"
            )
            ecriture = ecriture_passer(
                acting_user=acting_user,
                exercice=ordre.exercice,
                journal="OD",
                date=min(_aujourd_hui(), ordre.exercice.fin),
                libelle=(
                    f"Certificat de réimputation n° {certificat.pk} de l'ordre n° {ordre.reference}"
                )[:255],
                lignes=[
                    LigneSaisie(certificat.nouveau_compte.numero, debit=ordre.montant),
                    LigneSaisie(certificat.ancien_compte.numero, credit=ordre.montant),
                ],
                piece=f"ordre_depense:{ordre.reference}",
            )
            certificat.etat, certificat.ecriture = Etat.PRIS_EN_CHARGE, ecriture
            certificat.traite_par, certificat.traite_le = acting_user, horloge.maintenant()
            certificat.save(update_fields=["etat", "ecriture", "traite_par", "traite_le"])
            audit(
                acting_user,
                "ordre_depense.reimputation_prise_en_charge",
                ordre,
                avant={"compte": certificat.ancien_compte.numero},
                apres={
                    "compte": certificat.nouveau_compte.numero,
                    "certificat": certificat.pk,
                    "ecriture": f"OD-{ecriture.numero}",
                },
            )
            return certificat
    except DatabaseError as exc:
        relever_erreur_base(exc)


def certificat_reimputation_rejeter(
    *, acting_user, certificat: CertificatReimputation, motif: str
) -> CertificatReimputation:
    """The agent comptable rejects the certificate, with his reason (he checks
    the exact imputation, circ. 93/82 §2.1.2.0): the credits go back to the
    old line, nothing is posted."""
    try:
        with transaction.atomic():
            certificat, ordre = _verrouiller_certificat(
                acting_user, certificat, "rejeter un certificat de réimputation"
            )
            motif = (motif or "").strip()
            if not motif:
                raise DonneeInvalide("Le rejet d'un certificat de réimputation est motivé.")
            credit_reimputer(
                acting_user=acting_user,
                exercice=ordre.exercice,
                ancien_compte=certificat.nouveau_compte.numero,
                nouveau_compte=certificat.ancien_compte.numero,
                montant=ordre.montant,
                paye=ordre.etat == OrdreDepense.Etat.PAYE,
                reference=f"reimputation:{certificat.pk}:rejet",
                rejet=True,
            )
            certificat.etat, certificat.motif_rejet = Etat.REJETE, motif
            certificat.traite_par, certificat.traite_le = acting_user, horloge.maintenant()
            certificat.save(update_fields=["etat", "motif_rejet", "traite_par", "traite_le"])
            audit(
                acting_user,
                "ordre_depense.reimputation_rejetee",
                ordre,
                avant={"compte": certificat.nouveau_compte.numero},
                apres={
                    "compte": certificat.ancien_compte.numero,
                    "certificat": certificat.pk,
                    "motif": motif,
                },
            )
            return certificat
    except DatabaseError as exc:
        relever_erreur_base(exc)
