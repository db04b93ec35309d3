"""Documents in batch through the API: every mandat of a payment batch, every
quittance of a day, as one merged PDF (`forme=pdf`) or a ZIP of one PDF each
(`forme=zip`). Same rights as the single documents; no audit row (nothing changes)."""

from __future__ import annotations

import datetime

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from tresorerie import documents_lot, selectors
from tresorerie.api.commun import _lots, _trouver

PARAMETRES = [
    OpenApiParameter(
        "forme",
        str,
        enum=list(documents_lot.FORMES),
        description="« pdf » : un seul PDF, un document après l'autre (défaut) ; « zip » : "
        "une archive d'un PDF par document, nommé par son numéro",
    ),
    OpenApiParameter(
        "partie",
        int,
        description=f"Au-delà de {documents_lot.LIMITE_DOCUMENTS} documents, le lot se "
        "télécharge en parties numérotées à partir de 1 (défaut 1)",
    ),
]
REPONSES = {
    (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY),
    (200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY),
}


def _entier(valeur: str | None, nom: str, defaut: int | None) -> int | None:
    if valeur in (None, ""):
        return defaut
    if not valeur.isdigit():
        raise ValidationError({nom: "Un nombre entier positif est attendu."})
    return int(valeur)


def _reponse(telechargement: documents_lot.Telechargement) -> HttpResponse:
    reponse = HttpResponse(telechargement.contenu, content_type=telechargement.type_mime)
    reponse["Content-Disposition"] = f'attachment; filename="{telechargement.nom}"'
    reponse["X-Documents"] = str(telechargement.documents)
    return reponse


@extend_schema(
    summary="Tous les mandats payés par un lot, en un PDF ou une archive ZIP",
    parameters=PARAMETRES,
    responses=REPONSES,
)
class LotMandatsApi(APIView):
    def get(self, request, pk: int):
        lot = _trouver(
            selectors.par_compte_visibles(request.user, _lots()), pk, "Le lot de paiements"
        )
        p = request.query_params
        return _reponse(
            documents_lot.mandats_du_lot(
                lot, forme=p.get("forme", "pdf"), partie=_entier(p.get("partie"), "partie", 1)
            )
        )


@extend_schema(
    summary="Les quittances, reçus et annulations délivrés un jour, en un PDF ou une archive ZIP",
    parameters=[
        OpenApiParameter("jour", OpenApiTypes.DATE, required=True, description="AAAA-MM-JJ"),
        OpenApiParameter("compte", int, description="identifiant du compte de disponibilités"),
        *PARAMETRES,
    ],
    responses=REPONSES,
)
class QuittancesJourApi(APIView):
    def get(self, request):
        p = request.query_params
        try:
            jour = datetime.date.fromisoformat(p.get("jour", ""))
        except ValueError:
            raise ValidationError({"jour": "Une date AAAA-MM-JJ est attendue."}) from None
        return _reponse(
            documents_lot.quittances_du_jour(
                request.user,
                jour,
                compte=_entier(p.get("compte"), "compte", None),
                forme=p.get("forme", "pdf"),
                partie=_entier(p.get("partie"), "partie", 1),
            )
        )
