"""The acts of amicable recovery as pages and the API see them
(`recouvrement.amiable`), with their forms and droits."""

from __future__ import annotations

from django import forms

from core.actes import Acte
from core.exceptions import DonneeInvalide
from core.formulaires import ChampDate, ChampMontant, saisie_date
from core.money import format_euros
from recouvrement import amiable
from recouvrement.droits_amiable import (
    DEFAILLANCE_DROIT,
    DELAI_DROIT,
    RELANCER_DROIT,
    TRANSMETTRE_DROIT,
)
from recouvrement.models import DelaiPaiement

__all__ = [
    "DEFAILLANCE",
    "DEFAILLANCE_DROIT",
    "DELAI",
    "DELAI_DROIT",
    "RELANCER",
    "RELANCER_DROIT",
    "TRANSMETTRE",
    "TRANSMETTRE_DROIT",
]

LIGNES_ECHEANCIER = 6
_DATE = {"widget": saisie_date()}


def lignes_choisies(valeurs) -> list[int]:
    """The claims ticked (their debtor's line ids), French refusal otherwise."""
    try:
        ids = [int(v) for v in valeurs]
    except (TypeError, ValueError):
        raise DonneeInvalide("Les créances choisies ne sont pas reconnues.") from None
    if not ids:
        raise DonneeInvalide("Choisissez au moins une créance à relancer.")
    return ids


def _relancer(utilisateur, _objet, donnees):
    return amiable.relances_envoyer(acting_user=utilisateur, lignes=donnees["lignes"])


def _succes_relances(lot, _donnees) -> str:
    n = lot.lettres.count()
    return f"Lot de relances n° {lot.reference} établi : {n} lettre{'s' if n > 1 else ''}."


RELANCER = Acte("recouvrement.relancer", _relancer, droit=RELANCER_DROIT, succes=_succes_relances)


class DelaiForm(forms.Form):
    """The debtor's written request and the échéancier (up to six instalments
    on the page; the API takes any number)."""

    demande_le = ChampDate(label="Date de la lettre du débiteur", **_DATE)
    demande_reference = forms.CharField(
        label="Référence de la lettre", max_length=120, required=False
    )
    demande_fichier = forms.FileField(label="Lettre du débiteur (PDF, PNG ou JPEG)", required=False)
    motif = forms.CharField(
        max_length=1000,
        label="Motif invoqué",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for i in range(1, LIGNES_ECHEANCIER + 1):
            self.fields[f"echeance_{i}_le"] = ChampDate(
                label=f"Échéance {i} : date", required=False, **_DATE
            )
            self.fields[f"echeance_{i}_montant"] = ChampMontant(
                label=f"Échéance {i} : montant (€)", required=False
            )

    def clean(self):
        donnees = super().clean()
        echeances = []
        for i in range(1, LIGNES_ECHEANCIER + 1):
            le, montant = donnees.get(f"echeance_{i}_le"), donnees.get(f"echeance_{i}_montant")
            if le is None and montant is None:
                continue
            if le is None or montant is None:
                raise forms.ValidationError(f"L'échéance {i} demande une date et un montant.")
            echeances.append(amiable.EcheanceSaisie(le, montant))
        donnees["echeances"] = echeances
        return donnees


def _fichier(donnees):
    fichier = donnees.get("demande_fichier")
    if not fichier:
        return None
    if isinstance(fichier, tuple):
        return fichier
    return (fichier.name, fichier.read())


def _delai(utilisateur, ligne, donnees):
    return amiable.delai_accorder(
        acting_user=utilisateur,
        ligne=ligne,
        demande_le=donnees.get("demande_le"),
        demande_reference=donnees.get("demande_reference") or "",
        fichier=_fichier(donnees),
        motif=donnees.get("motif") or "",
        echeances=donnees.get("echeances") or [],
    )


def _succes_delai(ligne, _donnees) -> str:
    """The page's message: the act's object is the debtor's line."""
    delai = DelaiPaiement.objects.filter(creance__ligne=ligne).order_by("-id").first()
    if delai is None:
        return "Délai de paiement accordé."
    return (
        f"Délai de paiement accordé : {delai.echeances.count()} échéance(s), "
        f"{format_euros(delai.montant)}."
    )


DELAI = Acte("recouvrement.delai_accorder", _delai, droit=DELAI_DROIT, succes=_succes_delai)


def _defaillance(utilisateur, delai, _donnees):
    return amiable.defaillance_constater(acting_user=utilisateur, delai=delai)


DEFAILLANCE = Acte(
    "recouvrement.defaillance_constater",
    _defaillance,
    droit=DEFAILLANCE_DROIT,
    succes="Défaillance de l'échéancier constatée.",
)


class TransmissionForm(forms.Form):
    compte_rendu = forms.CharField(
        max_length=4000,
        label="Compte rendu des tentatives de recouvrement amiable (les actes du journal y sont "
        "joints)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _transmettre(utilisateur, ligne, donnees):
    return amiable.creance_transmettre(
        acting_user=utilisateur, ligne=ligne, compte_rendu=donnees.get("compte_rendu") or ""
    )


TRANSMETTRE = Acte(
    "recouvrement.transmettre",
    _transmettre,
    droit=TRANSMETTRE_DROIT,
    succes=lambda ligne, _d: (
        f"Créance de {ligne.debiteur} transmise au directeur, seul chargé du recouvrement "
        "contentieux."
    ),
)
