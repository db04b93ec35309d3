"""API of the ordres de dépense: one endpoint per act (core.actes), same acts as the pages."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers, status

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from depenses import actes, selectors, services
from depenses.models import (
    CertificatReimputation,
    Engagement,
    Gestion,
    LigneOrdreDepense,
    Nature,
    OrdreDepense,
    PieceDepense,
    Suspension,
)
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


@extend_schema_serializer(component_name="LigneDepense")
class LigneSerializer(serializers.ModelSerializer):
    class Meta:
        model = LigneOrdreDepense
        fields = ["creancier", "qualite", "identifiant", "iban", "bic", "montant"]


@extend_schema_serializer(component_name="PieceDepense")
class PieceSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Où ouvrir la pièce (GET).")

    class Meta:
        model = PieceDepense
        fields = ["id", "nom", "type_mime", "taille", "sha256", "complement", "url"]

    def get_url(self, piece) -> str:
        return reverse("api_ordre_depense_piece", args=[piece.ordre_id, piece.pk])


@extend_schema_serializer(component_name="CertificatReimputation")
class CertificatSerializer(serializers.ModelSerializer):
    ordre = serializers.IntegerField(source="ordre_id")
    ancien_compte = serializers.CharField(source="ancien_compte.numero")
    nouveau_compte = serializers.CharField(source="nouveau_compte.numero")
    ecriture = serializers.SerializerMethodField()

    class Meta:
        model = CertificatReimputation
        fields = [
            "id",
            "ordre",
            "ancien_compte",
            "nouveau_compte",
            "motif",
            "par",
            "qualite",
            "le",
            "etat",
            "traite_par",
            "traite_le",
            "motif_rejet",
            "ecriture",
        ]

    def get_ecriture(self, certificat) -> str | None:
        return f"OD-{certificat.ecriture.numero}" if certificat.ecriture_id else None


@extend_schema_serializer(component_name="OrdreDepense")
class OrdreSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    reference = serializers.CharField(max_length=120)
    compte_imputation = serializers.CharField(source="compte_imputation.numero")
    compte_tiers = serializers.CharField(source="compte_tiers.numero")
    # Lists read by `selectors.ordres_depense_api` (no related manager per order).
    lignes = LigneSerializer(many=True, source="lignes_lues")
    pieces = PieceSerializer(many=True, source="pieces_lues")
    suspensions = serializers.SerializerMethodField()
    requisition = serializers.SerializerMethodField(
        help_text="La réquisition du directeur et la réponse de l'agent comptable."
    )
    reimputations = serializers.SerializerMethodField(
        help_text="Les certificats de réimputation de l'ordre (circulaire 93/82 §2.1.4)."
    )
    tirage = TirageSerializer(read_only=True, allow_null=True)

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
            "critere_rattachement",
            "motif_rattachement",
            "limite_emission",
            "pieces_references",
            "etat",
            "empreinte_contenu",
            "lignes",
            "pieces",
            "suspensions",
            "requisition",
            "reimputations",
            "tirage",
        ]

    def get_requisition(self, ordre) -> dict | None:
        # Selected with the order (depenses.selectors.ordres_depense): no query per order.
        requisition = getattr(ordre, "requisition", None)
        if requisition is None:
            return None
        reponse = getattr(requisition, "reponse", None)
        return {
            "id": requisition.pk,
            "motif": requisition.motif,
            "requis_par": requisition.requis_par_id,
            "qualite": requisition.qualite,
            "le": requisition.le,
            "reponse": None
            if reponse is None
            else {
                "decision": reponse.decision,
                "cas": reponse.cas,
                "explication": reponse.explication,
                "par": reponse.par_id,
                "le": reponse.le,
            },
        }

    def get_reimputations(self, ordre) -> list[dict]:
        return [CertificatSerializer(c).data for c in ordre.reimputations_lues]

    def get_suspensions(self, ordre) -> list[dict]:
        return [
            {"motif": s.motif, "explication": s.explication, "suite": s.suite}
            for s in ordre.suspensions_lues
        ]


@extend_schema_serializer(component_name="LigneSaisieDepense")
class LigneSaisieSerializer(serializers.Serializer):
    creancier = serializers.CharField(max_length=200)
    qualite = serializers.CharField(max_length=120)
    iban = serializers.CharField(max_length=42)
    bic = serializers.CharField(max_length=11, required=False, default="", allow_blank=True)
    identifiant = serializers.CharField(max_length=40, required=False, default="", allow_blank=True)
    montant = ChampMontantApi()


@extend_schema_serializer(component_name="SaisieDepense")
class SaisieSerializer(SaisieAvecPiecesSerializer):
    type = serializers.ChoiceField(
        choices=OrdreDepense.Type.choices, default=OrdreDepense.Type.INDIVIDUEL
    )
    gestion = serializers.ChoiceField(choices=Gestion.choices)
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
        "référence, l'ordre ne se signe pas (circulaire 93/82 §2.1.3).",
    )
    engagement = serializers.PrimaryKeyRelatedField(
        queryset=Engagement.objects.select_related("compte_imputation"),
        required=False,
        allow_null=True,
        default=None,
    )
    lignes = LigneSaisieSerializer(many=True)

    def saisie(self, donnees: dict) -> services.SaisieDepense:
        donnees["lignes"] = [services.LigneCreancier(**ligne) for ligne in donnees["lignes"]]
        return services.SaisieDepense(**donnees)


@extend_schema_serializer(component_name="EngagementSaisieDepense")
class EngagementSaisieSerializer(serializers.Serializer):
    exercice = serializers.IntegerField()
    gestion = serializers.ChoiceField(choices=Gestion.choices)
    objet = serializers.CharField(max_length=255)
    creancier = serializers.CharField(max_length=200)
    compte_imputation = serializers.CharField(max_length=12)
    montant = ChampMontantApi()


@extend_schema_serializer(component_name="ServiceFaitDepense")
class ServiceFaitSerializer(serializers.Serializer):
    le = ChampDateApi()
    observation = serializers.CharField(
        max_length=1000, required=False, default="", allow_blank=True
    )


@extend_schema_serializer(component_name="VisaDepense")
class VisaSerializer(serializers.Serializer):
    appreciations = serializers.DictField(
        child=serializers.BooleanField(),
        required=False,
        default=dict,
        help_text='Ex. {"imputation": true, "validite_dette": true}',
    )

    def validate(self, attrs):
        return {"appreciations": {k: (v, "") for k, v in attrs["appreciations"].items()}}


@extend_schema_serializer(component_name="SuspensionDepense")
class SuspensionSerializer(serializers.Serializer):
    motif = serializers.ChoiceField(choices=Suspension.Motif.choices)
    explication = serializers.CharField(max_length=4000)


@extend_schema_serializer(component_name="ComplementDepense")
class ComplementSerializer(serializers.Serializer):
    complement = serializers.CharField(max_length=1000)
    service_fait_le = ChampDateApi(required=False, allow_null=True, default=None)


@extend_schema_serializer(component_name="RequisitionDepense")
class RequisitionSerializer(serializers.Serializer):
    motif = serializers.CharField(max_length=1000)
    mot_de_passe = serializers.CharField(max_length=256)


@extend_schema_serializer(component_name="RefusDeDefererDepense")
class RefusDeDefererSerializer(serializers.Serializer):
    # Any text: the service refuses a case outside the five, listing them.
    cas = serializers.CharField(
        max_length=50,
        help_text="Un des cas de la circulaire 93/82 §2.1.9.0 : opposition, dette_contestee, "
        "service_fait, credits, decision_suspendue.",
    )
    explication = serializers.CharField(max_length=4000, allow_blank=True)


@extend_schema_serializer(component_name="ReimputationDepense")
class ReimputationSerializer(serializers.Serializer):
    nouveau_compte = serializers.CharField(max_length=12)
    motif = serializers.CharField(max_length=1000, allow_blank=True)
    mot_de_passe = serializers.CharField(max_length=256)


# What `OrdreSerializer` shows is what `ordres_depense_api` reads: the signatures, controls
# and services faits (with who made them) that the detail reads for the pages are not
# part of the answer.
_relue = relecture(OrdreSerializer, selectors.ordres_depense_api, OrdreDepense)


class OrdreListApi(OrdresListeApi):
    serializer_class = OrdreSerializer
    TIERS = "creancier"

    def liste(self, **filtres):
        return selectors.ordres_depense_api(**filtres)


class OrdreDetailApi(OrdreDetailApiBase):
    serializer_class = OrdreSerializer

    def detail(self):
        return selectors.ordres_depense_api()


class PieceApi(PieceApiBase):
    """A pièce of an ordre de dépense (the invoice the agent comptable checks before his visa)."""

    modele = PieceDepense


@extend_schema_serializer(component_name="EngagementDepense")
class EngagementSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    montant = ChampMontantApi(max_digits=18, decimal_places=2)


ORDRES = OrdreDepense.objects.all()

EngagementCreerApi = api_acte(
    actes.ENGAGER,
    entree=EngagementSaisieSerializer,
    sortie=lambda engagement: EngagementSerializer(engagement).data,
    reponse=EngagementSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Engager une dépense",
)
OrdreCreerApi = api_acte(
    actes.CREER,
    entree=SaisieSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Créer un ordre de dépense, avec ses pièces justificatives",
)
OrdreCreerApi.parser_classes = PARSEURS_PIECES
ServiceFaitApi = api_acte(
    actes.SERVICE_FAIT,
    queryset=ORDRES,
    entree=ServiceFaitSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Attester le service fait",
)
SignerApi = api_acte(
    actes.SIGNER,
    queryset=ORDRES,
    entree=MotDePasseSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Ordonnancer (signer)",
)
TransmettreApi = api_acte(
    actes.TRANSMETTRE,
    queryset=ORDRES,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Transmettre à l'agent comptable",
)
ViserApi = api_acte(
    actes.VISER,
    queryset=ORDRES,
    entree=VisaSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Viser après les six contrôles",
)
SuspendreApi = api_acte(
    actes.SUSPENDRE,
    queryset=ORDRES,
    entree=SuspensionSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Suspendre le paiement",
)
CompleterApi = api_acte(
    actes.COMPLETER,
    queryset=ORDRES,
    entree=ComplementSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Compléter après suspension",
)
RetirerApi = api_acte(
    actes.RETIRER,
    queryset=ORDRES,
    entree=MotifSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Retirer l'ordre suspendu",
)
RequerirApi = api_acte(
    actes.REQUERIR,
    queryset=ORDRES,
    entree=RequisitionSerializer,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Requérir le paiement",
)
ViserSurRequisitionApi = api_acte(
    actes.VISER_SUR_REQUISITION,
    queryset=ORDRES,
    sortie=_relue,
    reponse=OrdreSerializer,
    resume="Viser sur réquisition (l'agent comptable défère)",
)
RefuserDeDefererApi = api_acte(
    actes.REFUSER_DE_DEFERER,
    queryset=ORDRES,
    entree=RefusDeDefererSerializer,
    sortie=lambda reponse: _relue(reponse.requisition.ordre),
    reponse=OrdreSerializer,
    resume="Refuser de déférer à la réquisition (cinq cas seulement)",
)
ReimputerApi = api_acte(
    actes.REIMPUTER,
    queryset=ORDRES,
    entree=ReimputationSerializer,
    sortie=lambda certificat: CertificatSerializer(certificat).data,
    reponse=CertificatSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Délivrer un certificat de réimputation (le directeur)",
)
CERTIFICATS = CertificatReimputation.objects.select_related(
    "ancien_compte", "nouveau_compte", "ecriture"
)
ReimputationPrendreEnChargeApi = api_acte(
    actes.REIMPUTATION_PRENDRE_EN_CHARGE,
    queryset=CERTIFICATS,
    sortie=lambda certificat: CertificatSerializer(certificat).data,
    reponse=CertificatSerializer,
    resume="Prendre en charge un certificat de réimputation (l'agent comptable)",
    introuvable="Le certificat de réimputation n° {pk} n'existe pas.",
)
ReimputationRejeterApi = api_acte(
    actes.REIMPUTATION_REJETER,
    queryset=CERTIFICATS,
    entree=MotifSerializer,
    sortie=lambda certificat: CertificatSerializer(certificat).data,
    reponse=CertificatSerializer,
    resume="Rejeter un certificat de réimputation (l'agent comptable)",
    introuvable="Le certificat de réimputation n° {pk} n'existe pas.",
)
