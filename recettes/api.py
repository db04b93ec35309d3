"""API of the ordres de recette: one endpoint per act, same services as the pages."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from recettes import services
from recettes.models import LigneOrdreRecette, Nature, OrdreRecette, Reduction, Signature


class LigneSerializer(serializers.ModelSerializer):
    class Meta:
        model = LigneOrdreRecette
        fields = ["debiteur", "qualite", "identifiant", "montant"]


class SignatureSerializer(serializers.ModelSerializer):
    signataire = serializers.CharField(source="signataire.username")

    class Meta:
        model = Signature
        fields = ["signataire", "qualite", "signee_le", "empreinte_contenu"]


class ReductionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reduction
        fields = [
            "id",
            "type",
            "montant",
            "motif",
            "nouvelles_bases",
            "etat",
            "qualite",
            "signee_le",
        ]


class OrdreSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    reference = serializers.CharField()
    compte_imputation = serializers.CharField(source="compte_imputation.numero")
    compte_tiers = serializers.CharField(source="compte_tiers.numero")
    lignes = LigneSerializer(many=True)
    signatures = SignatureSerializer(many=True)
    reductions = ReductionSerializer(many=True)
    reste_a_recouvrer = serializers.SerializerMethodField()

    class Meta:
        model = OrdreRecette
        fields = [
            "id",
            "reference",
            "exercice",
            "numero",
            "type",
            "nature",
            "objet",
            "bases_liquidation",
            "compte_imputation",
            "compte_tiers",
            "montant",
            "date_fait",
            "article_rattachement",
            "critere_rattachement",
            "limite_emission",
            "pieces_references",
            "etat",
            "empreinte_contenu",
            "motif_rejet",
            "lignes",
            "signatures",
            "reductions",
            "reste_a_recouvrer",
        ]

    def get_reste_a_recouvrer(self, ordre) -> str:
        return f"{services.reste_a_recouvrer(ordre):.2f}"


class LigneSaisieSerializer(serializers.Serializer):
    debiteur = serializers.CharField(max_length=200)
    qualite = serializers.CharField(max_length=120)
    identifiant = serializers.CharField(max_length=40, required=False, default="", allow_blank=True)
    montant = serializers.CharField(max_length=24)


class SaisieSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=OrdreRecette.Type.choices, default=OrdreRecette.Type.INDIVIDUEL
    )
    nature = serializers.ChoiceField(choices=Nature.choices)
    objet = serializers.CharField(max_length=255)
    bases_liquidation = serializers.CharField()
    compte_imputation = serializers.CharField(max_length=12)
    compte_tiers = serializers.CharField(max_length=12)
    date_fait = serializers.DateField()
    dates = serializers.DictField(
        child=serializers.DateField(allow_null=True), required=False, default=dict
    )
    pieces_references = serializers.CharField(required=False, default="", allow_blank=True)
    lignes = LigneSaisieSerializer(many=True)

    def saisie(self) -> services.SaisieOrdre:
        d = dict(self.validated_data)
        d["lignes"] = [services.LigneDebiteur(**ligne) for ligne in d["lignes"]]
        return services.SaisieOrdre(**d)


class MotDePasseSerializer(serializers.Serializer):
    mot_de_passe = serializers.CharField()


class MotifSerializer(serializers.Serializer):
    motif = serializers.CharField()


class ControleSerializer(serializers.Serializer):
    point = serializers.CharField()
    conforme = serializers.BooleanField()
    commentaire = serializers.CharField(required=False, default="", allow_blank=True)


class PriseEnChargeSerializer(serializers.Serializer):
    controles = ControleSerializer(many=True, required=False, default=list)


class ReductionSaisieSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=Reduction.Type.choices)
    montant = serializers.CharField(required=False, default="0")
    motif = serializers.CharField()
    nouvelles_bases = serializers.CharField()
    mot_de_passe = serializers.CharField()


def _ordres():
    return OrdreRecette.objects.select_related(
        "exercice", "compte_imputation", "compte_tiers"
    ).prefetch_related("lignes", "signatures__signataire", "reductions")


def _reponse(ordre, statut=status.HTTP_200_OK):
    return Response(OrdreSerializer(_ordres().get(pk=ordre.pk)).data, status=statut)


class OrdreListApi(generics.ListAPIView):
    serializer_class = OrdreSerializer

    def get_queryset(self):
        qs = _ordres().order_by("-exercice__annee", "-numero")
        p = self.request.query_params
        if p.get("exercice", "").isdigit():
            qs = qs.filter(exercice__annee=int(p["exercice"]))
        if p.get("etat"):
            qs = qs.filter(etat=p["etat"])
        if p.get("nature"):
            qs = qs.filter(nature=p["nature"])
        if p.get("debiteur"):
            qs = qs.filter(lignes__debiteur__icontains=p["debiteur"]).distinct()
        return qs


class OrdreDetailApi(generics.RetrieveAPIView):
    serializer_class = OrdreSerializer

    def get_queryset(self):
        return _ordres()


class _Acte(APIView):
    """One act on one order: validate the body, call the service, return the order."""

    entree = None
    statut = status.HTTP_200_OK

    def post(self, request, pk: int | None = None):
        donnees = {}
        if self.entree is not None:
            serialiseur = self.entree(data=request.data)
            serialiseur.is_valid(raise_exception=True)
            donnees = serialiseur.validated_data
        ordre = get_object_or_404(OrdreRecette, pk=pk) if pk is not None else None
        resultat = self.agir(request.user, ordre, donnees)
        return _reponse(resultat, self.statut)


@extend_schema(
    request=SaisieSerializer, responses={201: OrdreSerializer}, summary="Créer un ordre (brouillon)"
)
class OrdreCreerApi(APIView):
    def post(self, request):
        entree = SaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        ordre = services.ordre_recette_creer(acting_user=request.user, saisie=entree.saisie())
        return _reponse(ordre, status.HTTP_201_CREATED)


@extend_schema(request=SaisieSerializer, responses=OrdreSerializer, summary="Modifier un brouillon")
class OrdreModifierApi(APIView):
    def post(self, request, pk: int):
        entree = SaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        ordre = get_object_or_404(OrdreRecette, pk=pk)
        return _reponse(
            services.ordre_recette_modifier(
                acting_user=request.user, ordre=ordre, saisie=entree.saisie()
            )
        )


@extend_schema(
    request=MotDePasseSerializer,
    responses=OrdreSerializer,
    summary="Signer (mot de passe ressaisi)",
)
class OrdreSignerApi(_Acte):
    entree = MotDePasseSerializer

    def agir(self, user, ordre, d):
        return services.ordre_recette_signer(
            acting_user=user, ordre=ordre, mot_de_passe=d["mot_de_passe"]
        )


@extend_schema(request=None, responses=OrdreSerializer, summary="Transmettre à l'agent comptable")
class OrdreTransmettreApi(_Acte):
    def agir(self, user, ordre, d):
        return services.ordre_recette_transmettre(acting_user=user, ordre=ordre)


@extend_schema(
    request=PriseEnChargeSerializer,
    responses=OrdreSerializer,
    summary="Prendre en charge (contrôles du plan, écriture du titre)",
)
class OrdrePrendreEnChargeApi(_Acte):
    entree = PriseEnChargeSerializer

    def agir(self, user, ordre, d):
        controles = [services.ControleSaisi(**c) for c in d["controles"]]
        return services.ordre_recette_prendre_en_charge(
            acting_user=user, ordre=ordre, controles=controles
        )


@extend_schema(request=MotifSerializer, responses=OrdreSerializer, summary="Rejeter avec motif")
class OrdreRejeterApi(_Acte):
    entree = MotifSerializer

    def agir(self, user, ordre, d):
        return services.ordre_recette_rejeter(acting_user=user, ordre=ordre, motif=d["motif"])


@extend_schema(
    request=None, responses=OrdreSerializer, summary="Reprendre un ordre rejeté en brouillon"
)
class OrdreReprendreApi(_Acte):
    def agir(self, user, ordre, d):
        return services.ordre_recette_reprendre(acting_user=user, ordre=ordre)


@extend_schema(
    request=MotifSerializer, responses=OrdreSerializer, summary="Abandonner un brouillon"
)
class OrdreAbandonnerApi(_Acte):
    entree = MotifSerializer

    def agir(self, user, ordre, d):
        return services.ordre_recette_abandonner(acting_user=user, ordre=ordre, motif=d["motif"])


@extend_schema(
    request=ReductionSaisieSerializer,
    responses={201: OrdreSerializer},
    summary="Réduire, annuler, admettre en non-valeur, remettre, abandonner un petit indu",
)
class OrdreReduireApi(_Acte):
    entree = ReductionSaisieSerializer
    statut = status.HTTP_201_CREATED

    def agir(self, user, ordre, d):
        services.ordre_recette_reduire(
            acting_user=user,
            ordre=ordre,
            type=d["type"],
            montant_reduction=d["montant"],
            motif=d["motif"],
            nouvelles_bases=d["nouvelles_bases"],
            mot_de_passe=d["mot_de_passe"],
        )
        return ordre


@extend_schema(
    request=None, responses=OrdreSerializer, summary="Prendre en charge une réduction (écriture)"
)
class ReductionPrendreEnChargeApi(APIView):
    def post(self, request, pk: int, reduction_pk: int):
        reduction = get_object_or_404(Reduction, pk=reduction_pk, ordre_id=pk)
        services.reduction_prendre_en_charge(acting_user=request.user, reduction=reduction)
        return _reponse(reduction.ordre)
