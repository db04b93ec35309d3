"""Payment batches and their pain.001 files."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import api_acte
from core.champs_api import ChampMontantApi
from depenses.models import LigneOrdreDepense
from oppositions.models import Opposition
from oppositions.rapprochement import DECISIONS
from tresorerie import actes, selectors, services
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    ListeEtActe,
    _filtre_compte,
    _lots,
    _trouver,
    acte_sur,
)
from tresorerie.api.saisies import (
    LotSaisieSerializer,
)
from tresorerie.api.serializers import (
    LotDetailSerializer,
    LotSerializer,
)
from tresorerie.decisions import DecisionOpposition
from tresorerie.models import (
    LotPaiement,
)

# --- Paiements -----------------------------------------------------------------------


def _lot_relu(lot: LotPaiement) -> dict:
    relu = _lots().prefetch_related("paiements__ordre__exercice").get(pk=lot.pk)
    return LotDetailSerializer(relu).data


def _lot_visible(request, pk: int) -> LotPaiement:
    return _trouver(selectors.par_compte_visibles(request.user, _lots()), pk, "Le lot de paiements")


@extend_schema_view(
    get=extend_schema(summary="Lots de paiements", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request=LotSaisieSerializer,
        responses={201: LotDetailSerializer},
        summary="Payer des ordres de dépense visés en un lot (oppositions d'abord, "
        "circ. 93/82 §2.1.5)",
    ),
)
class LotListApi(
    ListeEtActe,
    api_acte(actes.PAYER, entree=LotSaisieSerializer, sortie=_lot_relu, statut=201),
):
    serializer_class = LotSerializer

    def get_queryset(self):
        qs = selectors.par_compte_visibles(self.request.user, _lots())
        return _filtre_compte(qs, self.request).order_by("-date", "-id")


@extend_schema(summary="Un lot de paiements et ses virements", responses=LotDetailSerializer)
class LotDetailApi(APIView):
    def get(self, request, pk: int):
        return Response(_lot_relu(_lot_visible(request, pk)))


@extend_schema(
    summary="Le fichier de virements SEPA (pain.001.001.03) du lot",
    responses={(200, "application/xml"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class LotPain001Api(APIView):
    def get(self, request, pk: int):
        lot = _lot_visible(request, pk)
        fichier = bytes(lot.fichier or b"")
        if not fichier:
            raise NotFound(
                f"Le lot {lot.reference} est payé par {lot.get_moyen_display()} : "
                "il n'a pas de fichier de virements."
            )
        reponse = HttpResponse(fichier, content_type="application/xml")
        version = lot.format or "pain.001.001.03"  # batches paid before the choice existed
        reponse["Content-Disposition"] = f'attachment; filename="{version}-{lot.message_id}.xml"'
        return reponse


# --- Paiements en attente de décision (oppositions, circ. 93/82 §2.1.5) ---------------


class DouteSerializer(serializers.Serializer):
    opposition = serializers.IntegerField(source="opposition.pk")
    opposant = serializers.CharField(source="opposition.opposant")
    creancier_vise = serializers.CharField(source="opposition.creancier_nom")
    identifiant_vise = serializers.CharField(source="opposition.creancier_identifiant")
    motif = serializers.CharField(max_length=1000)


class AttenteSerializer(serializers.Serializer):
    ordre = serializers.IntegerField(source="ordre.pk")
    reference = serializers.CharField(source="ordre.reference")
    ligne = serializers.IntegerField(source="ligne.pk")
    creancier = serializers.CharField(source="ligne.creancier")
    identifiant = serializers.CharField(source="ligne.identifiant")
    iban = serializers.CharField(source="ligne.iban")
    montant = ChampMontantApi(source="ligne.montant", max_digits=18, decimal_places=2)
    etat = serializers.SerializerMethodField()
    doutes = DouteSerializer(many=True)

    def get_etat(self, _attente) -> str:
        return "en attente de décision de l'agent comptable"


@extend_schema(
    summary="Paiements arrêtés, en attente de décision de l'agent comptable (une opposition "
    "vise peut-être le créancier, circ. 93/82 §2.1.5)",
    responses=AttenteSerializer(many=True),
)
class AttenteListApi(APIView):
    def get(self, request):
        if not selectors.lit_toute_la_tresorerie(request.user):
            raise PermissionDenied(selectors.REFUS_REGISSEUR)
        return Response(AttenteSerializer(services.lignes_en_attente(), many=True).data)


class DecisionSaisieSerializer(serializers.Serializer):
    opposition = serializers.PrimaryKeyRelatedField(
        queryset=Opposition.objects.all(),
        error_messages={"does_not_exist": "L'opposition n° {pk_value} n'existe pas."},
    )
    decision = serializers.ChoiceField(
        choices=list(DECISIONS.items()),
        error_messages={
            "invalid_choice": "La décision « {input} » n'existe pas : « appliquer » ou « lever »."
        },
    )
    motif = serializers.CharField(max_length=2000)


class DecisionSerializer(serializers.ModelSerializer):
    ordre = serializers.CharField(source="ligne.ordre.reference")
    creancier = serializers.CharField(source="ligne.creancier")
    par = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = DecisionOpposition
        fields = [
            "id",
            "ligne",
            "ordre",
            "creancier",
            "opposition",
            "decision",
            "doute",
            "motif",
            "par",
            "le",
        ]


def _decision_relue(decision: DecisionOpposition) -> dict:
    relue = DecisionOpposition.objects.select_related("ligne__ordre__exercice", "par").get(
        pk=decision.pk
    )
    return DecisionSerializer(relue).data


LigneDeciderApi = acte_sur(
    actes.OPPOSITION_DECIDER,
    queryset=LigneOrdreDepense.objects.select_related("ordre__exercice"),
    libelle="La ligne d'ordre de dépense",
    entree=DecisionSaisieSerializer,
    sortie=_decision_relue,
    reponse=DecisionSerializer,
    statut=201,
    resume="Décider du paiement d'une ligne arrêtée par une opposition : l'appliquer ou lever "
    "le doute (agent comptable, circ. 93/82 §2.1.5)",
)
