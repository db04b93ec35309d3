"""The monthly regularising ordres de recette of receipts cashed without one."""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros
from core.verrous import verrouiller_tous
from ordres.services import exiger_ordonnateur
from recettes import services as recettes
from recettes.models import OrdreRecette
from tresorerie.models import Encaissement
from tresorerie.services.commun import COMPTE_A_REGULARISER, _atomique

# --- Régularisation mensuelle des encaissements sans titre -----------------------------


@_atomique
def regularisation_preparer(*, acting_user, annee: int, mois: int) -> list[OrdreRecette]:
    """Gather the month's receipts cashed directly by the agent comptable on
    contracts he keeps into regularising ordres de recette (one per product
    account), drafts in the directeur's parapheur. Taken in charge, each
    clears 4713 against the product (4713 / 7xx).

    The ordonnateur's act: the first gate here (his function, or a
    delegation received), then each order is bound to his powers once drawn
    up, for its nature, amount and product account (`ordres.services.creer`):
    a délégué whose delegation does not cover it is refused with its reason,
    and nothing is prepared."""
    exiger_ordonnateur(
        acting_user,
        "émettre l'ordre de recette de régularisation",
        source="circulaire 93/82 §2.0.0",
    )
    try:
        debut = datetime.date(int(annee), int(mois), 1)
    except (TypeError, ValueError):
        raise DonneeInvalide(f"Le mois {mois}/{annee} n'existe pas.") from None
    fin = (debut + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    encaissements = list(
        verrouiller_tous(Encaissement)
        .filter(
            sans_titre=True,
            etat=Encaissement.Etat.ENREGISTRE,
            regularise_par__isnull=True,
            date__range=(debut, fin),
        )
        .select_related("compte_produit")
        .order_by("compte_produit__numero", "date", "pk")
    )
    if not encaissements:
        raise TransitionInterdite(f"Aucun encaissement à régulariser en {debut:%m/%Y}.")
    groupes: dict[tuple[str, str], list[Encaissement]] = defaultdict(list)
    for enc in encaissements:
        groupes[(enc.compte_produit.numero, enc.nature_recette)].append(enc)
    ordres = []
    for (produit, nature), liste in groupes.items():
        par_payeur: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for enc in liste:
            par_payeur[enc.payeur] += enc.montant
        derniere = max(e.date for e in liste)
        ordre = recettes.ordre_recette_creer(
            acting_user=acting_user,
            saisie=recettes.SaisieOrdre(
                nature=nature,
                objet=f"Régularisation des encaissements de {debut:%m/%Y} ({produit})",
                bases_liquidation="Encaissements sans ordre préalable : "
                + " ; ".join(
                    f"n° {e.pk} du {e.date:%d/%m/%Y}, {e.payeur}, {format_euros(e.montant)}"
                    for e in liste
                ),
                compte_imputation=produit,
                compte_tiers=COMPTE_A_REGULARISER,
                date_fait=derniere,
                dates={
                    k: derniere
                    for k in (
                        "encaissement",
                        "echeance",
                        "liquidation",
                        "droits_acquis",
                        "contrat",
                        "reception",
                        "decision",
                        "reglement",
                    )
                },
                lignes=[
                    recettes.LigneDebiteur(payeur, "partie versante", somme)
                    for payeur, somme in par_payeur.items()
                ],
                type="collectif" if len(par_payeur) > 1 else "individuel",
                pieces_references="Quittances et reçus des encaissements régularisés",
            ),
        )
        Encaissement.objects.filter(pk__in=[e.pk for e in liste]).update(regularise_par=ordre)
        ordres.append(ordre)
        audit(
            acting_user,
            "tresorerie.regularisation_preparee",
            ordre,
            apres={"encaissements": [e.pk for e in liste], "mois": f"{debut:%m/%Y}"},
        )
    return ordres
