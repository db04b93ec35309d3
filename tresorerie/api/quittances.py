"""Quittances, reçus and cancellation documents."""

from __future__ import annotations

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
)
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from tresorerie import selectors
from tresorerie.api.commun import (
    _quittances,
    _trouver,
)
from tresorerie.api.serializers import (
    QuittanceSerializer,
)
from tresorerie.models import (
    Quittance,
)
from tresorerie.pdf import quittance_pdf

# --- Quittances ---------------------------------------------------------------------


@extend_schema(
    summary="Quittances, reçus et documents d'annulation délivrés",
    parameters=[
        OpenApiParameter("encaissement", int),
        OpenApiParameter("carnet", str, description="série du carnet"),
        OpenApiParameter("nature", str, enum=Quittance.Nature.values),
    ],
)
class QuittanceListApi(generics.ListAPIView):
    serializer_class = QuittanceSerializer

    def get_queryset(self):
        qs = selectors.quittances_visibles(self.request.user, _quittances())
        p = self.request.query_params
        if p.get("encaissement", "").isdigit():
            qs = qs.filter(encaissement_id=int(p["encaissement"]))
        if p.get("carnet"):
            qs = qs.filter(carnet__serie=p["carnet"])
        if p.get("nature"):
            qs = qs.filter(nature=p["nature"])
        return qs


class QuittanceDetailApi(APIView):
    @extend_schema(
        responses=QuittanceSerializer,
        summary="Une quittance, un reçu ou un document d'annulation",
    )
    def get(self, request, pk: int):
        return Response(
            QuittanceSerializer(
                _trouver(
                    selectors.quittances_visibles(request.user, _quittances()), pk, "Le document"
                )
            ).data
        )


@extend_schema(
    summary="La quittance (ou le reçu) en PDF, à remettre à la partie versante",
    responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class QuittancePdfApi(APIView):
    def get(self, request, pk: int):
        quittance = _trouver(
            selectors.quittances_visibles(request.user, _quittances()).select_related(
                "encaissement"
            ),
            pk,
            "Le document",
        )
        reponse = HttpResponse(quittance_pdf(quittance), content_type="application/pdf")
        reponse["Content-Disposition"] = (
            f'inline; filename="{quittance.nature}_{quittance.reference}.pdf"'
        )
        return reponse
