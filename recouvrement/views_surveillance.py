"""Pages of the surveillance: what falls due per role (« Échéances du
recouvrement »), the situations individuelles (annexe art. 13 al. 5-6), the
état nominatif semestriel (al. 7), the guarantees, the register of what the
agent comptable keeps and the lists he addresses to the directeur (circ.
93/82 §2.0.4, §2.0.5). Thin: selectors to read, `core.actes` to act."""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from core import horloge
from core.actes import page_acte
from recouvrement import a_echoir as registre
from recouvrement import actes_surveillance as actes
from recouvrement import etat_nominatif as en
from recouvrement import surveillance_documents as documents
from recouvrement import surveillance_listes as listes
from recouvrement.acces import lecteur
from recouvrement.models import Debiteur
from recouvrement.models_surveillance import (
    ContratConserve,
    EnvoiEtatNominatif,
    EnvoiListe,
    Garantie,
    Liste,
)
from recouvrement.situation import debiteurs_en_contentieux
from recouvrement.situation import situation as situation_de
from recouvrement.surveillance import lignes_a_echoir, pour_qui, semestres_a_adresser
from recouvrement.surveillance_garanties import de_cotisations


def _editeur(request) -> str:
    return request.user.get_full_name() or request.user.username


def _attachement(contenu, type_: str, nom: str) -> HttpResponse:
    reponse = HttpResponse(contenu, content_type=type_)
    reponse["Content-Disposition"] = f'attachment; filename="{nom}"'
    return reponse


def _pdf(contenu: bytes, nom: str) -> HttpResponse:
    return _attachement(contenu, "application/pdf", nom)


def _csv(contenu: str, nom: str) -> HttpResponse:
    return _attachement(contenu, "text/csv; charset=utf-8", nom)


# --- What falls due ----------------------------------------------------------------


@lecteur
def echeances(request):
    aujourdhui = horloge.aujourdhui()
    qui, pour = pour_qui(request.user)
    items = registre.a_echoir(aujourdhui, qui)
    return render(
        request,
        "recouvrement/surveillance/echeances.html",
        {
            "items": lignes_a_echoir(items, aujourdhui),
            "pour": pour,
            "tous": qui is None,
            "aujourdhui": aujourdhui,
        },
    )


@lecteur
def echeances_document(request, format_: str):
    aujourdhui = horloge.aujourdhui()
    qui, pour = pour_qui(request.user)
    items = registre.a_echoir(aujourdhui, qui)
    if format_ == "pdf":
        return _pdf(
            documents.echeances_pdf(items, aujourdhui, pour=pour, edite_par=_editeur(request)),
            "echeances_recouvrement.pdf",
        )
    if format_ == "csv":
        return _csv(documents.echeances_csv(items, aujourdhui), "echeances_recouvrement.csv")
    raise Http404("Ce document n'existe pas.")


# --- Situations individuelles --------------------------------------------------------


@lecteur
def situations(request):
    return render(
        request,
        "recouvrement/surveillance/situations.html",
        {"debiteurs": debiteurs_en_contentieux()},
    )


def _debiteur(pk: int) -> Debiteur:
    return get_object_or_404(Debiteur.objects.select_related("compte"), pk=pk)


@lecteur
def situation(request, pk: int):
    s = situation_de(_debiteur(pk))
    garantie_form = None
    if actes.GARANTIE_DROIT.accorde(request.user):
        garantie_form = actes.GarantieForm(initial={"prise_le": horloge.aujourdhui()})
        # The claim guaranteed, among the debtor's (the service checks it is his).
        garantie_form.fields["creance"].widget = forms.Select(
            choices=[("", "aucune en particulier (le débiteur)")]
            + [(c.creance.pk, f"ordre n° {c.ordre} : {c.objet}") for c in s.creances]
        )
    return render(
        request,
        "recouvrement/surveillance/situation.html",
        {"s": s, "garantie_form": garantie_form},
    )


@lecteur
def situation_document(request, pk: int, format_: str):
    s = situation_de(_debiteur(pk))
    if format_ == "pdf":
        return _pdf(
            documents.situation_pdf(s, edite_par=_editeur(request)),
            f"situation_individuelle_{s.debiteur.pk}.pdf",
        )
    if format_ == "csv":
        return _csv(documents.situation_csv(s), f"situation_individuelle_{s.debiteur.pk}.csv")
    raise Http404("Ce document n'existe pas.")


