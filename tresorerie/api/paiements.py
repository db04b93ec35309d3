"""Payment batches and their pain.001 files."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import APourFonction
from tresorerie import services
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    LectureOuComptable,
    _filtre_compte,
    _lots,
    _trouver,
)
from tresorerie.api.saisies import (
    LotSaisieSerializer,
)
from tresorerie.api.serializers import (
    LotDetailSerializer,
    LotSerializer,
)
from tresorerie.models import (
    LotPaiement,
)

# --- Paiements -----------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Lots de paiements", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request=LotSaisieSerializer,
        responses={201: LotDetailSerializer},
        summary="Payer des ordres de dépense visés en un lot (oppositions d'abord, "
        "circ. 93/82 §2.1.5)",
    ),
)
class LotListApi(generics.ListAPIView):
    serializer_class = LotSerializer
    permission_classes = [APourFonction, LectureOuComptable]

    def get_queryset(self):
        return _filtre_compte(_lots(), self.request).order_by("-date", "-id")

    def post(self, request):
        entree = LotSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        lot = services.lot_payer(
            acting_user=request.user,
            ordres=d["ordres"],
            compte=d["compte"],
            moyen=d["moyen"],
            le=d["date"],
        )
        return _lot_detail(lot, status.HTTP_201_CREATED)


def _lot_detail(lot: LotPaiement, statut=status.HTTP_200_OK) -> Response:
    relu = _lots().prefetch_related("paiements__ordre__exercice").get(pk=lot.pk)
    return Response(LotDetailSerializer(relu).data, status=statut)


@extend_schema(summary="Un lot de paiements et ses virements", responses=LotDetailSerializer)
class LotDetailApi(APIView):
    def get(self, request, pk: int):
        return _lot_detail(_trouver(LotPaiement, pk, "Le lot de paiements"))


@extend_schema(
    summary="Le fichier de virements SEPA (pain.001.001.03) du lot",
    responses={(200, "application/xml"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class LotPain001Api(APIView):
    def get(self, request, pk: int):
        lot = _trouver(LotPaiement, pk, "Le lot de paiements")
        fichier = bytes(lot.fichier or b"")
        if not fichier:
            raise NotFound(
                f"Le lot {lot.reference} est payé par {lot.get_moyen_display()} : "
                "il n'a pas de fichier de virements."
            )
        reponse = HttpResponse(fichier, content_type="application/xml")
        reponse["Content-Disposition"] = f'attachment; filename="{lot.message_id}.xml"'
        return reponse
