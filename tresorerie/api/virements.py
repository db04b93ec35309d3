"""Internal transfers and bank fees."""

from __future__ import annotations

from drf_spectacular.utils import (
    extend_schema,
)
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import APourFonction, EstComptable
from tresorerie import services
from tresorerie.api.saisies import (
    EcritureCreeeSerializer,
    FraisSaisieSerializer,
    VirementSaisieSerializer,
)
from tresorerie.models import (
    LigneReleve,
)


def _ecriture_creee(ecriture) -> Response:
    return Response(
        {"ecriture": f"{ecriture.journal.code}-{ecriture.numero}", "ecriture_id": ecriture.pk},
        status=status.HTTP_201_CREATED,
    )


@extend_schema(
    request=VirementSaisieSerializer,
    responses={201: EcritureCreeeSerializer},
    summary="Virer des fonds entre deux comptes de l'organisme (tirage sur la Caisse des dépôts, "
    "nivellement d'un compte spécial d'encaissement ; circ. 93/82 §2.2.0)",
)
class VirementInterneApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request):
        entree = VirementSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        return _ecriture_creee(
            services.virement_interne(acting_user=request.user, **entree.validated_data)
        )


@extend_schema(
    request=FraisSaisieSerializer,
    responses={201: EcritureCreeeSerializer},
    summary="Comptabiliser des frais bancaires (627) ; ceux d'un compte spécial d'encaissement "
    "vont au compte externe désigné (circ. 93/82 §2.2.0.3)",
)
class FraisBancairesApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request):
        entree = FraisSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = dict(entree.validated_data)
        ligne = d.pop("ligne_releve")
        if ligne is not None:
            d["ligne_releve"] = LigneReleve.objects.filter(pk=ligne).first()
            if d["ligne_releve"] is None:
                raise NotFound(f"La ligne de relevé n° {ligne} n'existe pas.")
        return _ecriture_creee(services.frais_bancaires(acting_user=request.user, **d))
