"""Write one audit row (Zulip's RealmAuditLog shape)."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any

from django.db import models

from core.models import JournalAudit


def _jsonable(valeur: Any) -> Any:
    return json.loads(json.dumps(valeur, default=_defaut))


def _defaut(valeur: Any) -> Any:
    if isinstance(valeur, Decimal):
        return str(valeur)
    if isinstance(valeur, datetime.date | datetime.datetime):
        return valeur.isoformat()
    if isinstance(valeur, models.Model):
        return valeur.pk
    return str(valeur)


def audit(
    acteur,
    acte: str,
    objet: models.Model,
    *,
    avant: dict[str, Any] | None = None,
    apres: dict[str, Any] | None = None,
) -> JournalAudit:
    return JournalAudit.objects.create(
        acteur=acteur if getattr(acteur, "pk", None) else None,
        acte=acte,
        objet_type=objet._meta.label_lower,
        objet_id=str(objet.pk),
        objet_libelle=str(objet)[:255],
        avant=_jsonable(avant) if avant is not None else None,
        apres=_jsonable(apres) if apres is not None else None,
    )
