"""API of the ordres de dépense: one endpoint per act, same services as the pages."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import DonneeInvalide
from depenses import services
from depenses.models import Engagement, Gestion, LigneOrdreDepense, Nature, OrdreDepense, Suspension
from ledger.models import Exercice


class LigneSerializer(serializers.ModelSerializer):
    class Meta:
        model = LigneOrdreDepense
        fields = ["creancier", "qualite", "identifiant", "iban", "bic", "montant"]


class OrdreSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    reference = serializers.CharField()
    compte_imputation = serializers.CharField(source="compte_imputation.numero")
    compte_tiers = serializers.CharField(source="compte_tiers.numero")
    lignes = LigneSerializer(many=True)
    suspensions = serializers.SerializerMethodField()

    class Meta:
        model = OrdreDepense
        fields = [
            "id",
            "reference",
            "exercice",
            "numero",
            "type",
            "gestion",
            "nature",
            "objet",
            "bases_liquidation",
            "compte_imputation",
            "compte_tiers",
            "montant",
            "engagement",
            "acompte",
            "article_rattachement",
            "limite_emission",
            "etat",
            "empreinte_contenu",
            "lignes",
            "suspensions",
        ]

    def get_suspensions(self, ordre) -> list[dict]:
        return [
            {"motif": s.motif, "explication": s.explication, "suite": s.suite}
            for s in ordre.suspensions.all()
        ]


class LigneSaisieSerializer(serializers.Serializer):
    creancier = serializers.CharField(max_length=200)
    qualite = serializers.CharField(max_length=120)
    iban = serializers.CharField(max_length=42)
    bic = serializers.CharField(max_length=11, required=False, default="", allow_blank=True)
    identifiant = serializers.CharField(max_length=40, required=False, default="", allow_blank=True)
    montant = serializers.CharField(max_length=24)


class SaisieSerializer(serializers.Serializer):
    type = serializers.ChoiceField(
        choices=OrdreDepense.Type.choices, default=OrdreDepense.Type.INDIVIDUEL
    )
    gestion = serializers.ChoiceField(choices=Gestion.choices)
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
    engagement = serializers.IntegerField(required=False, allow_null=True, default=None)
    lignes = LigneSaisieSerializer(many=True)


class EngagementSaisieSerializer(serializers.Serializer):
    exercice = serializers.IntegerField()
    gestion = serializers.ChoiceField(choices=Gestion.choices)
    objet = serializers.CharField(max_length=255)
    creancier = serializers.CharField(max_length=200)
    compte_imputation = serializers.CharField(max_length=12)
    montant = serializers.CharField(max_length=24)


class MotDePasseSerializer(serializers.Serializer):
    mot_de_passe = serializers.CharField()


class ServiceFaitSerializer(serializers.Serializer):
    le = serializers.DateField()
    observation = serializers.CharField(required=False, default="", allow_blank=True)


class VisaSerializer(serializers.Serializer):
    appreciations = serializers.DictField(
        child=serializers.BooleanField(),
        required=False,
        default=dict,
        help_text='Ex. {"imputation": true, "validite_dette": true}',
    )


class SuspensionSerializer(serializers.Serializer):
    motif = serializers.ChoiceField(choices=Suspension.Motif.choices)
    explication = serializers.CharField()


class ComplementSerializer(serializers.Serializer):
    complement = serializers.CharField()
    service_fait_le = serializers.DateField(required=False, allow_null=True, default=None)


class MotifSerializer(serializers.Serializer):
    motif = serializers.CharField()


class RequisitionSerializer(serializers.Serializer):
    motif = serializers.CharField()
    mot_de_passe = serializers.CharField()


def _ordres():
    return OrdreDepense.objects.select_related(
        "exercice", "compte_imputation", "compte_tiers"
    ).prefetch_related("lignes", "suspensions")


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
        return qs


class OrdreDetailApi(generics.RetrieveAPIView):
    serializer_class = OrdreSerializer

    def get_queryset(self):
        return _ordres()


@extend_schema(
    request=EngagementSaisieSerializer, responses={201: None}, summary="Engager une dépense"
)
class EngagementCreerApi(APIView):
    def post(self, request):
        entree = EngagementSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        exercice = Exercice.objects.filter(annee=d["exercice"]).first()
        if exercice is None:
            raise DonneeInvalide(f"L'exercice {d['exercice']} n'existe pas.")
        engagement = services.engagement_creer(
            acting_user=request.user,
            exercice=exercice,
            gestion=d["gestion"],
            objet=d["objet"],
            creancier=d["creancier"],
            compte_imputation=d["compte_imputation"],
            montant_engage=d["montant"],
        )
        return Response(
            {"id": engagement.pk, "montant": f"{engagement.montant:.2f}"},
            status=status.HTTP_201_CREATED,
        )


@extend_schema(
    request=SaisieSerializer, responses={201: OrdreSerializer}, summary="Créer un ordre de dépense"
)
class OrdreCreerApi(APIView):
    def post(self, request):
        entree = SaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = dict(entree.validated_data)
        d["lignes"] = [services.LigneCreancier(**ligne) for ligne in d["lignes"]]
        d["engagement"] = (
            get_object_or_404(Engagement, pk=d["engagement"]) if d["engagement"] else None
        )
        ordre = services.ordre_depense_creer(
            acting_user=request.user, saisie=services.SaisieDepense(**d)
        )
        return _reponse(ordre, status.HTTP_201_CREATED)


class _Acte(APIView):
    entree = None

    def post(self, request, pk: int):
        donnees = {}
        if self.entree is not None:
            serialiseur = self.entree(data=request.data)
            serialiseur.is_valid(raise_exception=True)
            donnees = serialiseur.validated_data
        ordre = get_object_or_404(OrdreDepense, pk=pk)
        self.agir(request.user, ordre, donnees)
        return _reponse(ordre)


@extend_schema(
    request=ServiceFaitSerializer, responses=OrdreSerializer, summary="Attester le service fait"
)
class ServiceFaitApi(_Acte):
    entree = ServiceFaitSerializer

    def agir(self, user, ordre, d):
        services.ordre_depense_attester_service_fait(
            acting_user=user, ordre=ordre, le=d["le"], observation=d["observation"]
        )


@extend_schema(
    request=MotDePasseSerializer, responses=OrdreSerializer, summary="Ordonnancer (signer)"
)
class SignerApi(_Acte):
    entree = MotDePasseSerializer

    def agir(self, user, ordre, d):
        services.ordre_depense_signer(acting_user=user, ordre=ordre, mot_de_passe=d["mot_de_passe"])


@extend_schema(request=None, responses=OrdreSerializer, summary="Transmettre à l'agent comptable")
class TransmettreApi(_Acte):
    def agir(self, user, ordre, d):
        services.ordre_depense_transmettre(acting_user=user, ordre=ordre)


@extend_schema(
    request=VisaSerializer, responses=OrdreSerializer, summary="Viser après les six contrôles"
)
class ViserApi(_Acte):
    entree = VisaSerializer

    def agir(self, user, ordre, d):
        services.ordre_depense_viser(
            acting_user=user,
            ordre=ordre,
            appreciations={k: (v, "") for k, v in d["appreciations"].items()},
        )


@extend_schema(
    request=SuspensionSerializer, responses=OrdreSerializer, summary="Suspendre le paiement"
)
class SuspendreApi(_Acte):
    entree = SuspensionSerializer

    def agir(self, user, ordre, d):
        services.ordre_depense_suspendre(
            acting_user=user, ordre=ordre, motif=d["motif"], explication=d["explication"]
        )


@extend_schema(
    request=ComplementSerializer, responses=OrdreSerializer, summary="Compléter après suspension"
)
class CompleterApi(_Acte):
    entree = ComplementSerializer

    def agir(self, user, ordre, d):
        services.ordre_depense_completer(
            acting_user=user,
            ordre=ordre,
            complement=d["complement"],
            service_fait_le=d["service_fait_le"],
        )


@extend_schema(
    request=MotifSerializer, responses=OrdreSerializer, summary="Retirer l'ordre suspendu"
)
class RetirerApi(_Acte):
    entree = MotifSerializer

    def agir(self, user, ordre, d):
        services.ordre_depense_retirer(acting_user=user, ordre=ordre, motif=d["motif"])


@extend_schema(
    request=RequisitionSerializer, responses=OrdreSerializer, summary="Requérir le paiement"
)
class RequerirApi(_Acte):
    entree = RequisitionSerializer

    def agir(self, user, ordre, d):
        services.ordre_depense_requerir(
            acting_user=user, ordre=ordre, motif=d["motif"], mot_de_passe=d["mot_de_passe"]
        )
