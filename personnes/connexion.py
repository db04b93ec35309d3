"""The login page, the admin's login and the password change, through the
lockout of `personnes.authentification`; the journal of connections that the
agent comptable and the auditor read."""

from __future__ import annotations

import contextlib
import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.safestring import mark_safe

from core.audit import audit
from core.exceptions import ApplicationError
from core.jetons import une_fois
from core.models import JournalAudit
from personnes import second_facteur as services_facteur
from personnes.acces import fonction_requise
from personnes.authentification import (
    ACTES,
    ADMINISTRATION,
    CHANGEMENT,
    CONNEXION,
    LONGUEUR_MOT_DE_PASSE,
    IdentifiantsIncorrects,
    TropDeTentatives,
    authentifier,
)
from personnes.droits import exerce
from personnes.models import Fonction, SecondFacteur
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
        if mot_de_passe and len(mot_de_passe) > LONGUEUR_MOT_DE_PASSE:
            # no password is that long (the change page refuses it): not even hashed
            raise ValidationError(MESSAGE_INCORRECT, code="invalid_login")
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

    def clean_new_password1(self):
        nouveau = self.cleaned_data.get("new_password1") or ""
        if len(nouveau) > LONGUEUR_MOT_DE_PASSE:
            raise ValidationError(
                f"Le mot de passe compte au plus {LONGUEUR_MOT_DE_PASSE} caractères "
                "(une signature n'en accepte pas davantage).",
                code="password_too_long",
            )
        return nouveau


class VueChangementMotDePasse(auth_views.PasswordChangeView):
    form_class = FormulaireChangement
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accueil")

    def form_valid(self, form):
        """The change is an act: the form's one-time token consumed with it, audited."""

        def changer():
            form.save()
            audit(form.user, "mot_de_passe.change", form.user)

        try:
            une_fois(self.request, changer)
        except ApplicationError as refus:
            messages.error(self.request, refus.message)
            return redirect("personnes:mot_de_passe")
        update_session_auth_hash(self.request, form.user)
        messages.success(self.request, "Votre mot de passe a été changé.")
        return redirect(self.get_success_url())


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
    "authentification.blocage_leve": "blocage levé par un administrateur",
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


# --- The second factor of signatures -----------------------------------------------------


class FormulaireSecondFacteur(forms.Form):
    code = forms.CharField(label="Code à six chiffres", max_length=10)
    mot_de_passe = forms.CharField(
        label="Mot de passe", max_length=LONGUEUR_MOT_DE_PASSE, widget=forms.PasswordInput
    )


@fonction_requise
def second_facteur(request):
    """Enrol a second factor (a new secret, then a first code), or withdraw it."""
    utilisateur = request.user
    if request.method == "POST":
        action = request.POST.get("action")
        formulaire = FormulaireSecondFacteur(request.POST)
        try:
            if action == "preparer":
                une_fois(
                    request,
                    lambda: services_facteur.second_facteur_preparer(acting_user=utilisateur),
                )
                messages.info(
                    request,
                    "Secret créé : enregistrez-le dans votre application, puis confirmez "
                    "avec le code qu'elle affiche.",
                )
            elif action in ("confirmer", "retirer") and formulaire.is_valid():
                service = (
                    services_facteur.second_facteur_confirmer
                    if action == "confirmer"
                    else services_facteur.second_facteur_retirer
                )
                une_fois(
                    request,
                    lambda: service(
                        acting_user=utilisateur,
                        code=formulaire.cleaned_data["code"],
                        mot_de_passe=formulaire.cleaned_data["mot_de_passe"],
                    ),
                )
                messages.success(
                    request,
                    "Second facteur en service : chaque signature demandera désormais son code."
                    if action == "confirmer"
                    else "Second facteur retiré : la signature ne demande plus que le mot de passe.",
                )
            else:
                messages.error(request, "Indiquez le code à six chiffres et votre mot de passe.")
        except ApplicationError as refus:
            messages.error(request, refus.message)
        return redirect("personnes:second_facteur")
    actif = services_facteur.facteur_actif(utilisateur)
    en_attente = None
    if actif is None:
        en_attente = SecondFacteur.objects.filter(
            utilisateur=utilisateur, confirme_le__isnull=True
        ).first()
    contexte = {"actif": actif, "en_attente": en_attente, "formulaire": FormulaireSecondFacteur()}
    if en_attente is not None:
        contexte["adresse_otpauth"] = services_facteur.adresse_otpauth(en_attente)
        contexte["qr_svg"] = mark_safe(services_facteur.qr_svg(en_attente))  # noqa: S308 (segno's SVG)
    return render(request, "personnes/second_facteur.html", contexte)
