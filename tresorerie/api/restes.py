"""Restes à recouvrer per debtor."""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import DonneeInvalide
from ledger.models import Exercice
from tresorerie import selectors
from tresorerie.api.serializers import (
    ResteDebiteurSerializer,
    TotauxRestesSerializer,
)

# --- Restes à recouvrer -------------------------------------------------------------


def _montant(**options):
    return serializers.DecimalField(max_digits=18, decimal_places=2, read_only=True, **options)


class AccordCompteSerializer(serializers.Serializer):
    compte = serializers.CharField(max_length=40)
    libelle = serializers.CharField(max_length=200)
    reste = _montant(help_text="Restes à recouvrer des ordres imputés à ce compte.")
    solde = _montant(help_text="Solde du compte au grand livre, tous exercices, hors à-nouveaux.")
    sans_ordre = _montant(help_text="Part du solde passée par des écritures sans ordre de recette.")
    ecart = _montant(help_text="Solde au grand livre moins restes à recouvrer.")


class AccordGrandLivreSerializer(serializers.Serializer):
    """The agreement of the restes with the receivable accounts' balance,
    queried in the ledger at each request (every exercise, à-nouveaux aside)."""

    comptes = AccordCompteSerializer(many=True)
    reste = _montant()
    solde = _montant()
    sans_ordre = _montant()
    ecart = _montant()


class RestesApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("exercice", int, description="Année ; tous les exercices sinon"),
            OpenApiParameter("non_soldes", bool, description="seulement les débiteurs non soldés"),
        ],
        responses=inline_serializer(
            "RestesARecouvrer",
            {
                "exercice": serializers.IntegerField(allow_null=True),
                "debiteurs": ResteDebiteurSerializer(many=True),
                "totaux": TotauxRestesSerializer(),
                "accord": AccordGrandLivreSerializer(),
            },
        ),
        summary="Restes à recouvrer par débiteur, et leur accord avec la comptabilité",
    )
    def get(self, request):
        if not selectors.lit_toute_la_tresorerie(request.user):
            raise PermissionDenied(selectors.REFUS_REGISSEUR)
        p = request.query_params
        exercice = None
        annee = p.get("exercice", "").strip()
        if annee:
            exercice = Exercice.objects.filter(annee=annee).first() if annee.isdigit() else None
            if exercice is None:
                raise DonneeInvalide(f"L'exercice « {annee} » n'existe pas.")
        etat = selectors.restes_a_recouvrer(
            exercice=exercice, seulement_non_soldes=p.get("non_soldes") in ("1", "true", "oui")
        )
        return Response(
            {
                "exercice": exercice.annee if exercice else None,
                "debiteurs": ResteDebiteurSerializer(etat.debiteurs, many=True).data,
                "totaux": TotauxRestesSerializer(
                    {
                        "pris_en_charge": etat.total_pris_en_charge,
                        "reduit": etat.total_reduit,
                        "recouvre": etat.total_recouvre,
                        "reste": etat.total_reste,
                        "comptable": etat.total_comptable,
                        "ecart_comptable": etat.ecart_comptable,
                    }
                ).data,
                "accord": AccordGrandLivreSerializer(etat.accord).data,
            }
        )
