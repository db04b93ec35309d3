"""The treasury's dashboard: accounts, carnets, internal transfers."""

from __future__ import annotations

from django.db.models import F
from django.shortcuts import redirect, render
from django.urls import reverse

from core import horloge
from personnes.acces import fonction_requise
from tresorerie import actes, selectors
from tresorerie.forms import (
    CarnetOuvrirForm,
    VirementForm,
)
from tresorerie.models import (
    Carnet,
    CompteDisponibilite,
    FormatVirements,
)
from tresorerie.views.commun import (
    _est_comptable,
    _lecteur,
    action,
    agir,
    exiger,
)

# --- Tableau de bord ------------------------------------------------------------------------


@fonction_requise
def tableau(request):
    if not _lecteur(request.user):
        return redirect("tresorerie:encaissements")
    comptable = _est_comptable(request.user)
    formulaire = None
    virement = VirementForm(prefix="virement") if comptable else None
    if request.method == "POST" and request.POST.get("acte") == "virement":
        exiger(request, actes.VIREMENT_INTERNE)
        virement = VirementForm(request.POST, prefix="virement")
        if virement.is_valid() and agir(request, actes.VIREMENT_INTERNE, virement.cleaned_data):
            return redirect("tresorerie:tableau")
        formulaire = CarnetOuvrirForm()
    elif request.method == "POST":
        exiger(request, actes.CARNET_OUVRIR)
        formulaire = CarnetOuvrirForm(request.POST)
        if formulaire.is_valid() and agir(request, actes.CARNET_OUVRIR, formulaire.cleaned_data):
            return redirect("tresorerie:tableau")
    elif comptable:
        formulaire = CarnetOuvrirForm()
    aujourd_hui = horloge.aujourdhui()
    comptes = [
        (c, selectors.solde_comptable(c.compte.numero, aujourd_hui))
        for c in CompteDisponibilite.objects.select_related("compte", "regisseur", "compte_frais")
    ]
    carnets = Carnet.objects.select_related("compte__compte", "titulaire").order_by(
        F("clos_le").desc(nulls_first=True), "serie"
    )
    return render(
        request,
        "tresorerie/tableau.html",
        {
            "comptes": comptes,
            "carnets": carnets,
            "aujourd_hui": aujourd_hui,
            "est_comptable": comptable,
            "form": formulaire,
            "virement": virement,
            "formats_virements": [(v, v) for v in FormatVirements.values],
        },
        status=400 if request.method == "POST" else 200,
    )


carnet_clore = action(
    actes.CARNET_CLORE,
    queryset=Carnet.objects.all(),
    vers=lambda _carnet, _resultat: reverse("tresorerie:tableau"),
)
