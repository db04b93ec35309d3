"""What the treasury's API acts take in."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from rest_framework import serializers
from rest_framework.exceptions import NotFound

from core.champs_api import ChampDateApi, ChampMontantApi, ChampMontantSigneApi
from recettes.models import Nature as NatureRecette
from tresorerie.api.commun import (
    TAILLE_MAXIMALE_RELEVE,
    CompteDisponibiliteField,
    UtilisateurField,
    _liste_identifiants,
)
from tresorerie.models import (
    Carnet,
    Encaissement,
    LigneReleve,
    LotPaiement,
)

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
    montant = ChampMontantApi()


class EncaissementSaisieSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField(help_text="Code (« CAISSE ») ou identifiant.")
    moyen = serializers.ChoiceField(choices=Encaissement.Moyen.choices)
    montant = ChampMontantApi(help_text="En euros, par exemple « 1234.56 ».")
    payeur = serializers.CharField(max_length=200)
    objet = serializers.CharField(max_length=255)
    date = ChampDateApi(required=False, allow_null=True, default=None)
    reference = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)
    recu = serializers.BooleanField(required=False, default=False)
    repartitions = RepartitionSerializer(many=True, required=False, default=list)


class SansTitreSaisieSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField()
    moyen = serializers.ChoiceField(choices=Encaissement.Moyen.choices)
    montant = ChampMontantApi()
    payeur = serializers.CharField(max_length=200)
    objet = serializers.CharField(max_length=255)
    compte_produit = serializers.CharField(max_length=12, help_text="Compte de produit (classe 7).")
    nature_recette = serializers.ChoiceField(choices=NatureRecette.choices)
    date = ChampDateApi(required=False, allow_null=True, default=None)
    reference = serializers.CharField(max_length=120, required=False, default="", allow_blank=True)
    recu = serializers.BooleanField(required=False, default=False)


class AffecterSerializer(serializers.Serializer):
    ligne = serializers.IntegerField(
        min_value=1, help_text="Identifiant du débiteur (ligne) de l'ordre de recette."
    )
    montant = ChampMontantApi()


class RembourserSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField(help_text="Compte d'où part le remboursement.")
    montant = ChampMontantApi()
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
    montant = ChampMontantApi()
    date = ChampDateApi(required=False, allow_null=True, default=None)
    libelle = serializers.CharField(max_length=255, required=False, default="", allow_blank=True)


class FraisSaisieSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField(help_text="Compte dont ce sont les frais.")
    montant = ChampMontantApi()
    libelle = serializers.CharField(max_length=200)
    date = ChampDateApi(required=False, allow_null=True, default=None)
    ligne_releve = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Ligne de relevé à rapprocher."
    )

    def validate_ligne_releve(self, pk):
        if pk is None:
            return None
        ligne = LigneReleve.objects.filter(pk=pk).first()
        if ligne is None:
            raise NotFound(f"La ligne de relevé n° {pk} n'existe pas.")
        return ligne


class EcritureCreeeSerializer(serializers.Serializer):
    ecriture = serializers.CharField(max_length=40)
    ecriture_id = serializers.IntegerField()


class LotSaisieSerializer(serializers.Serializer):
    ordres = _liste_identifiants("un ordre de dépense visé à payer")
    compte = CompteDisponibiliteField(help_text="Compte débité : code ou identifiant.")
    moyen = serializers.ChoiceField(
        choices=LotPaiement.Moyen.choices, default=LotPaiement.Moyen.VIREMENT
    )
    date = ChampDateApi(required=False, allow_null=True, default=None)


class ReleveImportSerializer(serializers.Serializer):
    compte = CompteDisponibiliteField()
    fichier = serializers.FileField(
        help_text=(
            "Relevé camt.053 ou avis camt.054 (versions .001.02 à .001.14, dont .001.02, .001.04 "
            "et .001.08), ou relevé CSV de la banque."
        )
    )
    solde_ouverture = ChampMontantSigneApi(
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
    date = ChampDateApi(required=False, allow_null=True, default=None)
    comptage = serializers.DictField(
        child=serializers.IntegerField(),
        help_text='Nombre par coupure ou pièce, par exemple {"500": 2, "0.50": 3}.',
    )
    observations = serializers.CharField(
        max_length=4000, required=False, default="", allow_blank=True
    )

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
