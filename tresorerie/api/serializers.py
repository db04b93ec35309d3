"""What the treasury's API gives back."""

from __future__ import annotations

import datetime

from django.urls import reverse
from drf_spectacular.utils import (
    extend_schema_field,
)
from rest_framework import serializers

from core import horloge
from core.champs_api import ChampDateApi
from ledger.models import Ligne
from tresorerie import selectors, selectors_releves, services
from tresorerie.api.commun import (
    _euros,
    _lignes_releve,
    _montant,
)
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
            "decouvert_autorise",
            "format_virements",
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
    reference = serializers.CharField(max_length=120)
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
    reference_interne = serializers.CharField(max_length=200)
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
    reference = serializers.CharField(max_length=120)
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
            "format",
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


class SuiteLigneSerializer(serializers.Serializer):
    badges = serializers.ListField(
        child=serializers.CharField(),
        help_text="ce que la banque dit de la ligne : « contre-passation », « retour : AC04 (…) »",
    )
    texte = serializers.CharField(
        help_text="ce que l'import a fait (paiement ou encaissement annulé) ou pourquoi rien"
    )
    proposition = serializers.CharField(
        help_text="explication proposée à l'agent comptable (lot débité d'un autre montant)"
    )


class LigneReleveSerializer(serializers.ModelSerializer):
    """A statement line; `suite` is given where the reader passes the lines'
    suites in the context (a statement's detail, the reconciliation state)."""

    etat = serializers.SerializerMethodField()
    rapprochement = serializers.SerializerMethodField()
    suite = serializers.SerializerMethodField()

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
            "code_operation",
            "contre_passation",
            "motif_retour",
            "motif_retour_info",
            "reference_lot",
            "nombre_operations",
            "etat",
            "rapprochement",
            "suite",
        ]
        read_only_fields = fields

    @extend_schema_field(SuiteLigneSerializer(allow_null=True))
    def get_suite(self, ligne):
        suite = (self.context.get("suites") or {}).get(ligne.pk)
        return SuiteLigneSerializer(suite).data if suite else None

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
    ecarts = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Écarts au schéma ISO 20022 tolérés à l'import, en français.",
    )

    class Meta:
        model = Releve
        fields = [
            "id",
            "compte",
            "format",
            "version",
            "nature",
            "ecarts",
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
        lignes = list(_lignes_releve().filter(releve=releve))
        suites = selectors_releves.suites(lignes, releve.compte)
        return LigneReleveSerializer(lignes, many=True, context={"suites": suites}).data


class ArreteCaisseSerializer(serializers.ModelSerializer):
    compte = serializers.CharField(source="compte.code")
    nature_ecart = serializers.CharField(max_length=50)
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
    date = ChampDateApi(source="ecriture.date")
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
    au = ChampDateApi()
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
    debiteur = serializers.CharField(max_length=200)
    compte = serializers.CharField(max_length=40)
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
