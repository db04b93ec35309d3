"""The append-only audit log.

Every service writes one row, in its own transaction, naming who acted, the
act, the object, its state before and after. PostgreSQL refuses UPDATE and
DELETE on this table (trigger in `core/migrations/sql/0002_audit.sql`), so the
log can only grow.

The one-time tokens of the pages' act forms (`JetonConsomme`, `core.jetons`)
live here too: a form sent twice does not record its act twice; and the
idempotency keys of the API's writes (`CleIdempotence`, `core.idempotence`).
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


class JetonConsomme(models.Model):
    """A page form's one-time token, consumed by the act it carried (`core.jetons`).

    The nonce is UNIQUE: the act inserts it in its own transaction before it
    runs, so a second submission of the same form waits for the first and is
    refused once it has committed; a refused act rolls the row back with
    everything else, and the form may be corrected and sent again. A row only
    ever gains `vers` (where the act led), once; it is never deleted
    (`core/migrations/sql/0003_jetons.sql`).
    """

    nonce = models.CharField(max_length=64)
    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    chemin = models.CharField("adresse où le formulaire a été envoyé", max_length=255)
    vers = models.CharField("page où l'acte a conduit", max_length=500, blank=True)
    empreinte = models.CharField(
        "empreinte des données envoyées", max_length=64, blank=True, db_default="", db_index=True
    )
    le = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "jeton de formulaire consommé"
        verbose_name_plural = "jetons de formulaire consommés"
        constraints = [models.UniqueConstraint(fields=["nonce"], name="jeton_une_seule_fois")]

    def __str__(self) -> str:
        return f"{self.chemin} ({self.le:%d/%m/%Y %H:%M})"


class CleIdempotence(models.Model):
    """An API write sent with an `Idempotency-Key` header (`core.idempotence`).

    The row is inserted first in the act's own transaction (UNIQUE per person
    and key), then the act runs and its answer is written in: a retry with the
    same key reads the answer instead of acting again, a concurrent one waits
    on the unique index until the first commits. A refused act rolls the row
    back with everything else: the key is free again. A key lives
    `core.idempotence.DUREE`; `manage.py purger_cles_idempotence` deletes the
    expired ones.
    """

    utilisateur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    cle = models.CharField("clé d'idempotence", max_length=255)
    methode = models.CharField("méthode HTTP", max_length=10)
    chemin = models.CharField("adresse de la requête", max_length=255)
    empreinte = models.CharField("empreinte SHA-256 du corps de la requête", max_length=64)
    statut = models.PositiveSmallIntegerField("statut HTTP de la réponse", null=True)
    type_contenu = models.CharField(
        "type d'une réponse qui n'est pas du JSON", max_length=100, blank=True
    )
    # The answer's JSON as rendered (text, not jsonb, which would reorder its
    # keys): replayed byte for byte. A non-JSON answer (a file): its bytes in
    # base64 and its Content-Disposition, as JSON.
    # Empty: an answer without a body.
    reponse = models.TextField("réponse enregistrée", blank=True, default="")
    cree_le = models.DateTimeField("reçue le", db_index=True)

    class Meta:
        verbose_name = "clé d'idempotence"
        verbose_name_plural = "clés d'idempotence"
        constraints = [
            models.UniqueConstraint(fields=["utilisateur", "cle"], name="cle_idempotence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.methode} {self.chemin} ({self.cle})"
