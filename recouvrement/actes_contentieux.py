"""The directeur's contentious acts as pages and the API see them: their
droit (the first gate: the directeur or his délégué; the service then checks
the delegation valid that day, its nature, account and amount, and refuses
whoever acts for the agent comptable), their forms and the `core.actes.Acte`
that runs each service."""

from __future__ import annotations

from django import forms

from core.actes import Acte
from core.exceptions import DonneeInvalide
from core.formulaires import ChampDate, ChampMontant, saisie_date
from personnes.droits import droit
from personnes.models import Fonction
from recouvrement import contentieux, contentieux_huissiers, contentieux_procedures
from recouvrement.models import Debiteur
from recouvrement.models_contentieux import MiseEnDemeure, Poursuite, RecoursAmiable
from recouvrement.models_procedures import ProcedureCollective

__all__ = [
    "ACTE_HUISSIER",
    "AVIS_CAISSE",
    "AVIS_RECEPTION",
    "CONTENTIEUX_DROIT",
    "DEBITEUR",
    "DECISION",
    "DECLARATION",
    "DISPENSE",
    "EVENEMENT",
    "HUISSIER",
    "ISSUE",
    "MISE_EN_DEMEURE",
    "POURSUITE",
    "PROCEDURE",
    "RECOURS",
    "RESULTAT",
    "VISITE",
]


def _mise_de(ligne) -> MiseEnDemeure:
    return MiseEnDemeure.objects.filter(lignes__creance__ligne=ligne).latest("id")


def _message_acte(acte) -> str:
    if acte.ordre_depense is None:
        return "Acte d'huissier enregistré."
    return (
        f"Acte d'huissier enregistré ; l'ordre de dépense n° {acte.ordre_depense.reference} de "
        "ses honoraires attend la signature."
    )


def _message_procedure(procedure) -> str:
    return (
        f"{_majuscule(procedure.get_type_display())} enregistrée : déclarer la créance au plus "
        f"tard le {procedure.limite_declaration:%d/%m/%Y}."
    )


CONTENTIEUX_DROIT = droit(
    "recouvrement.contentieux",
    {Fonction.DIRECTEUR, Fonction.DELEGUE},
    "Seul le directeur, ou son délégué dans les limites de sa délégation, conduit le "
    "recouvrement contentieux (circulaire 93/82 §2.0.5 : le directeur est seul chargé du "
    "recouvrement contentieux).",
)

_DATE = {"widget": saisie_date()}


def _majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


class AvisReceptionForm(forms.Form):
    le = ChampDate(label="Avis de réception signé le", **_DATE)


