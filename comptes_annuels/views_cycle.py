"""The page « Vie des comptes » of an exercise (circ. 93/82 §IV; D613-41):
the timeline after the board's arrêté, the forms of whoever may act now
(the directeur: sending, avis of the comité, sending to the minister,
approval, quitus; the agent comptable: his avis on the fondés de pouvoir),
read-only for the others; its PDF and CSV. Thin: selectors to read,
`core.actes` to run the acts."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from comptes_annuels import actes, actes_cycle, documents_cycle, selectors_cycle
from comptes_annuels.models_cycle import Quitus
from core import horloge
from core.actes import page_acte
from ledger.models import Exercice
from personnes.acces import fonction_requise


def _lecteur(request) -> None:
    if not actes.LIRE_DROIT.accorde(request.user):
        raise PermissionDenied(actes.LIRE_DROIT.refus)


def _vie(annee: int) -> selectors_cycle.VieDesComptes:
    return selectors_cycle.vie_des_comptes(
        get_object_or_404(Exercice, annee=annee), horloge.aujourdhui()
    )


def _formulaires(request, vie: selectors_cycle.VieDesComptes) -> dict:
    """The forms of the acts open now to the person asking, by slug."""
    aujourdhui = {"le": horloge.aujourdhui()}
    ouverts = {}
    if vie.arrete and not vie.transmission:
        ouverts["transmission"] = {}
    if vie.transmission and not vie.approbation:
        if not vie.avis_codec:
            ouverts["avis-codec"] = {}
        if not vie.renvoi and not vie.limite.caisse_nationale:
            ouverts["renvoi-ministre"] = {}
        autorite = "ministre" if vie.renvoi or vie.limite.caisse_nationale else "drass"
        ouverts["approbation"] = {"autorite": autorite}
    sans_quitus = [b.comptable.utilisateur for b in vie.beneficiaires if b.quitus is None]
    if vie.approbation and sans_quitus:
        ouverts["quitus"] = {}
    fondes = [
        b.comptable.utilisateur
        for b in vie.beneficiaires
        if b.comptable.qualite == Quitus.Qualite.FONDE_DE_POUVOIR and b.quitus is None
    ]
    if fondes and horloge.aujourdhui() > vie.exercice.fin:
        ouverts["avis-fonde"] = {}
    formulaires = {}
    for slug, initial in ouverts.items():
        acte, classe = actes_cycle.ACTES[slug]
        if not acte.droit.accorde(request.user):
            continue
        formulaire = classe(initial={**aujourdhui, **initial})
        if slug == "quitus":
            actes_cycle.restreindre(formulaire, sans_quitus)
        elif slug == "avis-fonde":
            actes_cycle.restreindre(formulaire, fondes)
        formulaires[slug.replace("-", "_")] = formulaire
    return formulaires


@fonction_requise
def vie_des_comptes(request, annee: int):
    _lecteur(request)
    vie = _vie(annee)
    return render(
        request,
        "comptes_annuels/cycle.html",
        {
            "exercice": vie.exercice,
            "vie": vie,
            "etapes": vie.etapes(),
            "formulaires": _formulaires(request, vie),
        },
    )


@fonction_requise
def vie_des_comptes_document(request, annee: int, format_: str):
    _lecteur(request)
    if format_ not in ("pdf", "csv"):
        raise Http404("Ce document n'existe pas.")
    vie = _vie(annee)
    if format_ == "pdf":
        editeur = request.user.get_full_name() or request.user.username
        reponse = HttpResponse(
            documents_cycle.en_pdf(vie, edite_par=editeur), content_type="application/pdf"
        )
    else:
        reponse = HttpResponse(documents_cycle.en_csv(vie), content_type="text/csv; charset=utf-8")
    nom = documents_cycle.nom_fichier(vie, format_)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


def _vers_vie(exercice, _resultat) -> str:
    return reverse("comptes_annuels:vie_des_comptes", args=[exercice.annee])


_ACTES_PAGE = {
    slug: page_acte(acte, queryset=Exercice.objects.all(), formulaire=classe, vers=_vers_vie)
    for slug, (acte, classe) in actes_cycle.ACTES.items()
}


@require_POST
@fonction_requise
def vie_des_comptes_acte(request, annee: int, acte: str):
    if acte not in _ACTES_PAGE:
        raise Http404("Cet acte n'existe pas.")
    return _ACTES_PAGE[acte](request, pk=get_object_or_404(Exercice, annee=annee).pk)
