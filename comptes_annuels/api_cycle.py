"""The API of the comptes annuels' life after the board (circ. 93/82 §IV;
D613-41): the timeline of an exercise (GET, for whoever reads the comptes
annuels), and one POST per act, the same service, droits and French
refusals as the page (403 for the wrong function). Each act answers with
the timeline."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from comptes_annuels import actes, actes_cycle, selectors_cycle
from comptes_annuels.models_cycle import Approbation
from core import horloge
from core.actes import ActeApi
from core.champs_api import ChampDateApi
from ledger.models import Exercice


class PeutLire(BasePermission):
    message = actes.LIRE_DROIT.refus

    def has_permission(self, request, view) -> bool:
        return actes.LIRE_DROIT.accorde(request.user)


class EtapeSerializer(serializers.Serializer):
    nom = serializers.CharField(max_length=200)
    date = ChampDateApi(allow_null=True)
    reference = serializers.CharField(max_length=120)
    detail = serializers.CharField(max_length=1000)
    etat = serializers.CharField(
        max_length=50, help_text="fait, en retard, à faire, facultatif, sans objet"
    )


class BeneficiaireSerializer(serializers.Serializer):
    utilisateur = serializers.CharField(max_length=200)
    nom = serializers.CharField(max_length=200)
    qualite = serializers.CharField(max_length=200, help_text="agent_comptable ou fonde_de_pouvoir")
    avis_favorable = serializers.BooleanField(
        allow_null=True, help_text="Dernier avis de l'agent comptable (fondé de pouvoir)."
    )
    quitus_le = ChampDateApi(allow_null=True)
    deliberation = serializers.CharField(max_length=200, allow_null=True)
    debets_ouverts = serializers.ListField(
        child=serializers.CharField(),
        help_text="Débets encore ouverts pour des faits de l'exercice (registre des débets).",
    )


class VieDesComptesSerializer(serializers.Serializer):
    exercice = serializers.IntegerField()
    caisse_nationale = serializers.BooleanField()
    limite_transmission = ChampDateApi()
    article_limite = serializers.CharField(max_length=50)
    transmis_le = ChampDateApi(allow_null=True)
    en_retard = serializers.BooleanField(
        help_text="Transmis après le dernier jour, ou non transmis et le dernier jour passé."
    )
    approuve_par = serializers.CharField(
        max_length=200, allow_null=True, help_text="drass ou ministre"
    )
    approuve_le = ChampDateApi(allow_null=True)
    etapes = EtapeSerializer(many=True)
    beneficiaires = BeneficiaireSerializer(many=True)


def _vie(exercice: Exercice) -> dict:
    vie = selectors_cycle.vie_des_comptes(exercice, horloge.aujourdhui())
    t, a = vie.transmission, vie.approbation
    return VieDesComptesSerializer(
        {
            "exercice": exercice.annee,
            "caisse_nationale": vie.limite.caisse_nationale,
            "limite_transmission": vie.limite.jour,
            "article_limite": vie.limite.article,
            "transmis_le": t.transmis_le if t else None,
            "en_retard": vie.en_retard,
            "approuve_par": a.autorite if a else None,
            "approuve_le": a.approuve_le if a else None,
            "etapes": [vars(e) for e in vie.etapes()],
            "beneficiaires": [
                {
                    "utilisateur": b.comptable.utilisateur.get_username(),
                    "nom": b.comptable.nom,
                    "qualite": b.comptable.qualite,
                    "avis_favorable": b.avis.favorable if b.avis else None,
                    "quitus_le": b.quitus.donne_le if b.quitus else None,
                    "deliberation": b.quitus.deliberation if b.quitus else None,
                    "debets_ouverts": [str(d) for d in b.debets],
                }
                for b in vie.beneficiaires
            ],
        }
    ).data


class VieDesComptesApi(APIView):
    """Where the comptes annuels of an exercise stand after the board."""

    permission_classes = [PeutLire]

    @extend_schema(
        responses=VieDesComptesSerializer,
        summary="Vie des comptes annuels après l'arrêté du conseil (transmission, approbation, "
        "quitus)",
    )
    def get(self, request, annee: int):
        return Response(_vie(get_object_or_404(Exercice, annee=annee)))


_PERSONNE = {"slug_field": "username", "queryset": get_user_model().objects.all()}


class TransmissionEntree(serializers.Serializer):
    le = ChampDateApi()
    reference = serializers.CharField(max_length=200)


class AvisCodecEntree(serializers.Serializer):
    le = ChampDateApi()
    favorable = serializers.BooleanField()
    observations = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class RenvoiEntree(serializers.Serializer):
    le = ChampDateApi()
    reference = serializers.CharField(max_length=200)


class ApprobationEntree(serializers.Serializer):
    autorite = serializers.ChoiceField(choices=Approbation.Autorite.choices)
    le = ChampDateApi()
    reference = serializers.CharField(max_length=200)


class QuitusEntree(serializers.Serializer):
    le = ChampDateApi()
    deliberation = serializers.CharField(max_length=200)
    beneficiaire = serializers.SlugRelatedField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Identifiant ; absent : l'agent comptable en fonction pendant l'exercice.",
        **_PERSONNE,
    )


class AvisFondeEntree(serializers.Serializer):
    fonde = serializers.SlugRelatedField(help_text="Identifiant du fondé de pouvoir.", **_PERSONNE)
    favorable = serializers.BooleanField()
    texte = serializers.CharField(max_length=4000)
    le = ChampDateApi(required=False, allow_null=True, default=None)


class _ActeVie(ActeApi):
    entree = None
    statut = status.HTTP_201_CREATED

    def post(self, request, annee: int):
        exercice = get_object_or_404(Exercice, annee=annee)
        saisie = self.entree(data=request.data)
        saisie.is_valid(raise_exception=True)
        self.acte.executer(request.user, exercice, dict(saisie.validated_data))
        return Response(_vie(exercice), status=self.statut)


def _api(slug: str, entree, resume: str) -> type[_ActeVie]:
    acte = actes_cycle.ACTES[slug][0]

    def post(self, request, annee: int):
        return _ActeVie.post(self, request, annee)

    # The schema goes on the method, as `core.actes.api_acte` does: an
    # operation id set on the class would be shared by all its methods.
    schema = extend_schema(
        request=entree,
        responses={201: VieDesComptesSerializer},
        summary=resume,
        operation_id=f"comptes_annuels_vie_{slug.replace('-', '_')}",
    )
    return type(
        f"Api_{acte.nom.replace('.', '_')}",
        (_ActeVie,),
        {"acte": acte, "entree": entree, "__doc__": resume, "post": schema(post)},
    )


ACTES_API = {
    "transmission": _api(
        "transmission",
        TransmissionEntree,
        "Enregistrer la transmission des comptes annuels au comité d'examen et à la DRASS "
        "(directeur)",
    ),
    "avis-codec": _api(
        "avis-codec", AvisCodecEntree, "Enregistrer l'avis du comité d'examen (directeur)"
    ),
    "renvoi-ministre": _api(
        "renvoi-ministre",
        RenvoiEntree,
        "Enregistrer la transmission des comptes au ministre par la DRASS (directeur)",
    ),
    "approbation": _api(
        "approbation",
        ApprobationEntree,
        "Enregistrer l'approbation des comptes annuels (directeur)",
    ),
    "quitus": _api("quitus", QuitusEntree, "Enregistrer le quitus du conseil (directeur)"),
    "avis-fonde": _api(
        "avis-fonde",
        AvisFondeEntree,
        "Enregistrer l'avis de l'agent comptable sur le quitus d'un fondé de pouvoir",
    ),
}
