"""API of the ordres de dépense: one endpoint per act (core.actes), same acts as the pages."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers, status

from core.actes import api_acte
from depenses import actes, selectors, services
from depenses.models import (
    Engagement,
    Gestion,
    LigneOrdreDepense,
    Nature,
    OrdreDepense,
    PieceDepense,
    Suspension,
)
from ordres.api import (
    PARSEURS_PIECES,
    MotDePasseSerializer,
    MotifSerializer,
    OrdresListeApi,
    SaisieAvecPiecesSerializer,
    relecture,
)
from ordres.api import (
    OrdreDetailApi as OrdreDetailApiBase,
)
from ordres.api import (
    PieceApi as PieceApiBase,
)


@extend_schema_serializer(component_name="LigneDepense")
class LigneSerializer(serializers.ModelSerializer):
    class Meta:
        model = LigneOrdreDepense
        fields = ["creancier", "qualite", "identifiant", "iban", "bic", "montant"]


@extend_schema_serializer(component_name="PieceDepense")
class PieceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Où ouvrir la pièce (GET).")

    class Meta:
        model = PieceDepense
        fields = ["id", "nom", "type_mime", "taille", "sha256", "complement", "url"]

    def get_url(self, piece) -> str:
        return reverse("api_ordre_depense_piece", args=[piece.ordre_id, piece.pk])


@extend_schema_serializer(component_name="OrdreDepense")
class OrdreSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    reference = serializers.CharField()
    compte_imputation = serializers.CharField(source="compte_imputation.numero")
    compte_tiers = serializers.CharField(source="compte_tiers.numero")
    lignes = LigneSerializer(many=True)
    pieces = PieceSerializer(many=True)
    suspensions = serializers.SerializerMethodField()

    class Meta:
        model = OrdreDepense
        fields = [
            "id",
            "reference",
            "exercice",
            "numero",
            "type",
            "gestion",
            "nature",
            "objet",
            "bases_liquidation",
            "compte_imputation",
            "compte_tiers",
            "montant",
            "engagement",
            "acompte",
            "article_rattachement",
            "critere_rattachement",
            "motif_rattachement",
            "limite_emission",
            "pieces_references",
            "etat",
            "empreinte_contenu",
            "lignes",
            "pieces",
            "suspensions",
        ]

    def get_suspensions(self, ordre) -> list[dict]:
        return [
            {"motif": s.motif, "explication": s.explication, "suite": s.suite}
            for s in ordre.suspensions.all()
        ]


@extend_schema_serializer(component_name="LigneSaisieDepense")
class LigneSaisieSerializer(serializers.Serializer):
    creancier = serializers.CharField(max_length=200)
    qualite = serializers.CharField(max_length=120)
    iban = serializers.CharField(max_length=42)
    bic = serializers.CharField(max_length=11, required=False, default="", allow_blank=True)
    identifiant = serializers.CharField(max_length=40, required=False, default="", allow_blank=True)
    montant = serializers.CharField(max_length=24)


@extend_schema_serializer(component_name="SaisieDepense")
class SaisieSerializer(SaisieAvecPiecesSerializer):
    type = serializers.ChoiceField(
        choices=OrdreDepense.Type.choices, default=OrdreDepense.Type.INDIVIDUEL
    )
    gestion = serializers.ChoiceField(choices=Gestion.choices)
    nature = serializers.ChoiceField(choices=Nature.choices)
    objet = serializers.CharField(max_length=255)
    bases_liquidation = serializers.CharField()
    compte_imputation = serializers.CharField(max_length=12)
    compte_tiers = serializers.CharField(max_length=12)
    date_fait = serializers.DateField()
    dates = serializers.DictField(
        child=serializers.DateField(allow_null=True), required=False, default=dict
    )
    pieces_references = serializers.CharField(
        required=False,
        default="",
        allow_blank=True,
        help_text="Références des pièces justificatives non jointes : sans pièce ni "
        "référence, l'ordre ne se signe pas (circulaire 93/82 §2.1.3).",
    )
    engagement = serializers.PrimaryKeyRelatedField(
        queryset=Engagement.objects.select_related("compte_imputation"),
        required=False,
        allow_null=True,
        default=None,
    )
    lignes = LigneSaisieSerializer(many=True)

    def saisie(self, donnees: dict) -> services.SaisieDepense:
        donnees["lignes"] = [services.LigneCreancier(**ligne) for ligne in donnees["lignes"]]
        return services.SaisieDepense(**donnees)


@extend_schema_serializer(component_name="EngagementSaisieDepense")
class EngagementSaisieSerializer(serializers.Serializer):
    exercice = serializers.IntegerField()
    gestion = serializers.ChoiceField(choices=Gestion.choices)
    objet = serializers.CharField(max_length=255)
    creancier = serializers.CharField(max_length=200)
    compte_imputation = serializers.CharField(max_length=12)
    montant = serializers.CharField(max_length=24)


@extend_schema_serializer(component_name="ServiceFaitDepense")
class ServiceFaitSerializer(serializers.Serializer):
    le = serializers.DateField()
    observation = serializers.CharField(required=False, default="", allow_blank=True)


@extend_schema_serializer(component_name="VisaDepense")
class VisaSerializer(serializers.Serializer):
    appreciations = serializers.DictField(
        child=serializers.BooleanField(),
        required=False,
        default=dict,
        help_text='Ex. {"imputation": true, "validite_dette": true}',
    )

    def validate(self, attrs):
        return {"appreciations": {k: (v, "") for k, v in attrs["appreciations"].items()}}


@extend_schema_serializer(component_name="SuspensionDepense")
class SuspensionSerializer(serializers.Serializer):
    motif = serializers.ChoiceField(choices=Suspension.Motif.choices)
    explication = serializers.CharField()


@extend_schema_serializer(component_name="ComplementDepense")
class ComplementSerializer(serializers.Serializer):
    complement = serializers.CharField()
    service_fait_le = serializers.DateField(required=False, allow_null=True, default=None)


@extend_schema_serializer(component_name="RequisitionDepense")
class RequisitionSerializer(serializers.Serializer):
    motif = serializers.CharField()
    mot_de_passe = serializers.CharField()


_relue = relecture(OrdreSerializer, selectors.ordre_depense_detail, OrdreDepense)


class OrdreListApi(OrdresListeApi):
    serializer_class = OrdreSerializer
    TIERS = "creancier"

    def liste(self, **filtres):
        return selectors.ordres_depense(**filtres)


class OrdreDetailApi(OrdreDetailApiBase):
    serializer_class = OrdreSerializer

    def detail(self):
        return selectors.ordre_depense_detail()


class PieceApi(PieceApiBase):
    """A pièce of an ordre de dépense (the invoice the agent comptable checks before his visa)."""

    modele = PieceDepense


@extend_schema_serializer(component_name="EngagementDepense")
class EngagementSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    montant = serializers.DecimalField(max_digits=18, decimal_places=2)


ORDRES = OrdreDepense.objects.all()

EngagementCreerApi = api_acte(
    actes.ENGAGER,
    entree=EngagementSaisieSerializer,
    sortie=lambda engagement: EngagementSerializer(engagement).data,
    reponse=EngagementSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Engager une dépense",
)
OrdreCreerApi = api_acte(
    actes.CREER,
    entree=SaisieSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Créer un ordre de dépense, avec ses pièces justificatives",
)
OrdreCreerApi.parser_classes = PARSEURS_PIECES
ServiceFaitApi = api_acte(
    actes.SERVICE_FAIT,
    queryset=ORDRES,
    entree=ServiceFaitSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Attester le service fait",
)
SignerApi = api_acte(
    actes.SIGNER,
    queryset=ORDRES,
    entree=MotDePasseSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Ordonnancer (signer)",
)
TransmettreApi = api_acte(
    actes.TRANSMETTRE,
    queryset=ORDRES,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Transmettre à l'agent comptable",
)
ViserApi = api_acte(
    actes.VISER,
    queryset=ORDRES,
    entree=VisaSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Viser après les six contrôles",
)
SuspendreApi = api_acte(
    actes.SUSPENDRE,
    queryset=ORDRES,
    entree=SuspensionSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Suspendre le paiement",
)
CompleterApi = api_acte(
    actes.COMPLETER,
    queryset=ORDRES,
    entree=ComplementSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Compléter après suspension",
)
RetirerApi = api_acte(
    actes.RETIRER,
    queryset=ORDRES,
    entree=MotifSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Retirer l'ordre suspendu",
)
RequerirApi = api_acte(
    actes.REQUERIR,
    queryset=ORDRES,
    entree=RequisitionSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Requérir le paiement",
)
