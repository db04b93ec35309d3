"""Forms of the régies' pages: what people type, handed to the acts of
`tresorerie.actes_regies` under the same keys as the API's serializers."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model

from core import horloge
from core.formulaires import ChampDate, ChampMontant, saisie_date
from personnes.models import Fonction
from tresorerie import services
from tresorerie.forms import ChoixCompte, comptes_actifs, libelle_coupure, nom_champ_coupure
from tresorerie.models import ControleRegie, Encaissement, OperationRegie, Regie
from tresorerie.services.regies import OperationSaisie

DATE = saisie_date()
AIDE_OPERATIONS = (
    "Une nature par ligne : « recette ; libellé ; compte de produit ; nature de recette » ou "
    "« depense ; libellé ; compte de charge ». Exemple : recette ; Frais de duplicata ; 771 ; autre"
)

AIDE_COMPTE = (
    "Chaque régie a son propre compte de disponibilités de nature « régie » (subdivision du "
    "compte 541, par exemple 5412), libre de toute autre régie. L'agent comptable l'ouvre "
    "d'abord par l'acte « Ouvrir le compte d'une régie » de la page des régies (API : "
    "POST /api/tresorerie/regies-comptes/) ; par l'API, désignez-le par son numéro "
    "(5412) ou par son code."
)
AIDE_CHEQUES = (
    "Les chèques encaissés et non encore versés font partie de l'encaisse : additionnez ceux "
    "que vous détenez (vide : aucun)."
)


class ChoixPersonne(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.get_username()


class ChoixOperation(forms.ModelChoiceField):
    def label_from_instance(self, obj: OperationRegie) -> str:
        return f"{obj.libelle} ({obj.compte.numero})"


class ProjetRegieForm(forms.Form):
    libelle = forms.CharField(label="Libellé de la régie", max_length=200)
    type = forms.ChoiceField(label="Type de régie", choices=Regie.Type.choices)
    compte = ChoixCompte(
        label="Compte de la régie (541)",
        queryset=comptes_actifs(nature="regie", regie__isnull=True),
        help_text=AIDE_COMPTE,
    )
    regisseur = ChoixPersonne(
        label="Régisseur",
        queryset=get_user_model()
        .objects.filter(affectations__fonction=Fonction.REGISSEUR)
        .distinct()
        .order_by("last_name"),
    )
    plafond_encaisse = ChampMontant(label="Plafond d'encaisse (€)")
    plafond_depense = ChampMontant(label="Plafond par dépense (€, régie d'avances)", required=False)
    operations = forms.CharField(
        max_length=200,
        label="Natures d'opérations permises",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=AIDE_OPERATIONS,
    )

    def clean_operations(self) -> list[OperationSaisie]:
        resultat = []
        for rang, ligne in enumerate(self.cleaned_data["operations"].splitlines(), start=1):
            if not ligne.strip():
                continue
            parts = [p.strip() for p in ligne.split(";")]
            if len(parts) < 3:
                raise forms.ValidationError(f"Ligne {rang} : {AIDE_OPERATIONS}.")
            resultat.append(
                OperationSaisie(parts[0].lower().replace("é", "e"), parts[1], parts[2], *parts[3:4])
            )
        return resultat


class AvisRegieForm(forms.Form):
    favorable = forms.TypedChoiceField(
        label="Avis conforme",
        choices=[("1", "favorable"), ("0", "défavorable")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    le = ChampDate(label="Avis rendu le", widget=DATE)
    observations = forms.CharField(
        max_length=4000,
        label="Observations (motifs d'un avis défavorable)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["le"].initial = horloge.aujourdhui()


class DecisionRegieForm(forms.Form):
    le = ChampDate(label="Décision du", widget=DATE)
    acte_reference = forms.CharField(label="Référence de l'acte constitutif", max_length=120)
    vise_instruction = forms.BooleanField(
        label="L'acte constitutif vise l'instruction particulière relative aux règles "
        "simplifiées de recettes et de dépenses",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["le"].initial = horloge.aujourdhui()


class FinRegieForm(forms.Form):
    le = ChampDate(label="Fin de la régie le", widget=DATE)
    reference = forms.CharField(label="Référence de la décision de fin", max_length=120)


class _PourRegie(forms.Form):
    def __init__(self, *args, regie: Regie, **kwargs):
        super().__init__(*args, **kwargs)
        if "operation" in self.fields:
            self.fields["operation"].queryset = regie.operations.filter(
                sens=self.sens
            ).select_related("compte")
            self.fields["operation"].empty_label = None


class EncaissementRegieForm(_PourRegie):
    sens = OperationRegie.Sens.RECETTE
    operation = ChoixOperation(label="Nature de la recette", queryset=OperationRegie.objects.none())
    moyen = forms.ChoiceField(
        label="Moyen de paiement",
        choices=[
            (Encaissement.Moyen.NUMERAIRE, "numéraire (quittance)"),
            (Encaissement.Moyen.CHEQUE, "chèque"),
        ],
    )
    montant = ChampMontant(label="Montant (€)")
    payeur = forms.CharField(label="Partie versante", max_length=200)
    objet = forms.CharField(label="Objet", max_length=255)


class DepenseRegieForm(_PourRegie):
    sens = OperationRegie.Sens.DEPENSE
    operation = ChoixOperation(label="Nature de la dépense", queryset=OperationRegie.objects.none())
    montant = ChampMontant(label="Montant (€)")
    beneficiaire = forms.CharField(label="Bénéficiaire", max_length=200)
    objet = forms.CharField(label="Objet de la dépense", max_length=255)
    piece = forms.CharField(label="Pièce justificative", max_length=120)


class VersementRegieForm(forms.Form):
    montant = ChampMontant(
        label="Montant versé (€)", required=False, help_text="Vide : toute l'encaisse."
    )
    observations = forms.CharField(label="Observations", required=False, max_length=500)


class RecevoirVersementForm(forms.Form):
    destination = ChoixCompte(
        label="Reçu sur",
        queryset=comptes_actifs(nature__in=["caisse", "externe"]).order_by("compte__numero"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination"].empty_label = None


class AvanceRegieForm(forms.Form):
    montant = ChampMontant(label="Montant de l'avance (€)")
    source = ChoixCompte(
        label="Payée depuis",
        queryset=comptes_actifs(nature__in=["caisse", "externe"]).order_by("compte__numero"),
    )


class AdmettreEtatForm(forms.Form):
    observations = forms.CharField(label="Observations", required=False, max_length=500)


class CompteRegieForm(forms.Form):
    libelle = forms.CharField(label="Libellé du compte (celui de la future régie)", max_length=200)
    numero = forms.CharField(
        label="Numéro du compte (541x)",
        max_length=12,
        required=False,
        help_text="Vide : la subdivision qui suit la dernière 541x du plan.",
    )
    code = forms.CharField(
        label="Code du compte de disponibilités",
        max_length=20,
        required=False,
        help_text="Vide : REGIE- suivi du numéro.",
    )


class ArreteRegieForm(forms.Form):
    cheques = ChampMontant(
        label="Total des chèques détenus, comptés (€)",
        required=False,
        zero_admis=True,
        help_text=AIDE_CHEQUES,
    )
    observations = forms.CharField(
        max_length=4000,
        label="Observations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for coupure in services.COUPURES:
            self.fields[nom_champ_coupure(coupure)] = forms.IntegerField(
                label=libelle_coupure(coupure),
                min_value=0,
                required=False,
                widget=forms.NumberInput(attrs={"min": "0", "step": "1", "size": "6"}),
            )

    def coupures(self):
        return [self[nom_champ_coupure(c)] for c in services.COUPURES]

    def comptage(self) -> dict[str, int]:
        return {
            c: self.cleaned_data.get(nom_champ_coupure(c))
            for c in services.COUPURES
            if self.cleaned_data.get(nom_champ_coupure(c))
        }


class ControleRegieForm(forms.Form):
    especes_comptees = ChampMontant(label="Espèces comptées (€)", zero_admis=True)
    cheques_comptes = ChampMontant(
        label="Chèques détenus par le régisseur, comptés (€)",
        required=False,
        zero_admis=True,
        help_text="Les chèques encaissés et non encore versés (vide : aucun).",
    )
    quittance_du = forms.IntegerField(
        label="Quittances vérifiées du n°", min_value=1, required=False
    )
    quittance_au = forms.IntegerField(label="au n°", min_value=1, required=False)
    conclusion = forms.ChoiceField(label="Conclusion", choices=ControleRegie.Conclusion.choices)
    observations = forms.CharField(
        max_length=4000,
        label="Observations",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
