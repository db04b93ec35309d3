"""Receipts: recorded, allocated, refunded, cancelled, cashed without ordre de
recette, regularised."""

from __future__ import annotations

from django.db.models import F
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
from recettes.api import OrdreSerializer as OrdreRecetteSerializer
from recettes.selectors import ordre_recette_detail
from tresorerie import actes, selectors
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    ListeEtActe,
    _affectations_prefetch,
    _date_parametre,
    _encaissements,
    _filtre_compte,
    _quittances_prefetch,
    _trouver,
    acte_sur,
)
from tresorerie.api.saisies import (
    AffecterSerializer,
    EncaissementSaisieSerializer,
    MotifAnnulationSerializer,
    RegularisationSerializer,
    RembourserSerializer,
    SansTitreSaisieSerializer,
)
from tresorerie.api.serializers import (
    EncaissementDetailSerializer,
    EncaissementSerializer,
)
from tresorerie.models import (
    Encaissement,
)


def _detail():
    return _encaissements().prefetch_related(
        _affectations_prefetch(), _quittances_prefetch("quittances")
    )


def _relu(resultat) -> dict:
    """The receipt an act produced or acted on (an allocation or a reçu gives its
    receipt), read afresh with its allocations and documents."""
    encaissement = getattr(resultat, "encaissement", resultat)
    return EncaissementDetailSerializer(_detail().get(pk=encaissement.pk)).data


# --- Encaissements ------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Encaissements",
        parameters=[
            PARAMETRE_COMPTE,
            OpenApiParameter("etat", str, enum=Encaissement.Etat.values),
            OpenApiParameter("moyen", str, enum=Encaissement.Moyen.values),
            OpenApiParameter("payeur", str, description="partie versante (contient)"),
            OpenApiParameter("du", OpenApiTypes.DATE),
            OpenApiParameter("au", OpenApiTypes.DATE),
            OpenApiParameter(
                "a_affecter", bool, description="seulement ceux dont un excédent attend en 4711"
            ),
        ],
    ),
    post=extend_schema(
        request=EncaissementSaisieSerializer,
        responses={201: EncaissementDetailSerializer},
        summary="Enregistrer un encaissement et le répartir sur des ordres de recette "
        "(circ. 93/82 §2.0.6)",
    ),
)
class EncaissementListApi(
    ListeEtActe,
    api_acte(
        actes.ENCAISSER,
        entree=EncaissementSaisieSerializer,
        sortie=_relu,
        statut=status.HTTP_201_CREATED,
    ),
):
    serializer_class = EncaissementSerializer

    def get_queryset(self):
        qs = selectors.encaissements_visibles(self.request.user, _encaissements())
        qs = _filtre_compte(qs, self.request)
        p = self.request.query_params
        if p.get("etat"):
            qs = qs.filter(etat=p["etat"])
        if p.get("moyen"):
            qs = qs.filter(moyen=p["moyen"])
        if p.get("payeur"):
            qs = qs.filter(payeur__icontains=p["payeur"])
        du, au = _date_parametre(self.request, "du"), _date_parametre(self.request, "au")
        if du:
            qs = qs.filter(date__gte=du)
        if au:
            qs = qs.filter(date__lte=au)
        if p.get("a_affecter") in ("1", "true", "oui"):
            qs = qs.filter(
                etat=Encaissement.Etat.ENREGISTRE, sans_titre=False, total_affecte__lt=F("montant")
            )
        return qs


@extend_schema(
    summary="Un encaissement, ses affectations, ses quittances ou reçus et son excédent",
    responses=EncaissementDetailSerializer,
)
class EncaissementDetailApi(APIView):
    def get(self, request, pk: int):
        qs = selectors.encaissements_visibles(request.user, _detail())
        encaissement = _trouver(qs, pk, "L'encaissement")
        return Response(EncaissementDetailSerializer(encaissement).data)


def _acte_encaissement(acte, entree, statut, resume):
    return acte_sur(
        acte,
        queryset=Encaissement.objects.all(),
        libelle="L'encaissement",
        entree=entree,
        sortie=_relu,
        reponse=EncaissementDetailSerializer,
        statut=statut,
        resume=resume,
    )


EncaissementAffecterApi = _acte_encaissement(
    actes.EXCEDENT_AFFECTER,
    AffecterSerializer,
    status.HTTP_201_CREATED,
    "Affecter l'excédent d'un encaissement (4711) à un ordre de recette",
)
EncaissementRembourserApi = _acte_encaissement(
    actes.EXCEDENT_REMBOURSER,
    RembourserSerializer,
    status.HTTP_201_CREATED,
    "Rembourser un trop-perçu à la partie versante",
)
EncaissementRecuApi = _acte_encaissement(
    actes.RECU_DELIVRER,
    None,
    status.HTTP_201_CREATED,
    "Délivrer un reçu demandé après coup (circ. 93/82 §2.0.6)",
)
EncaissementAnnulerApi = _acte_encaissement(
    actes.ENCAISSEMENT_ANNULER,
    MotifAnnulationSerializer,
    status.HTTP_200_OK,
    "Annuler un encaissement (contrepassation ; quittances annulées par un nouveau document)",
)
EncaissementSansTitreApi = api_acte(
    actes.ENCAISSER_SANS_TITRE,
    entree=SansTitreSaisieSerializer,
    sortie=_relu,
    reponse=EncaissementDetailSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Encaisser sans ordre préalable sur un contrat géré par l'agent comptable (4713)",
)


def _ordres_relus(ordres) -> list:
    relus = ordre_recette_detail().filter(pk__in=[o.pk for o in ordres]).order_by("numero")
    return OrdreRecetteSerializer(relus, many=True).data


RegularisationApi = api_acte(
    actes.REGULARISATION_PREPARER,
    entree=RegularisationSerializer,
    sortie=_ordres_relus,
    reponse=OrdreRecetteSerializer(many=True),
    statut=status.HTTP_201_CREATED,
    resume="Préparer les ordres de recette qui régularisent les encaissements sans titre "
    "d'un mois (ordonnateur)",
)
