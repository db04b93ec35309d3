"""The régisseur's daily arrêté of his régie and the agent comptable's control
of it (circulaire 93/82, régies: « les régisseurs agissant pour le compte et
sous la surveillance de l'agent comptable »). Neither posts: a difference
found is shown, in the arrêté and in the control report, for the agent
comptable to act on."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Max

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from core.money import ZERO, format_euros
from core.money import montant as montant_valide
from core.verrous import verrouiller
from personnes.permissions import exiger_comptable
from tresorerie.models import ArreteRegie, Carnet, ControleRegie, Quittance, Regie
from tresorerie.services.caisse import _coupure
from tresorerie.services.commun import _atomique, _aujourd_hui
from tresorerie.services.regies import cheques_non_verses, encaisse, exiger_regisseur_de


def _regie(regie: Regie) -> Regie:
    return verrouiller(Regie.objects.select_related("compte__compte"), regie.pk)


# --- Arrêté du régisseur et contrôle de l'agent comptable -------------------------------------


def _comptage(comptage: dict) -> tuple[dict[str, int], Decimal]:
    propre: dict[str, int] = {}
    for coupure, nombre in (comptage or {}).items():
        cle = _coupure(coupure)
        if cle is None:
            raise DonneeInvalide(f"« {coupure} » n'est pas une coupure ou une pièce en euros.")
        try:
            n = int(str(nombre).strip() or 0)
        except ValueError:
            raise DonneeInvalide(f"Le nombre de « {coupure} € » doit être un entier.") from None
        if n < 0:
            raise DonneeInvalide(f"Le nombre de « {coupure} € » ne peut être négatif.")
        if n:
            propre[cle] = propre.get(cle, 0) + n
    total = sum((Decimal(c) * n for c, n in propre.items()), ZERO).quantize(Decimal("0.01"))
    return propre, total


def _cheques(montant, libelle: str) -> Decimal:
    if montant in (None, ""):
        return ZERO
    return montant_valide(montant, libelle=libelle, strictement_positif=False)


@_atomique
def regie_arreter(
    *, acting_user, regie: Regie, comptage: dict, cheques=None, observations: str = ""
) -> ArreteRegie:
    """The régisseur closes his own day: notes and coins counted, and on a line
    of their own the cheques he holds (cashed, not yet remitted: the 541
    balance includes them), against what the books say he holds; the
    difference compares notes, coins and cheques to it. After it, no receipt
    nor expense of that day at his régie (PostgreSQL too, LG372)."""
    date = _aujourd_hui()
    regie = _regie(regie)
    exiger_regisseur_de(acting_user, regie, date)
    if ArreteRegie.objects.filter(regie=regie, date__gte=date).exists():
        raise TransitionInterdite(f"La régie est déjà arrêtée pour le {date:%d/%m/%Y}.")
    propre, total = _comptage(comptage)
    cheques = _cheques(cheques, "Le total des chèques comptés")
    e = encaisse(regie, date)
    arrete = ArreteRegie.objects.create(
        regie=regie,
        date=date,
        comptage=propre,
        total_compte=total,
        cheques_comptes=cheques,
        cheques_non_verses=sum((c.montant for c in cheques_non_verses(regie, date)), ZERO),
        solde_comptable=e.solde_comptable,
        remises_en_cours=e.remises_en_cours,
        depenses_a_justifier=e.depenses_a_justifier,
        encaisse_theorique=e.theorique,
        ecart=total + cheques - e.theorique,
        observations=(observations or "").strip(),
        par=acting_user,
        le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "tresorerie.regie_arrete",
        arrete,
        apres={
            "especes": total,
            "cheques": cheques,
            "theorique": e.theorique,
            "ecart": arrete.ecart,
        },
    )
    return arrete


@_atomique
def regie_controler(
    *,
    acting_user,
    regie: Regie,
    especes_comptees,
    conclusion: str,
    cheques_comptes=None,
    observations: str = "",
    quittance_du: int | None = None,
    quittance_au: int | None = None,
) -> ControleRegie:
    """The agent comptable's control of the régie on the spot: the notes and
    coins he counts, and the cheques the régisseur holds on a line of their
    own, against the books, the quittances he checked, his observations and
    conclusion; the régisseur reads the report."""
    date = _aujourd_hui()
    exiger_comptable(acting_user, date, "contrôler une régie")
    regie = _regie(regie)
    if acting_user.pk == regie.regisseur_id:
        raise DroitInsuffisant("Le régisseur ne contrôle pas sa propre régie.")
    if regie.etat == Regie.Etat.PROJET:
        raise TransitionInterdite(f"La régie « {regie.libelle} » n'est pas encore créée.")
    if conclusion not in ControleRegie.Conclusion.values:
        raise DonneeInvalide("Indiquez la conclusion du contrôle.")
    especes = montant_valide(
        especes_comptees, libelle="Les espèces comptées", strictement_positif=False
    )
    cheques = _cheques(cheques_comptes, "Le total des chèques comptés")
    if (quittance_du is None) != (quittance_au is None):
        raise DonneeInvalide("Indiquez le premier et le dernier numéro des quittances vérifiées.")
    if quittance_du is not None and int(quittance_au) < int(quittance_du):
        raise DonneeInvalide("Le dernier numéro de quittance vérifié précède le premier.")
    observations = (observations or "").strip()
    if conclusion != ControleRegie.Conclusion.CONFORME and not observations:
        raise DonneeInvalide(
            "Des réserves ou des irrégularités se motivent : remplissez les observations."
        )
    if quittance_du is not None:
        derniere = Quittance.objects.filter(
            carnet__compte=regie.compte, carnet__type=Carnet.Type.QUITTANCE
        ).aggregate(m=Max("numero"))["m"]
        if derniere is None:
            raise DonneeInvalide(
                f"Aucune quittance n'a été délivrée sur les carnets de la régie "
                f"« {regie.libelle} » : il n'y a pas de quittances à vérifier."
            )
        if int(quittance_au) > derniere:
            raise DonneeInvalide(
                f"La dernière quittance délivrée sur les carnets de la régie « {regie.libelle} » "
                f"porte le n° {derniere} : on ne vérifie pas les quittances jusqu'au "
                f"n° {quittance_au}."
            )
    e = encaisse(regie, date)
    if conclusion == ControleRegie.Conclusion.CONFORME and especes + cheques != e.theorique:
        raise DonneeInvalide(
            f"Les espèces et les chèques comptés ({format_euros(especes + cheques)}) diffèrent "
            f"de l'encaisse théorique "
            f"({format_euros(e.theorique)}) : la régie ne se déclare pas tenue conformément. "
            "Concluez avec des réserves ou des irrégularités, motivées dans les observations."
        )
    numero = (regie.controles.aggregate(m=Max("numero"))["m"] or 0) + 1
    controle = ControleRegie.objects.create(
        regie=regie,
        numero=numero,
        date=date,
        especes_comptees=especes,
        cheques_comptes=cheques,
        cheques_non_verses=sum((c.montant for c in cheques_non_verses(regie, date)), ZERO),
        solde_comptable=e.solde_comptable,
        encaisse_theorique=e.theorique,
        ecart=especes + cheques - e.theorique,
        quittance_du=quittance_du,
        quittance_au=quittance_au,
        observations=observations,
        conclusion=conclusion,
        par=acting_user,
        le=horloge.maintenant(),
    )
    audit(
        acting_user,
        "tresorerie.regie_controle",
        controle,
        apres={
            "especes": especes,
            "cheques": cheques,
            "theorique": e.theorique,
            "conclusion": conclusion,
        },
    )
    return controle
