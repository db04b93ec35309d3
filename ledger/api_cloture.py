"""The year-end after the inventory in the API (`ledger.services.cloture`):
where it stands, and the acts of the result, the board's arrêté and the
à-nouveaux. Each act answers with the year-end's steps."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import ActeApi
from core.champs_api import ChampDateApi
from ledger import actes_cloture
from ledger.models import ArreteComptes, Exercice
from ledger.services import cloture


class ArreteComptesSerializer(serializers.ModelSerializer):
    enregistre_par = serializers.CharField(source="enregistre_par.username", read_only=True)

    class Meta:
        model = ArreteComptes
        fields = ["arrete_le", "deliberation", "affectation", "enregistre_par", "enregistre_le"]
        read_only_fields = ["enregistre_le"]


class EtapesSerializer(serializers.Serializer):
    annee = serializers.IntegerField()
    etat = serializers.CharField(max_length=50)
    apres_inventaire = serializers.BooleanField(help_text="Balance après inventaire figée.")
    resultat = serializers.DecimalField(
        max_digits=18, decimal_places=2, help_text="Classes 7 − 6 : positif, un excédent."
    )
    resultat_passe = serializers.BooleanField(help_text="Classes 6 et 7 soldées.")
    ecriture_resultat = serializers.CharField(max_length=40, allow_null=True)
    arrete = ArreteComptesSerializer(allow_null=True)
    clos = serializers.BooleanField()
    clore_a_partir_du = ChampDateApi(
        allow_null=True,
        help_text="Lendemain du dernier délai de la période complémentaire : la clôture attend ce jour.",
    )
    a_nouveaux = serializers.BooleanField(help_text="À-nouveaux de l'exercice suivant passés.")


def _etapes(exercice: Exercice) -> dict:
    exercice.refresh_from_db()
    e = cloture.etapes(exercice)
    ecriture = e.ecriture_resultat
    return EtapesSerializer(
        {
            "annee": exercice.annee,
            "etat": exercice.etat,
            "apres_inventaire": e.apres_inventaire,
            "resultat": e.resultat,
            "resultat_passe": e.resultat_passe,
            "ecriture_resultat": f"{ecriture.journal.code}-{ecriture.numero}" if ecriture else None,
            "arrete": e.arrete,
            "clos": e.clos,
            "clore_a_partir_du": e.clore_a_partir_du,
            "a_nouveaux": e.a_nouveaux,
        }
    ).data


class ClotureApi(APIView):
    @extend_schema(
        responses=EtapesSerializer, summary="Où en est la clôture de l'exercice (fin d'exercice)"
    )
    def get(self, request, annee: int):
        return Response(_etapes(get_object_or_404(Exercice, annee=annee)))


class _ActeCloture(ActeApi):
    entree = None

    def post(self, request, annee: int):
        exercice = get_object_or_404(Exercice, annee=annee)
        donnees = {}
        if self.entree is not None:
            saisie = self.entree(data=request.data)
            saisie.is_valid(raise_exception=True)
            donnees = dict(saisie.validated_data)
        self.acte.executer(request.user, exercice, donnees)
        return Response(_etapes(exercice))


class ArreteEntreeSerializer(serializers.Serializer):
    arrete_le = ChampDateApi()
    deliberation = serializers.CharField(max_length=200)
    affectation = serializers.ChoiceField(
        choices=ArreteComptes.Affectation.choices,
        default=ArreteComptes.Affectation.REPORT_A_NOUVEAU,
    )


@extend_schema(
    request=None,
    responses=EtapesSerializer,
    summary="Passer le résultat de l'exercice en 120 / 129 (agent comptable)",
)
class ResultatPasserApi(_ActeCloture):
    acte = actes_cloture.RESULTAT


@extend_schema(
    request=ArreteEntreeSerializer,
    responses=EtapesSerializer,
    summary="Enregistrer l'arrêté des comptes par le conseil d'administration (directeur)",
)
class ArreteEnregistrerApi(_ActeCloture):
    acte = actes_cloture.ARRETE
    entree = ArreteEntreeSerializer


@extend_schema(
    request=None,
    responses=EtapesSerializer,
    summary="Passer les à-nouveaux de l'exercice suivant, l'exercice clos (agent comptable)",
)
class ANouveauxPasserApi(_ActeCloture):
    acte = actes_cloture.A_NOUVEAUX
