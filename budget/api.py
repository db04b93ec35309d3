"""API of the credits: the situations of an exercise for everyone holding a
function; opening a credit and recording a modification for the directeur.

Acts call the same services as the pages, so the same checks and the same
French messages apply; errors come as `{"code", "message", "details"}`.
"""

from __future__ import annotations

from dataclasses import asdict

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from budget import actes, selectors
from budget.models import Credit, ModificationCredit, MouvementCredit
from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi, ChampMontantSigneApi
from core.exceptions import DonneeInvalide
from personnes.droits import APourFonction

# --- Serializers ---------------------------------------------------------------


def _montant():
    # An output (a credit's situation; `modifications` may be negative).
    return serializers.DecimalField(max_digits=18, decimal_places=2, read_only=True)


class SituationCreditSerializer(serializers.Serializer):
    credit_id = serializers.IntegerField()
    exercice = serializers.IntegerField()
    chapitre = serializers.CharField(max_length=40)
    libelle = serializers.CharField(max_length=200)
    initial = _montant()
    modifications = _montant()
    ouvert = _montant()
    engage = _montant()
    ordonnance = _montant()
    paye = _montant()
    disponible = _montant()


class TotauxCreditsSerializer(serializers.Serializer):
    initial = _montant()
    modifications = _montant()
    ouvert = _montant()
    engage = _montant()
    ordonnance = _montant()
    paye = _montant()
    disponible = _montant()


class ModificationCreditSerializer(serializers.ModelSerializer):
    par = serializers.CharField(source="par.username")

    class Meta:
        model = ModificationCredit
        fields = ["id", "montant", "motif", "decidee_le", "par", "cree_le"]


class MouvementCreditSerializer(serializers.ModelSerializer):
    par = serializers.CharField(source="par.username")

    class Meta:
        model = MouvementCredit
        fields = ["id", "nature", "montant", "reference", "par", "cree_le"]


class CreditOuvrirSerializer(serializers.Serializer):
    exercice = serializers.IntegerField()
    chapitre = serializers.CharField(max_length=12)
    libelle = serializers.CharField(max_length=200)
    montant_initial = ChampMontantApi()


class CreditModifierSerializer(serializers.Serializer):
    montant = ChampMontantSigneApi()
    motif = serializers.CharField(max_length=1000)
    le = ChampDateApi(required=False)


def _situation(credit: Credit) -> dict:
    return SituationCreditSerializer(asdict(selectors.situation(credit=credit))).data


# --- Views ---------------------------------------------------------------------


class CreditsApi(APIView):
    permission_classes = [APourFonction]

    @extend_schema(
        parameters=[OpenApiParameter("exercice", int, required=True, description="Année")],
        responses=inline_serializer(
            "SituationsCredits",
            {
                "exercice": serializers.IntegerField(),
                "credits": SituationCreditSerializer(many=True),
                "totaux": TotauxCreditsSerializer(),
            },
        ),
        summary="Situation des crédits d'un exercice",
        operation_id="credits_situations",
    )
    def get(self, request):
        annee = request.query_params.get("exercice", "").strip()
        if not annee:
            raise DonneeInvalide("Précisez l'exercice, par exemple ?exercice=2026.")
        exercice = selectors.exercice_de(annee)
        lignes = selectors.situations(exercice=exercice)
        return Response(
            {
                "exercice": exercice.annee,
                "credits": SituationCreditSerializer([asdict(s) for s in lignes], many=True).data,
                "totaux": TotauxCreditsSerializer(selectors.totaux(lignes)).data,
            }
        )


class CreditDetailApi(APIView):
    permission_classes = [APourFonction]

    @extend_schema(
        responses=inline_serializer(
            "CreditDetail",
            {
                "situation": SituationCreditSerializer(),
                "modifications": ModificationCreditSerializer(many=True),
                "mouvements": MouvementCreditSerializer(many=True),
            },
        ),
        summary="Un crédit, ses modifications et ses mouvements",
        operation_id="credit_detail",
    )
    def get(self, request, pk: int):
        credit = get_object_or_404(Credit, pk=pk)
        return Response(
            {
                "situation": SituationCreditSerializer(
                    asdict(selectors.situation(credit=credit))
                ).data,
                "modifications": ModificationCreditSerializer(
                    selectors.modifications(credit=credit), many=True
                ).data,
                "mouvements": MouvementCreditSerializer(
                    selectors.mouvements(credit=credit), many=True
                ).data,
            }
        )


CreditOuvrirApi = api_acte(
    actes.OUVRIR,
    operation_id="credit_ouvrir",
    entree=CreditOuvrirSerializer,
    sortie=_situation,
    reponse=SituationCreditSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Ouvrir un crédit (directeur)",
)
CreditModifierApi = api_acte(
    actes.MODIFIER,
    operation_id="credit_modifier",
    queryset=Credit.objects.all(),
    entree=CreditModifierSerializer,
    sortie=_situation,
    reponse=SituationCreditSerializer,
    resume="Décision modificative ou virement de crédits (directeur)",
)
