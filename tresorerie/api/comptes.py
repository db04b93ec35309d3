"""Accounts of funds and carnets à souches."""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import APourFonction, EstComptable
from tresorerie import services
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    LectureOuComptable,
    _filtre_compte,
    _trouver,
)
from tresorerie.api.saisies import (
    CarnetOuvrirSerializer,
)
from tresorerie.api.serializers import (
    CarnetSerializer,
    CompteDisponibiliteSerializer,
)
from tresorerie.models import (
    Carnet,
    CompteDisponibilite,
)

# --- Comptes et carnets ------------------------------------------------------------


@extend_schema(summary="Comptes de disponibilités, avec leur solde comptable du jour")
class CompteListApi(generics.ListAPIView):
    serializer_class = CompteDisponibiliteSerializer

    def get_queryset(self):
        return CompteDisponibilite.objects.select_related(
            "compte", "compte_frais", "regisseur"
        ).order_by("compte__numero")


@extend_schema_view(
    get=extend_schema(
        summary="Carnets à souches de quittances et de reçus",
        parameters=[
            PARAMETRE_COMPTE,
            OpenApiParameter("ouverts", bool, description="seulement les carnets ouverts"),
        ],
    ),
    post=extend_schema(
        request=CarnetOuvrirSerializer,
        responses={201: CarnetSerializer},
        summary="Ouvrir un carnet à souches (agent comptable, circ. 93/82 §2.0.6)",
    ),
)
class CarnetListApi(generics.ListAPIView):
    serializer_class = CarnetSerializer
    permission_classes = [APourFonction, LectureOuComptable]

    def get_queryset(self):
        qs = Carnet.objects.select_related("compte", "titulaire", "ouvert_par", "clos_par")
        qs = _filtre_compte(qs, self.request)
        if self.request.query_params.get("ouverts") in ("1", "true", "oui"):
            qs = qs.filter(clos_le__isnull=True)
        return qs.order_by("-ouvert_le", "-id")

    def post(self, request):
        entree = CarnetOuvrirSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        carnet = services.carnet_ouvrir(
            acting_user=request.user,
            type=d["type"],
            compte=d["compte"],
            titulaire=d.get("titulaire") or request.user,
            serie=d["serie"],
            premier_numero=d["premier_numero"],
            dernier_numero=d["dernier_numero"],
        )
        return Response(CarnetSerializer(carnet).data, status=status.HTTP_201_CREATED)


@extend_schema(
    request=None,
    responses=CarnetSerializer,
    summary="Clore un carnet à souches (ses numéros restants ne servent plus)",
)
class CarnetCloreApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request, pk: int):
        carnet = _trouver(Carnet, pk, "Le carnet")
        carnet = services.carnet_clore(acting_user=request.user, carnet=carnet)
        relu = Carnet.objects.select_related("compte", "titulaire", "ouvert_par", "clos_par")
        return Response(CarnetSerializer(relu.get(pk=carnet.pk)).data)