class RecoursForm(forms.Form):
    saisie_le = ChampDate(label="Réclamation introduite le", **_DATE)
    objet = forms.CharField(
        max_length=500, label="Objet de la réclamation", widget=forms.Textarea(attrs={"rows": 2})
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Décision de la commission", choices=RecoursAmiable.Decision.choices
    )
    decision_le = ChampDate(label="Décision du", **_DATE)
    reference = forms.CharField(label="Référence de la décision", max_length=120)
    motifs = forms.CharField(
        max_length=4000,
        label="Motifs (facultatif)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PoursuiteForm(forms.Form):
    type = forms.ChoiceField(label="Nature de la procédure", choices=Poursuite.Type.choices)
    description = forms.CharField(
        max_length=4000,
        label="Description de la procédure engagée",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AvisCaisseForm(forms.Form):
    destinataire = forms.CharField(label="Caisse avisée", max_length=200)


class ActeHuissierForm(forms.Form):
    huissier = forms.IntegerField(label="Huissier chargé de l'acte", widget=forms.Select)
    le = ChampDate(label="Acte du", **_DATE)
    nature = forms.CharField(label="Nature de l'acte", max_length=200)
    cout = ChampMontant(label="Coût de l'acte (€, 0 si aucun)", zero_admis=True)

    def __init__(self, *args, huissiers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["huissier"].widget.choices = [(h.pk, str(h)) for h in huissiers]


class ResultatForm(forms.Form):
    le = ChampDate(label="Résultat du", **_DATE)
    resultat = forms.CharField(
        max_length=1000, label="Résultat de l'acte", widget=forms.Textarea(attrs={"rows": 2})
    )
    somme_recouvree = ChampMontant(label="Somme recouvrée (€, 0 si rien)", zero_admis=True)


class DebiteurForm(forms.Form):
    regime = forms.ChoiceField(label="Régime du débiteur", choices=Debiteur.Regime.choices)
    forme = forms.ChoiceField(label="Forme", choices=Debiteur.Forme.choices)
    adresse = forms.CharField(
        max_length=500, label="Adresse", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ProcedureForm(forms.Form):
    type = forms.ChoiceField(label="Procédure collective", choices=ProcedureCollective.Type.choices)
    jugement_le = ChampDate(label="Jugement d'ouverture du", **_DATE)
    tribunal = forms.CharField(label="Tribunal", max_length=200)
    mandataire = forms.CharField(label="Mandataire judiciaire ou liquidateur", max_length=200)
    limite_declaration = ChampDate(label="Déclarer la créance au plus tard le", **_DATE)


class DeclarationForm(forms.Form):
    le = ChampDate(label="Créance déclarée le", **_DATE)
    montant = ChampMontant(label="Montant déclaré (€)")


class EvenementForm(forms.Form):
    le = ChampDate(label="Événement du", **_DATE)
    libelle = forms.CharField(label="Événement", max_length=255)


class IssueForm(forms.Form):
    le = ChampDate(label="Issue du", **_DATE)
    issue = forms.CharField(
        max_length=1000, label="Issue de la procédure", widget=forms.Textarea(attrs={"rows": 2})
    )
    somme_recouvree = ChampMontant(
        label="Somme reçue de la procédure (€, facultatif)", zero_admis=True, required=False
    )


class HuissierForm(forms.Form):
    nom = forms.CharField(label="Nom de l'huissier", max_length=200)
    etude = forms.CharField(label="Nom de l'étude", max_length=200)
    adresse = forms.CharField(
        max_length=500, label="Adresse de l'étude", widget=forms.Textarea(attrs={"rows": 2})
    )
    iban = forms.CharField(label="IBAN (règlement de ses honoraires)", max_length=40)
    bic = forms.CharField(label="BIC (facultatif)", max_length=11, required=False)
    convention_depuis = ChampDate(label="Sous la convention nationale depuis le", **_DATE)


class VisiteForm(forms.Form):
    le = ChampDate(label="Visite du", **_DATE)
    compte_rendu = forms.CharField(
        max_length=4000, label="Compte rendu", widget=forms.Textarea(attrs={"rows": 2})
    )


class DispenseForm(forms.Form):
    du = ChampDate(label="Semestres dispensés, du", **_DATE)
    au = ChampDate(label="au", **_DATE)
    accord_le = ChampDate(label="Accord de la caisse du", **_DATE)
    accord_reference = forms.CharField(label="Référence de l'accord de la caisse", max_length=120)
    motif = forms.CharField(
        max_length=1000,
        label="Constat du volume des actions en recouvrement",
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def lire_creances(request) -> dict:
    """The claims ticked on the page (« creances »: ids of debtors' lines)."""
    lignes = [v for v in request.POST.getlist("creances") if v.strip()]
    if not lignes:
        raise DonneeInvalide("Cochez au moins une créance à mettre en demeure.")
    return {"lignes": lignes}


def lire_declaration(request) -> dict:
    formulaire = DeclarationForm(request.POST)
    if not formulaire.is_valid():
        from core.actes import erreurs_formulaire

        raise DonneeInvalide(erreurs_formulaire(formulaire))
    creances = [v for v in request.POST.getlist("creances") if v.strip()]
    return {**formulaire.cleaned_data, "creances": creances}


MISE_EN_DEMEURE = Acte(
    "recouvrement.mise_en_demeure",
    lambda u, _o, d: contentieux.mise_en_demeure_envoyer(acting_user=u, lignes=d["lignes"]),
    CONTENTIEUX_DROIT,
    lambda ligne, _d: (
        f"Mise en demeure n° {_mise_de(ligne).reference} enregistrée : imprimez la lettre "
        "recommandée avec demande d'avis de réception, puis enregistrez la date de l'avis de "
        "réception."
    ),
)
AVIS_RECEPTION = Acte(
    "recouvrement.avis_reception",
    lambda u, m, d: contentieux.avis_reception_enregistrer(acting_user=u, mise=m, le=d["le"]),
    CONTENTIEUX_DROIT,
    lambda m, _d: (
        "Avis de réception enregistré : le délai de trente jours court jusqu'au "
        f"{MiseEnDemeure.objects.get(pk=m.pk).fin_delai:%d/%m/%Y}."
    ),
)
RECOURS = Acte(
    "recouvrement.recours_saisir",
    lambda u, m, d: contentieux.recours_saisir(
        acting_user=u, mise=m, saisie_le=d["saisie_le"], objet=d["objet"]
    ),
    CONTENTIEUX_DROIT,
    lambda m, _d: (
        "Réclamation enregistrée : la commission statue au plus tard le "
        f"{RecoursAmiable.objects.get(mise_en_demeure=m).fin_commission:%d/%m/%Y}."
    ),
)
DECISION = Acte(
    "recouvrement.recours_decider",
    lambda u, r, d: contentieux.recours_decider(
        acting_user=u,
        recours=r,
        decision=d["decision"],
        decision_le=d["decision_le"],
        reference=d["reference"],
        motifs=d.get("motifs", ""),
    ),
    CONTENTIEUX_DROIT,
    lambda r, _d: (
        "Décision de la commission enregistrée : "
        f"{RecoursAmiable.objects.get(pk=r.pk).get_decision_display()}."
    ),
)
POURSUITE = Acte(
    "recouvrement.poursuite",
    lambda u, ligne, d: contentieux.poursuite_engager(
        acting_user=u, creance=ligne, type=d["type"], description=d["description"]
    ),
    CONTENTIEUX_DROIT,
    lambda ligne, d: (
        f"{_majuscule(Poursuite.Type(d['type']).label)} enregistrée le "
        f"{Poursuite.objects.filter(creance__ligne=ligne).last().le:%d/%m/%Y}."
    ),
)
AVIS_CAISSE = Acte(
    "recouvrement.avis_caisse",
    lambda u, ligne, d: contentieux.avis_caisse_adresser(
        acting_user=u, creance=ligne, destinataire=d["destinataire"]
    ),
    CONTENTIEUX_DROIT,
    lambda _ligne, d: (
        f"Avis du défaut de paiement à {d['destinataire']} enregistré : imprimez la lettre."
    ),
)
ACTE_HUISSIER = Acte(
    "recouvrement.acte_huissier",
    lambda u, p, d: contentieux_huissiers.acte_huissier_enregistrer(
        acting_user=u,
        poursuite=p,
        huissier=d["huissier"],
        le=d["le"],
        nature=d["nature"],
        cout=d["cout"],
    ),
    CONTENTIEUX_DROIT,
    lambda p, _d: _message_acte(p.actes_huissier.order_by("id").last()),
)
RESULTAT = Acte(
    "recouvrement.resultat_huissier",
    lambda u, a, d: contentieux_huissiers.resultat_enregistrer(
        acting_user=u,
        acte=a,
        le=d["le"],
        resultat=d["resultat"],
        somme_recouvree=d["somme_recouvree"],
    ),
    CONTENTIEUX_DROIT,
    "Résultat de l'acte d'huissier enregistré.",
)
DEBITEUR = Acte(
    "recouvrement.debiteur_qualifier",
    lambda u, deb, d: contentieux.debiteur_qualifier(
        acting_user=u,
        debiteur=deb,
        regime=d["regime"],
        forme=d["forme"],
        adresse=d.get("adresse", ""),
    ),
    CONTENTIEUX_DROIT,
    lambda deb, d: (
        f"{deb.nom} : {Debiteur.Regime(d['regime']).label}, {Debiteur.Forme(d['forme']).label}."
    ),
)
PROCEDURE = Acte(
    "recouvrement.procedure_collective",
    lambda u, deb, d: contentieux_procedures.procedure_ouvrir(
        acting_user=u,
        debiteur=deb,
        type=d["type"],
        jugement_le=d["jugement_le"],
        tribunal=d["tribunal"],
        mandataire=d["mandataire"],
        limite_declaration=d["limite_declaration"],
    ),
    CONTENTIEUX_DROIT,
    lambda deb, _d: _message_procedure(deb.procedures_collectives.order_by("id").last()),
)
DECLARATION = Acte(
    "recouvrement.declaration_creance",
    lambda u, p, d: contentieux_procedures.declaration_enregistrer(
        acting_user=u, procedure=p, le=d["le"], montant_declare=d["montant"], creances=d["creances"]
    ),
    CONTENTIEUX_DROIT,
    "Déclaration de créance enregistrée.",
)
EVENEMENT = Acte(
    "recouvrement.evenement_procedure",
    lambda u, p, d: contentieux_procedures.evenement_enregistrer(
        acting_user=u, procedure=p, le=d["le"], libelle=d["libelle"]
    ),
    CONTENTIEUX_DROIT,
    "Événement de la procédure enregistré.",
)
ISSUE = Acte(
    "recouvrement.issue_procedure",
    lambda u, p, d: contentieux_procedures.issue_enregistrer(
        acting_user=u,
        procedure=p,
        le=d["le"],
        issue=d["issue"],
        somme_recouvree=d.get("somme_recouvree"),
    ),
    CONTENTIEUX_DROIT,
    "Issue de la procédure collective enregistrée.",
)
HUISSIER = Acte(
    "recouvrement.huissier_inscrire",
    lambda u, _o, d: contentieux_huissiers.huissier_inscrire(
        acting_user=u,
        nom=d["nom"],
        etude=d["etude"],
        adresse=d["adresse"],
        iban=d["iban"],
        bic=d.get("bic", ""),
        convention_depuis=d["convention_depuis"],
    ),
    CONTENTIEUX_DROIT,
    lambda h, _d: f"{h.nom} inscrit au registre des huissiers.",
)
VISITE = Acte(
    "recouvrement.visite_huissier",
    lambda u, h, d: contentieux_huissiers.visite_enregistrer(
        acting_user=u, huissier=h, le=d["le"], compte_rendu=d["compte_rendu"]
    ),
    CONTENTIEUX_DROIT,
    lambda h, d: f"Visite du {d['le']:%d/%m/%Y} à {h.nom} enregistrée.",
)
DISPENSE = Acte(
    "recouvrement.dispense_visite",
    lambda u, h, d: contentieux_huissiers.dispense_enregistrer(
        acting_user=u,
        huissier=h,
        du=d["du"],
        au=d["au"],
        accord_le=d["accord_le"],
        accord_reference=d["accord_reference"],
        motif=d["motif"],
    ),
    CONTENTIEUX_DROIT,
    lambda h, _d: (
        f"Dispense de visite de {h.nom} du {h.dispenses.order_by('id').last().du:%d/%m/%Y} au "
        f"{h.dispenses.order_by('id').last().au:%d/%m/%Y} enregistrée."
    ),
)
