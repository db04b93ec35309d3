"""Movements of funds between the fund's accounts, and bank fees (circ. 93/82 §2.2.0)."""

from __future__ import annotations

import datetime

from core.audit import audit
from core.exceptions import DonneeInvalide
from core.money import montant as montant_valide
from core.saisie import date as date_saisie
from core.saisie import texte
from core.verrous import verrouiller
from ledger.models import Ecriture, Ligne
from ledger.services import LigneSaisie, ecriture_passer
from personnes.permissions import exiger_comptable
from tresorerie.models import CompteDisponibilite, Rapprochement
from tresorerie.models import LigneReleve as LigneReleveModele
from tresorerie.services.caisse import exiger_caisse_ouverte
from tresorerie.services.commun import _atomique, _aujourd_hui, exercice_du
from tresorerie.services.paiements import exiger_solde

# --- Mouvements de fonds et frais --------------------------------------------------------


@_atomique
def virement_interne(
    *,
    acting_user,
    de: CompteDisponibilite,
    vers: CompteDisponibilite,
    montant,
    date: datetime.date | None = None,
    libelle: str = "",
) -> Ecriture:
    """Move funds between the fund's accounts (circ. 93/82 §2.2.0): the daily
    drawing from the Caisse des dépôts to the compte spécial d'exécution, the
    nivellement of a compte spécial d'encaissement, cash to the bank."""
    date = date_saisie(date or _aujourd_hui(), "La date du virement")
    if date > _aujourd_hui():
        raise DonneeInvalide(
            f"Un virement se date du jour où il est fait, au plus tard aujourd'hui "
            f"({_aujourd_hui():%d/%m/%Y}) : le {date:%d/%m/%Y} n'est pas encore venu."
        )
    exiger_comptable(
        acting_user,
        date,
        "virer des fonds entre comptes",
        code="tresorerie.virement_interne",
        montant=montant,
    )
    if de.pk == vers.pk:
        raise DonneeInvalide("Un virement interne va d'un compte à un autre.")
    if vers.credits_seulement:
        raise DonneeInvalide(
            f"« {vers.libelle} » n'est alimenté que par le versement des cotisations "
            "(circulaire 93/82 §2.2.0.2) : on n'y vire pas de fonds."
        )
    somme = montant_valide(montant, libelle="Le montant du virement")
    for compte in (de, vers):
        exiger_caisse_ouverte(compte, date, "le virement")
    # Money leaves only what the account holds (or its authorised overdraft):
    # the account is locked first, so that two movements read its balance in turn.
    de = verrouiller(CompteDisponibilite.objects.select_related("compte"), de.pk)
    exiger_solde(de, somme, date, "virement")
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(date),
        journal="TR",
        date=date,
        libelle=(libelle or f"Virement de « {de.libelle} » vers « {vers.libelle} »")[:255],
        lignes=[
            LigneSaisie(vers.compte.numero, debit=somme),
            LigneSaisie(de.compte.numero, credit=somme),
        ],
        piece=f"virement:{de.code}>{vers.code}",
    )
    audit(
        acting_user,
        "tresorerie.virement_interne",
        de,
        apres={"vers": vers.code, "montant": somme, "ecriture": f"TR-{ecriture.numero}"},
    )
    return ecriture


@_atomique
def frais_bancaires(
    *,
    acting_user,
    compte: CompteDisponibilite,
    montant,
    libelle: str,
    date: datetime.date | None = None,
    ligne_releve: LigneReleveModele | None = None,
) -> Ecriture:
    """Book the fees of an account (627 / bank). Those of a compte spécial
    d'encaissement are charged to the external account designated for it
    (circ. 93/82 §2.2.0.3). Given a statement line, the entry is matched with it."""
    date = date_saisie(date or _aujourd_hui(), "La date des frais")
    exiger_comptable(
        acting_user,
        date,
        "comptabiliser des frais bancaires",
        code="tresorerie.frais_bancaires",
        montant=montant,
    )
    payeur = compte.compte_frais if compte.credits_seulement else compte
    if payeur is None or not payeur.iban:
        raise DonneeInvalide(f"« {compte.libelle} » ne supporte pas de frais bancaires.")
    somme = montant_valide(montant, libelle="Le montant des frais")
    libelle = texte(libelle, "Le libellé", longueur=200)
    if ligne_releve is not None:
        ligne_releve = LigneReleveModele.objects.select_related("releve").get(pk=ligne_releve.pk)
        if (
            ligne_releve.releve.compte_id != payeur.pk
            or ligne_releve.sens != "debit"
            or ligne_releve.montant != somme
            or hasattr(ligne_releve, "rapprochement")
        ):
            raise DonneeInvalide(
                "Cette ligne de relevé n'est pas un débit libre de ce montant sur le compte qui "
                "supporte les frais."
            )
    ecriture = ecriture_passer(
        acting_user=acting_user,
        exercice=exercice_du(date),
        journal="TR",
        date=date,
        libelle=f"Frais bancaires : {libelle}"[:255],
        lignes=[
            LigneSaisie("627", debit=somme),
            LigneSaisie(payeur.compte.numero, credit=somme),
        ],
        piece=(ligne_releve.reference_banque if ligne_releve else f"frais:{compte.code}")[:120],
    )
    if ligne_releve is not None:
        rapprochement = Rapprochement.objects.create(
            ligne_releve=ligne_releve, mode=Rapprochement.Mode.MANUEL, par=acting_user
        )
        rapprochement.lignes_ecriture.set(
            Ligne.objects.filter(ecriture=ecriture, compte=payeur.compte)
        )
    audit(
        acting_user,
        "tresorerie.frais_bancaires",
        compte,
        apres={"supportes_par": payeur.code, "montant": somme, "ecriture": f"TR-{ecriture.numero}"},
    )
    return ecriture
