"""What the APIs of both kinds of order share: creating an order with its
pièces (JSON, or multipart/form-data with the order as JSON in `saisie`),
opening a pièce, and the inputs of the acts both kinds have (password, reason)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_serializer
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound, ParseError

from core.formulaires import pieces_lues
from core.parseurs import PARSEURS_PIECES as PARSEURS_PIECES
from core.parseurs import charger_json
from ordres.pieces import reponse_piece
from personnes.droits import APourFonction


class SaisieAvecPiecesSerializer(serializers.Serializer):
    """An order typed through the API, with its pièces; a subclass declares the
    order's fields and gives `saisie(donnees)`, the service's typed order."""

    pieces = serializers.ListField(
        child=serializers.FileField(),
        required=False,
        default=list,
        help_text="Pièces justificatives à joindre (multipart/form-data : l'ordre en JSON "
        "dans le champ « saisie », un fichier par champ « pieces »).",
    )

    def to_internal_value(self, data):
        # multipart/form-data: the order as JSON in `saisie`, its files in `pieces`.
        if hasattr(data, "getlist") and "saisie" in data:
            try:
                corps = charger_json(data["saisie"])
            except ParseError as exc:
                raise serializers.ValidationError(
                    {"saisie": [f"L'ordre n'est pas un JSON admis : {exc.detail}"]}
                ) from exc
            if not isinstance(corps, dict):
                raise serializers.ValidationError({"saisie": ["L'ordre est un objet JSON."]})
            data = {**corps, "pieces": data.getlist("pieces")}
        return super().to_internal_value(data)

    def validate(self, attrs):
        """Hand the act what the service takes: the typed order and its pièces."""
        donnees = {cle: v for cle, v in attrs.items() if cle != "pieces"}
        return {"saisie": self.saisie(donnees), "pieces": pieces_lues(attrs.get("pieces"))}

    def saisie(self, donnees: dict):
        raise NotImplementedError


@extend_schema_serializer(component_name="MotDePasse")
class MotDePasseSerializer(serializers.Serializer):
    mot_de_passe = serializers.CharField(max_length=256)


@extend_schema_serializer(component_name="Motif")
class MotifSerializer(serializers.Serializer):
    motif = serializers.CharField(max_length=1000)


def relecture(serialiseur, detail, modele):
    """The response of an act on an order: the order it acted on (or that of
    the row it produced: a reduction, a suspension), read afresh by `detail()`."""

    def sortie(resultat) -> dict:
        pk = resultat.pk if isinstance(resultat, modele) else resultat.ordre_id
        return serialiseur(detail().get(pk=pk)).data

    return sortie


class OrdresListeApi(generics.ListAPIView):
    """The orders of a kind (every holder of a function reads them; nobody
    else), filtered by exercise, state, nature and `TIERS` (the debtor or the
    creditor); a subclass gives `serializer_class` and `liste(**filtres)`."""

    permission_classes = [APourFonction]
    TIERS = ""

    def get_queryset(self):
        p = self.request.query_params
        return self.liste(
            exercice=int(p["exercice"]) if p.get("exercice", "").isdigit() else None,
            etat=p.get("etat") or None,
            nature=p.get("nature") or None,
            **{self.TIERS: p.get(self.TIERS) or None},
        )

    def liste(self, **filtres):
        raise NotImplementedError


class OrdreDetailApi(generics.RetrieveAPIView):
    """One order; a subclass gives `serializer_class` and `detail()`."""

    permission_classes = [APourFonction]

    def get_queryset(self):
        return self.detail()

    def detail(self):
        raise NotImplementedError


class PieceApi(generics.GenericAPIView):
    """One pièce justificative of an order, as it was joined (its SHA-256
    checked: `ordres.pieces`); read by everyone holding a function, as the
    order itself. A subclass gives `modele`, the kind's pièce model."""

    permission_classes = [APourFonction]
    modele = None
    serializer_class = None

    @extend_schema(
        summary="Ouvrir une pièce justificative de l'ordre",
        description="Le fichier tel qu'il a été joint, son empreinte SHA-256 vérifiée "
        "(409 `piece_alteree` sinon) ; `?telecharger` le donne en pièce jointe.",
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY),
            (200, "image/png"): OpenApiResponse(OpenApiTypes.BINARY),
            (200, "image/jpeg"): OpenApiResponse(OpenApiTypes.BINARY),
        },
    )
    def get(self, request, pk: int, piece_pk: int):
        piece = self.modele.objects.filter(pk=piece_pk, ordre_id=pk).first()
        if piece is None:
            raise NotFound(f"L'ordre n'a pas de pièce justificative n° {piece_pk}.")
        return reponse_piece(piece, telecharger="telecharger" in request.query_params)


class TirageSerializer(serializers.Serializer):
    """The plan de contrôle's draw of a sampled order (`ordres.tirage`): the
    seed, the number and the result recorded when the agent comptable acted,
    and the draw replayed from the seed (`rejoue`, `conforme`) for the auditor.
    Null until the order is drawn."""

    taux = serializers.IntegerField(help_text="Taux du sondage (%).")
    cle = serializers.CharField(max_length=128, help_text="L'ordre tiré : sorte et référence.")
    graine = serializers.CharField(max_length=128, help_text="256 bits aléatoires, en hexadécimal.")
    nombre = serializers.IntegerField(
        help_text="SHA-256 de « graine:clé », 15 premiers chiffres hexadécimaux, modulo 100."
    )
    selectionne = serializers.BooleanField(help_text="Nombre inférieur au taux.")
    par = serializers.CharField(source="par.username")
    le = serializers.DateTimeField()
    rejoue = serializers.IntegerField(help_text="Le nombre que la graine donne à nouveau.")
    conforme = serializers.BooleanField(help_text="Le tirage rejoué donne le même résultat.")
