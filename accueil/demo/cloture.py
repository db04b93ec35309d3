"""The year-end of the demo's previous exercise, act by act, each through its
service with the clock set at the act's date (`core.horloge.figer`).

For the closed exercise Y (dates in Y+1; L is the last day of the période
complémentaire of Y, end of February with today's rules):

- 2 January: the période complémentaire of Y opens (and Y+1 with it);
- 6 January: the balance avant inventaire is frozen and sent to the DRASS
  and the trésorier-payeur général (circ. 93/82 §3.2);
- 13 to 15 January: the inventory, each operation with its état
  (`inventaire.services`): produits à recevoir (D253-17-2), créance douteuse
  (D253-17-3), provision pour dépréciation (D253-17-4), charges à payer with
  the visaed order left unpaid listed for memory (D253-19-2), provision pour
  risques (D253-19-3);
- 20 January: that order is paid, in Y+1;
- L + 1: the balance après inventaire frozen and sent, the produits à
  recevoir and charges à payer reversed in Y+1, the result posted;
- L + 9: the compte financier of the agent comptable, with the report of
  the commission de contrôle that met on L + 8;
- L + 12: the board's arrêté recorded by the directrice, the closing and the
  à-nouveaux of Y+1;
- then the comptes annuels' life after the board (`_apres_le_conseil`):
  transmission (L + 20, before 1 April), approbation by the DRASS (L + 75),
  the agent comptable's favourable avis on the fondé de pouvoir (L + 95),
  quitus to both (L + 100).

No date is after today: each is brought back to today when it would be
later, so a demo loaded in early March has its whole year-end on the days
just behind it.

The exercise in période complémentaire (a demo loaded in January or
February) gets the first steps only, up to today: the balance avant
inventaire, the produits à recevoir and the créance douteuse; the rest of
its inventory is left to do.
"""

from __future__ import annotations

import datetime

from accueil.demo.mots_de_passe import mot_de_passe_demo
from accueil.demo.pieces import pdf_texte
from accueil.demo.precedent import cotisations_impayees, fin_des_delais, payer_ordres_restes
from comptes_annuels import services_cycle
from comptes_annuels.services import compte_financier_etablir
from core import horloge
from inventaire import services as inventaire
from ledger.models import BalanceFigee, EnvoiBalance, Exercice
from ledger.services import (
    a_nouveaux_passer,
    arrete_enregistrer,
    balance_envoyer,
    balance_figer,
    exercice_clore,
    exercice_ouvrir_periode_complementaire,
    resultat_passer,
)

Article = inventaire.Article
J = datetime.timedelta


def _figer_et_envoyer(comptable, exercice: Exercice, nature: str, le: datetime.date):
    with horloge.figer(le):
        balance = balance_figer(acting_user=comptable, exercice=exercice, nature=nature)
        for destinataire in (EnvoiBalance.Destinataire.DRASS, EnvoiBalance.Destinataire.TPG):
            balance_envoyer(
                acting_user=comptable,
                balance=balance,
                destinataire=destinataire,
                envoyee_le=le,
                reference=f"Bordereau {exercice.annee}-{nature[:5].upper()}-{destinataire.upper()}",
            )
    return balance


def _debut_inventaire(comptable, exercice: Exercice, le: datetime.date) -> None:
    """Produits à recevoir and créance douteuse (the first two états)."""
    mot_de_passe = mot_de_passe_demo("comptable")
    with horloge.figer(le):
        inventaire.produits_a_recevoir_constater(
            acting_user=comptable,
            exercice=exercice,
            explication=(
                "Cotisations de décembre des employeurs dont le bordereau n'était pas parvenu "
                "au 31 décembre : moyenne des trois derniers bordereaux de chacun."
            ),
            articles=[
                Article(
                    "Cotisations patronales de décembre, bordereaux non parvenus",
                    "25550.00",
                    compte="7511",
                ),
                Article(
                    "Cotisations salariales de décembre, bordereaux non parvenus",
                    "10950.00",
                    compte="7512",
                ),
            ],
            mot_de_passe=mot_de_passe,
        )
        tiers, du = cotisations_impayees()
        inventaire.creances_douteuses_transferer(
            acting_user=comptable,
            exercice=exercice,
            explication=(
                "L'employeur est en redressement judiciaire depuis novembre : ses cotisations "
                "impayées d'octobre à décembre sont déclarées au mandataire."
            ),
            articles=[Article("Cotisations d'octobre à décembre impayées", du, "4111", tiers)],
            mot_de_passe=mot_de_passe,
        )


def _fin_inventaire(comptable, exercice: Exercice, le: datetime.date) -> None:
    """Provision pour dépréciation, charges à payer, provision pour risques."""
    mot_de_passe = mot_de_passe_demo("comptable")
    tiers, du = cotisations_impayees()
    with horloge.figer(le):
        inventaire.provisions_depreciation_constituer(
            acting_user=comptable,
            exercice=exercice,
            methode="individuelle",
            explication=(
                "Créance appréciée débiteur par débiteur : le mandataire judiciaire annonce "
                "un dividende de 50 % au plus."
            ),
            articles=[
                Article("Hôtel du Lac, dépréciation de 50 %", du / 2, tiers=tiers),
            ],
            mot_de_passe=mot_de_passe,
        )
        inventaire.charges_a_payer_constater(
            acting_user=comptable,
            exercice=exercice,
            explication=(
                "Consommation de décembre relevée au compteur, facture parvenue en janvier : "
                "montant du relevé au tarif en vigueur."
            ),
            articles=[
                Article(
                    "Électricité de décembre, facture non parvenue",
                    "1184.60",
                    compte="6061",
                    tiers="Électricité de Valmont",
                    contrepartie="408",
                )
            ],
            mot_de_passe=mot_de_passe,
        )
        inventaire.provisions_risques_constituer(
            acting_user=comptable,
            exercice=exercice,
            explication=(
                "Litige prud'homal d'un ancien agent : indemnité demandée, pondérée par "
                "l'issue des litiges comparables."
            ),
            donnees_historiques=(
                "Sur les dix derniers litiges prud'homaux de la caisse, six condamnations, "
                "à 40 % en moyenne de la somme demandée (62 500 €)."
            ),
            articles=[
                Article("Litige prud'homal, M. Renaud", "25000.00", tiers="M. Renaud"),
            ],
            mot_de_passe=mot_de_passe,
        )


