"""What the treasury's API views share: fields that name an account or a
person, querysets, the 404 in French, query parameters."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Model, Prefetch, QuerySet, Sum
from django.db.models.functions import Coalesce
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema_field,
)
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

from core.actes import api_acte
from core.exceptions import DonneeInvalide
from core.saisie import verifier_date
from personnes.droits import LectureOuDroit
from tresorerie.models import (
    Affectation,
    CompteDisponibilite,
    Encaissement,
    LigneReleve,
    LotPaiement,
    Quittance,
    Releve,
)

TAILLE_MAXIMALE_RELEVE = 50 * 1024 * 1024


def _euros(valeur) -> str | None:
    return None if valeur is None else f"{valeur:.2f}"


def _montant():
    return serializers.DecimalField(max_digits=18, decimal_places=2, read_only=True)


# --- Acts ------------------------------------------------------------------------------


def acte_sur(acte, *, queryset, libelle: str, **options):
    """`api_acte` on the object of the URL, whose absence is said in French
    (« L'encaissement n° 12 n'existe pas. »)."""
    return api_acte(
        acte, queryset=queryset, introuvable=f"{libelle} n° {{pk}} n'existe pas.", **options
    )


class ListeEtActe(generics.ListAPIView):
    """A list that everyone holding a function reads, whose POST runs an act
    (the class also derives from the act's `api_acte` class): the edge asks the
    act's droit for POST only."""

    permission_classes = [LectureOuDroit]

    @property
    def droit(self):
        return self.acte.droit

    def check_permissions(self, request):
        APIView.check_permissions(self, request)


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


# --- Querysets and helpers ---------------------------------------------------------


def _encaissements():
    return (
        Encaissement.objects.select_related("exercice", "compte", "recu_par", "compte_produit")
        .annotate(total_affecte=Coalesce(Sum("affectations__montant"), Decimal("0")))
        .order_by("-date", "-id")
    )


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
        lue = datetime.date.fromisoformat(texte)
    except ValueError:
        raise DonneeInvalide(
            f"Le paramètre « {nom} » doit être une date (AAAA-MM-JJ) : « {texte} »."
        ) from None
    return verifier_date(lue, f"Le paramètre « {nom} »")


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
