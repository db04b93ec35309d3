"""The API of the ministers' part (circ. 93/82 §6.2): the directeur's POST of
the DRASS file transmitted to the minister (multipart: the two copies as PDF)
and of the ministers' avis on a mise en cause by the tutelle; their outputs,
which the request's and the mise en cause's outputs carry (`api`)."""

from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers, status

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from core.parseurs import ParseurFormulaire, ParseurMultipart
from responsabilite import actes_drass
from responsabilite.models import Demande, MiseEnCause

_MONTANT = {"max_digits": 14, "decimal_places": 2}


class DossierDrassEntree(serializers.Serializer):
    transmis_le = ChampDateApi()
    revenus = ChampMontantApi(
        min_value=0,
        help_text="revenus de l'agent comptable sur la période en cause",
        **_MONTANT,
    )
    biens_immobiliers = ChampMontantApi(
        min_value=0, help_text="évaluation de ses biens immobiliers (0 s'il n'en a pas)", **_MONTANT
    )
    cautionnement = serializers.FileField(help_text="copie du contrat de cautionnement (PDF)")
    assurance = serializers.FileField(
        help_text="copie du contrat d'assurance responsabilité civile (PDF)"
    )


class DossierDrassSortie(serializers.Serializer):
    id = serializers.IntegerField()
    demande = serializers.IntegerField(source="demande_id")
    transmis_le = ChampDateApi()
    revenus = ChampMontantApi(**_MONTANT)
    biens_immobiliers = ChampMontantApi(**_MONTANT)
    cautionnement_sha256 = serializers.CharField(max_length=64)
    assurance_sha256 = serializers.CharField(max_length=64)
    cautionnement_url = serializers.SerializerMethodField()
    assurance_url = serializers.SerializerMethodField()

    def get_cautionnement_url(self, dossier) -> str:
        return reverse("responsabilite:copie_dossier_drass", args=[dossier.pk, "cautionnement"])

    def get_assurance_url(self, dossier) -> str:
        return reverse("responsabilite:copie_dossier_drass", args=[dossier.pk, "assurance"])


class AvisMinistresEntree(serializers.Serializer):
    transmis_le = ChampDateApi()
    avis_le = ChampDateApi()
    reference = serializers.CharField(max_length=120)
    favorable = serializers.BooleanField()


class AvisMinistresSortie(serializers.Serializer):
    id = serializers.IntegerField()
    mise_en_cause = serializers.IntegerField(source="mise_en_cause_id")
    seuil = ChampMontantApi(**_MONTANT)
    transmis_le = ChampDateApi()
    avis_le = ChampDateApi()
    avis_reference = serializers.CharField(max_length=120)
    favorable = serializers.BooleanField()


DossierDrassApi = api_acte(
    actes_drass.DOSSIER_DRASS,
    queryset=Demande.objects.select_related("ordre"),
    entree=DossierDrassEntree,
    sortie=lambda d: DossierDrassSortie(d).data,
    reponse=DossierDrassSortie,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer le dossier transmis par la DRASS au ministre (directeur)",
    introuvable="La demande n° {pk} n'existe pas.",
)
DossierDrassApi.parser_classes = [ParseurMultipart, ParseurFormulaire]
AvisMinistresApi = api_acte(
    actes_drass.AVIS_MINISTRES,
    queryset=MiseEnCause.objects.all(),
    entree=AvisMinistresEntree,
    sortie=lambda a: AvisMinistresSortie(a).data,
    reponse=AvisMinistresSortie,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer la transmission pour avis aux ministres et leur avis (directeur)",
    introuvable="La mise en cause n° {pk} n'existe pas.",
)
