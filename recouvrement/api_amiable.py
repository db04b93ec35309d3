"""The API of amicable recovery (`/api/recouvrement/amiable/…`): the claims due
and unpaid and a claim's file with its journal and échéanciers (GET, for
whoever holds a function — the auditors of the tutelle read, change
nothing), and one POST per act, the same services, droits and French
refusals as the pages."""

from __future__ import annotations

import base64
import binascii

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core import horloge
from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from recettes.models import LigneOrdreRecette
from recouvrement import actes_amiable as actes
from recouvrement import amiable
from recouvrement import amiable_lecture as lecture
from recouvrement.acces import LecteurRecouvrement
from recouvrement.models import Creance, DelaiPaiement, LotRelances

_MONTANT = {"max_digits": 18, "decimal_places": 2}
LIGNES = LigneOrdreRecette.objects.select_related("ordre")


class AmiableActeSerializer(serializers.Serializer):
    le = ChampDateApi()
    type = serializers.CharField(max_length=50)
    type_libelle = serializers.CharField(source="get_type_display")
    libelle = serializers.CharField()  # answered, never read: no input bound to document
    resultat = serializers.CharField()
    montant = ChampMontantApi(allow_null=True, **_MONTANT)
    auteur = serializers.CharField(source="auteur.username")
    qualite = serializers.CharField()


class AmiableCreanceSerializer(serializers.Serializer):
    ligne = serializers.IntegerField(
        source="ligne.pk", help_text="la ligne du débiteur (l'identifiant des actes)"
    )
    debiteur = serializers.CharField(max_length=200)
    ordre = serializers.CharField(source="ligne.ordre.reference")
    nature = serializers.CharField(source="ligne.ordre.nature")
    exigible_le = ChampDateApi(source="exigible")
    reste = ChampMontantApi(**_MONTANT)
    responsable = serializers.CharField(max_length=200)
    stade = serializers.CharField(max_length=50)
    relances = serializers.IntegerField(source="rang")
    echeancier_en_defaut = serializers.SerializerMethodField()

    def get_echeancier_en_defaut(self, obj) -> bool:
        return bool(obj.suivi and obj.suivi.en_defaut)


class AmiableEcheanceSerializer(serializers.Serializer):
    rang = serializers.IntegerField()
    le = ChampDateApi()
    montant = ChampMontantApi(**_MONTANT)
    couvert = ChampMontantApi(**_MONTANT)
    statut = serializers.CharField(max_length=50)


class AmiableDelaiSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="delai.pk")
    demande_le = ChampDateApi(source="delai.demande_le")
    demande_reference = serializers.CharField(source="delai.demande_reference")
    accorde_le = ChampDateApi(source="delai.accorde_le")
    qualite = serializers.CharField(source="delai.qualite")
    montant = ChampMontantApi(source="delai.montant", **_MONTANT)
    etat = serializers.CharField(source="delai.etat")
    paye = ChampMontantApi(**_MONTANT)
    en_defaut = serializers.BooleanField()
    echeances = AmiableEcheanceSerializer(many=True)


class AmiableDossierSerializer(serializers.Serializer):
    ligne = serializers.IntegerField()
    debiteur = serializers.CharField(max_length=200)
    ordre = serializers.CharField(max_length=40)
    reste = ChampMontantApi(**_MONTANT)
    responsable = serializers.CharField(max_length=200)
    stade = serializers.CharField(max_length=50)
    transmise_le = ChampDateApi(allow_null=True)
    compte_rendu = serializers.CharField(max_length=4000)
    delais = AmiableDelaiSerializer(many=True)
    actes = AmiableActeSerializer(many=True)


def dossier(ligne: LigneOrdreRecette) -> dict:
    le = horloge.aujourdhui()
    creance = Creance.objects.filter(ligne=ligne).first()
    return {
        "ligne": ligne.pk,
        "debiteur": ligne.debiteur,
        "ordre": ligne.ordre.reference,
        "reste": lecture.reste_de(ligne),
        "responsable": creance.responsable if creance else "",
        "stade": creance.stade if creance else Creance.Stade.PRISE_EN_CHARGE,
        "transmise_le": creance.transmise_le if creance else None,
        "compte_rendu": creance.compte_rendu if creance else "",
        "delais": [lecture.suivi(d, le) for d in creance.delais.all()] if creance else [],
        "actes": list(lecture.journal(creance)) if creance else [],
    }


class AmiableCreancesApi(APIView):
    permission_classes = [LecteurRecouvrement]

    @extend_schema(
        responses={200: AmiableCreanceSerializer(many=True)},
        summary="Créances exigibles impayées (recouvrement amiable)",
    )
    def get(self, request):
        liste = lecture.creances_impayees(horloge.aujourdhui())
        return Response(AmiableCreanceSerializer(liste, many=True).data)


class AmiableDossierApi(APIView):
    permission_classes = [LecteurRecouvrement]

    @extend_schema(
        responses={200: AmiableDossierSerializer},
        summary="Dossier d'une créance : reste, stade, délais, journal des actes",
    )
    def get(self, request, pk: int):
        ligne = get_object_or_404(LIGNES, pk=pk)
        return Response(AmiableDossierSerializer(dossier(ligne)).data)


