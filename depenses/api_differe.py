"""The API of D133-2 al. 2: the deferred arrears of benefits of an exercise
(GET, for whoever holds a function) and the directeur's deferral (POST)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core import horloge
from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from depenses import actes_differe as actes
from depenses.differe import arrieres_differes
from depenses.models import OrdreDepense, PaiementDiffere

_MONTANT = {"max_digits": 18, "decimal_places": 2}


class PaiementDiffereSerializer(serializers.Serializer):
    ordre = serializers.IntegerField(source="ordre.pk")
    reference = serializers.CharField(source="ordre.reference")
    motif = serializers.CharField(max_length=1000)
    montant = ChampMontantApi(source="ordre.montant", **_MONTANT)
    seuil = ChampMontantApi(**_MONTANT)
    decide_le = ChampDateApi()
    par = serializers.CharField(source="par.username")
    echeance = ChampDateApi(help_text="à payer au plus tard le 31 décembre de l'exercice")
    paye_le = ChampDateApi(source="ordre.paye_le", allow_null=True)


class PaiementDiffereLigneSerializer(PaiementDiffereSerializer):
    statut = serializers.CharField(max_length=50)
    en_retard = serializers.BooleanField()


class PaiementsDifferesApi(APIView):
    @extend_schema(
        responses={200: PaiementDiffereLigneSerializer(many=True)},
        summary="Rappels de prestations différés à la fin de l'exercice (article D133-2)",
    )
    def get(self, request, annee: int):
        le = horloge.aujourdhui()
        donnees = []
        for a in arrieres_differes(annee):
            ligne = PaiementDiffereSerializer(a.differe).data
            ligne.update({"statut": a.statut(le), "en_retard": a.en_retard(le)})
            donnees.append(ligne)
        return Response(donnees)


class PaiementDiffererEntree(serializers.Serializer):
    motif = serializers.ChoiceField(choices=PaiementDiffere.Motif.choices)


PaiementDiffererApi = api_acte(
    actes.DIFFERER,
    queryset=OrdreDepense.objects.select_related("exercice"),
    entree=PaiementDiffererEntree,
    sortie=lambda d: PaiementDiffereSerializer(d).data,
    reponse=PaiementDiffereSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Différer à la fin de l'exercice le paiement d'un rappel de prestation (D133-2)",
    introuvable="L'ordre de dépense n° {pk} n'existe pas.",
)
