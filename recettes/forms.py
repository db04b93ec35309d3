from __future__ import annotations

from django import forms

from core.exceptions import DonneeInvalide
from core.formulaires import ChampDate, ChampFichiers, EntreeFichiers
from core.money import format_euros
from ordres.formulaires import LignesOrdreForm
from recettes.models import Nature, OrdreRecette, Reduction
from recettes.services import LigneDebiteur, SaisieOrdre

__all__ = [
    "ChampFichiers",
    "EntreeFichiers",
    "FiltreOrdresForm",
    "OrdreRecetteForm",
    "ReductionForm",
    "lire_controles",
]

DATE = {"format": "%Y-%m-%d", "attrs": {"type": "date"}}


COMPTES_PAR_NATURE = {
    Nature.COTISATION: ("7511", "4111"),
    Nature.MAJORATION: ("753", "4111"),
    Nature.PENALITE: ("753", "4111"),
    Nature.LOYER: ("752", "4671"),
    Nature.VENTE: ("775", "4671"),
    Nature.INTERETS: ("761", "4671"),
    Nature.CONDAMNATION: ("771", "4671"),
    Nature.RECUPERATION_INDU: ("7585", "413"),
}


class OrdreRecetteForm(LignesOrdreForm):
    """A draft order, individual or collective; works without JavaScript."""

    LIGNES = 8
    COLONNES = (
        ("debiteur", "Débiteur", 200),
        ("qualite", "Qualité", 120),
        ("identifiant", "SIRET ou NIR", 40),
        ("montant", "Montant", 24),
    )
    type = forms.ChoiceField(label="Type d'ordre", choices=OrdreRecette.Type.choices)
    nature = forms.ChoiceField(label="Nature de la recette", choices=Nature.choices)
    objet = forms.CharField(label="Objet", max_length=255)
    bases_liquidation = forms.CharField(
        max_length=4000, label="Bases de liquidation", widget=forms.Textarea(attrs={"rows": 3})
    )
    compte_imputation = forms.CharField(
        label="Compte d'imputation (produit)",
        max_length=12,
        required=False,
        help_text="Laissé vide : le compte usuel de la nature (7511 pour les cotisations, 752 pour les loyers…).",
    )
    compte_tiers = forms.CharField(
        label="Compte du débiteur",
        max_length=12,
        required=False,
        help_text="Laissé vide : 4111 pour les cotisants, 413 pour les indus, 4671 sinon.",
    )
    date_fait = ChampDate(label="Date du fait générateur", widget=forms.DateInput(**DATE))
    date_droits_acquis = ChampDate(
        label="Droits acquis le", required=False, widget=forms.DateInput(**DATE)
    )
    date_liquidation = ChampDate(
        label="Liquidée le", required=False, widget=forms.DateInput(**DATE)
    )
    date_echeance = ChampDate(
        label="Échéance du terme", required=False, widget=forms.DateInput(**DATE)
    )
    date_contrat = ChampDate(
        label="Date du contrat", required=False, widget=forms.DateInput(**DATE)
    )
    date_reception = ChampDate(
        label="Date de réception", required=False, widget=forms.DateInput(**DATE)
    )
    date_decision = ChampDate(
        label="Décision définitive le", required=False, widget=forms.DateInput(**DATE)
    )
    date_reglement = ChampDate(
        label="Indu réglé le", required=False, widget=forms.DateInput(**DATE)
    )
    date_encaissement = ChampDate(
        label="Encaissé le", required=False, widget=forms.DateInput(**DATE)
    )
    pieces_references = forms.CharField(
        max_length=4000,
        label="Références des pièces justificatives",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Obligatoires si les pièces ne sont pas jointes : l'ordre ne se signe pas "
        "sans ses pièces ni leurs références (circulaire 93/82 §2.0.2).",
    )
    pieces = ChampFichiers(
        label="Pièces justificatives à joindre (PDF, PNG, JPEG ; 10 Mo au plus)", required=False
    )

    def saisie(self) -> SaisieOrdre:
        d = self.cleaned_data
        imputation, tiers = COMPTES_PAR_NATURE.get(d["nature"], ("", "4671"))
        lignes = [LigneDebiteur(**ligne) for ligne in self.lignes_saisies()]
        return SaisieOrdre(
            nature=d["nature"],
            type=d["type"],
            objet=d["objet"],
            bases_liquidation=d["bases_liquidation"],
            compte_imputation=d.get("compte_imputation") or imputation,
            compte_tiers=d.get("compte_tiers") or tiers,
            date_fait=d["date_fait"],
            lignes=lignes,
            dates={
                cle: d.get(f"date_{cle}")
                for cle in (
                    "droits_acquis",
                    "liquidation",
                    "echeance",
                    "contrat",
                    "reception",
                    "decision",
                    "reglement",
                    "encaissement",
                )
            },
            pieces_references=d.get("pieces_references", ""),
        )

    @classmethod
    def depuis_ordre(cls, ordre: OrdreRecette) -> OrdreRecetteForm:
        return cls(initial=cls.initial_depuis(ordre))

    @staticmethod
    def initial_depuis(ordre: OrdreRecette) -> dict:
        initial = {
            "type": ordre.type,
            "nature": ordre.nature,
            "objet": ordre.objet,
            "bases_liquidation": ordre.bases_liquidation,
            "compte_imputation": ordre.compte_imputation.numero,
            "compte_tiers": ordre.compte_tiers.numero,
            "date_fait": ordre.date_fait,
            "pieces_references": ordre.pieces_references,
        }
        initial.update({f"date_{cle}": v for cle, v in ordre.dates_rattachement.items()})
        for n, ligne in enumerate(ordre.lignes.order_by("id"), start=1):
            initial.update(
                {
                    f"debiteur_{n}": ligne.debiteur,
                    f"qualite_{n}": ligne.qualite,
                    f"identifiant_{n}": ligne.identifiant,
                    f"montant_{n}": f"{ligne.montant}".replace(".", ","),
                }
            )
        return initial


