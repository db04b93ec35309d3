"""The API of the frozen balances (circ. 93/82 §3.2): list and detail for
everyone holding a function, with the hash recomputed; freezing and recording
a sending for the agent comptable, through the same acts as the pages."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response

from core.actes import ActeApi, api_acte
from core.champs_api import ChampDateApi
from ledger import balances_figees
from ledger.actes_balances import ENVOYER_BALANCE, FIGER_BALANCE
from ledger.models import BalanceFigee, EnvoiBalance, Exercice, LigneBalanceFigee

MONTANT = {"max_digits": 18, "decimal_places": 2}


class LigneBalanceFigeeSerializer(serializers.ModelSerializer):
    class Meta:
        model = LigneBalanceFigee
        fields = [
            "numero",
            "libelle",
            "classe",
            "ouverture_debit",
            "ouverture_credit",
            "mouvement_debit",
            "mouvement_credit",
            "solde_debit",
            "solde_credit",
        ]


class EnvoiBalanceSerializer(serializers.ModelSerializer):
    destinataire_libelle = serializers.CharField(source="get_destinataire_display")
    enregistre_par = serializers.CharField(source="enregistre_par.username")

    class Meta:
        model = EnvoiBalance
        fields = [
            "destinataire",
            "destinataire_libelle",
            "envoyee_le",
            "reference",
            "enregistre_par",
            "enregistre_le",
        ]


class BalanceFigeeSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    nature_libelle = serializers.CharField(source="get_nature_display")
    figee_par = serializers.CharField(source="figee_par.username")
    envois = EnvoiBalanceSerializer(many=True)
    empreinte_verifiee = serializers.SerializerMethodField()

    class Meta:
        model = BalanceFigee
        fields = [
            "id",
            "exercice",
            "nature",
            "nature_libelle",
            "au",
            "demande",
            "figee_le",
            "figee_par",
            "ouverture_debit",
            "ouverture_credit",
            "mouvement_debit",
            "mouvement_credit",
            "solde_debit",
            "solde_credit",
            "empreinte",
            "empreinte_verifiee",
            "envois",
        ]

    def get_empreinte_verifiee(self, balance) -> bool:
        return balances_figees.verifier(balance).intacte


class BalanceFigeeDetailSerializer(BalanceFigeeSerializer):
    lignes = LigneBalanceFigeeSerializer(many=True)

    class Meta(BalanceFigeeSerializer.Meta):
        fields = [*BalanceFigeeSerializer.Meta.fields, "lignes"]


class FigerSerializer(serializers.Serializer):
    nature = serializers.ChoiceField(choices=BalanceFigee.Nature.choices)
    mois = serializers.IntegerField(min_value=1, max_value=12, required=False, allow_null=True)
    demande = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class EnvoiSerializer(serializers.Serializer):
    destinataire = serializers.ChoiceField(choices=EnvoiBalance.Destinataire.choices)
    envoyee_le = ChampDateApi()
    reference = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


def _requete():
    return BalanceFigee.objects.select_related("exercice", "figee_par").prefetch_related(
        "envois__enregistre_par"
    )


class BalanceFigeeListApi(generics.ListAPIView):
    """Frozen balances of an exercise, newest first."""

    serializer_class = BalanceFigeeSerializer

    def get_queryset(self):
        exercice = get_object_or_404(Exercice, annee=self.kwargs["annee"])
        return _requete().filter(exercice=exercice)


class BalanceFigeeDetailApi(generics.RetrieveAPIView):
    """A frozen balance with its rows, its sendings and its hash recomputed."""

    serializer_class = BalanceFigeeDetailSerializer

    def get_queryset(self):
        return _requete().prefetch_related("lignes")


def _detail(balance: BalanceFigee) -> dict:
    return BalanceFigeeDetailSerializer(
        _requete().prefetch_related("lignes").get(pk=balance.pk)
    ).data


class BalanceFigerApi(ActeApi):
    """Figer la balance générale de l'exercice (agent comptable)."""

    acte = FIGER_BALANCE

    @extend_schema(
        request=FigerSerializer,
        responses={201: BalanceFigeeDetailSerializer},
        summary="Figer une balance avant inventaire, après inventaire ou mensuelle (agent comptable)",
    )
    def post(self, request, annee: int):
        exercice = get_object_or_404(Exercice, annee=annee)
        entree = FigerSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        balance = self.acte.executer(request.user, exercice, dict(entree.validated_data))
        return Response(_detail(balance), status=status.HTTP_201_CREATED)


BalanceEnvoyerApi = api_acte(
    ENVOYER_BALANCE,
    queryset=BalanceFigee.objects.all(),
    entree=EnvoiSerializer,
    sortie=lambda envoi: _detail(envoi.balance),
    reponse=BalanceFigeeDetailSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer l'envoi d'une balance figée à la DRASS ou au trésorier-payeur général",
    introuvable="La balance figée n° {pk} n'existe pas.",
)
