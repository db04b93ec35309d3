"""The API of the directeur's contentious recovery (`/api/recouvrement/`):
each act of `actes_contentieux` as a typed POST, and the claims he recovers,
one claim's file and the bailiffs' register as GET. Serializers are named
`Contentieux…` so that no component of the schema hides another's."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from recettes.models import LigneOrdreRecette
from recouvrement import actes_contentieux as a
from recouvrement import contentieux_lecture as lecture
from recouvrement.acces import LecteurRecouvrement
from recouvrement.contentieux_communs import aujourdhui
from recouvrement.models import Debiteur
from recouvrement.models_contentieux import MiseEnDemeure, Poursuite, RecoursAmiable
from recouvrement.models_huissiers import ActeHuissier, Huissier
from recouvrement.models_procedures import ProcedureCollective

_MONTANT = {"max_digits": 14, "decimal_places": 2}


# --- Outputs -------------------------------------------------------------------


class ContentieuxMiseEnDemeureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(max_length=120)
    debiteur = serializers.CharField(source="debiteur.nom")
    envoyee_le = ChampDateApi()
    montant = ChampMontantApi(**_MONTANT)
    qualite = serializers.CharField(max_length=200)
    avis_reception_le = ChampDateApi(allow_null=True)
    fin_delai = ChampDateApi(allow_null=True)
    lignes = serializers.SerializerMethodField()

    def get_lignes(self, mise) -> list[int]:
        return [x.creance.ligne_id for x in mise.lignes.select_related("creance")]


class ContentieuxRecoursSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    mise_en_demeure = serializers.IntegerField(source="mise_en_demeure_id")
    saisie_le = ChampDateApi()
    objet = serializers.CharField(max_length=500)
    fin_commission = ChampDateApi()
    decision = serializers.CharField(max_length=4000)
    decision_le = ChampDateApi(allow_null=True)
    decision_reference = serializers.CharField(max_length=120)


class ContentieuxActeHuissierSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    poursuite = serializers.IntegerField(source="poursuite_id")
    huissier = serializers.CharField(source="huissier.nom")
    le = ChampDateApi()
    nature = serializers.CharField(max_length=50)
    cout = ChampMontantApi(**_MONTANT)
    ordre_depense = serializers.CharField(source="ordre_depense.reference", allow_null=True)
    resultat_le = ChampDateApi(allow_null=True)
    resultat = serializers.CharField(max_length=1000)
    somme_recouvree = ChampMontantApi(allow_null=True, **_MONTANT)


class ContentieuxPoursuiteSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ligne = serializers.IntegerField(source="creance.ligne_id")
    type = serializers.CharField(max_length=50)
    type_libelle = serializers.CharField(source="get_type_display")
    description = serializers.CharField(max_length=4000)
    le = ChampDateApi()
    montant = ChampMontantApi(**_MONTANT)
    qualite = serializers.CharField(max_length=200)
    actes_huissier = ContentieuxActeHuissierSerializer(many=True)


class ContentieuxAvisCaisseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ligne = serializers.IntegerField(source="creance.ligne_id")
    le = ChampDateApi()
    destinataire = serializers.CharField(max_length=200)
    montant = ChampMontantApi(**_MONTANT)


class ContentieuxDebiteurSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nom = serializers.CharField(max_length=200)
    regime = serializers.CharField(max_length=50)
    forme = serializers.CharField(max_length=50)
    adresse = serializers.CharField(max_length=500)


class ContentieuxDeclarationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    le = ChampDateApi()
    montant = ChampMontantApi(**_MONTANT)
    creances = serializers.SerializerMethodField()

    def get_creances(self, declaration) -> list[int]:
        return [c.ligne_id for c in declaration.creances.all()]


class ContentieuxProcedureSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    debiteur = serializers.CharField(source="debiteur.nom")
    type = serializers.CharField(max_length=50)
    jugement_le = ChampDateApi()
    tribunal = serializers.CharField(max_length=200)
    mandataire = serializers.CharField(max_length=200)
    limite_declaration = ChampDateApi()
    declarations = ContentieuxDeclarationSerializer(many=True)
    issue_le = ChampDateApi(allow_null=True)
    issue = serializers.CharField(max_length=1000)


class ContentieuxHuissierSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nom = serializers.CharField(max_length=200)
    etude = serializers.CharField(max_length=200)
    adresse = serializers.CharField(max_length=500)
    convention_depuis = ChampDateApi()


class ContentieuxRegistreSerializer(serializers.Serializer):
    huissier = ContentieuxHuissierSerializer()
    derniere_visite = ChampDateApi(allow_null=True)
    visite_du_semestre = ChampDateApi(source="visite_du_semestre.le", allow_null=True)
    dispense_accord = serializers.CharField(source="dispense.accord_reference", allow_null=True)
    visite_due_le = ChampDateApi(allow_null=True)
    actes = serializers.IntegerField()


class ContentieuxVisiteSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    huissier = serializers.IntegerField(source="huissier_id")
    le = ChampDateApi()
    compte_rendu = serializers.CharField(max_length=4000)


class ContentieuxDispenseSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    huissier = serializers.IntegerField(source="huissier_id")
    du = ChampDateApi()
    au = ChampDateApi()
    accord_le = ChampDateApi()
    accord_reference = serializers.CharField(max_length=120)


class ContentieuxDossierSerializer(serializers.Serializer):
    ligne = serializers.IntegerField(source="ligne.pk")
    ordre = serializers.CharField(source="ligne.ordre.reference")
    debiteur = serializers.CharField(max_length=200)
    nature = serializers.CharField(source="ligne.ordre.nature")
    echeance = ChampDateApi()
    reste = ChampMontantApi(**_MONTANT)
    stade = serializers.CharField(max_length=50)
    mise_en_demeure = ContentieuxMiseEnDemeureSerializer(source="mise", allow_null=True)
    recours = ContentieuxRecoursSerializer(allow_null=True)
    poursuites = ContentieuxPoursuiteSerializer(many=True)
    avis_caisse = ContentieuxAvisCaisseSerializer(allow_null=True)
    prochaine = serializers.CharField()  # an answer: a sentence of any length
    prochaine_le = ChampDateApi(allow_null=True)


# --- Reading -------------------------------------------------------------------


class ContentieuxCreancesApi(APIView):
    permission_classes = [LecteurRecouvrement]

    @extend_schema(
        responses={200: ContentieuxDossierSerializer(many=True)},
        summary="Créances en recouvrement contentieux (directeur), leur stade et leur suite",
    )
    def get(self, request):
        return Response(
            ContentieuxDossierSerializer(lecture.dossiers(aujourdhui()), many=True).data
        )


class ContentieuxCreanceApi(APIView):
    permission_classes = [LecteurRecouvrement]

    @extend_schema(
        responses={200: ContentieuxDossierSerializer},
        summary="Dossier contentieux d'une créance (ligne d'un ordre de recette)",
    )
    def get(self, request, pk: int):
        ligne = LigneOrdreRecette.objects.filter(pk=pk).select_related("ordre").first()
        if ligne is None:
            raise NotFound(f"La ligne d'ordre de recette n° {pk} n'existe pas.")
        return Response(ContentieuxDossierSerializer(lecture.dossier_de(ligne, aujourdhui())).data)


class ContentieuxHuissiersApi(APIView):
    permission_classes = [LecteurRecouvrement]

    @extend_schema(
        responses={200: ContentieuxRegistreSerializer(many=True)},
        summary="Registre des huissiers et visite semestrielle due",
    )
    def get(self, request):
        registre = lecture.registre_huissiers(aujourdhui())
        return Response(ContentieuxRegistreSerializer(registre, many=True).data)


class ContentieuxProceduresApi(APIView):
    permission_classes = [LecteurRecouvrement]

    @extend_schema(
        responses={200: ContentieuxProcedureSerializer(many=True)},
        summary="Procédures collectives suivies",
    )
    def get(self, request):
        procedures = ProcedureCollective.objects.select_related("debiteur").prefetch_related(
            "declarations__creances"
        )
        return Response(ContentieuxProcedureSerializer(procedures, many=True).data)


# --- Inputs and acts -------------------------------------------------------------


class ContentieuxMiseEnDemeureEntree(serializers.Serializer):
    lignes = serializers.ListField(
        child=serializers.IntegerField(),
        min_length=1,
        help_text="lignes d'ordres de recette (créances) d'un même débiteur",
    )


class ContentieuxDateEntree(serializers.Serializer):
    le = ChampDateApi(help_text="date de signature de l'avis de réception")


class ContentieuxRecoursEntree(serializers.Serializer):
    saisie_le = ChampDateApi()
    objet = serializers.CharField(max_length=500)


class ContentieuxDecisionEntree(serializers.Serializer):
    decision = serializers.ChoiceField(choices=RecoursAmiable.Decision.choices)
    decision_le = ChampDateApi()
    reference = serializers.CharField(max_length=120)
    motifs = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")


class ContentieuxPoursuiteEntree(serializers.Serializer):
    type = serializers.ChoiceField(choices=Poursuite.Type.choices)
    description = serializers.CharField(max_length=4000)


class ContentieuxAvisCaisseEntree(serializers.Serializer):
    destinataire = serializers.CharField(max_length=200)


class ContentieuxActeHuissierEntree(serializers.Serializer):
    huissier = serializers.IntegerField()
    le = ChampDateApi()
    nature = serializers.CharField(max_length=200)
    cout = ChampMontantApi(min_value=0, **_MONTANT)


class ContentieuxResultatEntree(serializers.Serializer):
    le = ChampDateApi()
    resultat = serializers.CharField(max_length=1000)
    somme_recouvree = ChampMontantApi(min_value=0, **_MONTANT)


class ContentieuxDebiteurEntree(serializers.Serializer):
    regime = serializers.ChoiceField(choices=Debiteur.Regime.choices)
    forme = serializers.ChoiceField(choices=Debiteur.Forme.choices)
    adresse = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ContentieuxProcedureEntree(serializers.Serializer):
    type = serializers.ChoiceField(choices=ProcedureCollective.Type.choices)
    jugement_le = ChampDateApi()
    tribunal = serializers.CharField(max_length=200)
    mandataire = serializers.CharField(max_length=200)
    limite_declaration = ChampDateApi()


class ContentieuxDeclarationEntree(serializers.Serializer):
    le = ChampDateApi()
    montant = ChampMontantApi(**_MONTANT)
    creances = serializers.ListField(
        child=serializers.IntegerField(), min_length=1, help_text="créances (id) couvertes"
    )


class ContentieuxEvenementEntree(serializers.Serializer):
    le = ChampDateApi()
    libelle = serializers.CharField(max_length=255)


class ContentieuxIssueEntree(serializers.Serializer):
    le = ChampDateApi()
    issue = serializers.CharField(max_length=1000)
    somme_recouvree = ChampMontantApi(required=False, allow_null=True, **_MONTANT)


class ContentieuxHuissierEntree(serializers.Serializer):
    nom = serializers.CharField(max_length=200)
    etude = serializers.CharField(max_length=200)
    adresse = serializers.CharField(max_length=500)
    iban = serializers.CharField(max_length=40)
    bic = serializers.CharField(max_length=11, required=False, allow_blank=True, default="")
    convention_depuis = ChampDateApi()


class ContentieuxVisiteEntree(serializers.Serializer):
    le = ChampDateApi()
    compte_rendu = serializers.CharField(max_length=4000)


class ContentieuxDispenseEntree(serializers.Serializer):
    du = ChampDateApi()
    au = ChampDateApi()
    accord_le = ChampDateApi()
    accord_reference = serializers.CharField(max_length=120)
    motif = serializers.CharField(max_length=1000)


def _acte(acte, queryset, entree, sortie, resume, introuvable=""):
    return api_acte(
        acte,
        queryset=queryset,
        entree=entree,
        sortie=lambda r: sortie(r).data,
        reponse=sortie,
        statut=status.HTTP_201_CREATED,
        resume=resume,
        introuvable=introuvable,
    )


LIGNES = LigneOrdreRecette.objects.all()
MISES = MiseEnDemeure.objects.select_related("debiteur")

MiseEnDemeureApi = _acte(
    a.MISE_EN_DEMEURE,
    None,
    ContentieuxMiseEnDemeureEntree,
    ContentieuxMiseEnDemeureSerializer,
    "Adresser une mise en demeure (directeur)",
)
AvisReceptionApi = _acte(
    a.AVIS_RECEPTION,
    MISES,
    ContentieuxDateEntree,
    ContentieuxMiseEnDemeureSerializer,
    "Enregistrer l'avis de réception d'une mise en demeure : les trente jours courent",
    "La mise en demeure n° {pk} n'existe pas.",
)
RecoursApi = _acte(
    a.RECOURS,
    MISES,
    ContentieuxRecoursEntree,
    ContentieuxRecoursSerializer,
    "Enregistrer une réclamation devant la commission de recours amiable",
    "La mise en demeure n° {pk} n'existe pas.",
)
DecisionApi = _acte(
    a.DECISION,
    RecoursAmiable.objects.all(),
    ContentieuxDecisionEntree,
    ContentieuxRecoursSerializer,
    "Enregistrer la décision de la commission de recours amiable",
    "La réclamation n° {pk} n'existe pas.",
)
PoursuiteApi = _acte(
    a.POURSUITE,
    LIGNES,
    ContentieuxPoursuiteEntree,
    ContentieuxPoursuiteSerializer,
    "Engager le recouvrement forcé (contrainte ou autre procédure) après les trente jours",
    "La ligne d'ordre de recette n° {pk} n'existe pas.",
)
AvisCaisseApi = _acte(
    a.AVIS_CAISSE,
    LIGNES,
    ContentieuxAvisCaisseEntree,
    ContentieuxAvisCaisseSerializer,
    "Aviser la caisse du défaut de paiement (régime à titre volontaire)",
    "La ligne d'ordre de recette n° {pk} n'existe pas.",
)
ActeHuissierApi = _acte(
    a.ACTE_HUISSIER,
    Poursuite.objects.all(),
    ContentieuxActeHuissierEntree,
    ContentieuxActeHuissierSerializer,
    "Enregistrer un acte d'huissier (son coût crée l'ordre de dépense des honoraires)",
    "La procédure n° {pk} n'existe pas.",
)
ResultatApi = _acte(
    a.RESULTAT,
    ActeHuissier.objects.all(),
    ContentieuxResultatEntree,
    ContentieuxActeHuissierSerializer,
    "Enregistrer le résultat d'un acte d'huissier",
    "L'acte d'huissier n° {pk} n'existe pas.",
)
DebiteurApi = _acte(
    a.DEBITEUR,
    Debiteur.objects.all(),
    ContentieuxDebiteurEntree,
    ContentieuxDebiteurSerializer,
    "Indiquer le régime, la forme et l'adresse d'un débiteur",
    "Le débiteur n° {pk} n'existe pas.",
)
ProcedureApi = _acte(
    a.PROCEDURE,
    Debiteur.objects.all(),
    ContentieuxProcedureEntree,
    ContentieuxProcedureSerializer,
    "Enregistrer une procédure collective (sauvegarde, redressement, liquidation judiciaire)",
    "Le débiteur n° {pk} n'existe pas.",
)
DeclarationApi = _acte(
    a.DECLARATION,
    ProcedureCollective.objects.all(),
    ContentieuxDeclarationEntree,
    ContentieuxDeclarationSerializer,
    "Enregistrer la déclaration de créance",
    "La procédure collective n° {pk} n'existe pas.",
)
EvenementApi = _acte(
    a.EVENEMENT,
    ProcedureCollective.objects.all(),
    ContentieuxEvenementEntree,
    ContentieuxEvenementEntree,
    "Enregistrer un événement d'une procédure collective",
    "La procédure collective n° {pk} n'existe pas.",
)
IssueApi = _acte(
    a.ISSUE,
    ProcedureCollective.objects.all(),
    ContentieuxIssueEntree,
    ContentieuxProcedureSerializer,
    "Enregistrer l'issue d'une procédure collective",
    "La procédure collective n° {pk} n'existe pas.",
)
HuissierApi = _acte(
    a.HUISSIER,
    None,
    ContentieuxHuissierEntree,
    ContentieuxHuissierSerializer,
    "Inscrire un huissier au registre (convention nationale)",
)
VisiteApi = _acte(
    a.VISITE,
    Huissier.objects.all(),
    ContentieuxVisiteEntree,
    ContentieuxVisiteSerializer,
    "Enregistrer la visite d'un huissier",
    "L'huissier n° {pk} n'existe pas.",
)
DispenseApi = _acte(
    a.DISPENSE,
    Huissier.objects.all(),
    ContentieuxDispenseEntree,
    ContentieuxDispenseSerializer,
    "Enregistrer la dispense de visite semestrielle (accord de la caisse)",
    "L'huissier n° {pk} n'existe pas.",
)
