"""The acts of the régies, as pages and the API see them (circulaire 93/82,
régies): the directeur draws up, decides and ends a régie after the agent
comptable's avis conforme; the régisseur cashes, pays, remits and closes his
day within his own régie (the services check that it is his); the agent
comptable pays the avance, admits the expenses, receives the remittances and
controls the régie. `donnees` are the cleaned data of a form or serializer."""

from __future__ import annotations

from core.actes import Acte
from core.money import format_euros
from personnes.droits import droit
from personnes.models import Fonction
from personnes.permissions import refus_comptable
from personnes.selectors import FONCTIONS_COMPTABLES
from tresorerie import services
from tresorerie.services import regies as sr
from tresorerie.services import regies_caisse as rc

DIRECTEUR = {Fonction.DIRECTEUR}
REGISSEUR = {Fonction.REGISSEUR}
REFUS_REGISSEUR = (
    "Seul le régisseur, dans sa propre régie, accomplit cet acte (circulaire 93/82, régies)."
)


def _comptable(code: str, acte: str):
    return droit(code, FONCTIONS_COMPTABLES, refus_comptable(acte))


PROJETER_DROIT = droit("tresorerie.regie_projeter", DIRECTEUR, sr.REFUS_DIRECTEUR)
DECIDER_DROIT = droit("tresorerie.regie_decider", DIRECTEUR, sr.REFUS_DIRECTEUR)
FERMER_DROIT = droit("tresorerie.regie_fermer", DIRECTEUR, sr.REFUS_DIRECTEUR)
AVIS_DROIT = _comptable("tresorerie.regie_avis", "rendre l'avis conforme sur une régie")
AVANCE_DROIT = _comptable("tresorerie.regie_avance", "verser une avance à une régie")
ADMETTRE_DROIT = _comptable("tresorerie.regie_etat_admettre", "admettre les dépenses d'une régie")
RECEVOIR_DROIT = _comptable(
    "tresorerie.regie_versement_recevoir", "recevoir le versement d'une régie"
)
CONTROLER_DROIT = _comptable("tresorerie.regie_controler", "contrôler une régie")
COMPTE_OUVRIR_DROIT = _comptable("tresorerie.compte_regie_ouvrir", "ouvrir le compte d'une régie")
ENCAISSER_DROIT = droit("tresorerie.regie_encaisser", REGISSEUR, REFUS_REGISSEUR)
DEPENSER_DROIT = droit("tresorerie.regie_depenser", REGISSEUR, REFUS_REGISSEUR)
ETAT_DROIT = droit("tresorerie.regie_etat_depenses", REGISSEUR, REFUS_REGISSEUR)
VERSER_DROIT = droit("tresorerie.regie_verser", REGISSEUR, REFUS_REGISSEUR)
ARRETER_DROIT = droit("tresorerie.regie_arreter", REGISSEUR, REFUS_REGISSEUR)


def _operations(d: dict) -> list[sr.OperationSaisie]:
    return [
        o
        if isinstance(o, sr.OperationSaisie)
        else sr.OperationSaisie(o["sens"], o["libelle"], o["compte"], o.get("nature_recette") or "")
        for o in d.get("operations") or ()
    ]