garantie_prendre = page_acte(
    actes.GARANTIE,
    queryset=Debiteur.objects.all(),
    formulaire=actes.GarantieForm,
    vers="recouvrement:situation",
)


# --- Guarantees ----------------------------------------------------------------------


@lecteur
def garanties(request):
    u = request.user
    aujourdhui = {"le": horloge.aujourdhui()}
    liste = list(Garantie.objects.select_related("debiteur", "creance__ligne__ordre"))
    for g in liste:
        # Mortgages securing cotisations are not the agent comptable's to
        # signal (circ. 93/82 §2.0.4: « sauf en matière de cotisations »).
        g.a_signaler = g.nature == Garantie.Nature.HYPOTHEQUE and not de_cotisations(g)
    return render(
        request,
        "recouvrement/surveillance/garanties.html",
        {
            "garanties": liste,
            "signaler_form": actes.SignalerForm(initial={"signalee_le": aujourdhui["le"]})
            if actes.SIGNALER_DROIT.accorde(u)
            else None,
            "renouveler_form": actes.RenouvelerForm(initial={"renouvelee_le": aujourdhui["le"]})
            if actes.GARANTIE_DROIT.accorde(u)
            else None,
            "mainlevee_form": actes.MainleveeForm(initial={"mainlevee_le": aujourdhui["le"]})
            if actes.GARANTIE_DROIT.accorde(u)
            else None,
        },
    )


def _vers_garanties(_objet, _resultat) -> str:
    return reverse("recouvrement:garanties")


peremption_signaler = page_acte(
    actes.SIGNALER,
    queryset=Garantie.objects.all(),
    formulaire=actes.SignalerForm,
    vers=_vers_garanties,
)
garantie_renouveler = page_acte(
    actes.RENOUVELER,
    queryset=Garantie.objects.all(),
    formulaire=actes.RenouvelerForm,
    vers=_vers_garanties,
)
garantie_lever = page_acte(
    actes.MAINLEVEE,
    queryset=Garantie.objects.all(),
    formulaire=actes.MainleveeForm,
    vers=_vers_garanties,
)


# --- Leases, contracts, titles kept ------------------------------------------------


def _vers_contrats(_objet, _resultat) -> str:
    return reverse("recouvrement:contrats_conserves")


@lecteur
def contrats(request):
    peut = actes.CONTRAT_DROIT.accorde(request.user)
    return render(
        request,
        "recouvrement/surveillance/contrats.html",
        {
            "contrats": ContratConserve.objects.all(),
            "contrat_form": actes.ContratForm() if peut else None,
            "informer_form": actes.InformerForm(initial={"informe_le": horloge.aujourdhui()})
            if peut
            else None,
        },
    )


contrat_enregistrer = page_acte(actes.CONTRAT, formulaire=actes.ContratForm, vers=_vers_contrats)
directeur_informer = page_acte(
    actes.INFORMER,
    queryset=ContratConserve.objects.all(),
    formulaire=actes.InformerForm,
    vers=_vers_contrats,
)


# --- Lists addressed to the directeur -----------------------------------------------


def _vers_listes(_objet, _resultat) -> str:
    return reverse("recouvrement:listes_directeur")


@lecteur
def listes_directeur(request):
    u = request.user
    aujourdhui = horloge.aujourdhui()
    return render(
        request,
        "recouvrement/surveillance/listes.html",
        {
            "aujourdhui": aujourdhui,
            "defaillants": listes.debiteurs_defaillants(aujourdhui),
            "irrecouvrees": listes.creances_irrecouvrees(aujourdhui),
            "periodicites": [
                (liste, listes.periodicite(liste), listes.prochain_envoi(liste)) for liste in Liste
            ],
            "envois": EnvoiListe.objects.select_related("par")[:20],
            "liste_form": actes.ListeForm(initial={"le": aujourdhui})
            if actes.LISTE_DROIT.accorde(u)
            else None,
            "periodicite_form": actes.PeriodiciteForm(initial={"a_compter_du": aujourdhui})
            if actes.PERIODICITE_DROIT.accorde(u)
            else None,
        },
    )


