"""API of the surveillance part of recovery (`/api/recouvrement/`): the
situations individuelles (annexe art. 13 al. 5-6, readable by the tutelle at
any time), the état nominatif semestriel (al. 7), what falls due, and the
acts of the surveillance (circ. 93/82 §2.0.4, §2.0.5), each through
`core.actes.api_acte`."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from core import horloge
from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from recouvrement import a_echoir as registre
from recouvrement import actes_surveillance as actes
from recouvrement import etat_nominatif as en
from recouvrement.models import Debiteur
from recouvrement.models_surveillance import ContratConserve, Garantie, Liste
from recouvrement.situation import debiteurs_en_contentieux, situation
from recouvrement.surveillance import pour_qui

_MONTANT = {"max_digits": 18, "decimal_places": 2}


def _lire(request) -> None:
    actes.LIRE_DROIT.exiger(request.user)


# --- Reads -----------------------------------------------------------------------------


class SituationDebiteurSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nom = serializers.CharField(max_length=200)
    compte = serializers.CharField(source="compte.numero")
    qualite = serializers.CharField(max_length=200)
    regime = serializers.CharField(max_length=50)
    forme = serializers.CharField(max_length=50)


class SituationCreanceSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="creance.pk")
    ordre = serializers.CharField(max_length=40)
    nature = serializers.CharField(max_length=50)
    objet = serializers.CharField(max_length=500)
    montant = ChampMontantApi(**_MONTANT)
    reste = ChampMontantApi(**_MONTANT)
    stade = serializers.CharField(max_length=50)
    responsable = serializers.CharField(max_length=200)


class SituationActeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    le = ChampDateApi()
    type = serializers.CharField(max_length=50)
    type_libelle = serializers.CharField(source="get_type_display")
    libelle = serializers.CharField()  # answered, never read: no input bound to document
    resultat = serializers.CharField()
    montant = ChampMontantApi(allow_null=True, **_MONTANT)
    qualite = serializers.CharField()
    creance = serializers.IntegerField(source="creance_id", allow_null=True)


class GarantieRecouvrementSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    debiteur = serializers.IntegerField(source="debiteur_id")
    creance = serializers.IntegerField(source="creance_id", allow_null=True)
    nature = serializers.CharField(max_length=50)
    objet = serializers.CharField(max_length=500)
    montant = ChampMontantApi(**_MONTANT)
    prise_le = ChampDateApi()
    inscrite_le = ChampDateApi(allow_null=True)
    bureau = serializers.CharField(max_length=200)
    peremption_le = ChampDateApi(allow_null=True)
    signalee_le = ChampDateApi(allow_null=True)
    renouvelee_le = ChampDateApi(allow_null=True)
    etat = serializers.CharField(max_length=50)
    mainlevee_le = ChampDateApi(allow_null=True)


class SituationIndividuelleSerializer(serializers.Serializer):
    debiteur = SituationDebiteurSerializer()
    montant = ChampMontantApi(**_MONTANT)
    reste = ChampMontantApi(**_MONTANT)
    creances = SituationCreanceSerializer(many=True)
    actes = SituationActeSerializer(many=True)
    garanties = GarantieRecouvrementSerializer(many=True)


class SituationsApi(APIView):
    @extend_schema(
        responses={200: SituationDebiteurSerializer(many=True)},
        summary="Débiteurs en recouvrement contentieux (situations individuelles)",
    )
    def get(self, request):
        _lire(request)
        return Response(SituationDebiteurSerializer(debiteurs_en_contentieux(), many=True).data)


class SituationApi(APIView):
    @extend_schema(
        responses={200: SituationIndividuelleSerializer},
        summary="Situation individuelle d'un débiteur : actes, résultats, garanties, créances",
    )
    def get(self, request, pk: int):
        _lire(request)
        debiteur = Debiteur.objects.select_related("compte").filter(pk=pk).first()
        if debiteur is None:
            raise NotFound(f"Le débiteur n° {pk} n'existe pas.")
        return Response(SituationIndividuelleSerializer(situation(debiteur)).data)


class EtatNominatifLigneSerializer(serializers.Serializer):
    procedure = serializers.CharField(max_length=50)
    procedure_libelle = serializers.CharField(max_length=200)
    debiteur = serializers.CharField(max_length=200)
    compte = serializers.CharField(max_length=40)
    qualite = serializers.CharField(max_length=200)
    ordres = serializers.ListField(child=serializers.CharField())
    montant = ChampMontantApi(**_MONTANT)
    reste = ChampMontantApi(**_MONTANT)
    dernier_acte = serializers.CharField(max_length=200)
    dernier_acte_le = ChampDateApi(allow_null=True)


class EnvoiEtatNominatifSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    annee = serializers.IntegerField()
    semestre = serializers.IntegerField()
    arrete_au = ChampDateApi()
    envoye_le = ChampDateApi()
    reference = serializers.CharField(max_length=120)
    qualite = serializers.CharField(max_length=200)
    debiteurs = serializers.IntegerField()
    montant = ChampMontantApi(**_MONTANT)
    en_retard = serializers.BooleanField()


class EtatNominatifSerializer(serializers.Serializer):
    arrete_au = ChampDateApi()
    limite = ChampDateApi()
    debiteurs = serializers.IntegerField()
    reste = ChampMontantApi(**_MONTANT)
    lignes = EtatNominatifLigneSerializer(many=True)
    envoi = EnvoiEtatNominatifSerializer(allow_null=True)


class EtatNominatifApi(APIView):
    @extend_schema(
        responses={200: EtatNominatifSerializer},
        summary="État nominatif des débiteurs par nature de procédure, arrêté au 30 juin ou au "
        "31 décembre",
    )
    def get(self, request, annee: int, semestre: int):
        _lire(request)
        if semestre not in (1, 2):
            raise NotFound("Un semestre est le premier (1) ou le second (2).")
        s = en.Semestre(annee, semestre)
        aujourdhui = horloge.aujourdhui()
        etat = en.etat_au(s.arrete_au if aujourdhui > s.arrete_au else aujourdhui)
        return Response(
            EtatNominatifSerializer(
                {
                    "arrete_au": etat.arrete_au,
                    "limite": s.limite,
                    "debiteurs": etat.debiteurs,
                    "reste": etat.reste,
                    "lignes": etat.lignes,
                    "envoi": en.envoi_du(s),
                }
            ).data
        )


class AEchoirRecouvrementSerializer(serializers.Serializer):
    le = ChampDateApi()
    jours = serializers.IntegerField(help_text="jours restants ; négatif : en retard")
    quoi = serializers.CharField()  # answered, never read: no input bound to document
    qui = serializers.CharField()
    nature = serializers.CharField()
    debiteur = serializers.CharField()
    url = serializers.CharField()


class EcheancesRecouvrementApi(APIView):
    @extend_schema(
        responses={200: AEchoirRecouvrementSerializer(many=True)},
        summary="Échéances du recouvrement de qui demande (tout, pour la tutelle), "
        "la plus proche d'abord",
    )
    def get(self, request):
        _lire(request)
        aujourdhui = horloge.aujourdhui()
        qui, _ = pour_qui(request.user)
        items = [
            {**e.__dict__, "jours": e.jours(aujourdhui)} for e in registre.a_echoir(aujourdhui, qui)
        ]
        return Response(AEchoirRecouvrementSerializer(items, many=True).data)


# --- Acts --------------------------------------------------------------------------------


class GarantieEntree(serializers.Serializer):
    nature = serializers.ChoiceField(choices=Garantie.Nature.choices)
    objet = serializers.CharField(max_length=255)
    montant = ChampMontantApi(**_MONTANT)
    prise_le = ChampDateApi()
    creance = serializers.IntegerField(required=False, allow_null=True)
    inscrite_le = ChampDateApi(required=False, allow_null=True)
    bureau = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    peremption_le = ChampDateApi(required=False, allow_null=True)


class PeremptionSignalerEntree(serializers.Serializer):
    signalee_le = ChampDateApi()


class InscriptionRenouvelerEntree(serializers.Serializer):
    renouvelee_le = ChampDateApi()
    peremption_le = ChampDateApi()


class GarantieMainleveeEntree(serializers.Serializer):
    mainlevee_le = ChampDateApi()
    motif = serializers.CharField(max_length=255)


class ContratConserveSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    nature = serializers.ChoiceField(choices=ContratConserve.Nature.choices)
    objet = serializers.CharField(max_length=255)
    cocontractant = serializers.CharField(max_length=200)
    debut = ChampDateApi()
    expire_le = ChampDateApi()
    preavis_mois = serializers.IntegerField(min_value=1, max_value=24, default=6)
    original = serializers.CharField(max_length=200)
    directeur_informe_le = ChampDateApi(read_only=True, allow_null=True)


class ContratInformerEntree(serializers.Serializer):
    informe_le = ChampDateApi()


class PeriodiciteListeSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    liste = serializers.ChoiceField(choices=Liste.choices)
    mois = serializers.IntegerField(min_value=1, max_value=12)
    a_compter_du = ChampDateApi()


class EnvoiListeEntree(serializers.Serializer):
    liste = serializers.ChoiceField(choices=Liste.choices)
    le = ChampDateApi()


class EnvoiListeSortie(serializers.Serializer):
    id = serializers.IntegerField()
    liste = serializers.CharField(max_length=50)
    le = ChampDateApi()
    qualite = serializers.CharField(max_length=200)
    nombre = serializers.IntegerField()
    montant = ChampMontantApi(**_MONTANT)


class EtatNominatifEnvoiEntree(serializers.Serializer):
    annee = serializers.IntegerField()
    semestre = serializers.ChoiceField(choices=[1, 2])
    envoye_le = ChampDateApi()
    reference = serializers.CharField(max_length=120)


_GARANTIE = {
    "sortie": lambda g: GarantieRecouvrementSerializer(g).data,
    "reponse": GarantieRecouvrementSerializer,
}
_INTROUVABLE_G = "La garantie n° {pk} n'existe pas."

GarantieApi = api_acte(
    actes.GARANTIE,
    queryset=Debiteur.objects.all(),
    entree=GarantieEntree,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer une garantie ou une sûreté sur un débiteur (directeur, agent comptable)",
    introuvable="Le débiteur n° {pk} n'existe pas.",
    **_GARANTIE,
)
SignalerApi = api_acte(
    actes.SIGNALER,
    queryset=Garantie.objects.all(),
    entree=PeremptionSignalerEntree,
    resume="Péremption d'une inscription hypothécaire signalée au directeur (agent comptable)",
    introuvable=_INTROUVABLE_G,
    **_GARANTIE,
)
RenouvelerApi = api_acte(
    actes.RENOUVELER,
    queryset=Garantie.objects.all(),
    entree=InscriptionRenouvelerEntree,
    resume="Renouvellement d'une inscription hypothécaire",
    introuvable=_INTROUVABLE_G,
    **_GARANTIE,
)
MainleveeApi = api_acte(
    actes.MAINLEVEE,
    queryset=Garantie.objects.all(),
    entree=GarantieMainleveeEntree,
    resume="Mainlevée d'une garantie",
    introuvable=_INTROUVABLE_G,
    **_GARANTIE,
)
ContratApi = api_acte(
    actes.CONTRAT,
    entree=ContratConserveSerializer,
    sortie=lambda c: ContratConserveSerializer(c).data,
    reponse=ContratConserveSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer un bail, contrat ou titre conservé par l'agent comptable",
)
InformerApi = api_acte(
    actes.INFORMER,
    queryset=ContratConserve.objects.all(),
    entree=ContratInformerEntree,
    sortie=lambda c: ContratConserveSerializer(c).data,
    reponse=ContratConserveSerializer,
    resume="Directeur informé de l'expiration d'un bail, contrat ou titre (agent comptable)",
    introuvable="Le bail, contrat ou titre n° {pk} n'existe pas.",
)
PeriodiciteApi = api_acte(
    actes.PERIODICITE,
    entree=PeriodiciteListeSerializer,
    sortie=lambda p: PeriodiciteListeSerializer(p).data,
    reponse=PeriodiciteListeSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Fixer la périodicité d'une liste adressée au directeur (directeur)",
)
EnvoiListeApi = api_acte(
    actes.LISTE,
    entree=EnvoiListeEntree,
    sortie=lambda e: EnvoiListeSortie(e).data,
    reponse=EnvoiListeSortie,
    statut=status.HTTP_201_CREATED,
    resume="Adresser au directeur une liste du recouvrement (agent comptable)",
)
EtatNominatifEnvoiApi = api_acte(
    actes.ETAT_NOMINATIF,
    entree=EtatNominatifEnvoiEntree,
    sortie=lambda e: EnvoiEtatNominatifSerializer(e).data,
    reponse=EnvoiEtatNominatifSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer l'envoi à la caisse de l'état nominatif semestriel (directeur)",
)
