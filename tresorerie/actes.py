"""The acts of the treasury, as pages and the API see them.

The agent comptable alone handles the fund's money (circ. 93/82 §2.2): each
act's droit names his side, with the sentence its service says when it
refuses (`personnes.permissions.refus_comptable`); a régisseur may encaisser,
on his own régie only (the service checks the régie and the means); the
ordonnateur prepares the regularising ordre de recette. The services check
again at the act's date, with the separation of ordonnateur and comptable.

`donnees` are the cleaned data of the API's serializers (`tresorerie.api.saisies`);
the pages hand the same keys.
"""

from __future__ import annotations

from core.actes import Acte
from core.money import format_euros, montant
from ledger.models import Ecriture
from personnes.droits import droit
from personnes.models import Fonction
from personnes.permissions import refus_comptable
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES
from tresorerie import services
from tresorerie.services import CIRC_TRESORERIE, COMPTE_A_REGULARISER
from tresorerie.services.retour_manuel import ACTE_RETOURNER, CODE_RETOURNER
from tresorerie.services.retours_coordonnees import ACTE_CORRIGER, CODE_CORRIGER


def _droit_comptable(code: str, acte: str):
    return droit(code, FONCTIONS_COMPTABLES, refus_comptable(acte))


ENCAISSER_DROIT = droit(
    "tresorerie.encaisser",
    FONCTIONS_COMPTABLES | {Fonction.REGISSEUR},
    "Seul l'agent comptable manie les fonds de l'organisme ; un régisseur n'encaisse que le "
    f"numéraire et les chèques de sa propre régie ({CIRC_TRESORERIE} et §II).",
)
SANS_TITRE_DROIT = _droit_comptable(
    "tresorerie.encaisser_sans_titre", "encaisser une recette sans ordre préalable"
)
AFFECTER_DROIT = _droit_comptable("tresorerie.excedent_affecter", "affecter un encaissement")
REMBOURSER_DROIT = _droit_comptable("tresorerie.excedent_rembourser", "rembourser un trop-perçu")
RECU_DROIT = _droit_comptable("tresorerie.recu_delivrer", "délivrer un reçu")
ANNULER_DROIT = _droit_comptable("tresorerie.encaissement_annuler", "annuler un encaissement")
CARNET_OUVRIR_DROIT = _droit_comptable("tresorerie.carnet_ouvrir", "ouvrir un carnet à souches")
CARNET_CLORE_DROIT = _droit_comptable("tresorerie.carnet_clore", "clore un carnet à souches")
PAYER_DROIT = _droit_comptable("tresorerie.payer", "payer un ordre de dépense")
# The acts on returned transfers (`tresorerie.actes_retours`), each in its own words.
VIREMENT_RETOURNER_DROIT = _droit_comptable(CODE_RETOURNER, ACTE_RETOURNER)
COORDONNEES_DROIT = _droit_comptable(CODE_CORRIGER, ACTE_CORRIGER)
# The opposition is served on the agent comptable alone (circ. 93/82 §2.1.5).
DECIDER_DROIT = _droit_comptable(
    "tresorerie.opposition_decider", "décider du paiement arrêté par une opposition"
)
DECOUVERT_DROIT = _droit_comptable(
    "tresorerie.decouvert_fixer", "fixer le découvert autorisé d'un compte"
)
FORMAT_VIREMENTS_DROIT = _droit_comptable(
    "tresorerie.format_virements_fixer",
    "choisir le format des fichiers de virements d'un compte",
)
RELEVE_IMPORTER_DROIT = _droit_comptable(
    "tresorerie.releve_importer", "importer un relevé bancaire"
)
# Matching, explaining and undoing are one work: the same droit.
RAPPROCHER_DROIT = _droit_comptable("tresorerie.rapprocher", "rapprocher un relevé")
ARRETE_CAISSE_DROIT = _droit_comptable("tresorerie.arrete_caisse", "arrêter la caisse")
VIREMENT_DROIT = _droit_comptable("tresorerie.virement_interne", "virer des fonds entre comptes")
FRAIS_DROIT = _droit_comptable("tresorerie.frais_bancaires", "comptabiliser des frais bancaires")
REGULARISATION_DROIT = droit(
    "tresorerie.regularisation_preparer",
    FONCTIONS_ORDONNATRICES,
    "Seul l'ordonnateur prépare l'ordre de recette qui régularise les encaissements sans titre.",
)


