"""API of the installations of the agent comptable (circ. 93/82 §1.1.0),
mounted under api/installations/: the same acts as the pages
(`personnes.actes_installation`), under the same droits and services.

- `GET /api/installations/`: every installation with its réserves and
  prorogations, for everyone holding a function; `POST` (the directeur)
  records one and its procès-verbal, signed by both agents comptables.
- `GET /api/installations/<id>/`: one installation.
- `POST /api/installations/<id>/reserves/`, `.../prorogations/`: the agent
  comptable installed records a réserve, or the prorogation granted.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_serializer, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from personnes import actes_installation as actes
from personnes.api import PersonneField
from personnes.droits import APourFonction, LectureOuDroit
from personnes.models import Installation, Mandat, ProrogationReserves, Reserve
from personnes.services_installation import limite_reserves

_INSTALLATIONS = Installation.objects.select_related(
    "agent_comptable", "predecesseur", "ancien_titulaire", "interim", "enregistree_par"
).prefetch_related("reserves", "prorogations")


@extend_schema_serializer(component_name="ReserveInstallation")
class ReserveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reserve
        fields = ["id", "formulee_le", "objet", "creee_le"]


@extend_schema_serializer(component_name="ProrogationReserves")
class ProrogationSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProrogationReserves
        fields = ["id", "demandee_le", "accordee_le", "accordee_par", "nouvelle_limite", "creee_le"]


@extend_schema_serializer(component_name="Installation")
class InstallationSerializer(serializers.ModelSerializer):
    agent_comptable = PersonneField(read_only=True)
    predecesseur = PersonneField(read_only=True, allow_null=True)
    ancien_titulaire = PersonneField(read_only=True, allow_null=True)
    enregistree_par = PersonneField(read_only=True)
    limite_reserves = serializers.SerializerMethodField()
    reserves = ReserveSerializer(many=True, read_only=True)
    prorogations = ProrogationSerializer(many=True, read_only=True)

    class Meta:
        model = Installation
        fields = [
            "id",
            "agent_comptable",
            "predecesseur",
            "interim",
            "ancien_titulaire",
            "installe_le",
            "solde_caisse",
            "solde_banque",
            "observations",
            "enregistree_par",
            "creee_le",
            "limite_reserves",
            "reserves",
            "prorogations",
        ]

    def get_limite_reserves(self, installation) -> str:
        """Last day for réserves: six months after the installation, or the prorogation's limit."""
        return limite_reserves(installation).isoformat()


@extend_schema_serializer(component_name="InstallationSaisie")
class InstallationSaisieSerializer(serializers.Serializer):
    agent_comptable = PersonneField(help_text="Identifiant de connexion ou numéro de l'entrant")
    installe_le = ChampDateApi()
    solde_caisse = ChampMontantApi()
    solde_banque = ChampMontantApi()
    observations = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )
    mot_de_passe_entrant = serializers.CharField(
        max_length=256, trim_whitespace=False, help_text="Signature de l'agent comptable entrant"
    )
    mot_de_passe_sortant = serializers.CharField(
        max_length=256,
        trim_whitespace=False,
        required=False,
        allow_blank=True,
        default="",
        help_text="Signature de l'agent comptable sortant (celui en fonction la veille)",
    )
    mot_de_passe_titulaire = serializers.CharField(
        max_length=256,
        trim_whitespace=False,
        required=False,
        allow_blank=True,
        default="",
        help_text="Signature de l'ancien agent comptable titulaire quand l'intérimaire installé "
        "exerce un intérim partiel (circ. 93/82 §1.1.2)",
    )


class ReserveSaisieSerializer(serializers.Serializer):
    formulee_le = ChampDateApi()
    objet = serializers.CharField(max_length=500)


class ProrogationSaisieSerializer(serializers.Serializer):
    demandee_le = ChampDateApi()
    accordee_le = ChampDateApi()
    accordee_par = serializers.CharField(max_length=200)
    nouvelle_limite = ChampDateApi()


def _relue(installation) -> dict:
    return InstallationSerializer(_INSTALLATIONS.get(pk=installation.pk)).data


