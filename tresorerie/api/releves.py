"""Bank statements and their reconciliation."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import APourFonction, EstComptable
from tresorerie import selectors, services
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    LectureOuComptable,
    _date_parametre,
    _filtre_compte,
    _lignes_releve,
    _releves,
    _trouver,
)
from tresorerie.api.saisies import (
    ExpliquerSerializer,
    RapprocherSerializer,
    ReleveImportSerializer,
)
from tresorerie.api.serializers import (
    EtatRapprochementSerializer,
    LigneReleveSerializer,
    ReleveDetailSerializer,
    ReleveSerializer,
)
from tresorerie.models import (
    CompteDisponibilite,
    LigneReleve,
    Rapprochement,
    Releve,
)

# --- Relevés et rapprochement --------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Relevés bancaires importés", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request={"multipart/form-data": ReleveImportSerializer},
        responses={201: ReleveDetailSerializer},
        summary="Importer un relevé (camt.053 ou CSV) et le rapprocher automatiquement",
    ),
)
class ReleveListApi(generics.ListAPIView):
    serializer_class = ReleveSerializer
    permission_classes = [APourFonction, LectureOuComptable]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_queryset(self):
        return _filtre_compte(_releves(), self.request).order_by("-date_fin", "-id")

    def post(self, request):
        entree = ReleveImportSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        fichier = d["fichier"]
        releve = services.releve_importer(
            acting_user=request.user,
            compte=d["compte"],
            nom_fichier=fichier.name,
            contenu=fichier.read(),
            solde_ouverture=d["solde_ouverture"],
        )
        return _releve_detail(releve, status.HTTP_201_CREATED)


def _releve_detail(releve: Releve, statut=status.HTTP_200_OK) -> Response:
    return Response(ReleveDetailSerializer(_releves().get(pk=releve.pk)).data, status=statut)


@extend_schema(
    summary="Un relevé et ses lignes, rapprochées, expliquées ou à rapprocher",
    responses=ReleveDetailSerializer,
)
class ReleveDetailApi(APIView):
    def get(self, request, pk: int):
        return _releve_detail(_trouver(Releve, pk, "Le relevé"))


def _ligne_releve(ligne: LigneReleve, statut=status.HTTP_200_OK) -> Response:
    return Response(LigneReleveSerializer(_lignes_releve().get(pk=ligne.pk)).data, status=statut)


@extend_schema(
    request=RapprocherSerializer,
    responses={201: LigneReleveSerializer},
    summary="Rapprocher à la main une ligne du relevé avec des lignes d'écriture du compte",
)
class LigneReleveRapprocherApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request, pk: int):
        entree = RapprocherSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        ligne = _trouver(LigneReleve, pk, "La ligne de relevé")
        services.rapprocher(
            acting_user=request.user, ligne_releve=ligne, lignes=entree.validated_data["lignes"]
        )
        return _ligne_releve(ligne, status.HTTP_201_CREATED)


@extend_schema(
    request=ExpliquerSerializer,
    responses={201: LigneReleveSerializer},
    summary="Expliquer une ligne du relevé sans écriture (erreur de la banque, opération à passer)",
)
class LigneReleveExpliquerApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request, pk: int):
        entree = ExpliquerSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        ligne = _trouver(LigneReleve, pk, "La ligne de relevé")
        services.expliquer(
            acting_user=request.user,
            ligne_releve=ligne,
            explication=entree.validated_data["explication"],
        )
        return _ligne_releve(ligne, status.HTTP_201_CREATED)


@extend_schema(
    request=None,
    responses=LigneReleveSerializer,
    summary="Défaire un rapprochement ou une explication",
)
class RapprochementDefaireApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request, pk: int):
        rapprochement = _trouver(Rapprochement, pk, "Le rapprochement")
        ligne = rapprochement.ligne_releve
        services.rapprochement_defaire(acting_user=request.user, rapprochement=rapprochement)
        return _ligne_releve(ligne)


class EtatRapprochementApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "au", OpenApiTypes.DATE, description="fin du dernier relevé par défaut"
            )
        ],
        responses=EtatRapprochementSerializer,
        summary="État de rapprochement d'un compte bancaire",
    )
    def get(self, request, compte_pk: int):
        compte = _trouver(
            CompteDisponibilite.objects.select_related("compte"),
            compte_pk,
            "Le compte de disponibilités",
        )
        etat = selectors.etat_rapprochement(compte, _date_parametre(request, "au"))
        return Response(EtatRapprochementSerializer(etat).data)
