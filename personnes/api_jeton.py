"""`/api/jeton/`: the API token of a person, through the lockout of
`personnes.authentification` (400 for a wrong pair, 429 with Retry-After
for a locked login or address; the API's French error shape). A token past
its lifetime is replaced by a new one (`personnes.jetons_api`)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.exceptions import DonneeInvalide
from personnes.authentification import JETON, LONGUEUR_MOT_DE_PASSE, authentifier
from personnes.jetons_api import jeton_expire


class DemandeJetonSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150, trim_whitespace=False)
    password = serializers.CharField(max_length=LONGUEUR_MOT_DE_PASSE, trim_whitespace=False)


class JetonApi(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []

    @extend_schema(
        operation_id="jeton_obtenir",
        summary="Obtenir le jeton d'API d'un utilisateur",
        request=DemandeJetonSerializer,
        responses={200: OpenApiResponse(description="Le jeton.")},
        auth=[],
    )
    def post(self, request):
        demande = DemandeJetonSerializer(data=request.data)
        if not demande.is_valid():
            raise DonneeInvalide(
                "Indiquez l'identifiant (« username ») et le mot de passe (« password »).",
                details={champ: [str(m) for m in msgs] for champ, msgs in demande.errors.items()},
            )
        utilisateur = authentifier(
            request,
            demande.validated_data["username"],
            demande.validated_data["password"],
            canal=JETON,
        )
        jeton = Token.objects.filter(user=utilisateur).first()
        if jeton is not None and jeton_expire(jeton):
            jeton.delete()  # past its lifetime: a new one
        jeton, _ = Token.objects.get_or_create(user=utilisateur)
        return Response({"token": jeton.key})