ENREGISTRER = api_acte(
    actes.INSTALLATION,
    operation_id="installation_enregistrer",
    entree=InstallationSaisieSerializer,
    sortie=_relue,
    reponse=InstallationSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer l'installation de l'agent comptable et le procès-verbal de remise de "
    "service (directeur, circ. 93/82 §1.1.0)",
)
ReserveApi = api_acte(
    actes.RESERVE,
    queryset=Installation.objects.all(),
    entree=ReserveSaisieSerializer,
    sortie=lambda reserve: _relue(reserve.installation),
    reponse=InstallationSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Formuler une réserve sur la gestion du prédécesseur (agent comptable installé)",
    operation_id="installation_reserve",
    introuvable="L'installation n° {pk} n'existe pas.",
)
ProrogationApi = api_acte(
    actes.PROROGATION,
    queryset=Installation.objects.all(),
    entree=ProrogationSaisieSerializer,
    sortie=lambda prorogation: _relue(prorogation.installation),
    reponse=InstallationSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer la prorogation du délai des réserves (agent comptable installé)",
    operation_id="installation_prorogation",
    introuvable="L'installation n° {pk} n'existe pas.",
)


@extend_schema_view(
    get=extend_schema(
        summary="Installations de l'agent comptable", operation_id="installations_liste"
    ),
    post=extend_schema(
        request=InstallationSaisieSerializer,
        responses={201: InstallationSerializer},
        summary="Enregistrer l'installation de l'agent comptable (directeur, circ. 93/82 §1.1.0)",
        operation_id="installations_enregistrer",
    ),
)
class InstallationsApi(generics.ListAPIView, ENREGISTRER):
    permission_classes = [LectureOuDroit]
    serializer_class = InstallationSerializer
    droit = actes.INSTALLATION_DROIT

    def check_permissions(self, request):
        APIView.check_permissions(self, request)

    def get_queryset(self):
        return _INSTALLATIONS.order_by("-installe_le", "-id")


class InstallationDetailApi(generics.RetrieveAPIView):
    permission_classes = [APourFonction]
    serializer_class = InstallationSerializer
    queryset = _INSTALLATIONS

    def get_object(self):
        objet = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if objet is None:
            raise NotFound(f"L'installation n° {self.kwargs['pk']} n'existe pas.")
        return objet

    @extend_schema(
        summary="Une installation de l'agent comptable", operation_id="installation_detail"
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


# --- Special mandates (circ. 93/82 §1.1.1) -----------------------------------------------------


@extend_schema_serializer(component_name="Mandat")
class MandatSerializer(serializers.ModelSerializer):
    mandataire = PersonneField(read_only=True)
    agent_comptable = PersonneField(read_only=True)

    class Meta:
        model = Mandat
        fields = [
            "id",
            "mandataire",
            "agent_comptable",
            "objet",
            "precisions",
            "debut",
            "fin",
            "retire_le",
            "cree_le",
        ]


@extend_schema_serializer(component_name="MandatSaisie")
class MandatSaisieSerializer(serializers.Serializer):
    mandataire = PersonneField(help_text="Identifiant de connexion ou numéro du mandataire")
    objet = serializers.ChoiceField(choices=Mandat.Objet.choices)
    precisions = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    debut = ChampDateApi()
    fin = ChampDateApi()


class RetraitMandatSerializer(serializers.Serializer):
    le = ChampDateApi(required=False, allow_null=True, default=None)


_MANDATS = Mandat.objects.select_related("mandataire", "agent_comptable")

ENREGISTRER_MANDAT = api_acte(
    actes.MANDAT,
    operation_id="mandat_enregistrer",
    entree=MandatSaisieSerializer,
    sortie=lambda m: MandatSerializer(m).data,
    reponse=MandatSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Donner un mandat spécial de vérification et de contrôle (agent comptable, "
    "circ. 93/82 §1.1.1)",
)
RetirerMandatApi = api_acte(
    actes.RETIRER_MANDAT,
    queryset=Mandat.objects.all(),
    entree=RetraitMandatSerializer,
    sortie=lambda m: MandatSerializer(m).data,
    reponse=MandatSerializer,
    resume="Retirer un mandat spécial (agent comptable)",
    operation_id="mandat_retirer",
    introuvable="Le mandat n° {pk} n'existe pas.",
)


@extend_schema_view(
    get=extend_schema(
        summary="Mandats spéciaux de l'agent comptable", operation_id="mandats_liste"
    ),
    post=extend_schema(
        request=MandatSaisieSerializer,
        responses={201: MandatSerializer},
        summary="Donner un mandat spécial (agent comptable, circ. 93/82 §1.1.1)",
        operation_id="mandats_enregistrer",
    ),
)
class MandatsApi(generics.ListAPIView, ENREGISTRER_MANDAT):
    permission_classes = [LectureOuDroit]
    serializer_class = MandatSerializer
    droit = actes.MANDAT_DROIT

    def check_permissions(self, request):
        APIView.check_permissions(self, request)

    def get_queryset(self):
        return _MANDATS.order_by("-debut", "-id")
