"""The treasury's dashboard: accounts, carnets, internal transfers."""

from __future__ import annotations

from django.db.models import F
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core import horloge
from personnes.acces import fonction_requise
from tresorerie import selectors, services
from tresorerie.forms import (
    CarnetOuvrirForm,
    VirementForm,
)
from tresorerie.models import (
    Carnet,
    CompteDisponibilite,
)
from tresorerie.views.commun import (
    _est_comptable,
    _executer,
    _exiger_comptable,
    _lecteur,
    lecture,
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
        _exiger_comptable(request)
        virement = VirementForm(request.POST, prefix="virement")
        if virement.is_valid():
            d = virement.cleaned_data
            if _executer(
                request,
                lambda: services.virement_interne(
                    acting_user=request.user,
                    de=d["de"],
                    vers=d["vers"],
                    montant=d["montant"],
                    date=d["date"],
                    libelle=d["libelle"],
                ),
                lambda e: f"Virement passé : écriture {e.journal.code}-{e.numero}.",
            ):
                return redirect("tresorerie:tableau")
        formulaire = CarnetOuvrirForm()
    elif request.method == "POST":
        _exiger_comptable(request)
        formulaire = CarnetOuvrirForm(request.POST)
        if formulaire.is_valid():
            d = formulaire.cleaned_data
            if _executer(
                request,
                lambda: services.carnet_ouvrir(
                    acting_user=request.user,
                    type=d["type"],
                    compte=d["compte"],
                    titulaire=d["titulaire"],
                    serie=d["serie"],
                    premier_numero=d["premier_numero"],
                    dernier_numero=d["dernier_numero"],
                ),
                lambda c: f"Carnet {c.serie} ouvert ({c.get_type_display()}).",
            ):
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
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@lecture
def carnet_clore(request, pk: int):
    _exiger_comptable(request)
    carnet = get_object_or_404(Carnet, pk=pk)
    _executer(
        request,
        lambda: services.carnet_clore(acting_user=request.user, carnet=carnet),
        f"Carnet {carnet.serie} clos.",
    )
    return redirect("tresorerie:tableau")
