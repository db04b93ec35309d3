"""API of the fondés de pouvoir's procurations (circ. 93/82 §1.1.1), mounted
under api/procurations/: the same act as the page (`personnes.actes.PROCURATION`),
under the same droit and service.

- `GET /api/procurations/`: every procuration, for everyone holding a function;
  `POST` (the directeur) records one approved by the board.
- `GET /api/procurations/<id>/`: one procuration.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_serializer, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from personnes import actes
from personnes.api import PersonneField
from personnes.droits import APourFonction, LectureOuDroit
from personnes.models import Procuration
from personnes.models import nom_de as _nom


@extend_schema_serializer(component_name="Procuration")
class ProcurationSerializer(serializers.ModelSerializer):
    fonde = PersonneField(read_only=True)
    fonde_nom = serializers.SerializerMethodField()
    agent_comptable = PersonneField(read_only=True)
    enregistree_par = PersonneField(read_only=True)
    actes = serializers.SerializerMethodField()

    class Meta:
        model = Procuration
        fields = [
            "id",
            "fonde",
            "fonde_nom",
            "agent_comptable",
            "debut",
            "fin",
            "agreee_le",
            "deliberation",
            "actes",
            "montant_max",
            "enregistree_par",
            "creee_le",
        ]

    def get_fonde_nom(self, procuration) -> str:
        return _nom(procuration.fonde)

    def get_actes(self, procuration) -> list[str]:
        """Codes of the acts allowed; empty: every act of the agent comptable."""
        return procuration.codes


@extend_schema_serializer(component_name="ProcurationSaisie")
class ProcurationSaisieSerializer(serializers.Serializer):
    fonde = PersonneField(help_text="Identifiant de connexion ou numéro du fondé de pouvoir")
    debut = ChampDateApi()
    fin = ChampDateApi(required=False, allow_null=True, default=None)
    agreee_le = ChampDateApi(help_text="Date de l'agrément du conseil d'administration")
    deliberation = serializers.CharField(max_length=100)
    actes = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text="Codes d'actes séparés par des virgules ; vide : tous les actes de l'agent "
        "comptable",
    )
    montant_max = ChampMontantApi(
        required=False, allow_blank=True, default="", help_text="Vide : sans plafond"
    )


def _relue(procuration: Procuration) -> dict:
    return ProcurationSerializer(procuration).data


ENREGISTRER = api_acte(
    actes.PROCURATION,
    operation_id="procuration_enregistrer",
    entree=ProcurationSaisieSerializer,
    sortie=_relue,
    reponse=ProcurationSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer la procuration d'un fondé de pouvoir agréée par le conseil "
    "(directeur, circ. 93/82 §1.1.1)",
)


@extend_schema_view(
    get=extend_schema(
        summary="Procurations des fondés de pouvoir", operation_id="procurations_liste"
    ),
    post=extend_schema(
        request=ProcurationSaisieSerializer,
        responses={201: ProcurationSerializer},
        summary="Enregistrer la procuration d'un fondé de pouvoir agréée par le conseil "
        "(directeur, circ. 93/82 §1.1.1)",
        operation_id="procurations_enregistrer",
    ),
)
class ProcurationsApi(generics.ListAPIView, ENREGISTRER):
    permission_classes = [LectureOuDroit]
    serializer_class = ProcurationSerializer
    droit = actes.PROCURATION_DROIT

    def check_permissions(self, request):
        APIView.check_permissions(self, request)

    def get_queryset(self):
        return Procuration.objects.select_related(
            "fonde", "agent_comptable", "enregistree_par"
        ).order_by("-debut", "-id")


class ProcurationDetailApi(generics.RetrieveAPIView):
    permission_classes = [APourFonction]
    serializer_class = ProcurationSerializer
    queryset = Procuration.objects.select_related("fonde", "agent_comptable", "enregistree_par")

    def get_object(self):
        objet = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if objet is None:
            raise NotFound(f"La procuration n° {self.kwargs['pk']} n'existe pas.")
        return objet

    @extend_schema(summary="Une procuration de fondé de pouvoir", operation_id="procuration_detail")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
