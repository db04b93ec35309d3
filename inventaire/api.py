"""The inventory's API: the états of an exercise, one état, and the acts
(establish an état of each kind, reverse the inventory in N+1), with the
same services and French refusals as the pages."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import ActeApi
from core.champs_api import ChampMontantApi
from inventaire import actes, selectors
from inventaire.models import ArticleEtat, ContrepassationInventaire, EtatInventaire
from inventaire.revue import Revue, provisions_a_revoir
from inventaire.services import Article
from ledger.models import Exercice


class ArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArticleEtat
        fields = [
            "rang",
            "libelle",
            "tiers",
            "compte_debit",
            "compte_credit",
            "base",
            "taux",
            "montant",
            "pour_memoire",
            "compte_provision",
            "precedent",
            "nouveau",
        ]


class EtatSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    reference = serializers.CharField(max_length=120)
    ecriture = serializers.SerializerMethodField()
    etabli_par = serializers.CharField(source="etabli_par.username")
    articles = ArticleSerializer(many=True)

    class Meta:
        model = EtatInventaire
        fields = [
            "id",
            "exercice",
            "numero",
            "reference",
            "nature",
            "methode",
            "explication",
            "fondement",
            "total",
            "ecriture",
            "etabli_par",
            "etabli_le",
            "qualite",
            "empreinte",
            "articles",
        ]

    def get_ecriture(self, etat) -> str:
        return f"{etat.ecriture.journal.code}-{etat.ecriture.numero}" if etat.ecriture else ""


class ArticleSaisiSerializer(serializers.Serializer):
    libelle = serializers.CharField(max_length=255)
    montant = ChampMontantApi(required=False, allow_blank=True, default="")
    compte = serializers.CharField(required=False, allow_blank=True, default="", max_length=12)
    tiers = serializers.CharField(required=False, allow_blank=True, default="", max_length=120)
    contrepartie = serializers.CharField(
        max_length=40, required=False, allow_blank=True, default=""
    )
    base = serializers.CharField(max_length=24, required=False, allow_blank=True, default="")
    taux = serializers.CharField(max_length=24, required=False, allow_blank=True, default="")


class EtatSaisiSerializer(serializers.Serializer):
    methode = serializers.ChoiceField(EtatInventaire.Methode.choices, required=False)
    explication = serializers.CharField(max_length=4000)
    fondement = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    mot_de_passe = serializers.CharField(max_length=256)
    articles = ArticleSaisiSerializer(many=True)

    def validate(self, donnees):
        articles = [
            Article(**{k: v for k, v in a.items() if v != "" or k == "libelle"})
            for a in donnees["articles"]
        ]
        return {**donnees, "articles": articles}


class ContrepassationSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    ecriture = serializers.SerializerMethodField()

    class Meta:
        model = ContrepassationInventaire
        fields = ["exercice", "ecriture", "le"]

    def get_ecriture(self, c) -> str:
        return f"{c.ecriture.journal.code}-{c.ecriture.numero}" if c.ecriture else ""


def _exercice(annee: int) -> Exercice:
    exercice = Exercice.objects.filter(annee=annee).first()
    if exercice is None:
        raise NotFound(f"Introuvable : l'exercice {annee} n'existe pas.")
    return exercice


class EtatListApi(generics.ListAPIView):
    serializer_class = EtatSerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.etats(_exercice(self.kwargs["annee"])).prefetch_related("articles")


class EtatDetailApi(generics.RetrieveAPIView):
    serializer_class = EtatSerializer

    def get_queryset(self):
        return selectors.etats_tous().prefetch_related("articles")


class EtatEtablirApi(ActeApi):
    """Establish and sign an état of the inventory of `annee`, posting its entry."""

    acte = actes.ACTES_ETABLIR[EtatInventaire.Nature.PRODUITS_A_RECEVOIR]

    def check_permissions(self, request):
        self.acte = actes.ACTES_ETABLIR.get(self.kwargs.get("nature"), self.acte)
        super().check_permissions(request)

    @extend_schema(
        request=EtatSaisiSerializer,
        responses={201: EtatSerializer},
        summary="Établir un état d'inventaire",
    )
    def post(self, request, annee: int, nature: str):
        if nature not in actes.ACTES_ETABLIR:
            raise NotFound(f"Introuvable : la nature d'état « {nature} » n'existe pas.")
        exercice = _exercice(annee)
        saisie = EtatSaisiSerializer(data=request.data)
        saisie.is_valid(raise_exception=True)
        etat = actes.ACTES_ETABLIR[nature].executer(request.user, exercice, saisie.validated_data)
        etat = selectors.etats_tous().prefetch_related("articles").get(pk=etat.pk)
        return Response(EtatSerializer(etat).data, status=status.HTTP_201_CREATED)


class ContrepasserApi(ActeApi):
    """Reverse in N+1, on 1 January, the produits à recevoir and charges à payer of N."""

    acte = actes.CONTREPASSER

    @extend_schema(
        request=None,
        responses={201: ContrepassationSerializer},
        summary="Contrepasser l'inventaire",
    )
    def post(self, request, annee: int):
        resultat = self.acte.executer(request.user, _exercice(annee), {})
        return Response(ContrepassationSerializer(resultat).data, status=status.HTTP_201_CREATED)


class ProvisionSerializer(serializers.Serializer):
    rang = serializers.IntegerField()
    compte = serializers.CharField(max_length=40)
    tiers = serializers.CharField(max_length=120)
    libelle = serializers.CharField(max_length=200)
    montant = ChampMontantApi(max_digits=18, decimal_places=2)
    reste_du = ChampMontantApi(max_digits=18, decimal_places=2, allow_null=True)
    propose = ChampMontantApi(max_digits=18, decimal_places=2)
    etats = serializers.ListField(child=serializers.CharField())


class RevueSaisieSerializer(serializers.Serializer):
    rang = serializers.IntegerField()
    nouveau = serializers.CharField(max_length=40)


class RevueSerializer(serializers.Serializer):
    explication = serializers.CharField(max_length=4000)
    mot_de_passe = serializers.CharField(max_length=256)
    revues = RevueSaisieSerializer(many=True, required=False, default=list)

    def validate(self, donnees):
        return {**donnees, "revues": [Revue(r["rang"], r["nouveau"]) for r in donnees["revues"]]}


class RevueProvisionsApi(ActeApi):
    """The provisions carried from N−1 (GET) and their review at the inventory
    of `annee` (POST): reprise to 781 or complementary dotation."""

    acte = actes.REVOIR

    def check_permissions(self, request):
        if request.method == "GET":
            return APIView.check_permissions(self, request)
        return super().check_permissions(request)

    @extend_schema(responses={200: ProvisionSerializer(many=True)}, summary="Provisions à revoir")
    def get(self, request, annee: int):
        provisions = provisions_a_revoir(_exercice(annee))
        return Response(ProvisionSerializer(provisions, many=True).data)

    @extend_schema(
        request=RevueSerializer,
        responses={201: EtatSerializer},
        summary="Revoir les provisions reprises en à-nouveaux",
    )
    def post(self, request, annee: int):
        exercice = _exercice(annee)
        saisie = RevueSerializer(data=request.data)
        saisie.is_valid(raise_exception=True)
        etat = self.acte.executer(request.user, exercice, saisie.validated_data)
        etat = selectors.etats_tous().prefetch_related("articles").get(pk=etat.pk)
        return Response(EtatSerializer(etat).data, status=status.HTTP_201_CREATED)
