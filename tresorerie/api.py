"""API of the treasury: accounts of funds, carnets, receipts and their
quittances, restes à recouvrer, payment batches, bank statements and their
reconciliation, arrêtés de caisse.

Everyone holding a function reads (the auditor and the directeur read
everything); acts call the same services as the pages, so the same checks and
the same French messages apply; errors come as `{"code", "message", "details"}`.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Model, Prefetch, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.exceptions import APIException, NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import SAFE_METHODS
from rest_framework.response import Response
from rest_framework.views import APIView

from core import horloge
from core.exceptions import DonneeInvalide
from core.permissions import APourFonction, EstComptable
from ledger.models import Exercice, Ligne
from recettes.api import OrdreSerializer as OrdreRecetteSerializer
from recettes.models import Nature as NatureRecette
from recettes.models import OrdreRecette
from tresorerie import selectors, services
from tresorerie.models import (
    Affectation,
    ArreteCaisse,
    Carnet,
    CompteDisponibilite,
    Encaissement,
    LigneReleve,
    LotPaiement,
    Paiement,
    Quittance,
    Rapprochement,
    Releve,
)

# A statement of a year of a busy account stays far below this.
TAILLE_MAXIMALE_RELEVE = 50 * 1024 * 1024


def _euros(valeur) -> str | None:
    return None if valeur is None else f"{valeur:.2f}"


def _montant():
    return serializers.DecimalField(max_digits=18, decimal_places=2, read_only=True)


# --- Permissions -------------------------------------------------------------------


class LectureOuComptable(EstComptable):
    """Reading for everyone holding a function (with APourFonction); writing for
    the agent comptable or his fondé de pouvoir (checked again in the services)."""

    def has_permission(self, request, view) -> bool:
        return request.method in SAFE_METHODS or super().has_permission(request, view)


class PdfIndisponible(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = "L'édition des quittances en PDF n'est pas disponible sur ce serveur."
    default_code = "pdf_indisponible"


# --- Input fields ------------------------------------------------------------------


@extend_schema_field(OpenApiTypes.STR)
class CompteDisponibiliteField(serializers.Field):
    """An account of funds given by its code (« CAISSE ») or its identifier."""

    default_error_messages = {
        "inconnu": "Le compte de disponibilités « {valeur} » n'existe pas.",
        "type": "Désignez le compte de disponibilités par son code ou son identifiant.",
    }

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int)):
            self.fail("type")
        texte = str(data).strip()
        compte = CompteDisponibilite.objects.select_related("compte").filter(code=texte).first()
        if compte is None and texte.isdigit():
            compte = CompteDisponibilite.objects.select_related("compte").filter(pk=texte).first()
        if compte is None:
            self.fail("inconnu", valeur=texte)
        return compte

    def to_representation(self, value):
        return value.code


@extend_schema_field(OpenApiTypes.STR)
class UtilisateurField(serializers.Field):
    """A person given by their login or identifier."""

    default_error_messages = {
        "inconnu": "La personne « {valeur} » n'existe pas.",
        "type": "Désignez la personne par son identifiant de connexion ou son numéro.",
    }

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, (str, int)):
            self.fail("type")
        texte = str(data).strip()
        modele = get_user_model()
        personne = modele.objects.filter(**{modele.USERNAME_FIELD: texte}).first()
        if personne is None and texte.isdigit():
            personne = modele.objects.filter(pk=texte).first()
        if personne is None:
            self.fail("inconnu", valeur=texte)
        return personne

    def to_representation(self, value):
        return value.get_username()


def _liste_identifiants(libelle: str, **kwargs):
    return serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        allow_empty=False,
        error_messages={
            "empty": f"Donnez au moins {libelle}.",
            "not_a_list": f"Donnez une liste d'identifiants ({libelle}).",
        },
        **kwargs,
    )


# --- Output serializers ----------------------------------------------------------


class CompteDisponibiliteSerializer(serializers.ModelSerializer):
    nature_libelle = serializers.CharField(source="get_nature_display")
    compte = serializers.CharField(source="compte.numero")
    compte_libelle = serializers.CharField(source="compte.libelle")
    compte_frais = serializers.SlugRelatedField(slug_field="code", read_only=True)
    regisseur = serializers.SlugRelatedField(slug_field="username", read_only=True)
    solde_comptable = serializers.SerializerMethodField()
    solde_au = serializers.SerializerMethodField()

    class Meta:
        model = CompteDisponibilite
        fields = [
            "id",
            "code",
            "libelle",
            "nature",
            "nature_libelle",
            "compte",
            "compte_libelle",
            "etablissement",
            "iban",
            "bic",
            "compte_frais",
            "regisseur",
            "ouvert_le",
            "actif",
            "credits_seulement",
            "solde_comptable",
            "solde_au",
        ]

    def get_solde_comptable(self, compte) -> str:
        """Book balance (debit positive) at the end of today, à-nouveaux included."""
        return _euros(selectors.solde_comptable(compte.compte.numero, horloge.aujourdhui()))

    def get_solde_au(self, compte) -> datetime.date:
        return horloge.aujourdhui()


class CarnetSerializer(serializers.ModelSerializer):
    type_libelle = serializers.CharField(source="get_type_display")
    compte = serializers.CharField(source="compte.code")
    titulaire = serializers.CharField(source="titulaire.username")
    ouvert_par = serializers.CharField(source="ouvert_par.username")
    clos_par = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Carnet
        fields = [
            "id",
            "type",
            "type_libelle",
            "serie",
            "compte",
            "titulaire",
            "premier_numero",
            "dernier_numero",
            "dernier_utilise",
            "restants",
            "ouvert",
            "ouvert_le",
            "ouvert_par",
            "clos_le",
            "clos_par",
        ]


class QuittanceSerializer(serializers.ModelSerializer):
    reference = serializers.CharField()
    nature_libelle = serializers.CharField(source="get_nature_display")
    carnet = serializers.CharField(source="carnet.serie")
    emise_par = serializers.CharField(source="emise_par.username")
    annule = serializers.SerializerMethodField()
    annulee_par = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField()

    class Meta:
        model = Quittance
        fields = [
            "id",
            "reference",
            "nature",
            "nature_libelle",
            "carnet",
            "numero",
            "encaissement",
            "montant",
            "emise_le",
            "emise_par",
            "signataire",
            "qualite",
            "motif",
            "annule",
            "annulee_par",
            "empreinte",
            "pdf",
        ]

    def get_annule(self, quittance) -> str | None:
        """Reference of the document this one cancels."""
        return quittance.annule.reference if quittance.annule_id else None

    def get_annulee_par(self, quittance) -> str | None:
        """Reference of the document that cancels this one."""
        annulation = getattr(quittance, "annulee_par", None)
        return annulation.reference if annulation is not None else None

    def get_pdf(self, quittance) -> str:
        return reverse("api_tresorerie_quittance_pdf", args=[quittance.pk])


class AffectationSerializer(serializers.ModelSerializer):
    ordre_reference = serializers.SerializerMethodField()
    debiteur = serializers.SerializerMethodField()
    par = serializers.CharField(source="par.username")

    class Meta:
        model = Affectation
        fields = [
            "id",
            "ordre",
            "ordre_reference",
            "ligne",
            "debiteur",
            "montant",
            "remboursement",
            "le",
            "par",
            "ecriture",
        ]

    def get_ordre_reference(self, affectation) -> str | None:
        return affectation.ordre.reference if affectation.ordre_id else None

    def get_debiteur(self, affectation) -> str | None:
        return affectation.ligne.debiteur if affectation.ligne_id else None


class EncaissementSerializer(serializers.ModelSerializer):
    reference_interne = serializers.CharField()
    exercice = serializers.IntegerField(source="exercice.annee")
    compte = serializers.CharField(source="compte.code")
    moyen_libelle = serializers.CharField(source="get_moyen_display")
    recu_par = serializers.CharField(source="recu_par.username")
    compte_produit = serializers.SlugRelatedField(slug_field="numero", read_only=True)
    excedent = serializers.SerializerMethodField()

    class Meta:
        model = Encaissement
        fields = [
            "id",
            "reference_interne",
            "exercice",
            "date",
            "compte",
            "moyen",
            "moyen_libelle",
            "montant",
            "payeur",
            "objet",
            "reference",
            "sans_titre",
            "compte_produit",
            "nature_recette",
            "regularise_par",
            "etat",
            "excedent",
            "recu_par",
            "recu_le",
            "ecriture",
            "motif_annulation",
            "ecriture_annulation",
        ]

    def get_excedent(self, encaissement) -> str:
        """What waits in 4711, not allocated nor refunded."""
        if encaissement.etat == Encaissement.Etat.ANNULE or encaissement.sans_titre:
            return "0.00"
        affecte = getattr(encaissement, "total_affecte", None)
        if affecte is None:
            return _euros(services.excedent(encaissement))
        return _euros(encaissement.montant - affecte)


class EncaissementDetailSerializer(EncaissementSerializer):
    affectations = AffectationSerializer(many=True)
    documents = QuittanceSerializer(many=True, source="quittances")

    class Meta(EncaissementSerializer.Meta):
        fields = EncaissementSerializer.Meta.fields + ["affectations", "documents"]


class PaiementSerializer(serializers.ModelSerializer):
    ordre_reference = serializers.CharField(source="ordre.reference")

    class Meta:
        model = Paiement
        fields = [
            "id",
            "ordre",
            "ordre_reference",
            "ligne",
            "opposition",
            "beneficiaire",
            "iban",
            "bic",
            "montant",
            "bout_en_bout",
        ]


class LotSerializer(serializers.ModelSerializer):
    reference = serializers.CharField()
    exercice = serializers.IntegerField(source="exercice.annee")
    compte = serializers.CharField(source="compte.code")
    moyen_libelle = serializers.CharField(source="get_moyen_display")
    cree_par = serializers.CharField(source="cree_par.username")
    pain001 = serializers.SerializerMethodField()

    class Meta:
        model = LotPaiement
        fields = [
            "id",
            "reference",
            "exercice",
            "compte",
            "moyen",
            "moyen_libelle",
            "date",
            "nombre",
            "total",
            "message_id",
            "empreinte_fichier",
            "ecriture",
            "cree_par",
            "cree_le",
            "pain001",
        ]

    def get_pain001(self, lot) -> str | None:
        """Where to download the transfer file (transfers only)."""
        if not lot.empreinte_fichier:
            return None
        return reverse("api_tresorerie_lot_pain001", args=[lot.pk])


class LotDetailSerializer(LotSerializer):
    paiements = PaiementSerializer(many=True)

    class Meta(LotSerializer.Meta):
        fields = LotSerializer.Meta.fields + ["paiements"]


class RapprochementSerializer(serializers.ModelSerializer):
    lignes_ecriture = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    par = serializers.CharField(source="par.username")

    class Meta:
        model = Rapprochement
        fields = ["id", "mode", "explication", "lignes_ecriture", "par", "le"]


class LigneReleveSerializer(serializers.ModelSerializer):
    etat = serializers.SerializerMethodField()
    rapprochement = serializers.SerializerMethodField()

    class Meta:
        model = LigneReleve
        fields = [
            "id",
            "releve",
            "date_operation",
            "date_valeur",
            "montant",
            "sens",
            "libelle",
            "reference",
            "reference_banque",
            "contrepartie",
            "etat",
            "rapprochement",
        ]

    @staticmethod
    def _rapprochement(ligne) -> Rapprochement | None:
        return getattr(ligne, "rapprochement", None)

    def get_etat(self, ligne) -> str:
        """a_rapprocher, rapprochee (automatique or manuel) or expliquee."""
        rapprochement = self._rapprochement(ligne)
        if rapprochement is None:
            return "a_rapprocher"
        if rapprochement.mode == Rapprochement.Mode.EXPLIQUE:
            return "expliquee"
        return "rapprochee"

    @extend_schema_field(RapprochementSerializer(allow_null=True))
    def get_rapprochement(self, ligne):
        rapprochement = self._rapprochement(ligne)
        return RapprochementSerializer(rapprochement).data if rapprochement else None


class ReleveSerializer(serializers.ModelSerializer):
    compte = serializers.CharField(source="compte.code")
    importe_par = serializers.CharField(source="importe_par.username")
    nombre_lignes = serializers.SerializerMethodField()
    lignes_rapprochees = serializers.SerializerMethodField()

    class Meta:
        model = Releve
        fields = [
            "id",
            "compte",
            "format",
            "identifiant",
            "date_debut",
            "date_fin",
            "solde_ouverture",
            "solde_cloture",
            "nom_fichier",
            "empreinte",
            "importe_par",
            "importe_le",
            "nombre_lignes",
            "lignes_rapprochees",
        ]

    def get_nombre_lignes(self, releve) -> int:
        nombre = getattr(releve, "nombre_lignes", None)
        return releve.lignes.count() if nombre is None else nombre

    def get_lignes_rapprochees(self, releve) -> int:
        """Lines matched with the books or explained."""
        nombre = getattr(releve, "lignes_rapprochees", None)
        if nombre is None:
            return releve.lignes.filter(rapprochement__isnull=False).count()
        return nombre


class ReleveDetailSerializer(ReleveSerializer):
    lignes = serializers.SerializerMethodField()

    class Meta(ReleveSerializer.Meta):
        fields = ReleveSerializer.Meta.fields + ["lignes"]

    @extend_schema_field(LigneReleveSerializer(many=True))
    def get_lignes(self, releve):
        return LigneReleveSerializer(_lignes_releve().filter(releve=releve), many=True).data


class ArreteSerializer(serializers.ModelSerializer):
    compte = serializers.CharField(source="compte.code")
    nature_ecart = serializers.CharField()
    par = serializers.CharField(source="par.username")

    class Meta:
        model = ArreteCaisse
        fields = [
            "id",
            "compte",
            "date",
            "comptage",
            "total_compte",
            "solde_comptable",
            "ecart",
            "nature_ecart",
            "ecriture",
            "observations",
            "par",
            "le",
        ]


class LigneLivreSerializer(serializers.ModelSerializer):
    """A book line of the account of funds, as the reconciliation shows it."""

    ecriture = serializers.IntegerField(source="ecriture_id")
    journal = serializers.CharField(source="ecriture.journal.code")
    numero = serializers.IntegerField(source="ecriture.numero")
    date = serializers.DateField(source="ecriture.date")
    piece = serializers.CharField(source="ecriture.piece")
    libelle_ecriture = serializers.CharField(source="ecriture.libelle")

    class Meta:
        model = Ligne
        fields = [
            "id",
            "ecriture",
            "journal",
            "numero",
            "date",
            "piece",
            "libelle_ecriture",
            "libelle",
            "tiers",
            "debit",
            "credit",
        ]


class EtatRapprochementSerializer(serializers.Serializer):
    compte = serializers.CharField(source="compte.code")
    au = serializers.DateField()
    releve = serializers.SerializerMethodField()
    solde_comptable = _montant()
    solde_bancaire = serializers.DecimalField(
        max_digits=18, decimal_places=2, read_only=True, allow_null=True
    )
    debits_non_releves = _montant()
    credits_non_releves = _montant()
    releve_hors_livres = _montant()
    solde_bancaire_reconstitue = _montant()
    ecart = serializers.DecimalField(
        max_digits=18, decimal_places=2, read_only=True, allow_null=True
    )
    ecritures_non_rapprochees = LigneLivreSerializer(many=True)
    releve_non_rapproche = LigneReleveSerializer(many=True)
    releve_explique = LigneReleveSerializer(many=True)

    @extend_schema_field(ReleveSerializer(allow_null=True))
    def get_releve(self, etat):
        return ReleveSerializer(etat.releve).data if etat.releve else None


class ResteDebiteurSerializer(serializers.Serializer):
    debiteur = serializers.CharField()
    compte = serializers.CharField()
    ordres = serializers.IntegerField()
    pris_en_charge = _montant()
    reduit = _montant()
    recouvre = _montant()
    reste = _montant()
    solde_comptable = _montant()


class TotauxRestesSerializer(serializers.Serializer):
    pris_en_charge = _montant()
    reduit = _montant()
    recouvre = _montant()
    reste = _montant()
    comptable = _montant()
    ecart_comptable = _montant()


# --- Input serializers -------------------------------------------------------------


class CarnetOuvrirSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=Carnet.Type.choices)
    compte = CompteDisponibiliteField()
    titulaire = UtilisateurField(
        required=False, help_text="Identifiant de connexion ; par défaut l'agent comptable."
    )
    serie = serializers.CharField(max_length=20)
    premier_numero = serializers.IntegerField(min_value=1, max_value=999_999, default=1)
    dernier_numero = serializers.IntegerField(min_value=1, max_value=999_999, default=500)


class RepartitionSerializer(serializers.Serializer):
    ligne = serializers.IntegerField(
        min_value=1, help_text="Identifiant du débiteur (ligne) de l'ordre de recette."
    )
    montant = serializers.CharField(max_length=24)


class EncaissementSaisieSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField(help_text="Code (« CAISSE ») ou identifiant.")
    moyen = serializers.ChoiceField(choices=Encaissement.Moyen.choices)
    montant = serializers.CharField(max_length=24, help_text="En euros, par exemple « 1234.56 ».")
    payeur = serializers.CharField(max_length=200)
    objet = serializers.CharField(max_length=255)
    date = serializers.DateField(required=False, allow_null=True, default=None)
    reference = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)
    recu = serializers.BooleanField(required=False, default=False)
    repartitions = RepartitionSerializer(many=True, required=False, default=list)


class SansTitreSaisieSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField()
    moyen = serializers.ChoiceField(choices=Encaissement.Moyen.choices)
    montant = serializers.CharField(max_length=24)
    payeur = serializers.CharField(max_length=200)
    objet = serializers.CharField(max_length=255)
    compte_produit = serializers.CharField(max_length=12, help_text="Compte de produit (classe 7).")
    nature_recette = serializers.ChoiceField(choices=NatureRecette.choices)
    date = serializers.DateField(required=False, allow_null=True, default=None)
    reference = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)
    recu = serializers.BooleanField(required=False, default=False)


class AffecterSerializer(serializers.Serializer):
    ligne = serializers.IntegerField(
        min_value=1, help_text="Identifiant du débiteur (ligne) de l'ordre de recette."
    )
    montant = serializers.CharField(max_length=24)


class RembourserSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField(help_text="Compte d'où part le remboursement.")
    montant = serializers.CharField(max_length=24)
    reference = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)


class MotifAnnulationSerializer(serializers.Serializer):
    motif = serializers.CharField(max_length=1000)


class RegularisationSerializer(serializers.Serializer):
    annee = serializers.IntegerField(min_value=1900, max_value=2999)
    mois = serializers.IntegerField(
        min_value=1,
        max_value=12,
        error_messages={
            "min_value": "Le mois va de 1 à 12.",
            "max_value": "Le mois va de 1 à 12.",
        },
    )


class VirementSaisieSerializer(serializers.Serializer):
    de = CompteDisponibiliteField(help_text="Compte débité par la banque : code ou identifiant.")
    vers = CompteDisponibiliteField(help_text="Compte crédité : code ou identifiant.")
    montant = serializers.CharField(max_length=24)
    date = serializers.DateField(required=False, allow_null=True, default=None)
    libelle = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)


class FraisSaisieSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField(help_text="Compte dont ce sont les frais.")
    montant = serializers.CharField(max_length=24)
    libelle = serializers.CharField(max_length=200)
    date = serializers.DateField(required=False, allow_null=True, default=None)
    ligne_releve = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Ligne de relevé à rapprocher."
    )


class EcritureCreeeSerializer(serializers.Serializer):
    ecriture = serializers.CharField()
    ecriture_id = serializers.IntegerField()


class LotSaisieSerializer(serializers.Serializer):
    ordres = _liste_identifiants("un ordre de dépense visé à payer")
    compte = CompteDisponibiliteField(help_text="Compte débité : code ou identifiant.")
    moyen = serializers.ChoiceField(
        choices=LotPaiement.Moyen.choices, default=LotPaiement.Moyen.VIREMENT
    )
    date = serializers.DateField(required=False, allow_null=True, default=None)


class ReleveImportSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField()
    fichier = serializers.FileField(help_text="camt.053.001.02, ou CSV de la banque.")
    solde_ouverture = serializers.CharField(
        max_length=24,
        required=False,
        default=None,
        allow_null=True,
        allow_blank=True,
        help_text="Obligatoire pour un CSV (le fichier ne le donne pas), signé.",
    )

    def validate_fichier(self, fichier):
        if fichier.size > TAILLE_MAXIMALE_RELEVE:
            raise serializers.ValidationError(
                f"Le fichier dépasse {TAILLE_MAXIMALE_RELEVE // (1024 * 1024)} Mo."
            )
        return fichier


class RapprocherSerializer(serializers.Serializer):
    lignes = _liste_identifiants(
        "une ligne d'écriture du compte à rapprocher",
        help_text="Identifiants des lignes d'écriture (grand livre) du compte.",
    )


class ExpliquerSerializer(serializers.Serializer):
    explication = serializers.CharField(max_length=1000)


class ArreteSaisieSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField()
    date = serializers.DateField(required=False, allow_null=True, default=None)
    comptage = serializers.DictField(
        child=serializers.IntegerField(),
        help_text='Nombre par coupure ou pièce, par exemple {"500": 2, "0.50": 3}.',
    )
    observations = serializers.CharField(required=False, default="", allow_blank=True)

    def validate_comptage(self, comptage):
        # The service matches each key with a denomination but lets a key that is
        # not a finite number escape as decimal.InvalidOperation (a 500): such a
        # key is refused here, in the service's words.
        for coupure in comptage:
            try:
                valeur = Decimal(str(coupure).replace(",", "."))
            except InvalidOperation:
                valeur = None
            if valeur is None or not valeur.is_finite():
                raise serializers.ValidationError(
                    f"« {coupure} » n'est pas une coupure ou une pièce en euros."
                )
        return comptage


# --- Querysets and helpers ---------------------------------------------------------


def _encaissements():
    return (
        Encaissement.objects.select_related("exercice", "compte", "recu_par", "compte_produit")
        .annotate(total_affecte=Coalesce(Sum("affectations__montant"), Decimal("0")))
        .order_by("-date", "-id")
    )


def _encaissement_detail(encaissement: Encaissement, statut=status.HTTP_200_OK) -> Response:
    relu = _encaissements().prefetch_related(
        _affectations_prefetch(), _quittances_prefetch("quittances")
    )
    return Response(EncaissementDetailSerializer(relu.get(pk=encaissement.pk)).data, status=statut)


def _affectations_prefetch():
    return Prefetch(
        "affectations",
        queryset=Affectation.objects.select_related("ordre__exercice", "ligne", "par"),
    )


def _quittances_prefetch(chemin: str):
    return Prefetch(chemin, queryset=_quittances())


def _quittances():
    return Quittance.objects.select_related(
        "carnet", "emise_par", "annule__carnet", "annulee_par__carnet"
    ).order_by("carnet__serie", "numero")


def _lots():
    return LotPaiement.objects.select_related("exercice", "compte", "cree_par").defer("fichier")


def _lignes_releve():
    return (
        LigneReleve.objects.select_related("rapprochement__par")
        .prefetch_related("rapprochement__lignes_ecriture")
        .order_by("date_operation", "id")
    )


def _releves():
    return Releve.objects.select_related("compte", "importe_par").annotate(
        nombre_lignes=Count("lignes", distinct=True),
        lignes_rapprochees=Count("lignes__rapprochement", distinct=True),
    )


def _trouver(source: type[Model] | QuerySet, pk: int, libelle: str):
    """The object of the URL, or a 404 in French."""
    qs = source if isinstance(source, QuerySet) else source._default_manager.all()
    objet = qs.filter(pk=pk).first()
    if objet is None:
        raise NotFound(f"{libelle} n° {pk} n'existe pas.")
    return objet


def _date_parametre(request, nom: str) -> datetime.date | None:
    texte = request.query_params.get(nom, "").strip()
    if not texte:
        return None
    try:
        return datetime.date.fromisoformat(texte)
    except ValueError:
        raise DonneeInvalide(
            f"Le paramètre « {nom} » doit être une date (AAAA-MM-JJ) : « {texte} »."
        ) from None


def _filtre_compte(qs, request, chemin: str = "compte"):
    code = request.query_params.get("compte", "").strip()
    if not code:
        return qs
    if code.isdigit():
        return qs.filter(**{f"{chemin}__pk": int(code)})
    return qs.filter(**{f"{chemin}__code": code})


PARAMETRE_COMPTE = OpenApiParameter(
    "compte", str, description="Code (« BANQUE ») ou identifiant du compte de disponibilités"
)


# --- Comptes et carnets ------------------------------------------------------------


@extend_schema(summary="Comptes de disponibilités, avec leur solde comptable du jour")
class CompteListApi(generics.ListAPIView):
    serializer_class = CompteDisponibiliteSerializer

    def get_queryset(self):
        return CompteDisponibilite.objects.select_related(
            "compte", "compte_frais", "regisseur"
        ).order_by("compte__numero")


@extend_schema_view(
    get=extend_schema(
        summary="Carnets à souches de quittances et de reçus",
        parameters=[
            PARAMETRE_COMPTE,
            OpenApiParameter("ouverts", bool, description="seulement les carnets ouverts"),
        ],
    ),
    post=extend_schema(
        request=CarnetOuvrirSerializer,
        responses={201: CarnetSerializer},
        summary="Ouvrir un carnet à souches (agent comptable, circ. 93/82 §2.0.6)",
    ),
)
class CarnetListApi(generics.ListAPIView):
    serializer_class = CarnetSerializer
    permission_classes = [APourFonction, LectureOuComptable]

    def get_queryset(self):
        qs = Carnet.objects.select_related("compte", "titulaire", "ouvert_par", "clos_par")
        qs = _filtre_compte(qs, self.request)
        if self.request.query_params.get("ouverts") in ("1", "true", "oui"):
            qs = qs.filter(clos_le__isnull=True)
        return qs.order_by("-ouvert_le", "-id")

    def post(self, request):
        entree = CarnetOuvrirSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        carnet = services.carnet_ouvrir(
            acting_user=request.user,
            type=d["type"],
            compte=d["compte"],
            titulaire=d.get("titulaire") or request.user,
            serie=d["serie"],
            premier_numero=d["premier_numero"],
            dernier_numero=d["dernier_numero"],
        )
        return Response(CarnetSerializer(carnet).data, status=status.HTTP_201_CREATED)


@extend_schema(
    request=None,
    responses=CarnetSerializer,
    summary="Clore un carnet à souches (ses numéros restants ne servent plus)",
)
class CarnetCloreApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request, pk: int):
        carnet = _trouver(Carnet, pk, "Le carnet")
        carnet = services.carnet_clore(acting_user=request.user, carnet=carnet)
        relu = Carnet.objects.select_related("compte", "titulaire", "ouvert_par", "clos_par")
        return Response(CarnetSerializer(relu.get(pk=carnet.pk)).data)


# --- Encaissements ------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        summary="Encaissements",
        parameters=[
            PARAMETRE_COMPTE,
            OpenApiParameter("etat", str, enum=Encaissement.Etat.values),
            OpenApiParameter("moyen", str, enum=Encaissement.Moyen.values),
            OpenApiParameter("payeur", str, description="partie versante (contient)"),
            OpenApiParameter("du", OpenApiTypes.DATE),
            OpenApiParameter("au", OpenApiTypes.DATE),
            OpenApiParameter(
                "a_affecter", bool, description="seulement ceux dont un excédent attend en 4711"
            ),
        ],
    ),
    post=extend_schema(
        request=EncaissementSaisieSerializer,
        responses={201: EncaissementDetailSerializer},
        summary="Enregistrer un encaissement et le répartir sur des ordres de recette "
        "(circ. 93/82 §2.0.6)",
    ),
)
class EncaissementListApi(generics.ListAPIView):
    serializer_class = EncaissementSerializer

    def get_queryset(self):
        qs = _filtre_compte(_encaissements(), self.request)
        p = self.request.query_params
        if p.get("etat"):
            qs = qs.filter(etat=p["etat"])
        if p.get("moyen"):
            qs = qs.filter(moyen=p["moyen"])
        if p.get("payeur"):
            qs = qs.filter(payeur__icontains=p["payeur"])
        du, au = _date_parametre(self.request, "du"), _date_parametre(self.request, "au")
        if du:
            qs = qs.filter(date__gte=du)
        if au:
            qs = qs.filter(date__lte=au)
        if p.get("a_affecter") in ("1", "true", "oui"):
            qs = qs.filter(
                etat=Encaissement.Etat.ENREGISTRE, sans_titre=False, total_affecte__lt=F("montant")
            )
        return qs

    def post(self, request):
        entree = EncaissementSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        encaissement = services.encaissement_enregistrer(
            acting_user=request.user,
            compte=d["compte"],
            moyen=d["moyen"],
            montant=d["montant"],
            payeur=d["payeur"],
            objet=d["objet"],
            date=d["date"],
            reference=d["reference"],
            recu=d["recu"],
            repartitions=[
                services.Repartition(ligne=r["ligne"], montant=r["montant"])
                for r in d["repartitions"]
            ],
        )
        return _encaissement_detail(encaissement, status.HTTP_201_CREATED)


@extend_schema(
    summary="Un encaissement, ses affectations, ses quittances ou reçus et son excédent",
    responses=EncaissementDetailSerializer,
)
class EncaissementDetailApi(APIView):
    def get(self, request, pk: int):
        encaissement = _trouver(Encaissement, pk, "L'encaissement")
        return _encaissement_detail(encaissement)


class _ActeEncaissement(APIView):
    """One act on one receipt: validate the body, call the service, return the receipt."""

    permission_classes = [APourFonction, EstComptable]
    entree = None
    statut = status.HTTP_200_OK

    def post(self, request, pk: int):
        donnees = {}
        if self.entree is not None:
            serialiseur = self.entree(data=request.data)
            serialiseur.is_valid(raise_exception=True)
            donnees = serialiseur.validated_data
        encaissement = _trouver(Encaissement, pk, "L'encaissement")
        self.agir(request.user, encaissement, donnees)
        return _encaissement_detail(encaissement, self.statut)


@extend_schema(
    request=AffecterSerializer,
    responses={201: EncaissementDetailSerializer},
    summary="Affecter l'excédent d'un encaissement (4711) à un ordre de recette",
)
class EncaissementAffecterApi(_ActeEncaissement):
    entree = AffecterSerializer
    statut = status.HTTP_201_CREATED

    def agir(self, user, encaissement, d):
        services.excedent_affecter(
            acting_user=user, encaissement=encaissement, ligne=d["ligne"], montant=d["montant"]
        )


@extend_schema(
    request=RembourserSerializer,
    responses={201: EncaissementDetailSerializer},
    summary="Rembourser un trop-perçu à la partie versante",
)
class EncaissementRembourserApi(_ActeEncaissement):
    entree = RembourserSerializer
    statut = status.HTTP_201_CREATED

    def agir(self, user, encaissement, d):
        services.excedent_rembourser(
            acting_user=user,
            encaissement=encaissement,
            compte=d["compte"],
            montant=d["montant"],
            reference=d["reference"],
        )


@extend_schema(
    request=None,
    responses={201: EncaissementDetailSerializer},
    summary="Délivrer un reçu demandé après coup (circ. 93/82 §2.0.6)",
)
class EncaissementRecuApi(_ActeEncaissement):
    statut = status.HTTP_201_CREATED

    def agir(self, user, encaissement, d):
        services.recu_delivrer(acting_user=user, encaissement=encaissement)


@extend_schema(
    request=MotifAnnulationSerializer,
    responses=EncaissementDetailSerializer,
    summary="Annuler un encaissement (contrepassation ; quittances annulées par un nouveau "
    "document)",
)
class EncaissementAnnulerApi(_ActeEncaissement):
    entree = MotifAnnulationSerializer

    def agir(self, user, encaissement, d):
        services.encaissement_annuler(acting_user=user, encaissement=encaissement, motif=d["motif"])


@extend_schema(
    request=SansTitreSaisieSerializer,
    responses={201: EncaissementDetailSerializer},
    summary="Encaisser sans ordre préalable sur un contrat géré par l'agent comptable (4713)",
)
class EncaissementSansTitreApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request):
        entree = SansTitreSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        encaissement = services.encaissement_sans_titre(
            acting_user=request.user, **entree.validated_data
        )
        return _encaissement_detail(encaissement, status.HTTP_201_CREATED)


@extend_schema(
    request=RegularisationSerializer,
    responses={201: OrdreRecetteSerializer(many=True)},
    summary="Préparer les ordres de recette qui régularisent les encaissements sans titre "
    "d'un mois (ordonnateur)",
)
class RegularisationApi(APIView):
    def post(self, request):
        entree = RegularisationSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        ordres = services.regularisation_preparer(acting_user=request.user, **entree.validated_data)
        relus = (
            OrdreRecette.objects.filter(pk__in=[o.pk for o in ordres])
            .select_related("exercice", "compte_imputation", "compte_tiers")
            .prefetch_related("lignes", "signatures__signataire", "reductions")
            .order_by("numero")
        )
        return Response(
            OrdreRecetteSerializer(relus, many=True).data, status=status.HTTP_201_CREATED
        )


def _ecriture_creee(ecriture) -> Response:
    return Response(
        {"ecriture": f"{ecriture.journal.code}-{ecriture.numero}", "ecriture_id": ecriture.pk},
        status=status.HTTP_201_CREATED,
    )


@extend_schema(
    request=VirementSaisieSerializer,
    responses={201: EcritureCreeeSerializer},
    summary="Virer des fonds entre deux comptes de l'organisme (tirage sur la Caisse des dépôts, "
    "nivellement d'un compte spécial d'encaissement ; circ. 93/82 §2.2.0)",
)
class VirementInterneApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request):
        entree = VirementSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        return _ecriture_creee(
            services.virement_interne(acting_user=request.user, **entree.validated_data)
        )


@extend_schema(
    request=FraisSaisieSerializer,
    responses={201: EcritureCreeeSerializer},
    summary="Comptabiliser des frais bancaires (627) ; ceux d'un compte spécial d'encaissement "
    "vont au compte externe désigné (circ. 93/82 §2.2.0.3)",
)
class FraisBancairesApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request):
        entree = FraisSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = dict(entree.validated_data)
        ligne = d.pop("ligne_releve")
        if ligne is not None:
            d["ligne_releve"] = LigneReleve.objects.filter(pk=ligne).first()
            if d["ligne_releve"] is None:
                raise NotFound(f"La ligne de relevé n° {ligne} n'existe pas.")
        return _ecriture_creee(services.frais_bancaires(acting_user=request.user, **d))


# --- Quittances ---------------------------------------------------------------------


@extend_schema(
    summary="Quittances, reçus et documents d'annulation délivrés",
    parameters=[
        OpenApiParameter("encaissement", int),
        OpenApiParameter("carnet", str, description="série du carnet"),
        OpenApiParameter("nature", str, enum=Quittance.Nature.values),
    ],
)
class QuittanceListApi(generics.ListAPIView):
    serializer_class = QuittanceSerializer

    def get_queryset(self):
        qs = _quittances()
        p = self.request.query_params
        if p.get("encaissement", "").isdigit():
            qs = qs.filter(encaissement_id=int(p["encaissement"]))
        if p.get("carnet"):
            qs = qs.filter(carnet__serie=p["carnet"])
        if p.get("nature"):
            qs = qs.filter(nature=p["nature"])
        return qs


class QuittanceDetailApi(APIView):
    @extend_schema(
        responses=QuittanceSerializer,
        summary="Une quittance, un reçu ou un document d'annulation",
    )
    def get(self, request, pk: int):
        return Response(QuittanceSerializer(_trouver(_quittances(), pk, "Le document")).data)


@extend_schema(
    summary="La quittance (ou le reçu) en PDF, à remettre à la partie versante",
    responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class QuittancePdfApi(APIView):
    def get(self, request, pk: int):
        quittance = _trouver(_quittances().select_related("encaissement"), pk, "Le document")
        try:
            from tresorerie.pdf import quittance_pdf
        except ImportError:
            raise PdfIndisponible() from None
        reponse = HttpResponse(quittance_pdf(quittance), content_type="application/pdf")
        reponse["Content-Disposition"] = (
            f'inline; filename="{quittance.nature}_{quittance.reference}.pdf"'
        )
        return reponse


# --- Restes à recouvrer -------------------------------------------------------------


class RestesApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("exercice", int, description="Année ; tous les exercices sinon"),
            OpenApiParameter("non_soldes", bool, description="seulement les débiteurs non soldés"),
        ],
        responses=inline_serializer(
            "RestesARecouvrer",
            {
                "exercice": serializers.IntegerField(allow_null=True),
                "debiteurs": ResteDebiteurSerializer(many=True),
                "totaux": TotauxRestesSerializer(),
            },
        ),
        summary="Restes à recouvrer par débiteur, et leur accord avec la comptabilité",
    )
    def get(self, request):
        p = request.query_params
        exercice = None
        annee = p.get("exercice", "").strip()
        if annee:
            exercice = Exercice.objects.filter(annee=annee).first() if annee.isdigit() else None
            if exercice is None:
                raise DonneeInvalide(f"L'exercice « {annee} » n'existe pas.")
        etat = selectors.restes_a_recouvrer(
            exercice=exercice, seulement_non_soldes=p.get("non_soldes") in ("1", "true", "oui")
        )
        return Response(
            {
                "exercice": exercice.annee if exercice else None,
                "debiteurs": ResteDebiteurSerializer(etat.debiteurs, many=True).data,
                "totaux": TotauxRestesSerializer(
                    {
                        "pris_en_charge": etat.total_pris_en_charge,
                        "reduit": etat.total_reduit,
                        "recouvre": etat.total_recouvre,
                        "reste": etat.total_reste,
                        "comptable": etat.total_comptable,
                        "ecart_comptable": etat.ecart_comptable,
                    }
                ).data,
            }
        )


# --- Paiements -----------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Lots de paiements", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request=LotSaisieSerializer,
        responses={201: LotDetailSerializer},
        summary="Payer des ordres de dépense visés en un lot (oppositions d'abord, "
        "circ. 93/82 §2.1.5)",
    ),
)
class LotListApi(generics.ListAPIView):
    serializer_class = LotSerializer
    permission_classes = [APourFonction, LectureOuComptable]

    def get_queryset(self):
        return _filtre_compte(_lots(), self.request).order_by("-date", "-id")

    def post(self, request):
        entree = LotSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        lot = services.lot_payer(
            acting_user=request.user,
            ordres=d["ordres"],
            compte=d["compte"],
            moyen=d["moyen"],
            le=d["date"],
        )
        return _lot_detail(lot, status.HTTP_201_CREATED)


def _lot_detail(lot: LotPaiement, statut=status.HTTP_200_OK) -> Response:
    relu = _lots().prefetch_related("paiements__ordre__exercice").get(pk=lot.pk)
    return Response(LotDetailSerializer(relu).data, status=statut)


@extend_schema(summary="Un lot de paiements et ses virements", responses=LotDetailSerializer)
class LotDetailApi(APIView):
    def get(self, request, pk: int):
        return _lot_detail(_trouver(LotPaiement, pk, "Le lot de paiements"))


@extend_schema(
    summary="Le fichier de virements SEPA (pain.001.001.03) du lot",
    responses={(200, "application/xml"): OpenApiResponse(OpenApiTypes.BINARY)},
)
class LotPain001Api(APIView):
    def get(self, request, pk: int):
        lot = _trouver(LotPaiement, pk, "Le lot de paiements")
        fichier = bytes(lot.fichier or b"")
        if not fichier:
            raise NotFound(
                f"Le lot {lot.reference} est payé par {lot.get_moyen_display()} : "
                "il n'a pas de fichier de virements."
            )
        reponse = HttpResponse(fichier, content_type="application/xml")
        reponse["Content-Disposition"] = f'attachment; filename="{lot.message_id}.xml"'
        return reponse


# --- Relevés et rapprochement --------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Relevés bancaires importés", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request={"multipart/form-data": ReleveImportSerializer},
        responses={201: ReleveDetailSerializer},
        summary="Importer un relevé (camt.053 ou CSV) et le rapprocher automatiquement",
    ),
)
class ReleveListApi(generics.ListAPIView):
    serializer_class = ReleveSerializer
    permission_classes = [APourFonction, LectureOuComptable]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_queryset(self):
        return _filtre_compte(_releves(), self.request).order_by("-date_fin", "-id")

    def post(self, request):
        entree = ReleveImportSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        fichier = d["fichier"]
        releve = services.releve_importer(
            acting_user=request.user,
            compte=d["compte"],
            nom_fichier=fichier.name,
            contenu=fichier.read(),
            solde_ouverture=d["solde_ouverture"],
        )
        return _releve_detail(releve, status.HTTP_201_CREATED)


def _releve_detail(releve: Releve, statut=status.HTTP_200_OK) -> Response:
    return Response(ReleveDetailSerializer(_releves().get(pk=releve.pk)).data, status=statut)


@extend_schema(
    summary="Un relevé et ses lignes, rapprochées, expliquées ou à rapprocher",
    responses=ReleveDetailSerializer,
)
class ReleveDetailApi(APIView):
    def get(self, request, pk: int):
        return _releve_detail(_trouver(Releve, pk, "Le relevé"))


def _ligne_releve(ligne: LigneReleve, statut=status.HTTP_200_OK) -> Response:
    return Response(LigneReleveSerializer(_lignes_releve().get(pk=ligne.pk)).data, status=statut)


@extend_schema(
    request=RapprocherSerializer,
    responses={201: LigneReleveSerializer},
    summary="Rapprocher à la main une ligne du relevé avec des lignes d'écriture du compte",
)
class LigneReleveRapprocherApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request, pk: int):
        entree = RapprocherSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        ligne = _trouver(LigneReleve, pk, "La ligne de relevé")
        services.rapprocher(
            acting_user=request.user, ligne_releve=ligne, lignes=entree.validated_data["lignes"]
        )
        return _ligne_releve(ligne, status.HTTP_201_CREATED)


@extend_schema(
    request=ExpliquerSerializer,
    responses={201: LigneReleveSerializer},
    summary="Expliquer une ligne du relevé sans écriture (erreur de la banque, opération à passer)",
)
class LigneReleveExpliquerApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request, pk: int):
        entree = ExpliquerSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        ligne = _trouver(LigneReleve, pk, "La ligne de relevé")
        services.expliquer(
            acting_user=request.user,
            ligne_releve=ligne,
            explication=entree.validated_data["explication"],
        )
        return _ligne_releve(ligne, status.HTTP_201_CREATED)


@extend_schema(
    request=None,
    responses=LigneReleveSerializer,
    summary="Défaire un rapprochement ou une explication",
)
class RapprochementDefaireApi(APIView):
    permission_classes = [APourFonction, EstComptable]

    def post(self, request, pk: int):
        rapprochement = _trouver(Rapprochement, pk, "Le rapprochement")
        ligne = rapprochement.ligne_releve
        services.rapprochement_defaire(acting_user=request.user, rapprochement=rapprochement)
        return _ligne_releve(ligne)


class EtatRapprochementApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter(
                "au", OpenApiTypes.DATE, description="fin du dernier relevé par défaut"
            )
        ],
        responses=EtatRapprochementSerializer,
        summary="État de rapprochement d'un compte bancaire",
    )
    def get(self, request, compte_pk: int):
        compte = _trouver(
            CompteDisponibilite.objects.select_related("compte"),
            compte_pk,
            "Le compte de disponibilités",
        )
        etat = selectors.etat_rapprochement(compte, _date_parametre(request, "au"))
        return Response(EtatRapprochementSerializer(etat).data)


# --- Arrêtés de caisse ----------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(summary="Arrêtés de caisse", parameters=[PARAMETRE_COMPTE]),
    post=extend_schema(
        request=ArreteSaisieSerializer,
        responses={201: ArreteSerializer},
        summary="Arrêter la caisse : comptage par coupure contre solde comptable (circ. 93/82 "
        "§2.2)",
    ),
)
class ArreteListApi(generics.ListAPIView):
    serializer_class = ArreteSerializer
    permission_classes = [APourFonction, LectureOuComptable]

    def get_queryset(self):
        qs = ArreteCaisse.objects.select_related("compte", "par")
        return _filtre_compte(qs, self.request).order_by("-date", "-id")

    def post(self, request):
        entree = ArreteSaisieSerializer(data=request.data)
        entree.is_valid(raise_exception=True)
        d = entree.validated_data
        arrete = services.arrete_caisse(
            acting_user=request.user,
            compte=d["compte"],
            comptage=d["comptage"],
            date=d["date"],
            observations=d["observations"],
        )
        relu = ArreteCaisse.objects.select_related("compte", "par").get(pk=arrete.pk)
        return Response(ArreteSerializer(relu).data, status=status.HTTP_201_CREATED)
