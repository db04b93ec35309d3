"""The plan de contrôle's sample draw, recorded so that an auditor can replay it.

The plan de contrôle sets « la hiérarchie à exercer dans les contrôles
(contrôle exhaustif, sélectif, par sondage suivant la nature des opérations) »
(circ. 93/82 §2.0.1.1 for recettes, §2.1.2.1 for dépenses). A sample the
ordonnateur could compute in advance would let him send the orders he wants
left unchecked when he knows they will not be drawn. So nothing about the draw
is a function of the order alone:

- the draw is made when the agent comptable acts on the order (prise en
  charge, visa), from a seed of 256 random bits (`secrets`), and recorded
  with its number and its result in a row of the kind's `Tirage…` table
  (`TirageBase`), which PostgreSQL keeps append-only and consistent;
- the number is the first 60 bits of SHA-256(« seed:key ») modulo 100, where
  the key names the order (`cle`, its kind and reference): the seed is bound
  to the order it was drawn for, and anyone holding the record replays the
  draw (`nombre_tire`, `TirageBase.rejoue`); the order is drawn when the
  number is below the plan's rate.

A draw is made once per order: an order rejected and sent again keeps it, so
neither side can draw again until the result suits him.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q

from core import horloge
from core.audit import audit

OCTETS_GRAINE = 32  # 256 random bits, written as 64 hexadecimal digits
MODULE = 100  # the plan's rate is a percentage


def graine_nouvelle() -> str:
    """A fresh seed, unpredictable to anyone (the operating system's CSPRNG)."""
    return secrets.token_hex(OCTETS_GRAINE)


def nombre_tire(graine: str, cle: str) -> int:
    """The number (0 to 99) a seed draws for the order named `cle`; the SQL
    guard of each kind computes the same (`sha256`, first 15 hex digits)."""
    empreinte = hashlib.sha256(f"{graine}:{cle}".encode()).hexdigest()
    return int(empreinte[:15], 16) % MODULE


def cle_tirage(sorte: str, ordre) -> str:
    """What a draw names: the kind and the order's reference (« recette-2026-00012 »)."""
    return f"{sorte}-{ordre.reference}"


class TirageBase(models.Model):
    """One order's draw by the plan de contrôle (mode « par sondage »): the
    plan's rate then, the seed, the number drawn and the result, who drew it
    and when. Each kind adds `ordre` (one-to-one, `related_name="tirage"`)."""

    taux = models.PositiveSmallIntegerField("taux du sondage (%)")
    cle = models.CharField("ordre tiré (clé du tirage)", max_length=60)
    graine = models.CharField("graine", max_length=2 * OCTETS_GRAINE)
    nombre = models.PositiveSmallIntegerField("nombre tiré (0 à 99)")
    selectionne = models.BooleanField("ordre désigné pour le contrôle")
    par = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    le = models.DateTimeField()

    class Meta:
        abstract = True

    @staticmethod
    def contraintes(prefixe: str) -> list[models.BaseConstraint]:
        """The row's own consistency, under each kind's constraint names."""
        return [
            models.CheckConstraint(
                condition=Q(taux__lte=MODULE), name=f"{prefixe}_tirage_taux_pourcentage"
            ),
            models.CheckConstraint(
                condition=Q(nombre__lt=MODULE), name=f"{prefixe}_tirage_nombre_0_99"
            ),
            models.CheckConstraint(
                condition=Q(graine__regex=r"^[0-9a-f]{64}$"), name=f"{prefixe}_tirage_graine_hex"
            ),
            models.CheckConstraint(
                condition=Q(selectionne=True, nombre__lt=F("taux"))
                | Q(selectionne=False, nombre__gte=F("taux")),
                name=f"{prefixe}_tirage_resultat",
            ),
        ]

    @property
    def rejoue(self) -> int:
        """The number the recorded seed draws again, for the auditor."""
        return nombre_tire(self.graine, self.cle)

    @property
    def conforme(self) -> bool:
        """The replay gives the recorded number and the recorded result."""
        nombre = self.rejoue
        return nombre == self.nombre and (nombre < self.taux) == self.selectionne

    @property
    def motif(self) -> str:
        return (
            f"sondage à {self.taux} % : nombre tiré {self.nombre}, ordre "
            f"{'désigné pour le contrôle' if self.selectionne else 'non désigné'}"
        )


def tirer(modele: type[TirageBase], *, ordre, taux: int, sorte: str, acting_user) -> TirageBase:
    """The order's draw, made now if it has none (`modele`: the kind's table;
    `sorte`: « recette », « depense »). The caller has locked the order and
    checked that `acting_user` is the agent comptable who may act on it, in a
    transaction of its own before the act (`plan_controle_tirer` of each
    kind): an act refused for want of the controls the draw asks keeps the
    draw, which is never made again for this order."""
    existant = modele.objects.filter(ordre=ordre).first()
    if existant is not None:
        return existant
    cle = cle_tirage(sorte, ordre)
    graine = graine_nouvelle()
    nombre = nombre_tire(graine, cle)
    with transaction.atomic():
        tirage = modele.objects.create(
            ordre=ordre,
            taux=taux,
            cle=cle,
            graine=graine,
            nombre=nombre,
            selectionne=nombre < taux,
            par=acting_user,
            le=horloge.maintenant(),
        )
        audit(
            acting_user,
            f"ordre_{sorte}.controle_tire",
            ordre,
            apres={
                "taux": taux,
                "cle": cle,
                "graine": graine,
                "nombre": nombre,
                "selectionne": tirage.selectionne,
            },
        )
    return tirage