# --- Comptes et carnets ------------------------------------------------------------


def _carnet_ouvrir(utilisateur, _objet, d: dict):
    return services.carnet_ouvrir(
        acting_user=utilisateur,
        type=d["type"],
        compte=d["compte"],
        titulaire=d.get("titulaire") or utilisateur,
        serie=d["serie"],
        premier_numero=d["premier_numero"],
        dernier_numero=d["dernier_numero"],
    )


CARNET_OUVRIR = Acte(
    "tresorerie.carnet_ouvrir",
    _carnet_ouvrir,
    CARNET_OUVRIR_DROIT,
    lambda c, _d: f"Carnet {c.serie} ouvert ({c.get_type_display()}).",
)
CARNET_CLORE = Acte(
    "tresorerie.carnet_clore",
    lambda utilisateur, carnet, _d: services.carnet_clore(acting_user=utilisateur, carnet=carnet),
    CARNET_CLORE_DROIT,
    lambda c, _d: f"Carnet {c.serie} clos.",
)


# --- Encaissements ------------------------------------------------------------------


def _encaisser(utilisateur, _objet, d: dict):
    return services.encaissement_enregistrer(
        acting_user=utilisateur,
        compte=d["compte"],
        moyen=d["moyen"],
        montant=d["montant"],
        payeur=d["payeur"],
        objet=d["objet"],
        date=d.get("date"),
        reference=d.get("reference") or "",
        recu=d.get("recu", False),
        repartitions=[
            r
            if isinstance(r, services.Repartition)
            else services.Repartition(ligne=r["ligne"], montant=r["montant"])
            for r in d.get("repartitions") or ()
        ],
    )


def _encaisse(encaissement, _d) -> str:
    documents = ", ".join(
        f"{q.get_nature_display()} n° {q.reference}"
        for q in encaissement.quittances.select_related("carnet")
    )
    return f"Encaissement {encaissement.reference_interne} enregistré" + (
        f" ; {documents} délivré(e)." if documents else "."
    )


ENCAISSER = Acte("tresorerie.encaisser", _encaisser, ENCAISSER_DROIT, _encaisse)


def _sans_titre(utilisateur, _objet, d: dict):
    produit = d["compte_produit"]
    return services.encaissement_sans_titre(
        acting_user=utilisateur,
        compte=d["compte"],
        moyen=d["moyen"],
        montant=d["montant"],
        payeur=d["payeur"],
        objet=d["objet"],
        compte_produit=getattr(produit, "numero", produit),
        nature_recette=d["nature_recette"],
        date=d.get("date"),
        reference=d.get("reference") or "",
        recu=d.get("recu", False),
    )


