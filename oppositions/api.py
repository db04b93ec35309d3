"""API of the oppositions register: list, register, release; same services as the pages."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers, status

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from oppositions import actes, selectors
from oppositions.models import Imputation, Opposition


class ImputationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Imputation
        fields = ["montant", "reference", "le"]


class OppositionSerializer(serializers.ModelSerializer):
    creancier_cle = serializers.CharField(
        read_only=True,
        help_text="Clé de rapprochement : le SIREN d'un SIRET, le NIR sans sa clé, sinon "
        "l'identifiant.",
    )
    montant_impute = serializers.DecimalField(max_digits=18, decimal_places=2, read_only=True)
    reste = serializers.SerializerMethodField()
    imputations = ImputationSerializer(many=True, read_only=True)

    class Meta:
        model = Opposition
        fields = [
            "id",
            "creancier_nom",
            "creancier_identifiant",
            "creancier_cle",
            "creancier_iban",
            "opposant",
            "opposant_iban",
            "opposant_bic",
            "nature",
            "montant",
            "signifiee_le",
            "reference_acte",
            "mainlevee_le",
            "enregistree_le",
            "montant_impute",
            "reste",
            "imputations",
        ]

    def get_reste(self, opposition) -> str:
        """What the opposition may still take; 0.00 once released."""
        if opposition.mainlevee_le is not None:
            return "0.00"
        return f"{opposition.reste:.2f}"


class EnregistrementSerializer(serializers.Serializer):
    creancier_nom = serializers.CharField(max_length=200)
    creancier_identifiant = serializers.CharField(
        max_length=60,
        help_text="SIRET, SIREN, NIR… avec ou sans espaces, points ou tirets (enregistré en "
        "lettres et chiffres).",
    )
    creancier_iban = serializers.CharField(
        max_length=50,
        required=False,
        default="",
        allow_blank=True,
        help_text="Facultatif : rattache les lignes d'ordre sans identifiant (nom et IBAN).",
    )
    opposant = serializers.CharField(max_length=200)
    opposant_iban = serializers.CharField(max_length=50)
    opposant_bic = serializers.CharField(max_length=20)
    nature = serializers.ChoiceField(choices=Opposition.Nature.choices)
    montant = ChampMontantApi(help_text="En euros, par exemple « 1234.56 ».")
    signifiee_le = ChampDateApi()
    reference_acte = serializers.CharField(
        max_length=120, required=False, default="", allow_blank=True
    )


class MainleveeSerializer(serializers.Serializer):
    le = ChampDateApi()


@extend_schema(
    parameters=[
        OpenApiParameter(
            "etat", str, enum=list(selectors.ETATS), description="en_cours par défaut"
        ),
        OpenApiParameter("recherche", str, description="créancier, identifiant, opposant, acte"),
    ],
    summary="Registre des oppositions, avec les sommes versées et le reste opposable",
)
class OppositionListApi(generics.ListAPIView):
    serializer_class = OppositionSerializer

    def get_queryset(self):
        p = self.request.query_params
        etat = p.get("etat") if p.get("etat") in selectors.ETATS else "en_cours"
        return selectors.oppositions_registre(
            etat=etat, recherche=p.get("recherche", "")
        ).prefetch_related("imputations")


@extend_schema(summary="Une opposition")
class OppositionDetailApi(generics.RetrieveAPIView):
    serializer_class = OppositionSerializer

    def get_queryset(self):
        return selectors.oppositions_registre(etat="toutes").prefetch_related("imputations")


def _relue(opposition: Opposition) -> dict:
    relue = (
        selectors.oppositions_registre(etat="toutes")
        .prefetch_related("imputations")
        .get(pk=opposition.pk)
    )
    return OppositionSerializer(relue).data


OppositionEnregistrerApi = api_acte(
    actes.ENREGISTRER,
    entree=EnregistrementSerializer,
    sortie=_relue,
    reponse=OppositionSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer une opposition signifiée à l'agent comptable (circ. 93/82 §2.1.5)",
)
OppositionMainleveeApi = api_acte(
    actes.MAINLEVEE,
    queryset=Opposition.objects.all(),
    entree=MainleveeSerializer,
    sortie=_relue,
    reponse=OppositionSerializer,
    resume="Enregistrer la mainlevée d'une opposition",
)
