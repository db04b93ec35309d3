"""Arrêtés de caisse."""

from __future__ import annotations

from drf_spectacular.utils import (
    extend_schema,
    extend_schema_view,
)
from rest_framework import status

from core.actes import api_acte
from tresorerie import actes, selectors
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    ListeEtActe,
    _filtre_compte,
)
from tresorerie.api.saisies import (
    ArreteSaisieSerializer,
)
from tresorerie.api.serializers import (
    ArreteCaisseSerializer,
)
from tresorerie.models import (
    ArreteCaisse,
)

# --- Arrêtés de caisse ----------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Arrêtés de caisse", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request=ArreteSaisieSerializer,
        responses={201: ArreteCaisseSerializer},
        summary="Arrêter la caisse : comptage par coupure contre solde comptable (circ. 93/82 "
        "§2.2)",
    ),
)
class ArreteListApi(
    ListeEtActe,
    api_acte(
        actes.ARRETE_CAISSE,
        entree=ArreteSaisieSerializer,
        sortie=lambda arrete: ArreteCaisseSerializer(_arretes().get(pk=arrete.pk)).data,
        statut=status.HTTP_201_CREATED,
    ),
):
    serializer_class = ArreteCaisseSerializer

    def get_queryset(self):
        qs = selectors.par_compte_visibles(self.request.user, _arretes())
        return _filtre_compte(qs, self.request).order_by("-date", "-id")


def _arretes():
    return ArreteCaisse.objects.select_related("compte", "par")
