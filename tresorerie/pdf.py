"""Treasury documents as PDFs: the quittance (or reçu, or its cancellation),
the état de rapprochement and the procès-verbal d'arrêté de caisse.

They are printed often (a quittance at every cash payment): plain CSS, the
fonts the other documents already use, no image, one font configuration
kept per thread.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone

from core import horloge, pdf_travailleur
from core.money import ZERO, en_lettres
from reglementation.selectors import titre_agent_comptable
from tresorerie import services
from tresorerie.forms import libelle_coupure
from tresorerie.models import ArreteCaisse, Quittance
from tresorerie.selectors import EtatRapprochement


def _titre_comptable() -> str:
    try:
        return titre_agent_comptable(horloge.aujourdhui())
    except Exception:  # noqa: BLE001 - a missing rule must not stop a document
        return "agent comptable"


def _html(gabarit: str, contexte: dict) -> str:
    contexte = {
        "organisme": settings.NOM_ORGANISME,
        "edite_le": timezone.localtime(horloge.maintenant()),
        **contexte,
    }
    return render_to_string(gabarit, contexte)


def _pdf(gabarit: str, contexte: dict) -> bytes:
    # The font configuration is kept per thread (core.pdf_travailleur).
    return pdf_travailleur.rendre_page(_html(gabarit, contexte))


def quittance_pdf(quittance: Quittance) -> bytes:
    """A quittance, a reçu or the document cancelling one (circ. 93/82 §2.0.6)."""
    return pdf_travailleur.rendre_page(quittance_html(quittance))


def quittance_html(quittance: Quittance) -> str:
    """The quittance's HTML, WeasyPrint's input (rendered here or by core.pdf_lot's pool)."""
    if not (Quittance.carnet.is_cached(quittance) and Quittance.encaissement.is_cached(quittance)):
        # Loaded by its id alone: one query instead of three lazy ones.
        quittance = Quittance.objects.select_related(
            "carnet", "encaissement__compte", "encaissement__exercice", "annule__carnet"
        ).get(pk=quittance.pk)
    encaissement = quittance.encaissement
    origine = quittance.annule or quittance
    # The orders settled as they stood when the original document was issued.
    affectations = [
        a
        for a in encaissement.affectations.filter(ordre__isnull=False, le__lte=origine.emise_le)
        .select_related("ordre__exercice", "ligne")
        .order_by("id")
        if a.montant > 0
    ]
    if quittance.nature == Quittance.Nature.QUITTANCE:
        titre = "QUITTANCE"
    elif quittance.nature == Quittance.Nature.RECU:
        titre = "REÇU"
    elif quittance.annule.nature == Quittance.Nature.RECU:
        titre = "ANNULATION DU REÇU"
    else:
        titre = "ANNULATION DE LA QUITTANCE"
    carnet = quittance.carnet
    return _html(
        "tresorerie/quittance_pdf.html",
        {
            "q": quittance,
            "e": encaissement,
            "titre": titre,
            "carnet": carnet,
            "affectations": affectations,
            "en_lettres": en_lettres(quittance.montant),
            "circulaire": services.CIRC_ENCAISSEMENT,
        },
    )


def rapprochement_pdf(etat: EtatRapprochement) -> bytes:
    """État de rapprochement of an account of funds with its last bank statement."""
    return _pdf(
        "tresorerie/rapprochement_pdf.html",
        {"etat": etat, "titre_comptable": _titre_comptable()},
    )


def restes_pdf(etat, debiteurs, *, non_soldes: bool) -> bytes:
    """État des restes à recouvrer per debtor, with its agreement with the ledger."""
    totaux = {
        nom: sum((getattr(d, nom) for d in debiteurs), ZERO)
        for nom in ("pris_en_charge", "reduit", "recouvre", "reste", "solde_comptable")
    }
    return _pdf(
        "tresorerie/restes_pdf.html",
        {
            "etat": etat,
            "debiteurs": debiteurs,
            "totaux": totaux,
            "non_soldes": non_soldes,
            "titre_comptable": _titre_comptable(),
        },
    )


def lignes_comptage(arrete: ArreteCaisse) -> list[tuple[str, int, Decimal]]:
    """Every denomination, in order, with its count and subtotal."""
    comptage = {str(k): int(v) for k, v in (arrete.comptage or {}).items()}
    lignes = []
    for coupure in services.COUPURES:
        nombre = comptage.get(coupure, 0)
        lignes.append(
            (libelle_coupure(coupure), nombre, (Decimal(coupure) * nombre).quantize(ZERO))
        )
    return lignes


def arrete_pdf(arrete: ArreteCaisse) -> bytes:
    """Procès-verbal d'arrêté de caisse (circ. 93/82 §2.2)."""
    return _pdf(
        "tresorerie/arrete_pdf.html",
        {
            "a": arrete,
            "lignes": lignes_comptage(arrete),
            "ecart_absolu": abs(arrete.ecart),
            "titre_comptable": _titre_comptable(),
            "compte_debets": services.COMPTE_DEBETS,
            "compte_manquants": services.COMPTE_MANQUANTS,
            "compte_excedents": services.COMPTE_EXCEDENTS,
            "circulaire": services.CIRC_TRESORERIE,
        },
    )
