"""Demo data of the surveillance part of recovery (the demo fund of SCENARIOS.md),
through the services, each on its own day (`core.horloge.figer`):

- the lease of the flat the fund lets, kept by the agent comptable, expiring
  in a few months (he has still to inform the directrice, circ. 93/82 §2.0.4);
- a mortgage on a debtor in contentious recovery whose inscription lapses
  within six months (still to be signalled to the directrice, §2.0.4);
- the directrice's periodicity of the list of the claims not recovered
  (quarterly) and the agent comptable's sendings (§2.0.5);
- the état nominatif of each half-year ended, sent to the caisse on the
  twentieth day after it — on 20 July for the first half-year —, before the
  first day of the second month (annexe art. 13 al. 7).

The debtor in contentious recovery is the first the contentious part of the
demo left; when there is none, a company's cotisations taken in charge in
March receive the directrice's mise en demeure in April.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from core import horloge
from recettes import services as recettes
from recettes.services.emission import SORTE
from recouvrement.models import Debiteur
from recouvrement.models_surveillance import ContratConserve, Garantie, Liste
from recouvrement.situation import debiteurs_en_contentieux
from recouvrement.surveillance_commun import plus_mois
from recouvrement.surveillance_contrats import contrat_enregistrer
from recouvrement.surveillance_garanties import _du_directeur, garantie_prendre
from recouvrement.surveillance_listes import liste_adresser, periodicite_fixer


def _debiteur_en_contentieux(personnes: dict, annee: int, aujourd_hui) -> Debiteur | None:
    """The first debtor in contentious recovery, preferably a company."""
    existants = list(debiteurs_en_contentieux())
    entreprises = [d for d in existants if d.forme == Debiteur.Forme.ENTREPRISE]
    if existants:
        return (entreprises or existants)[0]
    prise_en_charge = datetime.date(annee, 3, 2)
    mise_en_demeure = datetime.date(annee, 4, 7)
    if aujourd_hui < mise_en_demeure:
        return None
    from ordres.services import signer
    from recouvrement.contentieux import mise_en_demeure_envoyer

    directrice, comptable = personnes["directrice"], personnes["comptable"]
    with horloge.figer(prise_en_charge):
        ordre = recettes.ordre_recette_creer(
            acting_user=directrice,
            saisie=recettes.SaisieOrdre(
                nature="cotisation",
                objet="Cotisations de janvier et février, Bâtiments Morel",
                bases_liquidation="Déclarations sociales de janvier et février",
                compte_imputation="7511",
                compte_tiers="4111",
                date_fait=prise_en_charge,
                dates={
                    "liquidation": prise_en_charge,
                    "droits_acquis": prise_en_charge,
                    "echeance": datetime.date(annee, 3, 15),
                },
                lignes=[
                    recettes.LigneDebiteur(
                        "Bâtiments Morel SARL (SIRET 51234567800019)", "employeur", "12600.00"
                    )
                ],
                type="individuel",
                pieces_references="Déclarations sociales au dossier du cotisant",
            ),
        )
        # The demo signs as the parapheur does once the password is typed again.
        with transaction.atomic():
            signer(SORTE, directrice, ordre)
        recettes.ordre_recette_transmettre(acting_user=directrice, ordre=ordre)
        controles = [
            recettes.ControleSaisi(point, True) for point in recettes.controles_requis(ordre).points
        ]
        recettes.ordre_recette_prendre_en_charge(
            acting_user=comptable, ordre=ordre, controles=controles
        )
    with horloge.figer(mise_en_demeure):
        mise_en_demeure_envoyer(acting_user=directrice, lignes=[ordre.lignes.get()])
    debiteur = Debiteur.objects.get(nom__startswith="Bâtiments Morel")
    return debiteur


def creer_demo(personnes: dict, exercice, aujourd_hui) -> None:
    annee = exercice.annee
    directrice, comptable = personnes["directrice"], personnes["comptable"]
    if ContratConserve.objects.exists() or Garantie.objects.exists():
        return

    # The lease of the flat the fund lets, expiring in four months.
    dans_quatre_mois = plus_mois(aujourd_hui, 4)
    debut = datetime.date(dans_quatre_mois.year - 3, dans_quatre_mois.month, 1)
    with horloge.figer(datetime.date(annee, 1, 5)):
        contrat_enregistrer(
            acting_user=comptable,
            nature=ContratConserve.Nature.BAIL,
            objet="Appartement du 12 rue Haute, 2e étage",
            cocontractant="M. et Mme Perrin",
            debut=debut,
            expire_le=plus_mois(debut, 36) - datetime.timedelta(days=1),
            original="Coffre de l'agence comptable, chemise B-12",
            preavis_mois=6,
        )
        contrat_enregistrer(
            acting_user=comptable,
            nature=ContratConserve.Nature.CONTRAT,
            objet="Placement à terme à la Caisse des dépôts",
            cocontractant="Caisse des dépôts et consignations",
            debut=datetime.date(annee - 1, 9, 1),
            expire_le=datetime.date(annee + 2, 8, 31),
            original="Coffre de l'agence comptable, chemise C-3",
        )

    # A mortgage on a debtor in contentious recovery, lapsing within six months.
    debiteur = _debiteur_en_contentieux(personnes, annee, aujourd_hui)
    if debiteur is not None:
        peremption = plus_mois(aujourd_hui, 6) - datetime.timedelta(days=3)
        inscrite = plus_mois(peremption, -120)
        creance = debiteur.creances.order_by("pk").first()
        with horloge.figer(max(creance.ouverte_le if creance else inscrite, inscrite)):
            garantie_prendre(
                acting_user=directrice if _du_directeur(debiteur) else comptable,
                debiteur=debiteur,
                creance=creance,
                nature=Garantie.Nature.HYPOTHEQUE,
                montant="12600.00" if creance is None else creance.ligne.montant,
                objet="Entrepôt de la zone des Prés, lot 14",
                prise_le=inscrite,
                inscrite_le=inscrite,
                bureau="Service de la publicité foncière de Valmont",
                peremption_le=peremption,
            )

    # The list of the claims not recovered, quarterly (§2.0.5).
    with horloge.figer(datetime.date(annee, 1, 5)):
        periodicite_fixer(
            acting_user=directrice,
            liste=Liste.IRRECOUVREES,
            mois=3,
            a_compter_du=datetime.date(annee, 4, 1),
        )
    for mois in (4, 7, 10):
        le = datetime.date(annee, mois, 1)
        if le <= aujourd_hui:
            with horloge.figer(le):
                liste_adresser(acting_user=comptable, liste=Liste.IRRECOUVREES, le=le)

    # The état nominatif of each half-year ended since recovery began, sent on
    # the twentieth day after it (that of the first half-year on 20 July),
    # before the first day of the second month.
    from recouvrement.etat_nominatif import etat_nominatif_adresser
    from recouvrement.surveillance import semestres_a_adresser

    for s in semestres_a_adresser(aujourd_hui):
        envoi = s.arrete_au + datetime.timedelta(days=20)
        if envoi <= aujourd_hui:
            with horloge.figer(envoi):
                etat_nominatif_adresser(
                    acting_user=directrice,
                    annee=s.annee,
                    semestre=s.numero,
                    envoye_le=envoi,
                    reference=f"CN-{s.annee}-S{s.numero}-0001",
                )
