"""The comptes annuels' API: bilan, compte de résultat and annexe of an
exercise (GET), the mapping in force (GET) and its edit (POST, the agent
comptable's act, the same service and French refusals as the page)."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from comptes_annuels import actes, selectors
from core import horloge
from core.actes import ActeApi
from core.champs_api import ChampDateApi
from ledger.models import Exercice


class PeutLire(BasePermission):
    message = actes.LIRE_DROIT.refus

    def has_permission(self, request, view) -> bool:
        return actes.LIRE_DROIT.accorde(request.user)


def _exercice(annee: int) -> Exercice:
    exercice = Exercice.objects.filter(annee=annee).first()
    if exercice is None:
        raise NotFound(f"Introuvable : l'exercice {annee} n'existe pas.")
    return exercice


def _poste(p, precedent: bool = True) -> dict:
    """Amounts as strings with two decimals, as the rest of the API; N−1 null
    when no exercise N−1 is kept here."""
    return {
        "code": p.code,
        "libelle": p.libelle,
        "gestion": p.gestion,
        "n": f"{p.n:.2f}",
        "n1": f"{p.n1:.2f}" if precedent else None,
    }


def _etat(etat, noms: tuple[str, str]) -> dict:
    n1 = etat.precedent is not None
    return {
        "exercice": etat.exercice.annee,
        "source": etat.source,
        "source_precedent": etat.source_precedent,
        "provisoire": etat.provisoire,
        noms[0]: [_poste(p, n1) for p in etat.gauche],
        noms[1]: [_poste(p, n1) for p in etat.droite],
        f"total_{noms[0]}": _poste(etat.total_gauche, n1),
        f"total_{noms[1]}": _poste(etat.total_droite, n1),
        "resultat": _poste(etat.resultat, n1),
        "resultat_classes_7_moins_6": _poste(etat.resultat_classes, n1),
        "comptes_non_rattaches": etat.non_rattaches,
    }


class BilanApi(APIView):
    """The bilan of an exercise, N and N−1."""

    permission_classes = [PeutLire]

    @extend_schema(responses={200: dict}, summary="Bilan d'un exercice")
    def get(self, request, annee: int):
        etat = selectors.bilan(_exercice(annee))
        return Response({**_etat(etat, ("actif", "passif")), "equilibre": etat.equilibre})


class CompteResultatApi(APIView):
    """The compte de résultat of an exercise by gestion, N and N−1."""

    permission_classes = [PeutLire]

    @extend_schema(responses={200: dict}, summary="Compte de résultat d'un exercice")
    def get(self, request, annee: int):
        etat = selectors.compte_de_resultat(_exercice(annee))
        return Response(
            {
                **_etat(etat, ("charges", "produits")),
                "resultat_verifie": selectors.resultat_verifie(etat),
            }
        )


def _mouvement(m) -> dict:
    return {
        "compte": m.numero,
        "libelle": m.libelle,
        "ouverture": f"{m.ouverture:.2f}",
        "augmentations": f"{m.dotations:.2f}",
        "diminutions": f"{m.reprises:.2f}",
        "cloture": f"{m.cloture:.2f}",
    }


def _compte(d) -> dict:
    return {"compte": d.numero, "libelle": d.libelle, "montant": f"{d.montant:.2f}"}


class AnnexeApi(APIView):
    """The annexe of an exercise: rules, provisions, commitments, inventory états."""

    permission_classes = [PeutLire]

    @extend_schema(responses={200: dict}, summary="Annexe d'un exercice")
    def get(self, request, annee: int):
        a = selectors.annexe(_exercice(annee))
        c = a.creances
        return Response(
            {
                "exercice": a.exercice.annee,
                "source": a.source,
                "regles_et_methodes": a.regles,
                "creances_par_anciennete": {
                    "au": c.au,
                    "tranches": [
                        {"libelle": libelle, "nombre": nombre, "montant": f"{montant:.2f}"}
                        for libelle, nombre, montant in c.par_tranche
                    ],
                    "total": f"{c.total:.2f}",
                    "creances_douteuses_416": f"{c.douteuses:.2f}",
                    "depreciations_491": f"{c.depreciations:.2f}",
                    "net": f"{c.net:.2f}",
                },
                "provisions": [_mouvement(m) for m in a.provisions],
                "dotations_68": [_compte(d) for d in a.dotations],
                "reprises_78": [_compte(r) for r in a.reprises],
                "engagements_hors_bilan": [_mouvement(m) for m in a.engagements],
                "etats_inventaire": [
                    {
                        "reference": e.reference,
                        "nature": e.nature,
                        "total": f"{e.total:.2f}",
                        "etabli_le": e.etabli_le,
                        "pdf": request.build_absolute_uri(
                            reverse("inventaire:etat_pdf", args=[e.pk])
                        ),
                    }
                    for e in a.etats
                ],
            }
        )


class CorrespondanceSerializer(serializers.Serializer):
    prefixe = serializers.CharField(max_length=12)
    rubrique = serializers.CharField(max_length=10)
    valable_du = ChampDateApi()


def _correspondance(c) -> dict:
    return {
        "prefixe": c.prefixe,
        "rubrique": c.rubrique.code,
        "libelle": c.rubrique.libelle,
        "etat": c.rubrique.etat,
        "gestion": c.rubrique.gestion,
        "valable_du": c.valable_du,
    }


_CORRESPONDANCES = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "prefixe": {"type": "string"},
            "rubrique": {"type": "string"},
            "libelle": {"type": "string"},
            "etat": {"type": "string"},
            "gestion": {"type": "string"},
            "valable_du": {"type": "string", "format": "date"},
        },
    },
}


class CorrespondancesApi(ActeApi):
    """GET: the mapping in force today (or on `?le=AAAA-MM-JJ`); POST: fix one."""

    acte = actes.FIXER

    def check_permissions(self, request):
        if request.method == "GET":
            if not actes.LIRE_DROIT.accorde(request.user):
                self.permission_denied(request, message=actes.LIRE_DROIT.refus)
            return
        super().check_permissions(request)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "le", OpenApiTypes.DATE, description="Date de vigueur, aujourd'hui par défaut."
            )
        ],
        responses={200: _CORRESPONDANCES},
        summary="Correspondance des comptes en vigueur",
    )
    def get(self, request):
        le = ChampDateApi().to_internal_value(
            request.query_params.get("le") or horloge.aujourdhui().isoformat()
        )
        en_vigueur = selectors.correspondances_en_vigueur(le)
        return Response([_correspondance(c) for _p, c in sorted(en_vigueur.items())])

    @extend_schema(
        request=CorrespondanceSerializer,
        responses={201: dict},
        summary="Fixer une correspondance des comptes annuels",
    )
    def post(self, request):
        saisie = CorrespondanceSerializer(data=request.data)
        saisie.is_valid(raise_exception=True)
        c = self.acte.executer(request.user, None, saisie.validated_data)
        return Response(_correspondance(c), status=status.HTTP_201_CREATED)
