"""API of the ordres de recette: one endpoint per act (core.actes), same acts as the pages."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_serializer
from rest_framework import serializers, status

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from ordres.api import (
    PARSEURS_PIECES,
    MotDePasseSerializer,
    MotifSerializer,
    OrdresListeApi,
    SaisieAvecPiecesSerializer,
    TirageSerializer,
    relecture,
)
from ordres.api import (
    OrdreDetailApi as OrdreDetailApiBase,
)
from ordres.api import (
    PieceApi as PieceApiBase,
)
from recettes import actes, selectors, services
from recettes.models import (
    LigneOrdreRecette,
    Nature,
    OrdreRecette,
    PieceJustificative,
    Reduction,
    Signature,
)


@extend_schema_serializer(component_name="LigneRecette")
class LigneSerializer(serializers.ModelSerializer):
    """A debtor's line: its `id` is what a reduction names (`ligne`), its
    `reste` what is still to recover from that debtor (0 until the order is
    taken in charge; recettes.selectors.annoter_restes_lignes)."""

    reste = serializers.SerializerMethodField(
        help_text="Reste à recouvrer de ce débiteur (montant, moins ses réductions prises "
        "en charge, moins ce qui lui a été affecté ; borné par le reste de l'ordre)."
    )

    class Meta:
        model = LigneOrdreRecette
        fields = ["id", "debiteur", "qualite", "identifiant", "montant", "reste"]

    def get_reste(self, ligne) -> str:
        # Annotated by the selector's prefetch (no query per line).
        reste = getattr(ligne, "reste", None)
        if reste is None:
            reste = selectors.restes_par_ligne([ligne.ordre_id]).get(pk=ligne.pk).reste
        return f"{reste:.2f}"


@extend_schema_serializer(component_name="SignatureRecette")
class SignatureSerializer(serializers.ModelSerializer):
    signataire = serializers.CharField(source="signataire.username")

    class Meta:
        model = Signature
        fields = ["signataire", "qualite", "signee_le", "empreinte_contenu"]


@extend_schema_serializer(component_name="PieceRecette")
class PieceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Où ouvrir la pièce (GET).")

    class Meta:
        model = PieceJustificative
        fields = ["id", "nom", "type_mime", "taille", "sha256", "url"]

    def get_url(self, piece) -> str:
        return reverse("api_ordre_recette_piece", args=[piece.ordre_id, piece.pk])


@extend_schema_serializer(component_name="ReductionRecette")
class ReductionSerializer(serializers.ModelSerializer):
    debiteur = serializers.CharField(
        source="ligne.debiteur",
        allow_null=True,
        read_only=True,
        help_text="Le débiteur de la ligne concernée (null pour une réduction antérieure "
        "qui ne nommait pas sa ligne : elle compte sur la première ligne de l'ordre).",
    )

    class Meta:
        model = Reduction
        fields = [
            "id",
            "ligne",
            "debiteur",
            "type",
            "montant",
            "motif",
            "nouvelles_bases",
            "etat",
            "qualite",
            "signee_le",
        ]


@extend_schema_serializer(component_name="OrdreRecette")
class OrdreSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    reference = serializers.CharField(max_length=120)
    compte_imputation = serializers.CharField(source="compte_imputation.numero")
    compte_tiers = serializers.CharField(source="compte_tiers.numero")
    lignes = LigneSerializer(many=True)
    signatures = SignatureSerializer(many=True)
    reductions = ReductionSerializer(many=True)
    pieces = PieceSerializer(many=True)
    reste_a_recouvrer = serializers.SerializerMethodField()
    tirage = TirageSerializer(read_only=True, allow_null=True)

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
            "motif_rattachement",
            "limite_emission",
            "pieces_references",
            "etat",
            "empreinte_contenu",
            "motif_rejet",
            "lignes",
            "signatures",
            "reductions",
            "pieces",
            "reste_a_recouvrer",
            "tirage",
        ]

    def get_reste_a_recouvrer(self, ordre) -> str:
        # Annotated by the selector on lists (no query per order).
        reste = getattr(ordre, "reste", None)
        if reste is None:
            reste = selectors.reste_a_recouvrer(ordre)
        return f"{reste:.2f}"


@extend_schema_serializer(component_name="LigneSaisieRecette")
class LigneSaisieSerializer(serializers.Serializer):
    debiteur = serializers.CharField(max_length=200)
    qualite = serializers.CharField(max_length=120)
    identifiant = serializers.CharField(max_length=40, required=False, default="", allow_blank=True)
    montant = ChampMontantApi()


@extend_schema_serializer(component_name="SaisieRecette")
class SaisieSerializer(SaisieAvecPiecesSerializer):
    type = serializers.ChoiceField(
        choices=OrdreRecette.Type.choices, default=OrdreRecette.Type.INDIVIDUEL
    )
    nature = serializers.ChoiceField(choices=Nature.choices)
    objet = serializers.CharField(max_length=255)
    bases_liquidation = serializers.CharField(max_length=4000)
    compte_imputation = serializers.CharField(max_length=12)
    compte_tiers = serializers.CharField(max_length=12)
    date_fait = ChampDateApi()
    dates = serializers.DictField(child=ChampDateApi(allow_null=True), required=False, default=dict)
    pieces_references = serializers.CharField(
        max_length=4000,
        required=False,
        default="",
        allow_blank=True,
        help_text="Références des pièces justificatives non jointes : sans pièce ni "
        "référence, l'ordre ne se signe pas (circulaire 93/82 §2.0.2).",
    )
    lignes = LigneSaisieSerializer(many=True)

    def saisie(self, donnees: dict) -> services.SaisieOrdre:
        donnees["lignes"] = [services.LigneDebiteur(**ligne) for ligne in donnees["lignes"]]
        return services.SaisieOrdre(**donnees)


@extend_schema_serializer(component_name="ControleRecette")
class ControleSerializer(serializers.Serializer):
    point = serializers.CharField(max_length=1000)
    conforme = serializers.BooleanField()
    commentaire = serializers.CharField(
        max_length=1000, required=False, default="", allow_blank=True
    )


@extend_schema_serializer(component_name="PriseEnChargeRecette")
class PriseEnChargeSerializer(serializers.Serializer):
    controles = ControleSerializer(many=True, required=False, default=list)


@extend_schema_serializer(component_name="ReductionSaisieRecette")
class ReductionSaisieSerializer(serializers.Serializer):
    ligne = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        help_text="`id` de la ligne du débiteur concerné (lignes de l'ordre) : obligatoire "
        "pour un ordre collectif, la seule ligne sinon.",
    )
    type = serializers.ChoiceField(choices=Reduction.Type.choices)
    montant = ChampMontantApi(required=False, default="0")
    motif = serializers.CharField(max_length=1000)
    nouvelles_bases = serializers.CharField(max_length=4000)
    mot_de_passe = serializers.CharField(max_length=256)


# What `OrdreSerializer` shows is what `ordres_recette` reads: the controls (with who
# made them) that the detail reads for the page are not part of the answer.
_relue = relecture(OrdreSerializer, selectors.ordres_recette, OrdreRecette)


class OrdreListApi(OrdresListeApi):
    serializer_class = OrdreSerializer
    TIERS = "debiteur"

    def liste(self, **filtres):
        return selectors.ordres_recette(**filtres)


class OrdreDetailApi(OrdreDetailApiBase):
    serializer_class = OrdreSerializer

    def detail(self):
        return selectors.ordres_recette()


ORDRES = OrdreRecette.objects.all()

OrdreCreerApi = api_acte(
    actes.CREER,
    entree=SaisieSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Créer un ordre (brouillon), avec ses pièces justificatives",
)
OrdreCreerApi.parser_classes = PARSEURS_PIECES
OrdreModifierApi = api_acte(
    actes.MODIFIER,
    queryset=ORDRES,
    entree=SaisieSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Modifier un brouillon (et lui joindre des pièces)",
)
OrdreModifierApi.parser_classes = PARSEURS_PIECES
OrdreSignerApi = api_acte(
    actes.SIGNER,
    queryset=ORDRES,
    entree=MotDePasseSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Signer (mot de passe ressaisi)",
)
OrdreTransmettreApi = api_acte(
    actes.TRANSMETTRE,
    queryset=ORDRES,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Transmettre à l'agent comptable",
)
OrdrePrendreEnChargeApi = api_acte(
    actes.PRENDRE_EN_CHARGE,
    queryset=ORDRES,
    entree=PriseEnChargeSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Prendre en charge (contrôles du plan, écriture du titre)",
)
OrdreRejeterApi = api_acte(
    actes.REJETER,
    queryset=ORDRES,
    entree=MotifSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Rejeter avec motif",
)
OrdreReprendreApi = api_acte(
    actes.REPRENDRE,
    queryset=ORDRES,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Reprendre un ordre rejeté en brouillon",
)
OrdreAbandonnerApi = api_acte(
    actes.ABANDONNER,
    queryset=ORDRES,
    entree=MotifSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Abandonner un brouillon",
)
OrdreReduireApi = api_acte(
    actes.REDUIRE,
    queryset=ORDRES,
    entree=ReductionSaisieSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Réduire, annuler, admettre en non-valeur, remettre, abandonner un petit indu",
)


@extend_schema(
    request=None, responses=OrdreSerializer, summary="Prendre en charge une réduction (écriture)"
)
class ReductionPrendreEnChargeApi(
    api_acte(
        actes.REDUCTION_PRENDRE_EN_CHARGE,
        queryset=Reduction.objects.all(),
        sortie=_relue,
        reponse=OrdreSerializer,
        resume="Prendre en charge une réduction (écriture)",
    )
):
    """The reduction `reduction_pk` of the order `pk`."""

    def post(self, request, pk: int, reduction_pk: int):
        get_object_or_404(Reduction, pk=reduction_pk, ordre_id=pk)
        return super().post(request, pk=reduction_pk)


class PieceApi(PieceApiBase):
    """A pièce of an ordre de recette (what the agent comptable checks before taking it in charge)."""

    modele = PieceJustificative