class RelanceLigneSerializer(serializers.Serializer):
    ordre = serializers.CharField(source="creance.ligne.ordre.reference")
    ligne = serializers.IntegerField(source="creance.ligne_id")
    rang = serializers.IntegerField()
    reste = ChampMontantApi(**_MONTANT)


class RelanceLettreSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    debiteur = serializers.CharField(source="debiteur.nom")
    rang = serializers.IntegerField()
    total = ChampMontantApi(**_MONTANT)
    lignes = RelanceLigneSerializer(many=True)


class RelanceLotSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(max_length=120)
    le = ChampDateApi()
    par = serializers.CharField(source="par.username")
    qualite = serializers.CharField(max_length=200)
    lettres = RelanceLettreSerializer(many=True)


class RelanceLotEntree(serializers.Serializer):
    lignes = serializers.ListField(
        child=serializers.IntegerField(),
        allow_empty=False,
        help_text="les lignes des débiteurs à relancer (une lettre par débiteur)",
    )


class AmiableLotApi(APIView):
    permission_classes = [LecteurRecouvrement]

    @extend_schema(responses={200: RelanceLotSerializer}, summary="Lot de relances")
    def get(self, request, pk: int):
        return Response(RelanceLotSerializer(get_object_or_404(LotRelances, pk=pk)).data)


RelancerApi = api_acte(
    actes.RELANCER,
    entree=RelanceLotEntree,
    sortie=lambda lot: RelanceLotSerializer(lot).data,
    reponse=RelanceLotSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Établir un lot de relances (une lettre par débiteur)",
)


class AmiableEcheanceEntree(serializers.Serializer):
    le = ChampDateApi()
    montant = ChampMontantApi(**_MONTANT)


class AmiableDelaiEntree(serializers.Serializer):
    demande_le = ChampDateApi(help_text="date de la lettre du débiteur")
    demande_reference = serializers.CharField(
        max_length=120, required=False, allow_blank=True, default=""
    )
    demande_fichier_nom = serializers.CharField(
        max_length=255, required=False, allow_blank=True, default=""
    )
    demande_fichier_base64 = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="la lettre du débiteur (PDF, PNG ou JPEG) encodée en base64",
    )
    motif = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    echeances = AmiableEcheanceEntree(many=True)

    def validate(self, attrs):
        contenu = attrs.pop("demande_fichier_base64", "")
        nom = attrs.pop("demande_fichier_nom", "") or "demande.pdf"
        if contenu:
            try:
                attrs["demande_fichier"] = (nom, base64.b64decode(contenu, validate=True))
            except (binascii.Error, ValueError):
                raise serializers.ValidationError(
                    {"demande_fichier_base64": "La lettre jointe n'est pas en base64."}
                ) from None
        attrs["echeances"] = [
            amiable.EcheanceSaisie(e["le"], e["montant"]) for e in attrs["echeances"]
        ]
        return attrs


class AmiableDelaiAccordeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    ligne = serializers.IntegerField(source="creance.ligne_id")
    accorde_le = ChampDateApi()
    montant = ChampMontantApi(**_MONTANT)
    etat = serializers.CharField(max_length=50)
    defaillance_le = ChampDateApi(allow_null=True)
    echeances = AmiableEcheanceEntree(many=True)


DelaiAccorderApi = api_acte(
    actes.DELAI,
    queryset=LIGNES,
    entree=AmiableDelaiEntree,
    sortie=lambda d: AmiableDelaiAccordeSerializer(d).data,
    reponse=AmiableDelaiAccordeSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Accorder un délai de paiement sur la demande écrite du débiteur",
    introuvable="La ligne d'ordre de recette n° {pk} n'existe pas.",
)
DefaillanceApi = api_acte(
    actes.DEFAILLANCE,
    queryset=DelaiPaiement.objects.select_related("creance"),
    sortie=lambda d: AmiableDelaiAccordeSerializer(d).data,
    reponse=AmiableDelaiAccordeSerializer,
    resume="Constater la défaillance d'un échéancier",
    introuvable="Le délai de paiement n° {pk} n'existe pas.",
)


class AmiableTransmissionEntree(serializers.Serializer):
    compte_rendu = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class AmiableTransmiseSerializer(serializers.Serializer):
    ligne = serializers.IntegerField(source="ligne_id")
    debiteur = serializers.CharField(source="debiteur.nom")
    responsable = serializers.CharField(max_length=200)
    stade = serializers.CharField(max_length=50)
    transmise_le = ChampDateApi()
    transmise_par = serializers.CharField(source="transmise_par.username")
    compte_rendu = serializers.CharField(max_length=4000)


TransmettreApi = api_acte(
    actes.TRANSMETTRE,
    queryset=LIGNES,
    entree=AmiableTransmissionEntree,
    sortie=lambda c: AmiableTransmiseSerializer(c).data,
    reponse=AmiableTransmiseSerializer,
    resume="Transmettre au directeur l'échec du recouvrement amiable, avec son dossier",
    introuvable="La ligne d'ordre de recette n° {pk} n'existe pas.",
)
