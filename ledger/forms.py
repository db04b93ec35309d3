from __future__ import annotations

from django import forms

from core import horloge
from core.formulaires import ChampDate, saisie_date
from ledger.models import Exercice, Journal
from ledger.services import LigneSaisie

CLASSES = [("", "Toutes")] + [(str(n), f"Classe {n}") for n in range(1, 9)]


class ChoixPeriodeForm(forms.Form):
    """Exercise and optional period; every date must lie inside the exercise."""

    exercice = forms.TypedChoiceField(label="Exercice", coerce=int)
    du = ChampDate(
        label="Du",
        required=False,
        widget=saisie_date(),
    )
    au = ChampDate(
        label="Au",
        required=False,
        widget=saisie_date(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        annees = list(Exercice.objects.order_by("-annee").values_list("annee", flat=True))
        self.fields["exercice"].choices = [(a, str(a)) for a in annees]
        self.fields["exercice"].error_messages["invalid_choice"] = (
            "L'exercice %(value)s n'existe pas."
        )
        if annees and not self.data.get("exercice"):
            annee = horloge.aujourdhui().year
            self.initial.setdefault("exercice", annee if annee in annees else annees[0])

    def clean(self):
        donnees = super().clean()
        annee = donnees.get("exercice")
        if annee is None:
            return donnees
        exercice = Exercice.objects.get(annee=annee)
        donnees["exercice_obj"] = exercice
        for nom in ("du", "au"):
            valeur = donnees.get(nom)
            if valeur and not (exercice.debut <= valeur <= exercice.fin):
                self.add_error(
                    nom,
                    f"La date doit être comprise dans l'exercice {annee} (01/01 au 31/12/{annee}).",
                )
        if donnees.get("du") and donnees.get("au") and donnees["du"] > donnees["au"]:
            self.add_error("au", "La date de fin précède la date de début.")
        return donnees


class BalanceForm(ChoixPeriodeForm):
    classe = forms.TypedChoiceField(
        label="Classe", choices=CLASSES, coerce=int, required=False, empty_value=None
    )


class GrandLivreForm(ChoixPeriodeForm):
    compte = forms.RegexField(
        label="Compte (ou racine)",
        regex=r"^[1-8][0-9]{0,11}$",
        required=False,
        error_messages={
            "invalid": "Un numéro de compte ne comporte que des chiffres et commence par 1 à 8."
        },
    )


class JournalForm(ChoixPeriodeForm):
    journal = forms.ChoiceField(label="Journal", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["journal"].choices = [("", "Tous")] + [
            (j.code, f"{j.code} — {j.libelle}") for j in Journal.objects.all()
        ]


class SaisieForm(forms.Form):
    """A manual entry, as the agent comptable types it (works without JavaScript)."""

    LIGNES = 6
    journal = forms.ChoiceField(label="Journal")
    date = ChampDate(label="Date comptable", widget=saisie_date())
    libelle = forms.CharField(label="Libellé", max_length=255)
    piece = forms.CharField(label="Pièce justificative", max_length=120, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["journal"].choices = [
            (j.code, f"{j.code} — {j.libelle}") for j in Journal.objects.exclude(a_nouveaux=True)
        ]
        self.fields["journal"].initial = "OD"
        for n in range(1, self.LIGNES + 1):
            self.fields[f"compte_{n}"] = forms.CharField(
                label=f"Compte, ligne {n}", required=False, max_length=12
            )
            self.fields[f"debit_{n}"] = forms.CharField(
                label=f"Débit, ligne {n}", required=False, max_length=24
            )
            self.fields[f"credit_{n}"] = forms.CharField(
                label=f"Crédit, ligne {n}", required=False, max_length=24
            )
            self.fields[f"tiers_{n}"] = forms.CharField(
                label=f"Tiers, ligne {n}", required=False, max_length=120
            )

    def clean(self):
        """The entry as the act takes it: its lines, and the exercise of its date
        (None when no exercise covers it: the act says so in French)."""
        donnees = super().clean()
        if not self.errors:
            donnees["lignes"] = self.lignes()
            donnees["exercice"] = Exercice.objects.filter(annee=donnees["date"].year).first()
        return donnees

    def lignes(self):
        resultat = []
        for n in range(1, self.LIGNES + 1):
            compte = self.cleaned_data.get(f"compte_{n}", "").strip()
            debit = self.cleaned_data.get(f"debit_{n}", "").strip()
            credit = self.cleaned_data.get(f"credit_{n}", "").strip()
            if compte or debit or credit:
                resultat.append(
                    LigneSaisie(
                        compte=compte,
                        debit=debit or "0",
                        credit=credit or "0",
                        tiers=self.cleaned_data.get(f"tiers_{n}", ""),
                    )
                )
        return resultat

    def rangees(self):
        return [
            (n, self[f"compte_{n}"], self[f"debit_{n}"], self[f"credit_{n}"], self[f"tiers_{n}"])
            for n in range(1, self.LIGNES + 1)
        ]
