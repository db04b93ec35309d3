"""API of the delegations' register (issue 10, point 15): the same acts as its
page (`personnes.actes`), under the same droits and the same services.

- `GET /api/delegations/`: the register, for everyone holding a function,
  with its filters; `POST` (the directeur) gives a delegation, as the page's
  form does; `POST /api/delegations/creer/` is the same act, named as the
  orders' APIs name theirs.
- `GET /api/delegations/<id>/`: one delegation and its state today.
- `POST /api/delegations/<id>/notifier/`: the agent comptable records that it
  was notified to him; `POST /api/delegations/<id>/retirer/`: the directeur
  withdraws it. Both on the day they are made unless `le` says otherwise.

Refusals come as `{"code", "message", "details"}` with the services' French
messages (circ. 93/82 §1.0, §1.1.1).
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_serializer,
    extend_schema_view,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from core import horloge
from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from core.exceptions import DonneeInvalide
from core.saisie import verifier_date
from personnes import actes
from personnes.droits import APourFonction, LectureOuDroit
from personnes.models import Delegation
from personnes.models import nom_de as _nom
from personnes.selectors import EtatDelegation, libelle_etat, registre_delegations

# --- Fields and serializers ----------------------------------------------------------------


def _personne(texte: str):
    """A person given by login or identifier, or None."""
    modele = get_user_model()
    texte = str(texte).strip()
    personne = modele.objects.filter(**{modele.USERNAME_FIELD: texte}).first()
    if personne is None and texte.isascii() and texte.isdigit() and len(texte) <= 18:
        # (« ١٢ » or « ² » are digits to str.isdigit, not to PostgreSQL: a 500 before)
        personne = modele.objects.filter(pk=texte).first()
    return personne


@extend_schema_field(OpenApiTypes.STR)
class PersonneField(serializers.Field):
    """A person given by login (« delegue ») or identifier."""

    default_error_messages = {
        "inconnu": "La personne « {valeur} » n'existe pas.",
        "type": "Désignez la personne par son identifiant de connexion ou son numéro.",
    }

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int)):
            self.fail("type")
        personne = _personne(data)
        if personne is None:
            self.fail("inconnu", valeur=str(data).strip())
        return personne

    def to_representation(self, value):
        return value.get_username()


@extend_schema_serializer(component_name="Delegation")
class DelegationSerializer(serializers.ModelSerializer):
    delegant = PersonneField(read_only=True)
    delegant_nom = serializers.SerializerMethodField()
    delegataire = PersonneField(read_only=True)
    delegataire_nom = serializers.SerializerMethodField()
    etat = serializers.ChoiceField(choices=EtatDelegation.choices, read_only=True)
    etat_libelle = serializers.SerializerMethodField()

    class Meta:
        model = Delegation
        fields = [
            "id",
            "delegant",
            "delegant_nom",
            "delegataire",
            "delegataire_nom",
            "type",
            "nature",
            "classes_comptes",
            "montant_max",
            "debut",
            "fin",
            "specimen_signature",
            "notifiee_le",
            "retiree_le",
            "creee_le",
            "etat",
            "etat_libelle",
        ]

    def get_delegant_nom(self, delegation) -> str:
        return _nom(delegation.delegant)

    def get_delegataire_nom(self, delegation) -> str:
        return _nom(delegation.delegataire)

    def get_etat_libelle(self, delegation) -> str:
        return libelle_etat(delegation)


@extend_schema_serializer(component_name="DelegationSaisie")
class DelegationSaisieSerializer(serializers.Serializer):
    delegataire = PersonneField(help_text="Identifiant de connexion ou numéro du bénéficiaire")
    type = serializers.ChoiceField(choices=Delegation.Type.choices)
    nature = serializers.ChoiceField(choices=Delegation.Nature.choices)
    debut = ChampDateApi()
    fin = ChampDateApi()
    specimen_signature = serializers.CharField(max_length=500)
    montant_max = ChampMontantApi(
        required=False, allow_blank=True, default="", help_text="Vide : sans plafond"
    )
    classes_comptes = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="Débuts de numéro de compte séparés par des virgules ; vide : tous les comptes",
    )


@extend_schema_serializer(component_name="DelegationDate")
class DateActeSerializer(serializers.Serializer):
    le = ChampDateApi(
        required=False, default=None, allow_null=True, help_text="Par défaut : aujourd'hui"
    )


def _relue(delegation: Delegation) -> dict:
    return DelegationSerializer(registre_delegations().get(pk=delegation.pk)).data


# --- Views ---------------------------------------------------------------------------------


def _date(request, nom: str) -> datetime.date | None:
    texte = request.query_params.get(nom, "").strip()
    if not texte:
        return None
    try:
        lue = datetime.date.fromisoformat(texte)
    except ValueError:
        raise DonneeInvalide(
            f"Le paramètre « {nom} » doit être une date (AAAA-MM-JJ) : « {texte} »."
        ) from None
    return verifier_date(lue, f"Le paramètre « {nom} »")


def _filtre_personne(request, nom: str):
    texte = request.query_params.get(nom, "").strip()
    if not texte:
        return None
    personne = _personne(texte)
    if personne is None:
        raise DonneeInvalide(f"La personne « {texte} » n'existe pas.")
    return personne


def _filtre_choix(request, nom: str, choix) -> str | None:
    valeur = request.query_params.get(nom, "").strip()
    if valeur and valeur not in choix.values:
        raise DonneeInvalide(
            f"Le paramètre « {nom} » vaut l'un de : {', '.join(choix.values)} (reçu « {valeur} »)."
        )
    return valeur or None


DONNER = api_acte(
    actes.DONNER,
    operation_id="delegation_creer",
    entree=DelegationSaisieSerializer,
    sortie=_relue,
    reponse=DelegationSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Donner une délégation de signature ou de pouvoir (directeur, circ. 93/82 §1.0)",
)


@extend_schema_view(
    get=extend_schema(
        summary="Registre des délégations du directeur, avec leur état du jour",
        operation_id="delegations_liste",
        parameters=[
            OpenApiParameter("delegataire", str, description="Bénéficiaire (identifiant ou n°)"),
            OpenApiParameter("delegant", str, description="Auteur (identifiant ou n°)"),
            OpenApiParameter("nature", str, enum=Delegation.Nature.values),
            OpenApiParameter("type", str, enum=Delegation.Type.values),
            OpenApiParameter("etat", str, enum=EtatDelegation.values),
            OpenApiParameter(
                "le", datetime.date, description="Jour de l'état (par défaut : aujourd'hui)"
            ),
        ],
    ),
    post=extend_schema(
        request=DelegationSaisieSerializer,
        responses={201: DelegationSerializer},
        summary="Donner une délégation de signature ou de pouvoir (directeur, circ. 93/82 §1.0)",
        operation_id="delegations_donner",
    ),
)
class DelegationsApi(generics.ListAPIView, DONNER):
    """The register, read by everyone holding a function; its POST gives a
    delegation (the edge asks the act's droit for POST only)."""

    permission_classes = [LectureOuDroit]
    serializer_class = DelegationSerializer
    droit = actes.DONNER_DROIT

    def check_permissions(self, request):
        APIView.check_permissions(self, request)

    def get_queryset(self):
        r = self.request
        return registre_delegations(
            le=_date(r, "le") or horloge.aujourdhui(),
            delegataire=_filtre_personne(r, "delegataire"),
            delegant=_filtre_personne(r, "delegant"),
            nature=_filtre_choix(r, "nature", Delegation.Nature),
            type=_filtre_choix(r, "type", Delegation.Type),
            etat=_filtre_choix(r, "etat", EtatDelegation),
        )


class DelegationDetailApi(generics.RetrieveAPIView):
    permission_classes = [APourFonction]
    serializer_class = DelegationSerializer

    def get_queryset(self):
        return registre_delegations()

    def get_object(self):
        objet = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if objet is None:
            raise NotFound(f"La délégation n° {self.kwargs['pk']} n'existe pas.")
        return objet

    @extend_schema(summary="Une délégation et son état du jour", operation_id="delegation_detail")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


_INTROUVABLE = "La délégation n° {pk} n'existe pas."

DelegationNotifierApi = api_acte(
    actes.NOTIFIER,
    operation_id="delegation_notifier",
    queryset=Delegation.objects.all(),
    entree=DateActeSerializer,
    sortie=_relue,
    reponse=DelegationSerializer,
    resume="Enregistrer la notification d'une délégation (agent comptable, circ. 93/82 §1.0)",
    introuvable=_INTROUVABLE,
)
DelegationRetirerApi = api_acte(
    actes.RETIRER,
    operation_id="delegation_retirer",
    queryset=Delegation.objects.all(),
    entree=DateActeSerializer,
    sortie=_relue,
    reponse=DelegationSerializer,
    resume="Retirer une délégation (directeur, circ. 93/82 §1.0)",
    introuvable=_INTROUVABLE,
)
