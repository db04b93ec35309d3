"""Bank statements and their reconciliation."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import api_acte
from core.parseurs import ParseurFormulaire, ParseurJson, ParseurMultipart
from tresorerie import actes, selectors, selectors_releves
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    ListeEtActe,
    _date_parametre,
    _filtre_compte,
    _lignes_releve,
    _releves,
    _trouver,
    acte_sur,
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
    LigneReleve,
    Rapprochement,
)

# --- Relevés et rapprochement --------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Relevés bancaires importés", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request={"multipart/form-data": ReleveImportSerializer},
        responses={201: ReleveDetailSerializer},
        summary=(
            "Importer un relevé camt.053, un avis camt.054 (.001.02 à .001.14) ou un relevé CSV, "
            "et le rapprocher automatiquement"
        ),
    ),
)
class ReleveListApi(
    ListeEtActe,
    api_acte(
        actes.RELEVE_IMPORTER,
        entree=ReleveImportSerializer,
        sortie=lambda releve: ReleveDetailSerializer(_releves().get(pk=releve.pk)).data,
        statut=status.HTTP_201_CREATED,
    ),
):
    serializer_class = ReleveSerializer
    parser_classes = [ParseurMultipart, ParseurFormulaire, ParseurJson]

    def get_queryset(self):
        qs = selectors.par_compte_visibles(self.request.user, _releves())
        return _filtre_compte(qs, self.request).order_by("-date_fin", "-id")


@extend_schema(
    summary="Un relevé et ses lignes, rapprochées, expliquées ou à rapprocher",
    responses=ReleveDetailSerializer,
)
class ReleveDetailApi(APIView):
    def get(self, request, pk: int):
        qs = selectors.par_compte_visibles(request.user, _releves())
        return Response(ReleveDetailSerializer(_trouver(qs, pk, "Le relevé")).data)


def _ligne_relue(rapprochement: Rapprochement) -> dict:
    """The statement line matched, explained or set free, read afresh."""
    ligne = _lignes_releve().get(pk=rapprochement.ligne_releve_id)
    return LigneReleveSerializer(ligne).data


LigneReleveRapprocherApi = acte_sur(
    actes.RAPPROCHER,
    queryset=LigneReleve.objects.all(),
    libelle="La ligne de relevé",
    entree=RapprocherSerializer,
    sortie=_ligne_relue,
    reponse=LigneReleveSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Rapprocher à la main une ligne du relevé avec des lignes d'écriture du compte",
)
LigneReleveExpliquerApi = acte_sur(
    actes.EXPLIQUER,
    queryset=LigneReleve.objects.all(),
    libelle="La ligne de relevé",
    entree=ExpliquerSerializer,
    sortie=_ligne_relue,
    reponse=LigneReleveSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Expliquer une ligne du relevé sans écriture (erreur de la banque, opération à passer)",
)
RapprochementDefaireApi = acte_sur(
    actes.RAPPROCHEMENT_DEFAIRE,
    queryset=Rapprochement.objects.all(),
    libelle="Le rapprochement",
    sortie=_ligne_relue,
    reponse=LigneReleveSerializer,
    resume="Défaire un rapprochement ou une explication",
)


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
            selectors.comptes_visibles(request.user).select_related("compte"),
            compte_pk,
            "Le compte de disponibilités",
        )
        etat = selectors.etat_rapprochement(compte, _date_parametre(request, "au"))
        suites = selectors_releves.suites(etat.releve_non_rapproche, compte)
        return Response(EtatRapprochementSerializer(etat, context={"suites": suites}).data)
