"""The compte financier in the API: read by whoever reads the comptes annuels
(the auditor among them), established by the agent comptable (POST,
multipart/form-data: the commission's meeting date and its report as PDF);
the report itself, its SHA-256 checked."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from comptes_annuels import actes, selectors
from comptes_annuels import compte_financier as cf_documents
from comptes_annuels.api import PeutLire, _exercice
from comptes_annuels.rapport import reponse_rapport
from core.actes import ActeApi
from core.champs_api import ChampDateApi
from core.parseurs import ParseurFormulaire, ParseurJson, ParseurMultipart


class EtablirSerializer(serializers.Serializer):
    commission_le = ChampDateApi(help_text="Date de réunion de la commission de contrôle.")
    rapport = serializers.FileField(help_text="Rapport de la commission de contrôle (PDF).")


def _sortie(cf, request) -> dict:
    intacte, message = cf_documents.verification(cf)
    return {
        "reference": cf.reference,
        "numero": cf.numero,
        "exercice": cf.exercice.annee,
        "etabli_le": cf.etabli_le,
        "etabli_par": cf.contenu["couverture"]["etabli_par"],
        "qualite": cf.qualite,
        "agent_comptable": cf.agent_comptable,
        "balance_apres_inventaire": {"id": cf.balance_id, "empreinte": cf.balance.empreinte},
        "commission_le": cf.commission_le,
        "rapport": {
            "nom": cf.rapport_nom,
            "taille": cf.rapport_taille,
            "sha256": cf.rapport_sha256,
            "url": request.build_absolute_uri(
                reverse("api_comptes_annuels_compte_financier_rapport", args=[cf.exercice.annee])
            ),
        },
        "empreinte": cf.empreinte,
        "empreinte_verifiee": intacte,
        "verification": message,
        "chiffres": cf.contenu["chiffres"],
        "sections": cf.contenu["sections"],
    }


class CompteFinancierApi(ActeApi):
    """GET: the compte financier of the exercise; POST: establish it."""

    acte = actes.ETABLIR
    parser_classes = [ParseurMultipart, ParseurFormulaire, ParseurJson]

    def check_permissions(self, request):
        if request.method == "GET":
            if not actes.LIRE_DROIT.accorde(request.user):
                self.permission_denied(request, message=actes.LIRE_DROIT.refus)
            return
        super().check_permissions(request)

    @extend_schema(responses={200: dict}, summary="Compte financier d'un exercice")
    def get(self, request, annee: int):
        cf = selectors.compte_financier_de(_exercice(annee))
        if cf is None:
            raise NotFound(f"Le compte financier de l'exercice {annee} n'est pas établi.")
        return Response(_sortie(cf, request))

    @extend_schema(
        request={"multipart/form-data": EtablirSerializer},
        responses={201: dict},
        summary="Établir le compte financier (agent comptable)",
    )
    def post(self, request, annee: int):
        exercice = _exercice(annee)
        saisie = EtablirSerializer(data=request.data)
        saisie.is_valid(raise_exception=True)
        cf = self.acte.executer(request.user, exercice, saisie.validated_data)
        return Response(_sortie(cf, request), status=status.HTTP_201_CREATED)


class RapportApi(APIView):
    """The commission de contrôle's report joined to the compte financier."""

    permission_classes = [PeutLire]

    @extend_schema(
        summary="Rapport de la commission de contrôle joint au compte financier",
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
    )
    def get(self, request, annee: int):
        cf = selectors.compte_financier_de(_exercice(annee))
        if cf is None:
            raise NotFound(f"Le compte financier de l'exercice {annee} n'est pas établi.")
        return reponse_rapport(cf)