class FiltreOrdresForm(forms.Form):
    exercice = forms.IntegerField(label="Exercice", required=False)
    etat = forms.ChoiceField(
        label="État", required=False, choices=[("", "Tous")] + OrdreRecette.Etat.choices
    )
    nature = forms.ChoiceField(
        label="Nature", required=False, choices=[("", "Toutes")] + Nature.choices
    )
    debiteur = forms.CharField(label="Débiteur", required=False, max_length=100)
    montant_min = forms.DecimalField(
        label="Montant minimal", required=False, decimal_places=2, min_value=0
    )
    montant_max = forms.DecimalField(
        label="Montant maximal", required=False, decimal_places=2, min_value=0
    )


class ReductionForm(forms.Form):
    """The reduction of an order taken in charge. On a collective order it
    offers the debtors' lines, each with its reste (`lignes`: the order's lines
    annotated by `recettes.selectors.restes_par_ligne`); an order of one debtor
    shows no choice. The service checks the line is the order's."""

    ligne = forms.IntegerField(
        label="Débiteur concerné", required=False, min_value=1, widget=forms.Select
    )
    type = forms.ChoiceField(label="Acte", choices=Reduction.Type.choices)
    montant = forms.CharField(
        label="Montant (ignoré pour une annulation : tout le reste du débiteur)",
        required=False,
        max_length=24,
    )
    motif = forms.CharField(
        max_length=1000, label="Motif", widget=forms.Textarea(attrs={"rows": 2})
    )
    nouvelles_bases = forms.CharField(
        max_length=4000,
        label="Bases de la nouvelle liquidation",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    mot_de_passe = forms.CharField(
        max_length=256, label="Mot de passe (signature)", widget=forms.PasswordInput
    )

    def __init__(self, *args, lignes=None, **kwargs):
        super().__init__(*args, **kwargs)
        lignes = list(lignes or [])
        if len(lignes) > 1:
            self.fields["ligne"].widget.choices = [("", "— choisir le débiteur —")] + [
                (lg.pk, f"{lg.debiteur} — reste {format_euros(lg.reste)}") for lg in lignes
            ]
        elif not self.is_bound:
            del self.fields["ligne"]

    @classmethod
    def lire(cls, request) -> dict:
        """The page's data, or its one French message when something is missing."""
        formulaire = cls(request.POST)
        if not formulaire.is_valid():
            raise DonneeInvalide(
                "Indiquez l'acte, son motif, les nouvelles bases et votre mot de passe."
            )
        return formulaire.cleaned_data


# What the one-button acts of the order's page read; the services check the
# values themselves (a wrong password, an empty motive) and say why in French.


def lire_controles(request) -> dict:
    """The controls of the prise en charge, by rank of the plan's points
    (`controle_<rank>`: conforme or anomalie, `commentaire_<rank>`)."""
    rangs = {}
    for cle, valeur in request.POST.items():
        rang = cle.removeprefix("controle_")
        if rang != cle and rang.isdigit() and valeur in ("conforme", "anomalie"):
            rangs[int(rang)] = (
                valeur == "conforme",
                request.POST.get(f"commentaire_{rang}", ""),
            )
    return {"rangs": rangs}
