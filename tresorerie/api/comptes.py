"""Accounts of funds and carnets à souches."""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, serializers, status

from core.actes import api_acte
from core.champs_api import ChampMontantApi
from tresorerie import actes, selectors
from tresorerie.api.commun import (
    PARAMETRE_COMPTE,
    ListeEtActe,
    _filtre_compte,
    acte_sur,
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
    FormatVirements,
)

# --- Comptes et carnets ------------------------------------------------------------


@extend_schema(summary="Comptes de disponibilités, avec leur solde comptable du jour")
class CompteListApi(generics.ListAPIView):
    serializer_class = CompteDisponibiliteSerializer

    def get_queryset(self):
        qs = CompteDisponibilite.objects.select_related("compte", "compte_frais", "regisseur")
        return selectors.comptes_visibles(self.request.user, qs).order_by("compte__numero")


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
class CarnetListApi(
    ListeEtActe,
    api_acte(
        actes.CARNET_OUVRIR,
        entree=CarnetOuvrirSerializer,
        sortie=lambda carnet: CarnetSerializer(_carnets().get(pk=carnet.pk)).data,
        statut=status.HTTP_201_CREATED,
    ),
):
    serializer_class = CarnetSerializer

    def get_queryset(self):
        qs = selectors.par_compte_visibles(self.request.user, _carnets())
        qs = _filtre_compte(qs, self.request)
        if self.request.query_params.get("ouverts") in ("1", "true", "oui"):
            qs = qs.filter(clos_le__isnull=True)
        return qs.order_by("-ouvert_le", "-id")


def _carnets():
    return Carnet.objects.select_related("compte", "titulaire", "ouvert_par", "clos_par")


CarnetCloreApi = acte_sur(
    actes.CARNET_CLORE,
    queryset=Carnet.objects.all(),
    libelle="Le carnet",
    sortie=lambda carnet: CarnetSerializer(_carnets().get(pk=carnet.pk)).data,
    reponse=CarnetSerializer,
    resume="Clore un carnet à souches (ses numéros restants ne servent plus)",
)


# --- Découvert autorisé --------------------------------------------------------------


class DecouvertSaisieSerializer(serializers.Serializer):
    montant = ChampMontantApi(
        help_text="En euros, par exemple « 50000.00 » ; « 0 » : aucun découvert."
    )
    motif = serializers.CharField(
        max_length=500,
        required=False,
        default="",
        allow_blank=True,
        help_text="La décision de la banque ou de la Caisse des dépôts, sa référence.",
    )


def _compte_relu(compte) -> dict:
    relu = CompteDisponibilite.objects.select_related("compte", "compte_frais", "regisseur").get(
        pk=compte.pk
    )
    return CompteDisponibiliteSerializer(relu).data


class FormatVirementsSaisieSerializer(serializers.Serializer):
    format = serializers.ChoiceField(
        choices=FormatVirements.choices,
        help_text="« pain.001.001.09 » (par défaut) ou « pain.001.001.03 » (banques qui la "
        "demandent encore).",
    )
    motif = serializers.CharField(
        max_length=500,
        required=False,
        default="",
        allow_blank=True,
        help_text="La demande de la banque, sa référence.",
    )


CompteFormatVirementsApi = acte_sur(
    actes.FORMAT_VIREMENTS_FIXER,
    queryset=CompteDisponibilite.objects.all(),
    libelle="Le compte de disponibilités",
    entree=FormatVirementsSaisieSerializer,
    sortie=_compte_relu,
    reponse=CompteDisponibiliteSerializer,
    resume="Choisir la version pain.001 des fichiers de virements d'un compte bancaire "
    "(agent comptable) : le prochain lot payé sur ce compte l'emploie",
)

CompteDecouvertApi = acte_sur(
    actes.DECOUVERT_FIXER,
    queryset=CompteDisponibilite.objects.all(),
    libelle="Le compte de disponibilités",
    entree=DecouvertSaisieSerializer,
    sortie=_compte_relu,
    reponse=CompteDisponibiliteSerializer,
    resume="Fixer le découvert autorisé d'un compte de disponibilités (agent comptable) : un "
    "lot de paiements ne mène jamais le solde comptable au-delà",
)
