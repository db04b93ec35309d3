"""Arrêtés de caisse."""

from __future__ import annotations

from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, status
from rest_framework.response import Response

from core.permissions import APourFonction
from tresorerie import services
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    LectureOuComptable,
    _filtre_compte,
)
from tresorerie.api.saisies import (
    ArreteSaisieSerializer,
)
from tresorerie.api.serializers import (
    ArreteSerializer,
)
from tresorerie.models import (
    ArreteCaisse,
)

# --- Arrêtés de caisse ----------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Arrêtés de caisse", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request=ArreteSaisieSerializer,
        responses={201: ArreteSerializer},
        summary="Arrêter la caisse : comptage par coupure contre solde comptable (circ. 93/82 "
        "§2.2)",
    ),
)
class ArreteListApi(generics.ListAPIView):
    serializer_class = ArreteSerializer
    permission_classes = [APourFonction, LectureOuComptable]

    def get_queryset(self):
        qs = ArreteCaisse.objects.select_related("compte", "par")
        return _filtre_compte(qs, self.request).order_by("-date", "-id")

    def post(self, request):
        entree = ArreteSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        arrete = services.arrete_caisse(
            acting_user=request.user,
            compte=d["compte"],
            comptage=d["comptage"],
            date=d["date"],
            observations=d["observations"],
        )
        relu = ArreteCaisse.objects.select_related("compte", "par").get(pk=arrete.pk)
        return Response(ArreteSerializer(relu).data, status=status.HTTP_201_CREATED)
