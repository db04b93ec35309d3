"""What the API answers to OPTIONS: the methods the route admits and where the
schema is, in French.

DRF's `SimpleMetadata` answered with the view's class name in English
(`"name": "Ordre List Api"`), its English docstring and the serializer's
fields; the OpenAPI schema (`/api/schema/`) is where an operation is described.
"""

from __future__ import annotations

from django.urls import reverse
from rest_framework.metadata import BaseMetadata


class MetadonneesCaisse(BaseMetadata):
    """`REST_FRAMEWORK["DEFAULT_METADATA_CLASS"]`."""

    def determine_metadata(self, request, view) -> dict:
        return {
            "methodes": sorted(methode.upper() for methode in view.allowed_methods),
            "schema": reverse("api_schema"),
            "message": (
                "Méthodes admises sur cette adresse ; chaque opération, ses données "
                "et ses réponses sont décrites dans le schéma OpenAPI."
            ),
        }
