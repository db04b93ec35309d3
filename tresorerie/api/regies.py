"""API of the régies de recettes et d'avances (circulaire 93/82, régies).

Everyone holding a function reads every régie; a régisseur who holds no
other function reads and acts on his own régie only: another's objects
answer 404. The acts are the services' (`tresorerie.actes_regies`)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound

from core.actes import api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from tresorerie import actes_regies as actes
from tresorerie.api.commun import CompteDisponibiliteField, ListeEtActe, UtilisateurField, acte_sur
from tresorerie.api.serializers import CompteDisponibiliteSerializer, EncaissementSerializer
from tresorerie.forms_regies import AIDE_COMPTE
from tresorerie.models import (
    ArreteRegie,
    AvanceRegie,
    CompteDisponibilite,
    ControleRegie,
    DepenseRegie,
    EtatDepensesRegie,
    OperationRegie,
    Regie,
    VersementRegie,
)
from tresorerie.services.regies import encaisse, regies_visibles

MONTANT = {"max_digits": 18, "decimal_places": 2}


# --- Sorties -------------------------------------------------------------------------------


class OperationRegieSerializer(serializers.ModelSerializer):
    compte = serializers.SlugRelatedField(slug_field="numero", read_only=True)

    class Meta:
        model = OperationRegie
        fields = ["id", "sens", "libelle", "compte", "nature_recette"]


class RegieSerializer(serializers.ModelSerializer):
    compte = serializers.CharField(
        source="compte.compte.numero",
        read_only=True,
        help_text="Numéro du compte de la régie (541x), comme sur les pages.",
    )
    compte_code = serializers.CharField(
        source="compte.code", read_only=True, help_text="Code du compte de disponibilités."
    )
    regisseur = serializers.SlugRelatedField(slug_field="username", read_only=True)
    operations = OperationRegieSerializer(many=True, read_only=True)
    encaisse = serializers.SerializerMethodField(help_text="Encaisse du régisseur aujourd'hui.")

    class Meta:
        model = Regie
        fields = [
            "id",
            "libelle",
            "type",
            "etat",
            "compte",
            "compte_code",
            "regisseur",
            "plafond_encaisse",
            "plafond_depense",
            "projet_le",
            "avis_favorable",
            "avis_le",
            "avis_observations",
            "decision_le",
            "acte_reference",
            "vise_instruction",
            "fin_le",
            "fin_reference",
            "operations",
            "encaisse",
        ]

    def get_encaisse(self, regie) -> str | None:
        if regie.etat == Regie.Etat.PROJET:
            return None
        return f"{encaisse(regie).theorique:.2f}"


class DepenseRegieSerializer(serializers.ModelSerializer):
    class Meta:
        model = DepenseRegie
        fields = ["id", "regie", "operation", "date", "beneficiaire", "objet", "piece", "montant"]


class EtatDepensesRegieSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)

    class Meta:
        model = EtatDepensesRegie
        fields = ["id", "reference", "regie", "etabli_le", "total", "admis_le", "observations"]


class AvanceRegieSerializer(serializers.ModelSerializer):
    class Meta:
        model = AvanceRegie
        fields = ["id", "regie", "date", "montant", "source", "ecriture"]


class VersementRegieSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)

    class Meta:
        model = VersementRegie
        fields = [
            "id",
            "reference",
            "regie",
            "remis_le",
            "montant",
            "etat",
            "recu_le",
            "destination",
            "ecriture",
            "observations",
        ]


class ArreteRegieSerializer(serializers.ModelSerializer):
    class Meta:
        model = ArreteRegie
        fields = [
            "id",
            "regie",
            "date",
            "comptage",
            "total_compte",
            "cheques_comptes",
            "cheques_non_verses",
            "solde_comptable",
            "remises_en_cours",
            "depenses_a_justifier",
            "encaisse_theorique",
            "ecart",
            "observations",
        ]


class ControleRegieSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)

    class Meta:
        model = ControleRegie
        fields = [
            "id",
            "reference",
            "regie",
            "date",
            "especes_comptees",
            "cheques_comptes",
            "cheques_non_verses",
            "solde_comptable",
            "encaisse_theorique",
            "ecart",
            "quittance_du",
            "quittance_au",
            "observations",
            "conclusion",
        ]


# --- Entrées -------------------------------------------------------------------------------


class OperationRegieSaisieSerializer(serializers.Serializer):
    sens = serializers.ChoiceField(choices=OperationRegie.Sens.choices)
    libelle = serializers.CharField(max_length=120)
    compte = serializers.CharField(
        max_length=40, help_text="Compte de produit (7) ou de charge (6)."
    )
    nature_recette = serializers.CharField(
        max_length=50, required=False, default="", allow_blank=True
    )


@extend_schema_field(OpenApiTypes.STR)
class CompteRegieField(CompteDisponibiliteField):
    """The régie's account of funds, given as the help says: its account number
    in the chart (« 5412 ») or its code (« REGIE »)."""

    default_error_messages = {
        "inconnu": "Aucun compte de disponibilités de régie ne porte le numéro ou le code "
        "« {valeur} » : l'agent comptable ouvre d'abord le compte de la régie (541x) "
        "(POST /api/tresorerie/regies-comptes/).",
        "type": "Désignez le compte de la régie par son numéro (5412) ou par son code.",
    }

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int)):
            self.fail("type")
        texte = str(data).strip()
        comptes = CompteDisponibilite.objects.select_related("compte")
        compte = comptes.filter(code=texte).first() or comptes.filter(compte__numero=texte).first()
        if compte is None:
            self.fail("inconnu", valeur=texte)
        return compte


class RegieProjetSerializer(serializers.Serializer):
    libelle = serializers.CharField(max_length=200)
    type = serializers.ChoiceField(choices=Regie.Type.choices)
    compte = CompteRegieField(help_text=AIDE_COMPTE)
    regisseur = UtilisateurField()
    plafond_encaisse = ChampMontantApi()
    plafond_depense = ChampMontantApi(required=False, allow_null=True, default=None)
    operations = OperationRegieSaisieSerializer(many=True)


class RegieAvisSerializer(serializers.Serializer):
    favorable = serializers.BooleanField()
    le = ChampDateApi()
    observations = serializers.CharField(
        max_length=4000, required=False, default="", allow_blank=True
    )


class RegieDecisionSerializer(serializers.Serializer):
    le = ChampDateApi()
    acte_reference = serializers.CharField(max_length=120)
    vise_instruction = serializers.BooleanField()


class RegieFinSerializer(serializers.Serializer):
    le = ChampDateApi()
    reference = serializers.CharField(max_length=120)


class RegieEncaissementSaisieSerializer(serializers.Serializer):
    operation = serializers.IntegerField(help_text="Identifiant de la nature de recette permise.")
    montant = ChampMontantApi()
    payeur = serializers.CharField(max_length=200)
    objet = serializers.CharField(max_length=255)
    moyen = serializers.ChoiceField(choices=["numeraire", "cheque"], default="numeraire")
    reference = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)


class RegieDepenseSaisieSerializer(serializers.Serializer):
    operation = serializers.IntegerField(help_text="Identifiant de la nature de dépense permise.")
    montant = ChampMontantApi()
    beneficiaire = serializers.CharField(max_length=200)
    objet = serializers.CharField(max_length=255)
    piece = serializers.CharField(max_length=120)


class RegieAvanceSaisieSerializer(serializers.Serializer):
    montant = ChampMontantApi()
    source = CompteDisponibiliteField()


class RegieVersementSaisieSerializer(serializers.Serializer):
    montant = ChampMontantApi(required=False, allow_null=True, default=None)
    observations = serializers.CharField(
        max_length=4000, required=False, default="", allow_blank=True
    )


class RegieRecevoirSerializer(serializers.Serializer):
    destination = CompteDisponibiliteField(help_text="La caisse (531) ou un compte externe.")


class RegieAdmettreSerializer(serializers.Serializer):
    observations = serializers.CharField(
        max_length=4000, required=False, default="", allow_blank=True
    )


class RegieArreteSaisieSerializer(serializers.Serializer):
    comptage = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        help_text="Billets et pièces : nombre par coupure (« 10 », « 0.50 »…).",
    )
    cheques = ChampMontantApi(
        required=False,
        allow_null=True,
        default=None,
        help_text="Total des chèques détenus, comptés (encaissés, non encore versés) ; "
        "absent : aucun.",
    )
    observations = serializers.CharField(
        max_length=4000, required=False, default="", allow_blank=True
    )


class RegieControleSaisieSerializer(serializers.Serializer):
    especes_comptees = ChampMontantApi()
    cheques_comptes = ChampMontantApi(
        required=False,
        allow_null=True,
        default=None,
        help_text="Total des chèques détenus par le régisseur, comptés ; absent : aucun.",
    )
    conclusion = serializers.ChoiceField(choices=ControleRegie.Conclusion.choices)
    observations = serializers.CharField(
        max_length=4000, required=False, default="", allow_blank=True
    )
    quittance_du = serializers.IntegerField(required=False, allow_null=True, default=None)
    quittance_au = serializers.IntegerField(required=False, allow_null=True, default=None)


class CompteRegieOuvertureSerializer(serializers.Serializer):
    libelle = serializers.CharField(max_length=200, help_text="Libellé du compte de la régie.")
    numero = serializers.CharField(
        max_length=12,
        required=False,
        default="",
        allow_blank=True,
        help_text="Subdivision du compte 541 (5412…) ; vide : celle qui suit la dernière 541x.",
    )
    code = serializers.CharField(
        max_length=20,
        required=False,
        default="",
        allow_blank=True,
        help_text="Code du compte de disponibilités ; vide : REGIE- suivi du numéro.",
    )


# --- Vues ----------------------------------------------------------------------------------


def _regies():
    return Regie.objects.select_related("compte__compte", "regisseur").prefetch_related(
        "operations__compte"
    )


class _Visible:
    """The act's droit is asked first (403 for who may not do it, as on the other
    endpoints); then the object of the URL must be one the person sees (his
    régie, for a régisseur): else 404."""

    def check_permissions(self, request):
        # The act's droit first (403), then whether the object is seen (404).
        super().check_permissions(request)
        pk = self.kwargs.get("pk")
        if pk is not None and request.user.is_authenticated:
            modele = self.acte_modele
            visibles = regies_visibles(request.user)
            filtre = {"pk": pk} if modele is Regie else {"pk": pk, "regie__in": visibles}
            qs = visibles if modele is Regie else modele.objects.all()
            if not qs.filter(**filtre).exists():
                raise NotFound(f"{self.libelle} n° {pk} n'existe pas.")


def _sur_regie(acte, entree, sortie_serializer, statut=status.HTTP_201_CREATED, resume=""):
    base = acte_sur(
        acte,
        queryset=Regie.objects.select_related("compte__compte"),
        libelle="La régie",
        entree=entree,
        sortie=lambda r: sortie_serializer(r).data,
        reponse=sortie_serializer,
        statut=statut,
        resume=resume,
    )
    return type(base.__name__, (_Visible, base), {"acte_modele": Regie, "libelle": "La régie"})


@extend_schema_view(
    get=extend_schema(
        summary="Régies de recettes et d'avances", responses=RegieSerializer(many=True)
    ),
    post=extend_schema(
        request=RegieProjetSerializer,
        responses={201: RegieSerializer},
        summary="Projeter une régie (le directeur), soumise à l'avis conforme de l'agent comptable",
    ),
)
class RegieListApi(
    ListeEtActe,
    acte_sur(
        actes.PROJETER,
        queryset=None,
        libelle="La régie",
        entree=RegieProjetSerializer,
        sortie=lambda r: RegieSerializer(_regies().get(pk=r.pk)).data,
        statut=status.HTTP_201_CREATED,
    ),
):
    serializer_class = RegieSerializer

    def get_queryset(self):
        return regies_visibles(self.request.user, _regies()).order_by("libelle")


@extend_schema(summary="Une régie")
class RegieDetailApi(generics.RetrieveAPIView):
    serializer_class = RegieSerializer

    def get_queryset(self):
        return regies_visibles(self.request.user, _regies())


CompteRegieOuvrirApi = api_acte(
    actes.COMPTE_OUVRIR,
    entree=CompteRegieOuvertureSerializer,
    sortie=lambda c: (
        CompteDisponibiliteSerializer(
            CompteDisponibilite.objects.select_related("compte", "compte_frais", "regisseur").get(
                pk=c.pk
            )
        ).data
    ),
    reponse=CompteDisponibiliteSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Ouvrir le compte d'une régie (l'agent comptable) : subdivision de 541 et compte de "
    "disponibilités de nature régie",
)

RegieAvisApi = _sur_regie(
    actes.AVIS,
    RegieAvisSerializer,
    RegieSerializer,
    status.HTTP_200_OK,
    "Rendre l'avis conforme (l'agent comptable)",
)
RegieDeciderApi = _sur_regie(
    actes.DECIDER,
    RegieDecisionSerializer,
    RegieSerializer,
    status.HTTP_200_OK,
    "Décider la création de la régie (le directeur, après avis conforme)",
)
RegieFermerApi = _sur_regie(
    actes.FERMER,
    RegieFinSerializer,
    RegieSerializer,
    status.HTTP_200_OK,
    "Mettre fin à la régie (le directeur)",
)
RegieEncaisserApi = _sur_regie(
    actes.ENCAISSER,
    RegieEncaissementSaisieSerializer,
    EncaissementSerializer,
    resume="Encaisser à la régie (le régisseur, quittance de son carnet)",
)
RegieDepenserApi = _sur_regie(
    actes.DEPENSER,
    RegieDepenseSaisieSerializer,
    DepenseRegieSerializer,
    resume="Payer une dépense de la régie d'avances (le régisseur)",
)
RegieEtatApi = _sur_regie(
    actes.ETAT,
    None,
    EtatDepensesRegieSerializer,
    resume="Transmettre l'état des dépenses payées (le régisseur)",
)
RegieAvanceApi = _sur_regie(
    actes.AVANCE,
    RegieAvanceSaisieSerializer,
    AvanceRegieSerializer,
    resume="Verser une avance à la régie (l'agent comptable)",
)
RegieVerserApi = _sur_regie(
    actes.VERSER,
    RegieVersementSaisieSerializer,
    VersementRegieSerializer,
    resume="Verser l'encaisse à l'agent comptable (le régisseur)",
)
RegieArreterApi = _sur_regie(
    actes.ARRETER,
    RegieArreteSaisieSerializer,
    ArreteRegieSerializer,
    resume="Arrêter la régie pour la journée (le régisseur)",
)
RegieControlerApi = _sur_regie(
    actes.CONTROLER,
    RegieControleSaisieSerializer,
    ControleRegieSerializer,
    resume="Contrôler la régie (l'agent comptable)",
)


def _sur(modele, acte, entree, sortie_serializer, libelle, resume):
    base = acte_sur(
        acte,
        queryset=modele.objects.all(),
        libelle=libelle,
        entree=entree,
        sortie=lambda o: sortie_serializer(o).data,
        reponse=sortie_serializer,
        resume=resume,
    )
    return type(base.__name__, (_Visible, base), {"acte_modele": modele, "libelle": libelle})


VersementRecevoirApi = _sur(
    VersementRegie,
    actes.RECEVOIR,
    RegieRecevoirSerializer,
    VersementRegieSerializer,
    "Le versement de régie",
    "Recevoir le versement d'une régie (l'agent comptable, jamais le régisseur)",
)
EtatAdmettreApi = _sur(
    EtatDepensesRegie,
    actes.ADMETTRE,
    RegieAdmettreSerializer,
    EtatDepensesRegieSerializer,
    "L'état des dépenses",
    "Admettre l'état des dépenses de la régie (l'agent comptable)",
)


class _ListeDeRegies(generics.ListAPIView):
    modele = None

    def get_queryset(self):
        return self.modele.objects.filter(regie__in=regies_visibles(self.request.user))


@extend_schema(summary="Versements des régies")
class VersementRegieListApi(_ListeDeRegies):
    modele = VersementRegie
    serializer_class = VersementRegieSerializer


@extend_schema(summary="Rapports de contrôle des régies")
class ControleRegieListApi(_ListeDeRegies):
    modele = ControleRegie
    serializer_class = ControleRegieSerializer


@extend_schema(summary="Arrêtés des régisseurs")
class ArreteRegieListApi(_ListeDeRegies):
    modele = ArreteRegie
    serializer_class = ArreteRegieSerializer


@extend_schema(summary="Dépenses payées par les régies d'avances")
class DepenseRegieListApi(_ListeDeRegies):
    modele = DepenseRegie
    serializer_class = DepenseRegieSerializer
