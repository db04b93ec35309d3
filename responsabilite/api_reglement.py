"""The API of article D253-81 (`/api/responsabilite/`): one order's payments,
sums borne by the fund (and what of them is paid back to the agent
comptable), non-valeurs, notice and recoveries with their
shares (GET, whoever holds a function), and one POST per act, the same
service, droits and French refusals as the pages (`actes_reglement`)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from responsabilite import actes, actes_reglement, selectors
from responsabilite.api import DebetSerializer
from responsabilite.models import Demande, NonValeur, OrdreDebet, Recouvrement

_MONTANT = {"max_digits": 14, "decimal_places": 2}


def _numero(source: str):
    return serializers.IntegerField(source=source, allow_null=True, default=None)


class VersementSortie(serializers.Serializer):
    id = serializers.IntegerField()
    le = ChampDateApi()
    montant = ChampMontantApi(**_MONTANT)
    compte = serializers.CharField(max_length=40)
    ecriture = _numero("ecriture.numero")


class PriseEnChargeSortie(serializers.Serializer):
    id = serializers.IntegerField()
    nature = serializers.CharField(max_length=50)
    etat = serializers.CharField(max_length=50)
    montant_accorde = ChampMontantApi(allow_null=True, **_MONTANT)
    ecriture = _numero("ecriture.numero")
    prise_429 = ChampMontantApi(
        help_text="part de la somme accordée imputée au compte 429", **_MONTANT
    )
    prise_agent = ChampMontantApi(
        help_text="part que l'agent comptable avait payée, à lui rembourser (4672)", **_MONTANT
    )
    rembourse_le = ChampDateApi(allow_null=True)
    rembourse_compte = serializers.CharField(max_length=40)
    rembourse_ecriture = _numero("rembourse_ecriture.numero")


class NonValeurSortie(serializers.Serializer):
    id = serializers.IntegerField()
    conseil_le = ChampDateApi()
    deliberation = serializers.CharField(max_length=200)
    montant = ChampMontantApi(**_MONTANT)
    ecriture = _numero("ecriture.numero")


class NotificationSortie(serializers.Serializer):
    id = serializers.IntegerField()
    ordre = serializers.CharField(source="ordre.reference")
    le = ChampDateApi()
    association = serializers.CharField(max_length=200)
    reference = serializers.CharField(max_length=120)


class RecouvrementSortie(serializers.Serializer):
    id = serializers.IntegerField()
    le = ChampDateApi()
    debiteur = serializers.CharField(max_length=200)
    montant = ChampMontantApi(**_MONTANT)
    compte = serializers.CharField(max_length=40)
    part_debet = ChampMontantApi(**_MONTANT)
    part_non_valeur = ChampMontantApi(**_MONTANT)
    part_decharge = ChampMontantApi(**_MONTANT)
    part_agent = ChampMontantApi(**_MONTANT)
    ecriture = _numero("ecriture.numero")
    reverse_le = ChampDateApi(allow_null=True)
    reverse_compte = serializers.CharField(max_length=40)
    reverse_ecriture = _numero("reverse_ecriture.numero")


class ReglementSortie(serializers.Serializer):
    debet = DebetSerializer()
    recouvrable = ChampMontantApi(source="debet.recouvrable", **_MONTANT)
    poursuite_personnelle = serializers.BooleanField(source="debet.poursuite_personnelle")
    versements = VersementSortie(many=True)
    prises_en_charge = PriseEnChargeSortie(many=True)
    non_valeurs = NonValeurSortie(many=True)
    notification_association = NotificationSortie(allow_null=True)
    recouvrements = RecouvrementSortie(many=True)


def reglement(ordre: OrdreDebet) -> dict:
    return ReglementSortie(
        {
            "debet": selectors.debet_de(ordre),
            "versements": ordre.versements.select_related("ecriture"),
            "prises_en_charge": ordre.demandes.filter(etat=Demande.Etat.ACCORDEE).select_related(
                "ecriture", "rembourse_ecriture"
            ),
            "non_valeurs": ordre.non_valeurs.select_related("ecriture"),
            "notification_association": getattr(ordre, "notification_association", None),
            "recouvrements": ordre.recouvrements.select_related("ecriture", "reverse_ecriture"),
        }
    ).data


class ReglementApi(APIView):
    @extend_schema(
        responses={200: ReglementSortie},
        summary="Paiement, prise en charge, non-valeur et recouvrements d'un débet (D253-81)",
    )
    def get(self, request, pk: int):
        actes.LIRE_DROIT.exiger(request.user)
        ordre = get_object_or_404(OrdreDebet.objects.select_related("ecriture"), pk=pk)
        return Response(reglement(ordre))


class VersementEntree(serializers.Serializer):
    montant = ChampMontantApi(**_MONTANT)
    compte = serializers.CharField(
        max_length=20, help_text="531 ou un compte externe de disponibilités (5122)"
    )


class NonValeurEntree(serializers.Serializer):
    conseil_le = ChampDateApi()
    deliberation = serializers.CharField(max_length=120)
    montant = ChampMontantApi(**_MONTANT)


class AssociationEntree(serializers.Serializer):
    le = ChampDateApi()
    association = serializers.CharField(max_length=200)
    reference = serializers.CharField(max_length=120)


class RecouvrementEntree(serializers.Serializer):
    le = ChampDateApi()
    debiteur = serializers.CharField(max_length=200)
    montant = ChampMontantApi(**_MONTANT)
    compte = serializers.CharField(
        max_length=20, help_text="531 ou un compte externe de disponibilités (5122)"
    )


class RenduEntree(serializers.Serializer):
    """What is given back to the agent comptable (his share of a recovery, the
    sum granted he had paid): the account it leaves from."""

    compte = serializers.CharField(
        max_length=20, help_text="531 ou un compte externe de disponibilités (5122)"
    )


_ORDRES = OrdreDebet.objects.select_related("agent_comptable", "ecriture")
_ORDRE_INTROUVABLE = "L'ordre de recette n° {pk} n'existe pas."

VersementApi = api_acte(
    actes_reglement.VERSEMENT,
    queryset=_ORDRES,
    entree=VersementEntree,
    sortie=lambda v: VersementSortie(v).data,
    reponse=VersementSortie,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer le versement de l'agent comptable sur ses deniers (agent comptable)",
    introuvable=_ORDRE_INTROUVABLE,
)
PriseEnChargeApi = api_acte(
    actes_reglement.PRISE_EN_CHARGE,
    queryset=Demande.objects.select_related("ordre"),
    sortie=lambda d: PriseEnChargeSortie(d).data,
    reponse=PriseEnChargeSortie,
    resume="Comptabiliser la prise en charge par l'organisme de la somme accordée (6712)",
    introuvable="La demande n° {pk} n'existe pas.",
)
NonValeurApi = api_acte(
    actes_reglement.NON_VALEUR,
    queryset=_ORDRES,
    entree=NonValeurEntree,
    sortie=lambda nv: NonValeurSortie(nv).data,
    reponse=NonValeurSortie,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer l'admission en non-valeur décidée par le conseil (directeur)",
    introuvable=_ORDRE_INTROUVABLE,
)
NonValeurComptabiliserApi = api_acte(
    actes_reglement.NON_VALEUR_COMPTABILISER,
    queryset=NonValeur.objects.select_related("ordre"),
    sortie=lambda nv: NonValeurSortie(nv).data,
    reponse=NonValeurSortie,
    resume="Comptabiliser l'admission en non-valeur (6541, agent comptable)",
    introuvable="L'admission en non-valeur n° {pk} n'existe pas.",
)
AssociationApi = api_acte(
    actes_reglement.ASSOCIATION,
    queryset=_ORDRES,
    entree=AssociationEntree,
    sortie=lambda n: NotificationSortie(n).data,
    reponse=NotificationSortie,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer la notification du débet à l'association de cautionnement mutuel",
    introuvable=_ORDRE_INTROUVABLE,
)
RecouvrementApi = api_acte(
    actes_reglement.RECOUVREMENT,
    queryset=_ORDRES,
    entree=RecouvrementEntree,
    sortie=lambda r: RecouvrementSortie(r).data,
    reponse=RecouvrementSortie,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer un recouvrement sur le débiteur, réparti selon l'article D253-81",
    introuvable=_ORDRE_INTROUVABLE,
)
ReversementApi = api_acte(
    actes_reglement.REVERSEMENT,
    queryset=Recouvrement.objects.select_related("ordre"),
    entree=RenduEntree,
    sortie=lambda r: RecouvrementSortie(r).data,
    reponse=RecouvrementSortie,
    resume="Reverser à l'agent comptable sa part d'un recouvrement (agent comptable)",
    introuvable="Le recouvrement n° {pk} n'existe pas.",
)
RemboursementApi = api_acte(
    actes_reglement.REMBOURSEMENT,
    queryset=Demande.objects.select_related("ordre"),
    entree=RenduEntree,
    sortie=lambda d: PriseEnChargeSortie(d).data,
    reponse=PriseEnChargeSortie,
    resume=(
        "Rembourser à l'agent comptable la part de la somme accordée qu'il avait payée "
        "(4672, agent comptable)"
    ),
    introuvable="La demande n° {pk} n'existe pas.",
)
