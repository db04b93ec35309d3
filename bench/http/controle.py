"""Benchmark http: counting in the database that every act was applied exactly once.

Read after the server stopped, by the benchmark's process (owner role):

- the audit journal since the run began: no (act, object) pair twice, and as
  many rows of each act as the clients saw succeed (the deliberate replays
  excluded: they must have added nothing);
- the payments: no order paid twice, as many paid orders as batches × size;
- the orders' states: as many signed (then transmitted) as the parapheur
  acts × lot size, as many visaed-or-paid as visas, as many receipts' orders
  taken in charge as acts.
"""

from __future__ import annotations

from bench.http.clients import LOT_PAIEMENT, LOT_SIGNATURE


def etat() -> dict:
    from core.models import JournalAudit
    from tresorerie.models import Paiement

    return {
        "audit": JournalAudit.objects.order_by("-id").values_list("id", flat=True).first() or 0,
        "paiement": Paiement.objects.order_by("-id").values_list("id", flat=True).first() or 0,
    }


def verifier(initial: dict, phases: dict, reserves) -> dict:
    from django.db.models import Count

    from core.models import JournalAudit
    from depenses.models import OrdreDepense
    from recettes.models import OrdreRecette
    from tresorerie.models import Paiement

    actes: dict[str, int] = {}
    for nom in ("ouverte", "fermee"):
        for genre, n in phases[nom]["actes"].items():
            actes[genre] = actes.get(genre, 0) + n
    audit = JournalAudit.objects.filter(id__gt=initial["audit"])
    # The credit of the chapter is ordered and paid once per order: many rows on one
    # object by design. Every other act acts once on its object.
    doubles_audit = list(
        audit.exclude(acte__startswith="credit.")
        .values("acte", "objet_type", "objet_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("acte", "objet_id", "n")[:5]
    )
    par_acte = dict(audit.values_list("acte").annotate(n=Count("id")).values_list("acte", "n"))
    paiements = Paiement.objects.filter(id__gt=initial["paiement"])
    doubles_paiement = list(
        paiements.values("ordre").annotate(n=Count("id")).filter(n__gt=1).values_list("ordre")[:5]
    )
    signes = (
        OrdreDepense.objects.filter(pk__in=reserves.brouillons)
        .exclude(etat=OrdreDepense.Etat.BROUILLON)
        .count()
    )
    vises_ou_payes = OrdreDepense.objects.filter(
        pk__in=reserves.transmis
        + list(
            OrdreDepense.objects.filter(pk__in=reserves.brouillons).values_list("pk", flat=True)
        ),
        etat__in=[OrdreDepense.Etat.VISE, OrdreDepense.Etat.PAYE],
    ).count()
    payes = OrdreDepense.objects.filter(
        paiements__id__gt=initial["paiement"], etat=OrdreDepense.Etat.PAYE
    ).distinct()
    pris_en_charge = OrdreRecette.objects.filter(
        pk__in=reserves.recettes, etat=OrdreRecette.Etat.PRIS_EN_CHARGE
    ).count()
    attendu = {
        "signés (parapheur)": (
            actes.get("signer un lot (parapheur)", 0) * LOT_SIGNATURE,
            signes,
        ),
        "visés": (actes.get("viser", 0), vises_ou_payes),
        "payés": (actes.get(f"payer un lot de {LOT_PAIEMENT}", 0) * LOT_PAIEMENT, payes.count()),
        "pris en charge (recettes)": (
            actes.get("prendre en charge (recette)", 0),
            pris_en_charge,
        ),
    }
    ecarts = {k: v for k, v in attendu.items() if v[0] != v[1]}
    return {
        "attendu": attendu,
        "ecarts": ecarts,
        "doubles_audit": doubles_audit,
        "doubles_paiement": doubles_paiement,
        "par_acte": par_acte,
        "doubles": len(doubles_audit) + len(doubles_paiement) + len(ecarts),
    }
