"""The forms of the inventory's états: the items typed one per line, their
columns separated by « ; », so the page works without JavaScript."""

from __future__ import annotations

from django import forms

from core.exceptions import ApplicationError
from inventaire.models import EtatInventaire
from inventaire.revue import Revue
from inventaire.services import Article

Nature = EtatInventaire.Nature

# Per kind (and method), the columns of an item's line, as the form explains them.
COLONNES = {
    Nature.PRODUITS_A_RECEVOIR: ("compte", "libelle", "montant"),
    Nature.CREANCES_DOUTEUSES: ("compte", "tiers", "libelle", "montant"),
    (Nature.PROVISIONS_DEPRECIATION, "individuelle"): ("tiers", "libelle", "montant"),
    (Nature.PROVISIONS_DEPRECIATION, "forfaitaire"): ("libelle", "base", "taux"),
    Nature.CHARGES_A_PAYER: ("compte", "contrepartie", "libelle", "montant", "tiers"),
    Nature.PROVISIONS_RISQUES: ("libelle", "montant"),
}
NOMS = {
    "compte": "compte",
    "tiers": "tiers",
    "libelle": "libellé",
    "montant": "montant",
    "base": "créances de référence",
    "taux": "taux en %",
    "contrepartie": "408 ou 4286",
}


def colonnes(nature: str, methode: str = "individuelle") -> tuple[str, ...]:
    return COLONNES.get(nature) or COLONNES[(nature, methode or "individuelle")]


def aide(nature: str, methode: str = "individuelle") -> str:
    return " ; ".join(NOMS[c] for c in colonnes(nature, methode))


def lire_articles(texte: str, nature: str, methode: str = "individuelle") -> list[Article]:
    noms = colonnes(nature, methode)
    articles = []
    for rang, ligne in enumerate((lg for lg in texte.splitlines() if lg.strip()), start=1):
        valeurs = [v.strip() for v in ligne.split(";")]
        obligatoires = len([c for c in noms if c != "tiers" or noms[-1] != "tiers"])
        if len(valeurs) < obligatoires or len(valeurs) > len(noms):
            raise forms.ValidationError(
                f"Ligne {rang} : attendu « {aide(nature, methode)} », séparés par « ; »."
            )
        champs = dict(zip(noms, valeurs, strict=False))
        for cle in ("montant", "base", "taux"):
            if cle in champs:
                champs[cle] = champs[cle].replace(" ", "").replace("\u202f", "").replace("€", "")
        articles.append(Article(**champs))
    if not articles:
        raise forms.ValidationError("Saisissez au moins un article.")
    return articles


class EtatForm(forms.Form):
    methode = forms.ChoiceField(
        label="Méthode", choices=EtatInventaire.Methode.choices, required=False
    )
    explication = forms.CharField(
        max_length=4000, label="Méthode d'évaluation", widget=forms.Textarea(attrs={"rows": 3})
    )
    fondement = forms.CharField(
        max_length=4000,
        label="Population de référence ou données historiques",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    articles = forms.CharField(
        max_length=200, label="Articles (un par ligne)", widget=forms.Textarea(attrs={"rows": 8})
    )
    mot_de_passe = forms.CharField(
        max_length=256, label="Mot de passe (signature de l'état)", widget=forms.PasswordInput
    )

    def __init__(self, *args, nature: str, **kwargs):
        self.nature = nature
        super().__init__(*args, **kwargs)
        if nature != Nature.PROVISIONS_DEPRECIATION:
            del self.fields["methode"]
        if nature not in (Nature.PROVISIONS_DEPRECIATION, Nature.PROVISIONS_RISQUES):
            del self.fields["fondement"]
        self.fields["articles"].help_text = f"Colonnes : {aide(nature)}" + (
            f" (forfaitaire : {aide(nature, 'forfaitaire')})"
            if nature == Nature.PROVISIONS_DEPRECIATION
            else ""
        )

    def clean(self):
        donnees = super().clean()
        texte = donnees.get("articles")
        if texte:
            try:
                donnees["articles"] = lire_articles(
                    texte, self.nature, donnees.get("methode") or "individuelle"
                )
            except (forms.ValidationError, ApplicationError, TypeError) as erreur:
                self.add_error("articles", getattr(erreur, "message", str(erreur)))
        return donnees


class RevueForm(forms.Form):
    """The review of the provisions carried from N−1: one field per provision,
    proposed at its amount (capped at what the debtor still owes)."""

    explication = forms.CharField(
        max_length=4000,
        label="Méthode de la nouvelle évaluation",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    mot_de_passe = forms.CharField(
        max_length=256, label="Mot de passe (signature de l'état)", widget=forms.PasswordInput
    )

    def __init__(self, *args, provisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.provisions = provisions
        for p in provisions:
            self.fields[f"nouveau_{p.rang}"] = forms.CharField(
                label=f"N° {p.rang} — {p.libelle}{f' ({p.tiers})' if p.tiers else ''}, "
                f"compte {p.compte} : nouveau montant",
                initial=f"{p.propose:.2f}".replace(".", ","),
                max_length=24,
            )
        self.order_fields(["explication", *(f"nouveau_{p.rang}" for p in provisions)])

    def clean(self):
        donnees = super().clean()
        donnees["revues"] = [
            Revue(p.rang, donnees[f"nouveau_{p.rang}"])
            for p in self.provisions
            if donnees.get(f"nouveau_{p.rang}")
        ]
        return donnees