ENCAISSER_SANS_TITRE = Acte(
    "tresorerie.encaisser_sans_titre",
    _sans_titre,
    SANS_TITRE_DROIT,
    lambda e, _d: (
        f"Encaissement {e.reference_interne} enregistré au compte {COMPTE_A_REGULARISER}, "
        "en attente de régularisation."
    ),
)
EXCEDENT_AFFECTER = Acte(
    "tresorerie.excedent_affecter",
    lambda utilisateur, encaissement, d: services.excedent_affecter(
        acting_user=utilisateur, encaissement=encaissement, ligne=d["ligne"], montant=d["montant"]
    ),
    AFFECTER_DROIT,
    "Excédent affecté à l'ordre de recette.",
)
EXCEDENT_REMBOURSER = Acte(
    "tresorerie.excedent_rembourser",
    lambda utilisateur, encaissement, d: services.excedent_rembourser(
        acting_user=utilisateur,
        encaissement=encaissement,
        compte=d["compte"],
        montant=d["montant"],
        reference=d.get("reference") or "",
    ),
    REMBOURSER_DROIT,
    "Trop-perçu remboursé.",
)
RECU_DELIVRER = Acte(
    "tresorerie.recu_delivrer",
    lambda utilisateur, encaissement, _d: services.recu_delivrer(
        acting_user=utilisateur, encaissement=encaissement
    ),
    RECU_DROIT,
    "Reçu délivré.",
)
ENCAISSEMENT_ANNULER = Acte(
    "tresorerie.encaissement_annuler",
    lambda utilisateur, encaissement, d: services.encaissement_annuler(
        acting_user=utilisateur, encaissement=encaissement, motif=d["motif"]
    ),
    ANNULER_DROIT,
    "Encaissement annulé ; ses quittances et reçus sont annulés par un document qui les référence.",
)
REGULARISATION_PREPARER = Acte(
    "tresorerie.regularisation_preparer",
    lambda utilisateur, _objet, d: services.regularisation_preparer(
        acting_user=utilisateur, annee=d["annee"], mois=d["mois"]
    ),
    REGULARISATION_DROIT,
    lambda ordres, _d: (
        "Ordre(s) de régularisation préparé(s) dans votre parapheur : "
        + ", ".join(f"n° {o.reference}" for o in ordres)
        + "."
    ),
)


# --- Paiements -------------------------------------------------------------------------

PAYER = Acte(
    "tresorerie.payer",
    lambda utilisateur, _objet, d: services.lot_payer(
        acting_user=utilisateur,
        ordres=d["ordres"],
        compte=d["compte"],
        moyen=d["moyen"],
        le=d.get("date"),
    ),
    PAYER_DROIT,
    lambda lot, _d: (
        f"Lot {lot.reference} payé : {lot.nombre} paiement(s), total {format_euros(lot.total)}."
    ),
)
OPPOSITION_DECIDER = Acte(
    "tresorerie.opposition_decider",
    lambda utilisateur, ligne, d: services.opposition_decider(
        acting_user=utilisateur,
        ligne=ligne,
        opposition=d["opposition"],
        decision=d["decision"],
        motif=d["motif"],
    ),
    DECIDER_DROIT,
    lambda ligne, d: (
        f"Opposition n° {d['opposition'].pk} appliquée au paiement de {ligne.creancier} : "
        "l'opposant sera payé d'abord."
        if d["decision"] == "appliquer"
        else f"Doute levé : {ligne.creancier} sera payé sans l'opposition n° {d['opposition'].pk}."
    ),
)
DECOUVERT_FIXER = Acte(
    "tresorerie.decouvert_fixer",
    lambda utilisateur, compte, d: services.compte_decouvert_fixer(
        acting_user=utilisateur, compte=compte, montant=d["montant"], motif=d.get("motif", "")
    ),
    DECOUVERT_DROIT,
    lambda compte, d: (
        f"Découvert autorisé de « {compte.libelle} » fixé à "
        f"{format_euros(montant(d['montant'], strictement_positif=False))}."
    ),
)

FORMAT_VIREMENTS_FIXER = Acte(
    "tresorerie.format_virements_fixer",
    lambda utilisateur, compte, d: services.compte_format_virements_fixer(
        acting_user=utilisateur, compte=compte, format=d["format"], motif=d.get("motif", "")
    ),
    FORMAT_VIREMENTS_DROIT,
    lambda compte, d: (
        f"Les fichiers de virements de « {compte.libelle} » seront écrits en {d['format']}."
    ),
)


# --- Relevés et rapprochement -------------------------------------------------------------


def _releve_importer(utilisateur, _objet, d: dict):
    fichier = d["fichier"]
    return services.releve_importer(
        acting_user=utilisateur,
        compte=d["compte"],
        nom_fichier=fichier.name,
        contenu=fichier.read(),
        solde_ouverture=d.get("solde_ouverture") or None,
    )


