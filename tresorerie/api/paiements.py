"""Payment batches and their pain.001 files."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import api_acte
from tresorerie import actes, selectors
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    ListeEtActe,
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
        reponse["Content-Disposition"] = f'attachment; filename="{lot.message_id}.xml"'
        return reponse
