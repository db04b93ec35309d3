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
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import APourFonction, EstComptable
from recettes.api import OrdreSerializer as OrdreRecetteSerializer
from recettes.models import OrdreRecette
from tresorerie import services
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    _affectations_prefetch,
    _date_parametre,
    _encaissements,
    _filtre_compte,
    _quittances_prefetch,
    _trouver,
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


def _encaissement_detail(encaissement: Encaissement, statut=status.HTTP_200_OK) -> Response:
    relu = _encaissements().prefetch_related(
        _affectations_prefetch(), _quittances_prefetch("quittances")
    )
    return Response(EncaissementDetailSerializer(relu.get(pk=encaissement.pk)).data, status=statut)


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
class EncaissementListApi(generics.ListAPIView):
    serializer_class = EncaissementSerializer

    def get_queryset(self):
        qs = _filtre_compte(_encaissements(), self.request)
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

    def post(self, request):
        entree = EncaissementSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        encaissement = services.encaissement_enregistrer(
            acting_user=request.user,
            compte=d["compte"],
            moyen=d["moyen"],
            montant=d["montant"],
            payeur=d["payeur"],
            objet=d["objet"],
            date=d["date"],
            reference=d["reference"],
            recu=d["recu"],
            repartitions=[
                services.Repartition(ligne=r["ligne"], montant=r["montant"])
                for r in d["repartitions"]
            ],
        )
        return _encaissement_detail(encaissement, status.HTTP_201_CREATED)


@extend_schema(
    summary="Un encaissement, ses affectations, ses quittances ou reçus et son excédent",
    responses=EncaissementDetailSerializer,
)
class EncaissementDetailApi(APIView):
    def get(self, request, pk: int):
        encaissement = _trouver(Encaissement, pk, "L'encaissement")
        return _encaissement_detail(encaissement)


class _ActeEncaissement(APIView):
    """One act on one receipt: validate the body, call the service, return the receipt."""

    permission_classes = [APourFonction, EstComptable]
    entree = None
    statut = status.HTTP_200_OK

    def post(self, request, pk: int):
        donnees = {}
        if self.entree is not None:
            serialiseur = self.entree(data=request.data)
            serialiseur.is_valid(raise_exception=True)
            donnees = serialiseur.validated_data
        encaissement = _trouver(Encaissement, pk, "L'encaissement")
        self.agir(request.user, encaissement, donnees)
        return _encaissement_detail(encaissement, self.statut)


@extend_schema(
    request=AffecterSerializer,
    responses={201: EncaissementDetailSerializer},
    summary="Affecter l'excédent d'un encaissement (4711) à un ordre de recette",
)
class EncaissementAffecterApi(_ActeEncaissement):
    entree = AffecterSerializer
    statut = status.HTTP_201_CREATED

    def agir(self, user, encaissement, d):
        services.excedent_affecter(
            acting_user=user, encaissement=encaissement, ligne=d["ligne"], montant=d["montant"]
        )


@extend_schema(
    request=RembourserSerializer,
    responses={201: EncaissementDetailSerializer},
    summary="Rembourser un trop-perçu à la partie versante",
)
class EncaissementRembourserApi(_ActeEncaissement):
    entree = RembourserSerializer
    statut = status.HTTP_201_CREATED

    def agir(self, user, encaissement, d):
        services.excedent_rembourser(
            acting_user=user,
            encaissement=encaissement,
            compte=d["compte"],
            montant=d["montant"],
            reference=d["reference"],
        )


@extend_schema(
    request=None,
    responses={201: EncaissementDetailSerializer},
    summary="Délivrer un reçu demandé après coup (circ. 93/82 §2.0.6)",
)
class EncaissementRecuApi(_ActeEncaissement):
    statut = status.HTTP_201_CREATED

    def agir(self, user, encaissement, d):
        services.recu_delivrer(acting_user=user, encaissement=encaissement)


@extend_schema(
    request=MotifAnnulationSerializer,
    responses=EncaissementDetailSerializer,
    summary="Annuler un encaissement (contrepassation ; quittances annulées par un nouveau "
    "document)",
)
class EncaissementAnnulerApi(_ActeEncaissement):
    entree = MotifAnnulationSerializer

    def agir(self, user, encaissement, d):
        services.encaissement_annuler(acting_user=user, encaissement=encaissement, motif=d["motif"])


@extend_schema(
    request=SansTitreSaisieSerializer,
    responses={201: EncaissementDetailSerializer},
    summary="Encaisser sans ordre préalable sur un contrat géré par l'agent comptable (4713)",
)
class EncaissementSansTitreApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request):
        entree = SansTitreSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        encaissement = services.encaissement_sans_titre(
            acting_user=request.user, **entree.validated_data
        )
        return _encaissement_detail(encaissement, status.HTTP_201_CREATED)


@extend_schema(
    request=RegularisationSerializer,
    responses={201: OrdreRecetteSerializer(many=True)},
    summary="Préparer les ordres de recette qui régularisent les encaissements sans titre "
    "d'un mois (ordonnateur)",
)
class RegularisationApi(APIView):
    def post(self, request):
        entree = RegularisationSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        ordres = services.regularisation_preparer(acting_user=request.user, **entree.validated_data)
        relus = (
            OrdreRecette.objects.filter(pk__in=[o.pk for o in ordres])
            .select_related("exercice", "compte_imputation", "compte_tiers")
            .prefetch_related("lignes", "signatures__signataire", "reductions")
            .order_by("numero")
        )
        return Response(
            OrdreRecetteSerializer(relus, many=True).data, status=status.HTTP_201_CREATED
        )