@lecteur
def liste_document(request, liste: str, format_: str):
    if liste not in Liste.values:
        raise Http404("Cette liste n'existe pas.")
    aujourdhui = horloge.aujourdhui()
    if format_ == "csv":
        contenu, _n, _t = listes.liste_csv(liste, aujourdhui)
        return _csv(contenu, f"{liste}_{aujourdhui:%Y%m%d}.csv")
    if format_ == "pdf":
        contexte = (
            {"defaillants": listes.debiteurs_defaillants(aujourdhui)}
            if liste == Liste.DEFAILLANTS
            else {"irrecouvrees": listes.creances_irrecouvrees(aujourdhui)}
        )
        return _pdf(
            documents.liste_pdf(
                Liste(liste).label, aujourdhui, contexte, edite_par=_editeur(request)
            ),
            f"{liste}_{aujourdhui:%Y%m%d}.pdf",
        )
    raise Http404("Ce document n'existe pas.")


periodicite_fixer = page_acte(
    actes.PERIODICITE, formulaire=actes.PeriodiciteForm, vers=_vers_listes
)
liste_adresser = page_acte(actes.LISTE, formulaire=actes.ListeForm, vers=_vers_listes)


# --- État nominatif semestriel ---------------------------------------------------------


@lecteur
def etats_nominatifs(request):
    aujourdhui = horloge.aujourdhui()
    dernier = en.dernier_semestre_clos(aujourdhui)
    return render(
        request,
        "recouvrement/surveillance/etats_nominatifs.html",
        {
            "envois": EnvoiEtatNominatif.objects.select_related("par"),
            "a_adresser": semestres_a_adresser(aujourdhui),
            "dernier": dernier,
            "en_cours": en.semestre_de(aujourdhui),
        },
    )


def _semestre(annee: int, semestre: int) -> en.Semestre:
    if semestre not in (1, 2):
        raise Http404("Un semestre est le premier (1) ou le second (2).")
    return en.Semestre(annee, semestre)


@lecteur
def etat_nominatif(request, annee: int, semestre: int):
    s = _semestre(annee, semestre)
    aujourdhui = horloge.aujourdhui()
    envoi = en.envoi_du(s)
    au = s.arrete_au if aujourdhui > s.arrete_au else aujourdhui
    return render(
        request,
        "recouvrement/surveillance/etat_nominatif.html",
        {
            "s": s,
            "etat": en.etat_au(au),
            "provisoire": au != s.arrete_au,
            "envoi": envoi,
            "jours": (s.limite - aujourdhui).days,
            "retard": max(0, (aujourdhui - s.limite).days),
            "form": actes.EtatNominatifForm(initial={"envoye_le": aujourdhui})
            if envoi is None
            and aujourdhui > s.arrete_au
            and actes.ETAT_NOMINATIF_DROIT.accorde(request.user)
            else None,
        },
    )


@lecteur
def etat_nominatif_document(request, annee: int, semestre: int, format_: str):
    s = _semestre(annee, semestre)
    envoi = en.envoi_du(s)
    aujourdhui = horloge.aujourdhui()
    au = s.arrete_au if aujourdhui > s.arrete_au else aujourdhui
    nom = f"etat_nominatif_{s.annee}_S{s.numero}"
    if format_ == "csv":
        # Once sent, the état as it was sent.
        if envoi is not None:
            return _csv(envoi.contenu, f"{nom}.csv")
        etat = en.etat_au(au)
        return _csv(en.etat_csv(etat, provisoire=au != s.arrete_au), f"{nom}.csv")
    if format_ == "pdf":
        return _pdf(
            documents.etat_nominatif_pdf(en.etat_au(au), s, envoi, edite_par=_editeur(request)),
            f"{nom}.pdf",
        )
    raise Http404("Ce document n'existe pas.")


def etat_nominatif_adresser(request, annee: int, semestre: int):
    s = _semestre(annee, semestre)

    def lire_formulaire(req):
        from core.actes import erreurs_formulaire
        from core.exceptions import DonneeInvalide

        saisie = actes.EtatNominatifForm(req.POST)
        if not saisie.is_valid():
            raise DonneeInvalide(erreurs_formulaire(saisie))
        return {**saisie.cleaned_data, "annee": s.annee, "semestre": s.numero}

    vue = page_acte(
        actes.ETAT_NOMINATIF,
        lire=lire_formulaire,
        vers=lambda _o, _r: reverse("recouvrement:etat_nominatif", args=[s.annee, s.numero]),
    )
    return vue(request)
