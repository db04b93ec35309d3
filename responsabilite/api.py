"""The API of the agent comptable's liability (circ. 93/82 §6.0, §6.1): the
register of débets (GET, for whoever holds a function — the auditors of the
tutelle among them —; a POST on it is refused, 403 in French: the register
is read, the acts have their own addresses) and one POST per act, the same
service, droits and French refusals as the pages."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from core.parseurs import ParseurFormulaire, ParseurJson, ParseurMultipart
from responsabilite import actes, selectors
from responsabilite.api_drass import AvisMinistresSortie, DossierDrassSortie
from responsabilite.droits import debiteur_seulement
from responsabilite.models import Demande, MiseEnCause, OrdreDebet
from tresorerie.models import ArreteCaisse

REGISTRE_LECTURE = (
    "Le registre des débets se consulte : la mise en cause, l'ordre de recette et leurs suites "
    "s'enregistrent chacun à sa propre adresse, par le directeur (circulaire 93/82 §6.1)."
)

_MONTANT = {"max_digits": 14, "decimal_places": 2}


class FonctionOuDebiteur(BasePermission):
    """API edge of the register and of the debtor's requests: a function in
    the fund, or a débet against oneself — the former agent comptable answers
    until the cessation of his functions (circ. 93/82 §VI) and is refused
    nothing of his own débet because he left. The act's droit and its service
    check the rest (the débet must be his)."""

    message = actes.LIRE_DROIT.refus

    def has_permission(self, request, view) -> bool:
        return actes.LIRE_DROIT.accorde(request.user)


class DebetSerializer(serializers.Serializer):
    mise_en_cause = serializers.IntegerField(source="mise.pk")
    ordre = serializers.IntegerField(source="ordre.pk", allow_null=True, default=None)
    reference = serializers.CharField(max_length=120)
    auteur = serializers.CharField(source="mise.auteur")
    faits_le = ChampDateApi(source="mise.faits_le")
    fraude = serializers.BooleanField(source="mise.fraude")
    etat = serializers.CharField(max_length=50)
    du = ChampMontantApi(**_MONTANT)
    paye = ChampMontantApi(**_MONTANT)
    rendu = serializers.DecimalField(
        help_text="ce que l'agent comptable avait payé des sommes accordées en décharge ou en "
        "remise gracieuse, rendu par l'organisme (4672)",
        **_MONTANT,
    )
    paye_net = serializers.DecimalField(
        help_text="payé par l'agent comptable, moins ce que l'organisme lui a rendu", **_MONTANT
    )
    decharge = ChampMontantApi(**_MONTANT)
    remis = ChampMontantApi(**_MONTANT)
    non_valeur = ChampMontantApi(**_MONTANT)
    recouvre = ChampMontantApi(**_MONTANT)
    recouvre_debet = ChampMontantApi(**_MONTANT)
    recouvre_organisme = ChampMontantApi(**_MONTANT)
    recouvre_agent = ChampMontantApi(**_MONTANT)
    reverse = ChampMontantApi(**_MONTANT)
    reste = ChampMontantApi(**_MONTANT)
    ouvert = serializers.BooleanField()


class ResponsableSerializer(serializers.Serializer):
    utilisateur = serializers.CharField(source="personne.username")
    nom = serializers.CharField(max_length=200)
    qualite = serializers.CharField(max_length=200)
    debets = DebetSerializer(many=True)


class RegistreApi(APIView):
    permission_classes = [FonctionOuDebiteur]

    @extend_schema(
        responses={200: ResponsableSerializer(many=True)},
        summary="Registre des débets, par agent comptable",
    )
    def get(self, request):
        actes.LIRE_DROIT.exiger(request.user)
        registre = selectors.registre()
        if debiteur_seulement(request.user):
            registre = [r for r in registre if r.personne.pk == request.user.pk]
        return Response(ResponsableSerializer(registre, many=True).data)

    @extend_schema(request=None, responses={403: None}, summary="Refusé : le registre se consulte")
    def post(self, request):
        raise PermissionDenied(REGISTRE_LECTURE)


class RequisitionSerializer(serializers.Serializer):
    ordre = serializers.CharField(source="ordre.reference")
    montant = ChampMontantApi(source="ordre.montant", **_MONTANT)
    requis_par = serializers.CharField(source="requis_par.username")
    qualite = serializers.CharField(max_length=200)
    requis_le = serializers.DateTimeField(source="le")
    defere_le = serializers.DateTimeField(source="reponse.le")
    motif = serializers.CharField(max_length=1000)


class RequisitionsApi(APIView):
    @extend_schema(
        responses={200: RequisitionSerializer(many=True)},
        summary="Réquisitions déférées : la responsabilité passe au directeur",
    )
    def get(self, request):
        actes.LIRE_DROIT.exiger(request.user)
        return Response(RequisitionSerializer(selectors.requisitions_deferees(), many=True).data)


class MiseEnCauseEntree(serializers.Serializer):
    auteur = serializers.ChoiceField(choices=MiseEnCause.Auteur.choices)
    decide_le = ChampDateApi()
    faits_le = ChampDateApi()
    motifs = serializers.CharField(max_length=4000)
    montant = ChampMontantApi(**_MONTANT)
    fraude = serializers.BooleanField(default=False)
    personne = serializers.CharField(
        max_length=200,
        allow_blank=True,
        allow_null=True,
        default=None,
        help_text="le fondé de pouvoir mis en cause (identifiant ou numéro), s'il l'était à la "
        "date des faits (circulaire 93/82 §6.2) ; vide : l'agent comptable en fonction à la "
        "date des faits",
    )


class MiseEnCauseSortie(serializers.Serializer):
    id = serializers.IntegerField()
    agent_comptable = serializers.CharField(
        source="agent_comptable.username", help_text="le comptable mis en cause"
    )
    qualite = serializers.SerializerMethodField()
    montant = ChampMontantApi(**_MONTANT)
    fraude = serializers.BooleanField()
    information_drass_le = ChampDateApi(allow_null=True)
    information_nationale_le = ChampDateApi(allow_null=True)
    avis_ministres = AvisMinistresSortie(
        source="avis_ministres_ou_rien", allow_null=True, read_only=True
    )

    def get_qualite(self, mise) -> str:
        return selectors.qualite_mise(mise)


class EmettreEntree(serializers.Serializer):
    compte = serializers.CharField(max_length=20)
    montant = ChampMontantApi(required=False, allow_null=True, **_MONTANT)


class ManquantEntree(serializers.Serializer):
    auteur = serializers.ChoiceField(choices=MiseEnCause.Auteur.choices)
    decide_le = ChampDateApi()


class DateEntree(serializers.Serializer):
    le = ChampDateApi()


class OrdreSortie(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField(max_length=120)
    agent_comptable = serializers.CharField(source="agent_comptable.username")
    montant = ChampMontantApi(**_MONTANT)
    compte = serializers.CharField(max_length=40)
    emis_le = ChampDateApi()
    etat = serializers.CharField(max_length=50)
    accuse_reception_le = ChampDateApi(allow_null=True)
    conseil_informe_le = ChampDateApi(allow_null=True)
    ecriture = serializers.IntegerField(source="ecriture.numero", allow_null=True, default=None)
    sursis_etat = serializers.CharField(max_length=50)
    sursis_demande_le = ChampDateApi(allow_null=True)
    sursis_decide_le = ChampDateApi(allow_null=True)
    sursis_decision = serializers.CharField(max_length=50)
    sursis_fin_le = ChampDateApi(allow_null=True)


class SursisDemandeEntree(serializers.Serializer):
    motifs = serializers.CharField(max_length=4000)


class SursisDecisionEntree(serializers.Serializer):
    accorde = serializers.BooleanField()
    decide_le = ChampDateApi()
    decision = serializers.CharField(max_length=120)
    fin_le = ChampDateApi(required=False, allow_null=True)


def _ordre(o):
    return OrdreSortie(o).data


MiseEnCauseApi = api_acte(
    actes.MISE_EN_CAUSE,
    entree=MiseEnCauseEntree,
    sortie=lambda m: MiseEnCauseSortie(m).data,
    reponse=MiseEnCauseSortie,
    statut=status.HTTP_201_CREATED,
    resume="Enregistrer la mise en cause de l'agent comptable (directeur)",
)
EmettreApi = api_acte(
    actes.EMETTRE,
    queryset=MiseEnCause.objects.all(),
    entree=EmettreEntree,
    sortie=_ordre,
    reponse=OrdreSortie,
    statut=status.HTTP_201_CREATED,
    resume="Émettre l'ordre de recette à l'encontre de l'agent comptable (directeur)",
    introuvable="La mise en cause n° {pk} n'existe pas.",
)
SurManquantApi = api_acte(
    actes.MANQUANT,
    queryset=ArreteCaisse.objects.select_related("compte__compte"),
    entree=ManquantEntree,
    sortie=_ordre,
    reponse=OrdreSortie,
    statut=status.HTTP_201_CREATED,
    resume="Émettre l'ordre de recette sur un manquant de caisse (directeur)",
    introuvable="L'arrêté de caisse n° {pk} n'existe pas.",
)
_ORDRES = OrdreDebet.objects.select_related("agent_comptable", "ecriture")
AccuseReceptionApi = api_acte(
    actes.ACCUSE_RECEPTION,
    queryset=_ORDRES,
    entree=DateEntree,
    sortie=_ordre,
    reponse=OrdreSortie,
    resume="Enregistrer l'avis de réception de la lettre recommandée (directeur)",
    introuvable="L'ordre de recette n° {pk} n'existe pas.",
)
ConseilInformeApi = api_acte(
    actes.CONSEIL_INFORME,
    queryset=_ORDRES,
    entree=DateEntree,
    sortie=_ordre,
    reponse=OrdreSortie,
    resume="Enregistrer l'information du conseil d'administration (directeur)",
    introuvable="L'ordre de recette n° {pk} n'existe pas.",
)
ComptabiliserApi = api_acte(
    actes.COMPTABILISER,
    queryset=_ORDRES,
    sortie=_ordre,
    reponse=OrdreSortie,
    resume="Comptabiliser le débet au compte 429 (agent comptable)",
    introuvable="L'ordre de recette n° {pk} n'existe pas.",
)
SursisDemanderApi = api_acte(
    actes.SURSIS_DEMANDER,
    queryset=_ORDRES,
    entree=SursisDemandeEntree,
    sortie=_ordre,
    reponse=OrdreSortie,
    resume="Demander le sursis de versement de son débet (agent comptable visé)",
    permissions=[FonctionOuDebiteur],
    introuvable="L'ordre de recette n° {pk} n'existe pas.",
)
SursisDeciderApi = api_acte(
    actes.SURSIS_DECIDER,
    queryset=_ORDRES,
    entree=SursisDecisionEntree,
    sortie=_ordre,
    reponse=OrdreSortie,
    resume="Enregistrer la décision sur le sursis de versement (directeur)",
    introuvable="L'ordre de recette n° {pk} n'existe pas.",
)


class DemandeEntree(serializers.Serializer):
    nature = serializers.ChoiceField(choices=Demande.Nature.choices)
    motifs = serializers.CharField(max_length=4000)
    montant = ChampMontantApi(required=False, allow_null=True, **_MONTANT)
    force_majeure = serializers.BooleanField(default=False)
    piece = serializers.FileField(
        required=False, help_text="Pièce prouvant la force majeure (PDF)."
    )


class ConseilEntree(serializers.Serializer):
    conseil_le = ChampDateApi()
    deliberation = serializers.CharField(max_length=120)
    montant = ChampMontantApi(**_MONTANT)


class ApprobationMinistresEntree(serializers.Serializer):
    approuvee = serializers.BooleanField()
    le = ChampDateApi()
    reference = serializers.CharField(max_length=120)


class DemandeSortie(serializers.Serializer):
    id = serializers.IntegerField()
    ordre = serializers.CharField(source="ordre.reference")
    nature = serializers.CharField(max_length=50)
    etat = serializers.CharField(max_length=50)
    demande_le = ChampDateApi()
    montant_demande = ChampMontantApi(**_MONTANT)
    force_majeure = serializers.BooleanField()
    piece_sha256 = serializers.CharField(max_length=64)
    conseil_le = ChampDateApi(allow_null=True)
    deliberation = serializers.CharField(max_length=200)
    montant_accorde = ChampMontantApi(allow_null=True, **_MONTANT)
    seuil = ChampMontantApi(allow_null=True, **_MONTANT)
    approbation_le = ChampDateApi(allow_null=True)
    approbation_reference = serializers.CharField(max_length=120)
    approuvee = serializers.BooleanField(allow_null=True)
    dossier_drass = DossierDrassSortie(
        source="dossier_drass_ou_rien", allow_null=True, read_only=True
    )


def _demande(d):
    return DemandeSortie(d).data


DemandeApi = api_acte(
    actes.DEMANDE,
    queryset=_ORDRES,
    entree=DemandeEntree,
    sortie=_demande,
    reponse=DemandeSortie,
    statut=status.HTTP_201_CREATED,
    resume="Demander la décharge de responsabilité ou la remise gracieuse (agent comptable visé)",
    permissions=[FonctionOuDebiteur],
    introuvable="L'ordre de recette n° {pk} n'existe pas.",
)
DemandeApi.parser_classes = [ParseurMultipart, ParseurFormulaire, ParseurJson]
_DEMANDES = Demande.objects.select_related("ordre")
DemandeConseilApi = api_acte(
    actes.DEMANDE_CONSEIL,
    queryset=_DEMANDES,
    entree=ConseilEntree,
    sortie=_demande,
    reponse=DemandeSortie,
    resume="Enregistrer la décision du conseil sur la demande (directeur)",
    introuvable="La demande n° {pk} n'existe pas.",
)
DemandeApprobationApi = api_acte(
    actes.DEMANDE_APPROBATION,
    queryset=_DEMANDES,
    entree=ApprobationMinistresEntree,
    sortie=_demande,
    reponse=DemandeSortie,
    resume="Enregistrer l'approbation des ministres sur la décision du conseil (directeur)",
    introuvable="La demande n° {pk} n'existe pas.",
)
