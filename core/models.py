"""The append-only audit log.

Every service writes one row, in its own transaction, naming who acted, the
act, the object, its state before and after. PostgreSQL refuses UPDATE and
DELETE on this table (trigger in `core/migrations/sql/0002_audit.sql`), so the
log can only grow.
"""

from django.conf import settings
from django.db import models


class JournalAudit(models.Model):
    horodatage = models.DateTimeField(auto_now_add=True, db_index=True)
    acteur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    acte = models.CharField(max_length=80, db_index=True)
    objet_type = models.CharField(max_length=80)
    objet_id = models.CharField(max_length=40)
    objet_libelle = models.CharField(max_length=255, blank=True)
    avant = models.JSONField(null=True, blank=True)
    apres = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = "entrée du journal d'audit"
        verbose_name_plural = "journal d'audit"
        ordering = ["-id"]
        indexes = [models.Index(fields=["objet_type", "objet_id"])]

    def __str__(self) -> str:
        return f"{self.horodatage:%d/%m/%Y %H:%M} {self.acte} {self.objet_libelle}"

