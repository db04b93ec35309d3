"""Downloads of the books: grand livre, journaux and integrity report as PDF
and CSV, the FEC of an exercise. Thin: selectors and `ledger.exports` do the
work; a refused download goes back to its page with the French reason."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from core import horloge
from core.exceptions import ApplicationError
from ledger import selectors
from ledger.actes import EXPORTER_FEC_DROIT
from ledger.exports.fec import ENCODAGE, exporter_fec, nom_fichier_fec
from ledger.exports.livres import grand_livre_csv, integrite_csv, journaux_csv
from ledger.forms import GrandLivreForm, JournalForm
from ledger.integrite import verifier_integrite
from ledger.models import Exercice, Journal
from ledger.pdf import grand_livre_pdf, integrite_pdf, journaux_pdf
from ledger.selectors_grand_livre import lignes_grand_livre
from personnes.acces import fonction_requise


def _editeur(request) -> str:
    return request.user.get_full_name() or request.user.username


def _fichier(contenu, type_: str, nom: str):
    if isinstance(contenu, bytes):
        reponse = HttpResponse(contenu, content_type=type_)
    else:
        reponse = StreamingHttpResponse(contenu, content_type=type_)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


def _csv(lignes, nom: str):
    return _fichier((ligne.encode() for ligne in lignes), "text/csv; charset=utf-8", nom)


def _refus(request, vue: str, erreur: ApplicationError):
    messages.error(request, erreur.message)
    return redirect(f"{reverse(vue)}?{request.GET.urlencode()}")


def _grand_livre(request, lire=selectors.grand_livre):
    """The form's choices and the lines: all in a list (PDF), or streamed
    (`lignes_grand_livre`, CSV)."""
    formulaire = GrandLivreForm(request.GET or None)
    if not (request.GET and formulaire.is_valid() and formulaire.cleaned_data.get("compte")):
        if formulaire.is_bound and formulaire.is_valid():
            formulaire.add_error("compte", "Indiquez le compte (ou la racine de comptes).")
        return formulaire, None
    d = formulaire.cleaned_data
    ouverture, lignes = lire(
        exercice=d["exercice_obj"], compte_numero=d["compte"], du=d.get("du"), au=d.get("au")
    )
    return formulaire, (d, ouverture, lignes)


def _nom_grand_livre(d, extension: str) -> str:
    exercice = d["exercice_obj"]
    du, au = d.get("du") or exercice.debut, d.get("au") or exercice.fin
    return f"grand_livre_{d['compte']}_{exercice.annee}_{du:%Y%m%d}_{au:%Y%m%d}.{extension}"


@fonction_requise
def grand_livre_csv_vue(request):
    formulaire, resultat = _grand_livre(request, lignes_grand_livre)
    if resultat is None:
        return render(request, "ledger/grand_livre.html", {"form": formulaire}, status=400)
    d, ouverture, lignes = resultat
    return _csv(grand_livre_csv(ouverture, lignes, d["compte"]), _nom_grand_livre(d, "csv"))


@fonction_requise
def grand_livre_pdf_vue(request):
    formulaire, resultat = _grand_livre(request)
    if resultat is None:
        return render(request, "ledger/grand_livre.html", {"form": formulaire}, status=400)
    d, ouverture, lignes = resultat
    try:
        contenu = grand_livre_pdf(
            exercice=d["exercice_obj"],
            compte=d["compte"],
            du=d.get("du"),
            au=d.get("au"),
            ouverture=ouverture,
            lignes=lignes,
            edite_par=_editeur(request),
        )
    except ApplicationError as erreur:
        return _refus(request, "ledger:grand_livre", erreur)
    return _fichier(contenu, "application/pdf", _nom_grand_livre(d, "pdf"))


def _journaux(request):
    formulaire = JournalForm(request.GET or None)
    if not (request.GET and formulaire.is_valid()):
        return formulaire, None
    d = formulaire.cleaned_data
    journal = Journal.objects.filter(code=d.get("journal")).first() if d.get("journal") else None
    return formulaire, {
        "exercice": d["exercice_obj"],
        "journal": journal,
        "du": d.get("du"),
        "au": d.get("au"),
    }


def _nom_journaux(choix, extension: str) -> str:
    exercice = choix["exercice"]
    du, au = choix["du"] or exercice.debut, choix["au"] or exercice.fin
    code = f"_{choix['journal'].code}" if choix["journal"] else ""
    return f"journaux{code}_{exercice.annee}_{du:%Y%m%d}_{au:%Y%m%d}.{extension}"


def _journaux_refuses(request, formulaire):
    return render(
        request,
        "ledger/ecritures.html",
        {"form": formulaire, "page": [], "requete": ""},
        status=400,
    )


@fonction_requise
def ecritures_csv(request):
    formulaire, choix = _journaux(request)
    if choix is None:
        return _journaux_refuses(request, formulaire)
    return _csv(journaux_csv(**choix), _nom_journaux(choix, "csv"))


@fonction_requise
def ecritures_pdf(request):
    formulaire, choix = _journaux(request)
    if choix is None:
        return _journaux_refuses(request, formulaire)
    try:
        contenu = journaux_pdf(**choix, edite_par=_editeur(request))
    except ApplicationError as erreur:
        return _refus(request, "ledger:ecritures", erreur)
    return _fichier(contenu, "application/pdf", _nom_journaux(choix, "pdf"))


def _nom_integrite(extension: str) -> str:
    return f"integrite_grand_livre_{horloge.aujourdhui():%Y%m%d}.{extension}"


@fonction_requise
def integrite_csv_vue(request):
    return _csv(integrite_csv(verifier_integrite()), _nom_integrite("csv"))


@fonction_requise
def integrite_pdf_vue(request):
    contenu = integrite_pdf(verifier_integrite(), edite_par=_editeur(request))
    return _fichier(contenu, "application/pdf", _nom_integrite("pdf"))


@fonction_requise
def exercice_fec(request, annee: int):
    if not EXPORTER_FEC_DROIT.accorde(request.user):
        raise PermissionDenied(EXPORTER_FEC_DROIT.refus)
    exercice = get_object_or_404(Exercice, annee=annee)
    return _fichier(
        (ligne.encode(ENCODAGE) for ligne in exporter_fec(exercice)),
        f"text/plain; charset={ENCODAGE}",
        nom_fichier_fec(exercice),
    )
