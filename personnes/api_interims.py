"""API of the interims of the agent comptable (circ. 93/82 §1.1.2), mounted
under api/interims/: the same act as the page (`personnes.actes.INTERIM`),
under the same droit and service.

- `GET /api/interims/`: every interim, for everyone holding a function;
  `POST` (the directeur or the agent comptable in office) records one.
- `GET /api/interims/<id>/`: one interim.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_serializer, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from core.actes import api_acte
from core.champs_api import ChampDateApi
from personnes import actes
from personnes.api import PersonneField
from personnes.droits import APourFonction, LectureOuDroit
from personnes.models import Interim
from personnes.models import nom_de as _nom


@extend_schema_serializer(component_name="Interim")
class InterimSerializer(serializers.ModelSerializer):
    utilisateur = PersonneField(read_only=True)
    utilisateur_nom = serializers.SerializerMethodField()
    attributions = serializers.SerializerMethodField()

    class Meta:
        model = Interim
        fields = [
            "id",
            "utilisateur",
            "utilisateur_nom",
            "nature",
            "portee",
            "attributions",
            "debut",
            "fin",
            "nomme_le",
            "deliberation",
            "cree_le",
        ]

    def get_utilisateur_nom(self, interim) -> str:
        return _nom(interim.utilisateur)

    def get_attributions(self, interim) -> list[str]:
        """Codes of the acts a partial interim gives; empty: général, every act."""
        return interim.codes


@extend_schema_serializer(component_name="InterimSaisie")
class InterimSaisieSerializer(serializers.Serializer):
    utilisateur = PersonneField(
        help_text="Identifiant de connexion ou numéro de qui assure l'intérim"
    )
    nature = serializers.ChoiceField(choices=Interim.Nature.choices)
    debut = ChampDateApi()
    fin = ChampDateApi()
    portee = serializers.ChoiceField(
        choices=Interim.Portee.choices,
        required=False,
        default=Interim.Portee.GENERAL,
        help_text="Présumée générale si l'acte de nomination ne restreint pas les attributions",
    )
    attributions = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text="Intérim partiel : codes d'actes séparés par des virgules",
    )
    nomme_le = ChampDateApi(
        required=False,
        allow_null=True,
        default=None,
        help_text="Date de la décision du conseil d'administration (agent comptable intérimaire)",
    )
    deliberation = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )


def _relu(interim: Interim) -> dict:
    return InterimSerializer(interim).data


RESUME = (
    "Enregistrer un intérim de l'agent comptable (directeur ou agent comptable en fonction, "
    "circ. 93/82 §1.1.2)"
)

DESIGNER = api_acte(
    actes.INTERIM,
    operation_id="interim_designer",
    entree=InterimSaisieSerializer,
    sortie=_relu,
    reponse=InterimSerializer,
    statut=status.HTTP_201_CREATED,
    resume=RESUME,
)


@extend_schema_view(
    get=extend_schema(summary="Intérims de l'agent comptable", operation_id="interims_liste"),
    post=extend_schema(
        request=InterimSaisieSerializer,
        responses={201: InterimSerializer},
        summary=RESUME,
        operation_id="interims_designer",
    ),
)
class InterimsApi(generics.ListAPIView, DESIGNER):
    permission_classes = [LectureOuDroit]
    serializer_class = InterimSerializer
    droit = actes.INTERIM_DROIT

    def check_permissions(self, request):
        APIView.check_permissions(self, request)

    def get_queryset(self):
        return Interim.objects.select_related("utilisateur").order_by("-debut", "-id")


class InterimDetailApi(generics.RetrieveAPIView):
    permission_classes = [APourFonction]
    serializer_class = InterimSerializer
    queryset = Interim.objects.select_related("utilisateur")

    def get_object(self):
        objet = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if objet is None:
            raise NotFound(f"L'intérim n° {self.kwargs['pk']} n'existe pas.")
        return objet

    @extend_schema(summary="Un intérim de l'agent comptable", operation_id="interim_detail")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
