"""The directeur's pages of contentious recovery (annexe art. 13): the claims
he recovers, a claim's file with a form for each act, the debtor's
collective proceedings, the bailiffs' register, their PDFs and CSVs.
Everyone holding a function reads (the auditors too: they change nothing);
the forms show to whoever holds the droit, and the service checks the rest.
Thin: `contentieux_lecture` to read, `core.actes` to run the acts."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core.actes import page_acte
from recettes.models import LigneOrdreRecette
from recouvrement import actes_contentieux as a
from recouvrement import contentieux_lecture as lecture
from recouvrement import lettres_contentieux as lettres
from recouvrement.acces import lecteur
from recouvrement.contentieux_communs import aujourdhui
from recouvrement.contentieux_procedures import creances_suivies
from recouvrement.models import Debiteur
from recouvrement.models_contentieux import (
    AvisCaisse,
    MiseEnDemeure,
    Poursuite,
    RecoursAmiable,
)
from recouvrement.models_huissiers import ActeHuissier, Huissier
from recouvrement.models_procedures import ProcedureCollective


def _fichier(contenu: bytes, nom: str, type_: str) -> HttpResponse:
    reponse = HttpResponse(contenu, content_type=type_)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


def _pdf(contenu: bytes, nom: str) -> HttpResponse:
    return _fichier(contenu, nom, "application/pdf")


def _csv(contenu: bytes, nom: str) -> HttpResponse:
    return _fichier(contenu, nom, "text/csv; charset=utf-8")


@lecteur
def liste(request):
    le = aujourdhui()
    return render(
        request,
        "recouvrement/contentieux/liste.html",
        {
            "dossiers": lecture.dossiers(le),
            "le": le,
            "procedures": ProcedureCollective.objects.select_related("debiteur").prefetch_related(
                "declarations"
            ),
            "peut_agir": a.CONTENTIEUX_DROIT.accorde(request.user),
        },
    )


@lecteur
def liste_document(request, format_: str):
    le = aujourdhui()
    dossiers = lecture.dossiers(le)
    if format_ == "csv":
        return _csv(lettres.liste_csv(dossiers), f"recouvrement-contentieux-{le:%Y%m%d}.csv")
    if format_ == "pdf":
        return _pdf(lettres.liste_pdf(dossiers, le), f"recouvrement-contentieux-{le:%Y%m%d}.pdf")
    return HttpResponse("Format inconnu : pdf ou csv.", status=404)


@lecteur
def creance(request, pk: int):
    """A claim's contentious file, by its debtor's line."""
    ligne = get_object_or_404(LigneOrdreRecette.objects.select_related("ordre"), pk=pk)
    le = aujourdhui()
    d = lecture.dossier_de(ligne, le)
    peut = a.CONTENTIEUX_DROIT.accorde(request.user)
    huissiers = list(Huissier.objects.all())
    creance_ = d.creance
    return render(
        request,
        "recouvrement/contentieux/creance.html",
        {
            "d": d,
            "le": le,
            "peut_agir": peut,
            "journal": list(creance_.actes.select_related("auteur")) if creance_ else [],
            "autres": lecture.autres_creances(d, le) if peut and d.mise is None else [],
            "huissiers": huissiers,
            "procedures": (
                list(creance_.debiteur.procedures_collectives.all()) if creance_ else []
            ),
            "avis_form": a.AvisReceptionForm(initial={"le": le}),
            "recours_form": a.RecoursForm(initial={"saisie_le": le}),
            "decision_form": a.DecisionForm(initial={"decision_le": le}),
            "poursuite_form": a.PoursuiteForm(),
            "avis_caisse_form": a.AvisCaisseForm(),
            "acte_form": a.ActeHuissierForm(huissiers=huissiers, initial={"le": le}),
            "resultat_form": a.ResultatForm(initial={"le": le}),
            "debiteur_form": (
                a.DebiteurForm(
                    initial={
                        "regime": creance_.debiteur.regime,
                        "forme": creance_.debiteur.forme,
                        "adresse": creance_.debiteur.adresse,
                    }
                )
                if creance_
                else None
            ),
        },
    )


@lecteur
def debiteur(request, pk: int):
    """A debtor in contentious recovery: his claims and collective proceedings."""
    deb = get_object_or_404(Debiteur, pk=pk)
    le = aujourdhui()
    return render(
        request,
        "recouvrement/contentieux/debiteur.html",
        {
            "debiteur": deb,
            "le": le,
            "peut_agir": a.CONTENTIEUX_DROIT.accorde(request.user),
            "creances": creances_suivies(deb),
            "procedures": deb.procedures_collectives.prefetch_related(
                "declarations__creances__ligne__ordre", "evenements"
            ),
            "debiteur_form": a.DebiteurForm(
                initial={"regime": deb.regime, "forme": deb.forme, "adresse": deb.adresse}
            ),
            "procedure_form": a.ProcedureForm(initial={"jugement_le": le}),
            "declaration_form": a.DeclarationForm(initial={"le": le}),
            "evenement_form": a.EvenementForm(initial={"le": le}),
            "issue_form": a.IssueForm(initial={"le": le}),
        },
    )


@lecteur
def huissiers(request):
    le = aujourdhui()
    return render(
        request,
        "recouvrement/contentieux/huissiers.html",
        {
            "registre": lecture.registre_huissiers(le),
            "semestre": lecture.semestre(le),
            "le": le,
            "peut_agir": a.CONTENTIEUX_DROIT.accorde(request.user),
            "huissier_form": a.HuissierForm(),
            "visite_form": a.VisiteForm(initial={"le": le}),
            "dispense_form": a.DispenseForm(initial={"accord_le": le, "du": le, "au": le}),
        },
    )


@lecteur
def huissiers_document(request, format_: str):
    le = aujourdhui()
    registre = lecture.registre_huissiers(le)
    if format_ == "csv":
        return _csv(lettres.registre_csv(registre), f"registre-huissiers-{le:%Y%m%d}.csv")
    if format_ == "pdf":
        return _pdf(
            lettres.registre_pdf(registre, le, lecture.semestre(le)),
            f"registre-huissiers-{le:%Y%m%d}.pdf",
        )
    return HttpResponse("Format inconnu : pdf ou csv.", status=404)


@lecteur
def lettre_mise_en_demeure(request, pk: int):
    mise = get_object_or_404(MiseEnDemeure.objects.select_related("debiteur", "signataire"), pk=pk)
    return _pdf(lettres.lettre_mise_en_demeure(mise), f"mise-en-demeure-{mise.reference}.pdf")


@lecteur
def lettre_avis_caisse(request, pk: int):
    avis = get_object_or_404(
        AvisCaisse.objects.select_related("creance__ligne__ordre", "creance__debiteur"), pk=pk
    )
    return _pdf(lettres.lettre_avis_caisse(avis), f"avis-caisse-{avis.pk}.pdf")


# --- The acts (POST, redirect back to the page with the French message) ------


def _vers_ligne(ligne_id: int) -> str:
    return reverse("recouvrement:contentieux_creance", args=[ligne_id])


def _vers_mise(mise, _r) -> str:
    return _vers_ligne(mise.lignes.first().creance.ligne_id)


def _vers_huissiers(_o, _r) -> str:
    return reverse("recouvrement:huissiers")


def _vers_debiteur(objet, _r) -> str:
    deb = objet if isinstance(objet, Debiteur) else objet.debiteur
    return reverse("recouvrement:contentieux_debiteur", args=[deb.pk])


mise_en_demeure = page_acte(
    a.MISE_EN_DEMEURE,
    queryset=LigneOrdreRecette.objects.all(),
    lire=a.lire_creances,
    vers=lambda ligne, _r: _vers_ligne(ligne.pk),
)
avis_reception = page_acte(
    a.AVIS_RECEPTION,
    queryset=MiseEnDemeure.objects.all(),
    formulaire=a.AvisReceptionForm,
    vers=_vers_mise,
)
recours = page_acte(
    a.RECOURS, queryset=MiseEnDemeure.objects.all(), formulaire=a.RecoursForm, vers=_vers_mise
)
decision = page_acte(
    a.DECISION,
    queryset=RecoursAmiable.objects.select_related("mise_en_demeure"),
    formulaire=a.DecisionForm,
    vers=lambda r, _x: _vers_mise(r.mise_en_demeure, None),
)
poursuite = page_acte(
    a.POURSUITE,
    queryset=LigneOrdreRecette.objects.all(),
    formulaire=a.PoursuiteForm,
    vers=lambda ligne, _r: _vers_ligne(ligne.pk),
)
avis_caisse = page_acte(
    a.AVIS_CAISSE,
    queryset=LigneOrdreRecette.objects.all(),
    formulaire=a.AvisCaisseForm,
    vers=lambda ligne, _r: _vers_ligne(ligne.pk),
)
acte_huissier = page_acte(
    a.ACTE_HUISSIER,
    queryset=Poursuite.objects.select_related("creance"),
    formulaire=a.ActeHuissierForm,
    vers=lambda p, _r: _vers_ligne(p.creance.ligne_id),
)
resultat = page_acte(
    a.RESULTAT,
    queryset=ActeHuissier.objects.select_related("poursuite__creance"),
    formulaire=a.ResultatForm,
    vers=lambda x, _r: _vers_ligne(x.poursuite.creance.ligne_id),
)
debiteur_qualifier = page_acte(
    a.DEBITEUR, queryset=Debiteur.objects.all(), formulaire=a.DebiteurForm, vers=_vers_debiteur
)
procedure = page_acte(
    a.PROCEDURE, queryset=Debiteur.objects.all(), formulaire=a.ProcedureForm, vers=_vers_debiteur
)
declaration = page_acte(
    a.DECLARATION,
    queryset=ProcedureCollective.objects.select_related("debiteur"),
    lire=a.lire_declaration,
    vers=_vers_debiteur,
)
evenement = page_acte(
    a.EVENEMENT,
    queryset=ProcedureCollective.objects.select_related("debiteur"),
    formulaire=a.EvenementForm,
    vers=_vers_debiteur,
)
issue = page_acte(
    a.ISSUE,
    queryset=ProcedureCollective.objects.select_related("debiteur"),
    formulaire=a.IssueForm,
    vers=_vers_debiteur,
)
huissier_inscrire = page_acte(a.HUISSIER, formulaire=a.HuissierForm, vers=_vers_huissiers)
visite = page_acte(
    a.VISITE, queryset=Huissier.objects.all(), formulaire=a.VisiteForm, vers=_vers_huissiers
)
dispense = page_acte(
    a.DISPENSE, queryset=Huissier.objects.all(), formulaire=a.DispenseForm, vers=_vers_huissiers
)