COMPTE_OUVRIR = Acte(
    "tresorerie.compte_regie_ouvrir",
    lambda u, _o, d: services.compte_regie_ouvrir(
        acting_user=u,
        libelle=d["libelle"],
        numero=d.get("numero") or "",
        code=d.get("code") or "",
    ),
    COMPTE_OUVRIR_DROIT,
    lambda c, _d: (
        f"Compte de régie {c.compte.numero} « {c.libelle} » ouvert : le directeur peut y "
        "projeter la régie."
    ),
)
PROJETER = Acte(
    "tresorerie.regie_projeter",
    lambda u, _o, d: sr.regie_projeter(
        acting_user=u,
        libelle=d["libelle"],
        type=d["type"],
        compte=d["compte"],
        regisseur=d["regisseur"],
        plafond_encaisse=d["plafond_encaisse"],
        plafond_depense=d.get("plafond_depense"),
        operations=_operations(d),
    ),
    PROJETER_DROIT,
    lambda r, _d: f"Projet de régie « {r.libelle} » soumis à l'avis conforme de l'agent comptable.",
)
AVIS = Acte(
    "tresorerie.regie_avis",
    lambda u, regie, d: sr.regie_avis(
        acting_user=u,
        regie=regie,
        favorable=d["favorable"],
        le=d["le"],
        observations=d.get("observations") or "",
    ),
    AVIS_DROIT,
    lambda r, _d: (
        f"Avis {'favorable' if r.avis_favorable else 'défavorable'} rendu sur la régie "
        f"« {r.libelle} »."
    ),
)
DECIDER = Acte(
    "tresorerie.regie_decider",
    lambda u, regie, d: sr.regie_decider(
        acting_user=u,
        regie=regie,
        le=d["le"],
        acte_reference=d["acte_reference"],
        vise_instruction=d.get("vise_instruction", False),
    ),
    DECIDER_DROIT,
    lambda r, _d: f"Régie « {r.libelle} » créée par la décision {r.acte_reference}.",
)
FERMER = Acte(
    "tresorerie.regie_fermer",
    lambda u, regie, d: sr.regie_fermer(
        acting_user=u, regie=regie, le=d["le"], reference=d["reference"]
    ),
    FERMER_DROIT,
    lambda r, _d: f"Régie « {r.libelle} » fermée.",
)
ENCAISSER = Acte(
    "tresorerie.regie_encaisser",
    lambda u, regie, d: rc.regie_encaisser(
        acting_user=u,
        regie=regie,
        operation=d["operation"],
        montant=d["montant"],
        payeur=d["payeur"],
        objet=d["objet"],
        moyen=d.get("moyen") or "numeraire",
        reference=d.get("reference") or "",
    ),
    ENCAISSER_DROIT,
    lambda e, _d: (
        f"Encaissement de {format_euros(e.montant)} enregistré"
        + "".join(f" ; quittance n° {q.reference} délivrée" for q in e.quittances.all())
        + "."
    ),
)
DEPENSER = Acte(
    "tresorerie.regie_depenser",
    lambda u, regie, d: rc.regie_depenser(
        acting_user=u,
        regie=regie,
        operation=d["operation"],
        montant=d["montant"],
        beneficiaire=d["beneficiaire"],
        objet=d["objet"],
        piece=d["piece"],
    ),
    DEPENSER_DROIT,
    lambda dep, _d: f"Dépense de {format_euros(dep.montant)} payée à {dep.beneficiaire}.",
)
ETAT = Acte(
    "tresorerie.regie_etat_depenses",
    lambda u, regie, _d: rc.regie_etat_depenses(acting_user=u, regie=regie),
    ETAT_DROIT,
    lambda e, _d: (
        f"État des dépenses {e.reference} de {format_euros(e.total)} transmis à l'agent comptable."
    ),
)
ADMETTRE = Acte(
    "tresorerie.regie_etat_admettre",
    lambda u, etat, d: rc.regie_etat_admettre(
        acting_user=u, etat=etat, observations=d.get("observations") or ""
    ),
    ADMETTRE_DROIT,
    lambda e, _d: f"État des dépenses {e.reference} admis.",
)
AVANCE = Acte(
    "tresorerie.regie_avance",
    lambda u, regie, d: rc.regie_avance(
        acting_user=u, regie=regie, montant=d["montant"], source=d["source"]
    ),
    AVANCE_DROIT,
    lambda a, _d: f"Avance de {format_euros(a.montant)} versée à la régie.",
)
VERSER = Acte(
    "tresorerie.regie_verser",
    lambda u, regie, d: rc.regie_verser(
        acting_user=u,
        regie=regie,
        montant=d.get("montant"),
        observations=d.get("observations") or "",
    ),
    VERSER_DROIT,
    lambda v, _d: (
        f"Versement {v.reference} de {format_euros(v.montant)} remis à l'agent comptable."
    ),
)
RECEVOIR = Acte(
    "tresorerie.regie_versement_recevoir",
    lambda u, versement, d: rc.regie_versement_recevoir(
        acting_user=u, versement=versement, destination=d["destination"]
    ),
    RECEVOIR_DROIT,
    lambda v, _d: f"Versement {v.reference} de {format_euros(v.montant)} reçu.",
)
ARRETER = Acte(
    "tresorerie.regie_arreter",
    lambda u, regie, d: rc.regie_arreter(
        acting_user=u,
        regie=regie,
        comptage=d.get("comptage") or {},
        cheques=d.get("cheques"),
        observations=d.get("observations") or "",
    ),
    ARRETER_DROIT,
    lambda a, _d: (
        f"Régie arrêtée au {a.date:%d/%m/%Y} : {a.nature_ecart} "
        f"(espèces {format_euros(a.total_compte)}, chèques {format_euros(a.cheques_comptes)}, "
        f"théorique {format_euros(a.encaisse_theorique)})."
    ),
)
CONTROLER = Acte(
    "tresorerie.regie_controler",
    lambda u, regie, d: rc.regie_controler(
        acting_user=u,
        regie=regie,
        especes_comptees=d["especes_comptees"],
        cheques_comptes=d.get("cheques_comptes"),
        conclusion=d["conclusion"],
        observations=d.get("observations") or "",
        quittance_du=d.get("quittance_du"),
        quittance_au=d.get("quittance_au"),
    ),
    CONTROLER_DROIT,
    lambda c, _d: f"Rapport de contrôle {c.reference} enregistré.",
)