RELEVE_IMPORTER = Acte(
    "tresorerie.releve_importer",
    _releve_importer,
    RELEVE_IMPORTER_DROIT,
    lambda r, _d: services.resume_import(r),
)
RAPPROCHER = Acte(
    "tresorerie.rapprocher",
    lambda utilisateur, ligne, d: services.rapprocher(
        acting_user=utilisateur, ligne_releve=ligne, lignes=d["lignes"]
    ),
    RAPPROCHER_DROIT,
    "Ligne du relevé rapprochée.",
)
EXPLIQUER = Acte(
    "tresorerie.expliquer",
    lambda utilisateur, ligne, d: services.expliquer(
        acting_user=utilisateur, ligne_releve=ligne, explication=d["explication"]
    ),
    RAPPROCHER_DROIT,
    "Ligne du relevé expliquée.",
)
RAPPROCHEMENT_DEFAIRE = Acte(
    "tresorerie.rapprochement_defaire",
    lambda utilisateur, rapprochement, _d: services.rapprochement_defaire(
        acting_user=utilisateur, rapprochement=rapprochement
    ),
    RAPPROCHER_DROIT,
    "Rapprochement défait.",
)


# --- Caisse, virements, frais ------------------------------------------------------------


def _arrete(arrete, _d) -> str:
    ecriture = arrete.ecriture
    return f"Caisse arrêtée au {arrete.date:%d/%m/%Y} : {arrete.nature_ecart}" + (
        f", écriture {ecriture.journal.code}-{ecriture.numero}." if ecriture else "."
    )


ARRETE_CAISSE = Acte(
    "tresorerie.arrete_caisse",
    lambda utilisateur, _objet, d: services.arrete_caisse(
        acting_user=utilisateur,
        compte=d["compte"],
        comptage=d["comptage"],
        date=d.get("date"),
        observations=d.get("observations") or "",
    ),
    ARRETE_CAISSE_DROIT,
    _arrete,
)


def _ecriture_passee(ecriture: Ecriture, _d) -> str:
    return f"Virement passé : écriture {ecriture.journal.code}-{ecriture.numero}."


VIREMENT_INTERNE = Acte(
    "tresorerie.virement_interne",
    lambda utilisateur, _objet, d: services.virement_interne(
        acting_user=utilisateur,
        de=d["de"],
        vers=d["vers"],
        montant=d["montant"],
        date=d.get("date"),
        libelle=d.get("libelle") or "",
    ),
    VIREMENT_DROIT,
    _ecriture_passee,
)
FRAIS_BANCAIRES = Acte(
    "tresorerie.frais_bancaires",
    lambda utilisateur, _objet, d: services.frais_bancaires(
        acting_user=utilisateur,
        compte=d["compte"],
        montant=d["montant"],
        libelle=d["libelle"],
        date=d.get("date"),
        ligne_releve=d.get("ligne_releve"),
    ),
    FRAIS_DROIT,
    "Frais bancaires comptabilisés (627) et rapprochés.",
)


# The régies' acts (module of their own: size); their droits named here too, so
# that the catalogue (`manage.py droits`) lists them under the treasury.
from tresorerie.actes_regies import (  # noqa: E402, F401
    ADMETTRE_DROIT as REGIE_ADMETTRE_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    ARRETER_DROIT as REGIE_ARRETER_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    AVANCE_DROIT as REGIE_AVANCE_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    AVIS_DROIT as REGIE_AVIS_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    COMPTE_OUVRIR_DROIT as REGIE_COMPTE_OUVRIR_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    CONTROLER_DROIT as REGIE_CONTROLER_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    DECIDER_DROIT as REGIE_DECIDER_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    DEPENSER_DROIT as REGIE_DEPENSER_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    ENCAISSER_DROIT as REGIE_ENCAISSER_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    ETAT_DROIT as REGIE_ETAT_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    FERMER_DROIT as REGIE_FERMER_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    PROJETER_DROIT as REGIE_PROJETER_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    RECEVOIR_DROIT as REGIE_RECEVOIR_DROIT,
)
from tresorerie.actes_regies import (  # noqa: E402, F401
    VERSER_DROIT as REGIE_VERSER_DROIT,
)
