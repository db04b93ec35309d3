"""What resists password guessing: the failure counters of each login and of
each client address, and the second factor of a signer (TOTP). A module of
its own, imported by `personnes.models` for the app registry. The policy and
the services: `personnes.authentification`, `personnes.signature`,
`personnes.second_facteur`."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class CompteurEchecs(models.Model):
    """The recent password failures of one login (whether the account exists
    or not) or of one client address, and the lock they placed.

    `echecs` counts the failures since `debut_fenetre` (a window of fifteen
    minutes by default); at the threshold the key is locked until
    `bloque_jusqua`, for a delay that doubles with each lock in a row
    (`niveau`). A success resets a login's count, never an address's."""

    class Portee(models.TextChoices):
        COMPTE = "compte", "identifiant"
        ADRESSE = "adresse", "adresse du client"

    portee = models.CharField(max_length=10, choices=Portee.choices)
    cle = models.CharField("identifiant ou adresse", max_length=150)
    echecs = models.PositiveIntegerField("échecs dans la fenêtre", default=0)
    debut_fenetre = models.DateTimeField("premier échec de la fenêtre", null=True, blank=True)
    bloque_jusqua = models.DateTimeField("bloqué jusqu'à", null=True, blank=True)
    niveau = models.PositiveIntegerField("blocages successifs", default=0)

    class Meta:
        verbose_name = "compteur d'échecs d'authentification"
        verbose_name_plural = "compteurs d'échecs d'authentification"
        constraints = [
            models.UniqueConstraint(fields=["portee", "cle"], name="personnes_compteur_echecs_cle")
        ]

    def __str__(self) -> str:
        return f"{self.get_portee_display()} « {self.cle} »"


class SecondFacteur(models.Model):
    """A person's TOTP secret (RFC 6238, six digits every thirty seconds): once
    confirmed by a first code (`confirme_le`), every signature asks for a code
    besides the password. `dernier_pas` is the last time step accepted, so that
    a code seen over a shoulder cannot be used twice."""

    utilisateur = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="second_facteur"
    )
    secret = models.CharField("secret partagé (base 32)", max_length=64)
    cree_le = models.DateTimeField("créé le")
    confirme_le = models.DateTimeField("confirmé le", null=True, blank=True)
    dernier_pas = models.BigIntegerField("dernier pas de temps accepté", default=0)

    class Meta:
        verbose_name = "second facteur de signature"
        verbose_name_plural = "seconds facteurs de signature"

    def __str__(self) -> str:
        return f"Second facteur de {self.utilisateur}"

    @property
    def actif(self) -> bool:
        return self.confirme_le is not None
