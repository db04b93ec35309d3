"""The login page, the admin's login and the password change, through the
lockout of `personnes.authentification`; the journal of connections that the
agent comptable and the auditor read."""

from __future__ import annotations

import contextlib
import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils import timezone

from core.exceptions import ApplicationError
from core.models import JournalAudit
from personnes.acces import fonction_requise
from personnes.authentification import (
    ACTES,
    ADMINISTRATION,
    CHANGEMENT,
    CONNEXION,
    IdentifiantsIncorrects,
    TropDeTentatives,
    authentifier,
)
from personnes.droits import exerce
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES
from personnes.signature import verifier_mot_de_passe

MESSAGE_INCORRECT = IdentifiantsIncorrects.message_defaut


class _AvecBlocage:
    """`clean` of Django's login forms, through the lockout: a lock is a form
    error with its French message (and the view answers 429)."""

    canal = CONNEXION
    blocage: TropDeTentatives | None = None

    def clean(self):
        identifiant = self.cleaned_data.get("username")
        mot_de_passe = self.cleaned_data.get("password")
        if identifiant is not None and mot_de_passe:
            try:
                self.user_cache = authentifier(
                    self.request, identifiant, mot_de_passe, canal=self.canal
                )
            except TropDeTentatives as blocage:
                self.blocage = blocage
                raise ValidationError(blocage.message, code="blocage") from None
            except IdentifiantsIncorrects:
                raise ValidationError(MESSAGE_INCORRECT, code="invalid_login") from None
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class FormulaireConnexion(_AvecBlocage, AuthenticationForm):
    error_messages = {
        "invalid_login": MESSAGE_INCORRECT,
        "inactive": "Ce compte est désactivé.",
    }


class FormulaireConnexionAdministration(_AvecBlocage, AdminAuthenticationForm):
    canal = ADMINISTRATION


class VueConnexion(auth_views.LoginView):
    """Django's LoginView: a locked login or address answers 429 and Retry-After."""

    form_class = FormulaireConnexion

    def form_invalid(self, form):
        reponse = super().form_invalid(form)
        if form.blocage is not None:
            reponse.status_code = 429
            reponse["Retry-After"] = str(form.blocage.reessayer_dans)
        return reponse


# --- Changing one's password -------------------------------------------------------------


class FormulaireChangement(PasswordChangeForm):
    """The old password is checked like a signature's (counted, locked);
    the new one goes through AUTH_PASSWORD_VALIDATORS."""

    def clean_old_password(self):
        ancien = self.cleaned_data["old_password"]
        try:
            verifier_mot_de_passe(
                self.user,
                ancien,
                refus="Votre mot de passe actuel est incorrect.",
                canal=CHANGEMENT,
            )
        except ApplicationError as refus:  # wrong, or too many tries (TropDeTentatives)
            raise ValidationError(refus.message, code="password_incorrect") from None
        return ancien


class VueChangementMotDePasse(auth_views.PasswordChangeView):
    form_class = FormulaireChangement
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accueil")

    def form_valid(self, form):
        reponse = super().form_valid(form)
        messages.success(self.request, "Votre mot de passe a été changé.")
        return reponse


# --- The journal of connections ---------------------------------------------------------

LECTEURS = FONCTIONS_COMPTABLES | {Fonction.AUDITEUR}
REFUS_JOURNAL = (
    "Seuls l'agent comptable, son fondé de pouvoir et l'auditeur consultent le journal "
    "des connexions."
)
LIBELLES = {
    "authentification.echec": "échec",
    "authentification.blocage": "blocage",
    "authentification.refus_pendant_blocage": "refus pendant un blocage",
    "authentification.reussite": "connexion réussie",
}


class FiltreConnexions(forms.Form):
    identifiant = forms.CharField(required=False, max_length=150)
    adresse = forms.CharField(required=False, max_length=45)
    echecs_seulement = forms.BooleanField(required=False, label="Échecs et blocages seulement")


def _precision(ligne) -> str:
    apres = ligne.apres or {}
    if not apres.get("jusqua"):
        return ""
    with contextlib.suppress(ValueError, TypeError):
        jusqua = timezone.localtime(datetime.datetime.fromisoformat(apres["jusqua"]))
        return f"{apres.get('portee', '')} bloqué jusqu'au {jusqua:%d/%m/%Y à %H h %M}"
    return ""


@fonction_requise
def journal_connexions(request):
    """The audit log's authentication rows, latest first, filtered by login or address."""
    if not exerce(request.user, LECTEURS):
        raise PermissionDenied(REFUS_JOURNAL)
    filtre = FiltreConnexions(request.GET or None)
    lignes = JournalAudit.objects.filter(acte__in=ACTES).select_related("acteur")
    if filtre.is_valid():
        if filtre.cleaned_data["identifiant"]:
            lignes = lignes.filter(apres__identifiant__iexact=filtre.cleaned_data["identifiant"])
        if filtre.cleaned_data["adresse"]:
            lignes = lignes.filter(apres__adresse=filtre.cleaned_data["adresse"].strip())
        if filtre.cleaned_data["echecs_seulement"]:
            lignes = lignes.exclude(acte="authentification.reussite")
    lignes = [
        (ligne, LIBELLES.get(ligne.acte, ligne.acte), _precision(ligne)) for ligne in lignes[:300]
    ]
    return render(request, "personnes/connexions.html", {"filtre": filtre, "lignes": lignes})
