"""Transfers returned by the bank, and the correction of their bank details."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from core.champs_api import ChampMontantApi
from core.exceptions import DonneeInvalide
from depenses.models import LigneOrdreDepense
from tresorerie import selectors_retours as selecteurs
from tresorerie.actes_retours import (
    COORDONNEES_CORRIGER,
    COORDONNEES_LIGNE_CORRIGER,
    VIREMENT_RETOURNER,
)
from tresorerie.api.commun import _trouver, acte_sur
from tresorerie.models import Paiement
from tresorerie.models_retours import Retour
from tresorerie.services.retours_coordonnees import ETATS_RETOUR


class RetourSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="retour.pk")
    date = serializers.DateField(source="retour.date")
    ordre = serializers.CharField(source="retour.ordre.reference")
    ordre_id = serializers.IntegerField(source="retour.ordre_id")
    beneficiaire = serializers.CharField(source="retour.paiement.beneficiaire")
    montant = ChampMontantApi(source="retour.montant", max_digits=18, decimal_places=2)
    motif = serializers.CharField(source="retour.motif")
    motif_libelle = serializers.CharField(source="retour.motif_libelle")
    motif_info = serializers.CharField(source="retour.motif_info")
    bout_en_bout = serializers.CharField(source="retour.paiement.bout_en_bout")
    iban_retourne = serializers.CharField(source="retour.paiement.iban")
    ecriture = serializers.SerializerMethodField()
    etat = serializers.ChoiceField(choices=list(ETATS_RETOUR.items()))
    iban_corrige = serializers.SerializerMethodField()

    def get_ecriture(self, ligne) -> str:
        e = ligne.retour.ecriture
        return f"{e.journal.code}-{e.numero}"

    def get_iban_corrige(self, ligne) -> str:
        return ligne.correction.iban if ligne.correction else ""


class CorrectionSaisieSerializer(serializers.Serializer):
    iban = serializers.CharField(max_length=50)
    bic = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    justification = serializers.CharField(max_length=2000)


def _relu(retour_ou_correction) -> dict:
    pk = getattr(retour_ou_correction, "retour_id", None) or retour_ou_correction.pk
    (ligne,) = selecteurs.retours(pk=pk)
    return RetourSerializer(ligne).data


@extend_schema(
    summary="Virements retournés par la banque",
    parameters=[
        OpenApiParameter(
            "etat",
            str,
            enum=list(ETATS_RETOUR),
            required=False,
            description="a_corriger, corrige ou repaye ; une autre valeur est refusée (400).",
        )
    ],
    responses=RetourSerializer(many=True),
)
class RetourListApi(APIView):
    def get(self, request):
        etat = request.query_params.get("etat", "")
        if etat and etat not in ETATS_RETOUR:
            raise DonneeInvalide(selecteurs.message_etat_inconnu(etat), details={"etat": etat})
        lignes = selecteurs.retours(etat=etat)
        return Response(RetourSerializer(lignes, many=True).data)


@extend_schema(summary="Un virement retourné par la banque", responses=RetourSerializer)
class RetourDetailApi(APIView):
    def get(self, request, pk: int):
        return Response(_relu(_trouver(Retour, pk, "Le virement retourné")))


class RetourManuelSerializer(serializers.Serializer):
    motif = serializers.CharField(
        max_length=35,
        help_text="Code de retour ISO 20022 (ExternalReturnReason1Code) : AC04, MS03…",
    )
    motif_info = serializers.CharField(max_length=255, required=False, allow_blank=True, default="")
    ligne_releve = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="La ligne de crédit du relevé qui rapporte le virement (facultatif) : "
        "rapprochée avec la contre-écriture.",
    )


PaiementRetournerApi = acte_sur(
    VIREMENT_RETOURNER,
    queryset=Paiement.objects.select_related("lot__compte"),
    libelle="Le paiement",
    entree=RetourManuelSerializer,
    sortie=_relu,
    reponse=RetourSerializer,
    resume="Enregistrer un virement retourné ou rejeté par la banque (agent comptable) : "
    "contre-écriture, ordre de dépense revenu à visé ; la ligne du relevé donnée est "
    "rapprochée",
)


RetourCorrigerApi = acte_sur(
    COORDONNEES_CORRIGER,
    queryset=Retour.objects.select_related("paiement"),
    libelle="Le virement retourné",
    entree=CorrectionSaisieSerializer,
    sortie=_relu,
    reponse=RetourSerializer,
    resume="Corriger les coordonnées bancaires du bénéficiaire d'un virement retourné "
    "(agent comptable) : le prochain virement de cette ligne les emploie",
)


class CorrectionLigneSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ligne = serializers.IntegerField(source="ligne_id")
    ordre = serializers.CharField(source="ligne.ordre.reference")
    creancier = serializers.CharField(source="ligne.creancier")
    iban_ordre = serializers.CharField(source="ligne.iban")
    iban = serializers.CharField()
    bic = serializers.CharField()
    justification = serializers.CharField()
    le = serializers.DateField()


LigneCoordonneesCorrigerApi = acte_sur(
    COORDONNEES_LIGNE_CORRIGER,
    queryset=LigneOrdreDepense.objects.select_related("ordre__exercice"),
    libelle="La ligne d'ordre de dépense",
    entree=CorrectionSaisieSerializer,
    sortie=lambda correction: CorrectionLigneSerializer(correction).data,
    reponse=CorrectionLigneSerializer,
    resume="Corriger les coordonnées bancaires du créancier d'une ligne dont la banque a "
    "retourné l'IBAN sur un autre virement (agent comptable) : le prochain virement de la "
    "ligne les emploie",
)
