"""The page of one ordre de recette against the agent comptable and what
article D253-81 makes of it: his payments, the sums the fund bears, the
non-valeur, the notice to the association de cautionnement mutuel, the
recoveries and their shares, the paying back to the agent comptable of
what he had paid of a sum granted, each posting, with the forms of the acts for
whoever may do them (`actes_reglement`)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core import horloge
from core.actes import page_acte
from responsabilite import actes, actes_reglement, selectors
from responsabilite.models import Demande, NonValeur, OrdreDebet, Recouvrement
from responsabilite.views import _le_sien, fonction_ou_debiteur


def _vers_ordre(objet, _resultat) -> str:
    pk = objet.pk if isinstance(objet, OrdreDebet) else objet.ordre_id
    return reverse("responsabilite:ordre", args=[pk])


@fonction_ou_debiteur
def ordre(request, pk: int):
    o = get_object_or_404(
        OrdreDebet.objects.select_related("mise_en_cause", "agent_comptable", "ecriture"), pk=pk
    )
    _le_sien(request, o.agent_comptable_id)
    debet = selectors.debet_de(o)
    u = request.user
    comptable = actes.COMPTABILISER_DROIT.accorde(u)
    aujourdhui = {"le": horloge.aujourdhui()}
    recouvrements = list(
        o.recouvrements.select_related("ecriture__journal", "reverse_ecriture__journal")
    )
    for r in recouvrements:
        # one form per row, each with ids of its own
        r.formulaire = (
            actes_reglement.ReversementForm(auto_id=f"reversement{r.pk}_%s") if comptable else None
        )
    demandes = list(o.demandes.select_related("ecriture__journal", "rembourse_ecriture__journal"))
    for dem in demandes:
        dem.formulaire = (
            actes_reglement.RemboursementForm(auto_id=f"remboursement{dem.pk}_%s")
            if comptable and dem.prise_agent and dem.rembourse_ecriture_id is None
            else None
        )
    return render(
        request,
        "responsabilite/ordre.html",
        {
            "ordre": o,
            "debet": debet,
            "versements": o.versements.select_related("ecriture__journal"),
            "demandes": demandes,
            "non_valeurs": o.non_valeurs.select_related("ecriture__journal"),
            "notification": getattr(o, "notification_association", None),
            "recouvrements": recouvrements,
            "peut_comptabiliser": comptable,
            "versement_form": actes_reglement.VersementForm(auto_id="versement_%s")
            if comptable
            else None,
            "recouvrement_form": actes_reglement.RecouvrementForm(
                initial={"le": aujourdhui["le"]}, auto_id="recouvrement_%s"
            )
            if comptable
            else None,
            "non_valeur_form": actes_reglement.NonValeurForm(
                initial={"conseil_le": aujourdhui["le"]}, auto_id="nonvaleur_%s"
            )
            if actes_reglement.NON_VALEUR_DROIT.accorde(u)
            else None,
            "association_form": actes_reglement.AssociationForm(
                initial=aujourdhui, auto_id="association_%s"
            )
            if actes_reglement.ASSOCIATION_DROIT.accorde(u)
            else None,
        },
    )


_ORDRES = OrdreDebet.objects.all()
versement = page_acte(
    actes_reglement.VERSEMENT,
    queryset=_ORDRES,
    formulaire=actes_reglement.VersementForm,
    vers=_vers_ordre,
)
prise_en_charge = page_acte(
    actes_reglement.PRISE_EN_CHARGE, queryset=Demande.objects.all(), vers=_vers_ordre
)
non_valeur = page_acte(
    actes_reglement.NON_VALEUR,
    queryset=_ORDRES,
    formulaire=actes_reglement.NonValeurForm,
    vers=_vers_ordre,
)
non_valeur_comptabiliser = page_acte(
    actes_reglement.NON_VALEUR_COMPTABILISER, queryset=NonValeur.objects.all(), vers=_vers_ordre
)
association = page_acte(
    actes_reglement.ASSOCIATION,
    queryset=_ORDRES,
    formulaire=actes_reglement.AssociationForm,
    vers=_vers_ordre,
)
recouvrement = page_acte(
    actes_reglement.RECOUVREMENT,
    queryset=_ORDRES,
    formulaire=actes_reglement.RecouvrementForm,
    vers=_vers_ordre,
)
reversement = page_acte(
    actes_reglement.REVERSEMENT,
    queryset=Recouvrement.objects.all(),
    formulaire=actes_reglement.ReversementForm,
    vers=_vers_ordre,
)
remboursement = page_acte(
    actes_reglement.REMBOURSEMENT,
    queryset=Demande.objects.all(),
    formulaire=actes_reglement.RemboursementForm,
    vers=_vers_ordre,
)