def exercice_en_cours_d_inventaire(personnes: dict, exercice: Exercice, aujourd_hui) -> None:
    """The exercise in période complémentaire in January–February: its first
    inventory steps, up to today (see the module's docstring)."""
    comptable = personnes["comptable"]
    annee = exercice.annee + 1
    le = min(datetime.date(annee, 1, 2), aujourd_hui)
    with horloge.figer(le):
        exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    _figer_et_envoyer(comptable, exercice, "avant_inventaire", min(le + J(4), aujourd_hui))
    _debut_inventaire(comptable, exercice, min(datetime.date(annee, 1, 13), aujourd_hui))


def exercice_clos(personnes: dict, exercice: Exercice, aujourd_hui) -> None:
    """The whole year-end of `exercice`, up to its quitus (module docstring)."""
    comptable, directrice = personnes["comptable"], personnes["directrice"]
    annee = exercice.annee + 1
    limite = fin_des_delais(exercice.annee)

    def jour(date: datetime.date) -> datetime.date:
        return min(date, aujourd_hui)

    with horloge.figer(jour(datetime.date(annee, 1, 2))):
        exercice_ouvrir_periode_complementaire(acting_user=comptable, exercice=exercice)
    _figer_et_envoyer(comptable, exercice, "avant_inventaire", jour(datetime.date(annee, 1, 6)))
    _debut_inventaire(comptable, exercice, jour(datetime.date(annee, 1, 13)))
    _fin_inventaire(comptable, exercice, jour(datetime.date(annee, 1, 15)))
    payer_ordres_restes(personnes, exercice, jour(datetime.date(annee, 1, 20)))
    apres = jour(limite + J(1))
    _figer_et_envoyer(comptable, exercice, BalanceFigee.Nature.APRES_INVENTAIRE, apres)
    # (freezing it reversed the produits à recevoir and charges à payer into N)
    with horloge.figer(apres):
        resultat_passer(acting_user=comptable, exercice=exercice)
    _compte_financier(comptable, exercice, jour(limite + J(8)), jour(limite + J(9)))
    conseil = jour(limite + J(12))
    with horloge.figer(conseil):
        arrete_enregistrer(
            acting_user=directrice,
            exercice=exercice,
            arrete_le=conseil,
            deliberation=f"n° {annee}-07",
        )
        exercice_clore(acting_user=comptable, exercice=exercice)
        a_nouveaux_passer(acting_user=comptable, exercice=exercice)
    _apres_le_conseil(personnes, exercice, limite, jour)


def _compte_financier(comptable, exercice: Exercice, commission_le, le) -> None:
    """The compte financier, the commission de contrôle's report joined (§IV)."""
    rapport = pdf_texte(
        [
            "Caisse primaire d'assurance maladie de Valmont",
            f"Commission de contrôle, séance du {commission_le:%d/%m/%Y}",
            f"Rapport sur les comptes de l'exercice {exercice.annee}",
            "La commission a examiné la balance après inventaire, les états d'inventaire",
            "et la situation de trésorerie au 31 décembre : elle n'a pas d'observation.",
        ]
    )
    with horloge.figer(le):
        compte_financier_etablir(
            acting_user=comptable,
            exercice=exercice,
            commission_le=commission_le,
            rapport_nom=f"rapport_commission_controle_{exercice.annee}.pdf",
            rapport=rapport,
        )


def _apres_le_conseil(personnes: dict, exercice: Exercice, limite, jour) -> None:
    """The comptes annuels arrêtés by the board: sent to the comité
    départemental d'examen des comptes and the DRASS, approved by the DRASS,
    quitus to the agent comptable, and to the fondé de pouvoir on the agent
    comptable's favourable avis (D613-41; circ. 93/82 §IV)."""
    directrice = personnes["directrice"]
    annee = exercice.annee + 1
    le = jour(limite + J(20))
    with horloge.figer(le):
        services_cycle.transmission_enregistrer(
            acting_user=directrice,
            exercice=exercice,
            le=le,
            reference=f"Lettre n° {annee}-DIR-112 au Codec et à la DRASS",
        )
    le = jour(limite + J(75))
    with horloge.figer(le):
        services_cycle.approbation_enregistrer(
            acting_user=directrice,
            exercice=exercice,
            autorite="drass",
            le=le,
            reference=f"Arrêté du directeur régional n° {annee}-0457",
        )
    # The fondé de pouvoir's quitus rests on the agent comptable's favourable avis.
    le = jour(limite + J(95))
    with horloge.figer(le):
        services_cycle.avis_fonde_enregistrer(
            acting_user=personnes["comptable"],
            exercice=exercice,
            fonde=personnes["fonde"],
            favorable=True,
            texte="Intérim de l'agent comptable tenu sans observation de la commission de contrôle.",
            le=le,
        )
    le = jour(limite + J(100))
    with horloge.figer(le):
        for beneficiaire in (None, personnes["fonde"]):
            services_cycle.quitus_donner(
                acting_user=directrice,
                exercice=exercice,
                le=le,
                deliberation=f"n° {annee}-19",
                beneficiaire=beneficiaire,
            )
