"""One mechanism turns a business act into a page action and an API action.

An act is a service plus the way people hand it its data: a Django form for
the page, a serializer for the API. Declared once as an `Acte`, it becomes

- a page action (`page_acte`): POST only, works without JavaScript; it runs
  the service, then redirects with the French message of its success or of
  its refusal (POST-redirect-GET);
- an API action (`api_acte`): returns the object the act produced, or the
  `{code, message, details}` error of `core.api`.

The edge checks the act's droit (the permission catalogue's entry: any
object with `exiger(utilisateur)` and `refus`) before the service runs; the
service checks it again with the date, the delegation and the object.

A page runs an act through `executer` only: the form's one-time token
(`core.jetons`) is consumed in the act's own transaction, so that the same
form sent twice records its act once (the second is refused and shown the
page the first led to), and a refused act leaves the form usable. An API
action runs its act through `core.idempotence`: in one transaction that
first inserts the request's `Idempotency-Key`, when it carries one, so that a
request retried records its act once; every write method of an `ActeApi`
subclass is run that way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from core import acte_courant, idempotence, jetons
from core.exceptions import ApplicationError, DonneeInvalide, FormulaireDejaEnvoye


@dataclass(frozen=True)
class Acte:
    """A business act as pages and the API see it.

    `executer(utilisateur, objet, donnees)` calls the service: `objet` is the
    object acted on (None for an act that creates), `donnees` the cleaned
    data of the form or serializer. `succes` is the page's French message:
    a text where `{ref}` stands for the reference of the object (or of what
    was created), or a function `(objet, donnees) -> str`.
    """

    nom: str
    executer: Callable[[Any, Any, dict], Any]
    droit: Any = None
    succes: str | Callable[[Any, dict], str] = "Acte enregistré."
    # `prealable(utilisateur, objet)`: what the act records before itself, in a
    # transaction of its own, and which stands even when the act is refused
    # (the plan de contrôle's draw: a refusal must not let anyone draw again).
    # The service calls it too; it is idempotent. The page runs it before the
    # transaction of the form's token, which would otherwise undo it.
    prealable: Callable[[Any, Any], Any] | None = None

    def lancer(self, utilisateur, objet, donnees: dict, *, prealable_fait: bool = False):
        """Run the service, the act's name and droit's code known to its guards
        (`core.acte_courant`); `prealable_fait` when the prealable has just run
        for this person and object, which the service then does not run again."""
        with acte_courant.en_cours(self.nom, getattr(self.droit, "code", None)):
            if not prealable_fait:
                return self.executer(utilisateur, objet, donnees)
            with acte_courant.prealable_fait(utilisateur, objet):
                return self.executer(utilisateur, objet, donnees)

    def message(self, cible, donnees: dict) -> str:
        """The page's success message for `cible` (the object, or what was created)."""
        if callable(self.succes):
            return self.succes(cible, donnees)
        return self.succes.format(ref=reference(cible))


def reference(objet) -> str:
    return str(getattr(objet, "reference", None) or getattr(objet, "pk", "") or "")


def executer(
    request, acte: Acte, objet, donnees: dict, *, vers: Callable[[Any], str] | None = None
):
    """Run `acte` for a page: in one transaction, the form's one-time token is
    consumed, then the service runs (`core.jetons.une_fois`). `vers(resultat)`
    is the page the act leads to, where a second submission of the same form
    is sent back. Raises the act's refusal, `JetonInvalide` or
    `FormulaireDejaEnvoye` (each an `ApplicationError`)."""
    jetons.verifier(request)  # before the prealable records anything
    fait = acte.prealable is not None and objet is not None
    if fait:
        acte.prealable(request.user, objet)
    return jetons.une_fois(
        request,
        lambda: acte.lancer(request.user, objet, donnees, prealable_fait=fait),
        vers=vers,
    )


def deja_fait(erreur: ApplicationError) -> str:
    """Where a form sent a second time goes back: the page its first act led to
    (empty when unknown, or when `erreur` is another refusal)."""
    return erreur.vers if isinstance(erreur, FormulaireDejaEnvoye) else ""


def _messages_par_defaut(champ) -> dict:
    """The messages Django's field class gives by itself, code by code."""
    messages_classe = {}
    for classe in reversed(type(champ).__mro__):
        messages_classe.update(getattr(classe, "default_error_messages", {}))
    return messages_classe


def erreurs_formulaire(formulaire) -> str:
    """The form's errors as one French sentence for a page message. A message
    of Django's own (« Ce champ est obligatoire. ») is prefixed by the field's
    label; one the form wrote for its field says it all and stands alone."""
    parties = []
    for nom, erreurs in formulaire.errors.as_data().items():
        champ = formulaire.fields.get(nom)
        for erreur in erreurs:
            texte = " ".join(erreur.messages)
            propre = (
                champ is not None
                and erreur.code in champ.error_messages
                and str(champ.error_messages[erreur.code])
                != str(_messages_par_defaut(champ).get(erreur.code, ""))
            )
            libelle = (champ.label or nom) if champ is not None else ""
            parties.append(texte if propre or not libelle else f"{libelle} : {texte}")
    return " ".join(parties) or "Les données saisies sont invalides."


def page_acte(
    acte: Acte,
    *,
    queryset=None,
    formulaire=None,
    lire: Callable[[Any], dict] | None = None,
    vers: str | Callable[[Any, Any], str],
):
    """A page action (POST) for `acte` on an object of `queryset` (`pk` in the URL).

    The data come from `formulaire` (a Django form class, built with POST and
    FILES) or from `lire(request)` (which raises `DonneeInvalide` with its
    message). `vers` is the URL name to go back to (with the object's pk), or
    a function `(objet, resultat) -> url`.
    """

    def adresse(objet, resultat) -> str:
        if callable(vers):
            return resolve_url(vers(objet, resultat))
        cible = objet if objet is not None else resultat
        return resolve_url(vers, pk=cible.pk) if cible is not None else resolve_url(vers)

    @require_POST
    def vue(request, pk: int | None = None):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        objet = None
        try:
            # Who acts first (the catalogue's droit reads and records nothing: the
            # person without it reads why); then a form without its one-time
            # token is refused before anything else is read.
            if acte.droit is not None:
                acte.droit.exiger(request.user)
            jetons.verifier(request)
            objet = get_object_or_404(queryset, pk=pk) if queryset is not None else None
            if formulaire is not None:
                saisie = formulaire(request.POST, request.FILES)
                if not saisie.is_valid():
                    raise DonneeInvalide(erreurs_formulaire(saisie))
                donnees = saisie.cleaned_data
            elif lire is not None:
                donnees = lire(request)
            else:
                donnees = {}
            resultat = executer(request, acte, objet, donnees, vers=lambda r: adresse(objet, r))
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
            if deja_fait(erreur):
                return redirect(deja_fait(erreur))
            if objet is None and queryset is not None:  # refused before it was read
                objet = queryset.filter(pk=pk).first()
            if objet is None:
                # Back to the page the act came from, if it is one of ours.
                precedente = request.META.get("HTTP_REFERER", "")
                if not url_has_allowed_host_and_scheme(
                    precedente,
                    allowed_hosts={request.get_host()},
                    require_https=request.is_secure(),
                ):
                    precedente = "/"
                return redirect(precedente)
            return redirect(adresse(objet, None))
        messages.success(request, acte.message(objet if objet is not None else resultat, donnees))
        return redirect(adresse(objet, resultat))

    vue.acte = acte
    return vue


def page_formulaire(
    request,
    acte: Acte,
    *,
    formulaire,
    gabarit: str,
    vers: str | Callable[[Any, Any], str],
    objet=None,
    initial: dict | None = None,
    contexte: dict | None = None,
):
    """A page that shows `formulaire` and, on POST, runs `acte` with its data.

    Valid and accepted: redirect with the success message. Invalid or refused:
    the form again, with the French refusal and status 400, nothing changed.
    Refused at the edge (the act's droit): 403 with the catalogue's message.
    """
    if acte.droit is not None and not acte.droit.accorde(request.user):
        raise DjangoPermissionDenied(acte.droit.refus)
    saisie = (
        formulaire(request.POST, request.FILES)
        if request.method == "POST"
        else formulaire(initial=initial)
    )

    def adresse(resultat) -> str:
        if callable(vers):
            return resolve_url(vers(objet, resultat))
        return resolve_url(vers, pk=(resultat if resultat is not None else objet).pk)

    if request.method == "POST" and saisie.is_valid():
        try:
            resultat = executer(request, acte, objet, saisie.cleaned_data, vers=adresse)
        except ApplicationError as erreur:
            messages.error(request, erreur.message)
            if deja_fait(erreur):
                return redirect(deja_fait(erreur))
        else:
            messages.success(
                request,
                acte.message(resultat if resultat is not None else objet, saisie.cleaned_data),
            )
            return redirect(adresse(resultat))
    return render(
        request,
        gabarit,
        {"form": saisie, **(contexte or {})},
        status=400 if request.method == "POST" else 200,
    )


def soumettre(
    request,
    acte: Acte,
    formulaire,
    *,
    vers: str | Callable[[Any], Any],
    donnees: Callable[[Any], dict] | None = None,
    objet=None,
):
    """The POST of a page that people read and whose form runs `acte` (a list
    with its entry form): a valid form runs the act and redirects with its
    success message; an invalid one, or the act's French refusal (a
    non-field error of the form), returns None, and the page shows the form
    again with status 400. `donnees(formulaire)` builds what the act takes
    (its cleaned data by default); `vers` is a URL name taking the result's pk,
    or a function of the result giving the URL."""
    if acte.droit is not None and not acte.droit.accorde(request.user):
        raise DjangoPermissionDenied(acte.droit.refus)
    if not formulaire.is_valid():
        return None
    d = donnees(formulaire) if donnees is not None else formulaire.cleaned_data

    def adresse(resultat) -> str:
        cible = resultat if resultat is not None else objet
        return resolve_url(vers(cible)) if callable(vers) else resolve_url(vers, pk=cible.pk)

    try:
        resultat = executer(request, acte, objet, d, vers=adresse)
    except ApplicationError as erreur:
        if deja_fait(erreur):
            messages.error(request, erreur.message)
            return redirect(deja_fait(erreur))
        formulaire.add_error(None, erreur.message)
        return None
    messages.success(request, acte.message(resultat if resultat is not None else objet, d))
    return redirect(adresse(resultat))


def _exiger_corps_lisible(request) -> None:
    """An act that takes no body still refuses a body it cannot read (400, or
    415 for a type no parser knows), as the acts with a body do: a client that
    sent a broken body meant something else, and the act must not run on it."""
    longueur = request.META.get("CONTENT_LENGTH") or "0"
    if longueur != "0" or request.META.get("HTTP_TRANSFER_ENCODING"):
        request.data  # noqa: B018 — parsing is the check (core.parseurs)


class ActeApi(APIView):
    """Base of the API actions built by `api_acte`."""

    acte: Acte
    queryset = None
    # The French 404 of an object that does not exist (« L'encaissement n° {pk} n'existe pas. »).
    introuvable = ""
    entree = None
    sortie: Callable[[Any], Any] = staticmethod(lambda resultat: None)
    statut = status.HTTP_200_OK

    def check_permissions(self, request):
        super().check_permissions(request)
        droit = self.acte.droit
        if droit is not None:
            try:
                droit.exiger(request.user)
            except ApplicationError as refus:
                raise PermissionDenied(refus.message) from refus

    def __init_subclass__(cls, **kwargs):
        """A write method a subclass defines runs in one transaction that
        honours the request's `Idempotency-Key` (`core.idempotence`)."""
        super().__init_subclass__(**kwargs)
        for nom in idempotence.METHODES:
            methode = cls.__dict__.get(nom)
            if methode is not None and not getattr(methode, "idempotente", False):
                setattr(cls, nom, idempotence.idempotente(methode))

    def post(self, request, pk: int | None = None):
        # The key first: a retry is answered as the first request was, before
        # its object and data are read again (`core.idempotence`).
        cle = idempotence.lire(request)
        deja = idempotence.reponse_connue(cle)
        if deja is not None:
            return deja
        if self.entree is None:
            _exiger_corps_lisible(request)
        objet = None
        if self.queryset is not None:
            objet = self.queryset.filter(pk=pk).first()
            if objet is None:
                raise NotFound(self.introuvable.format(pk=pk) if self.introuvable else None)
        donnees = {}
        if self.entree is not None:
            serialiseur = self.entree(data=request.data, context={"request": request})
            serialiseur.is_valid(raise_exception=True)
            donnees = serialiseur.validated_data
        # One transaction for the act, as the pages' `une_fois` gives theirs: a
        # service that forgot its own cannot leave half an act, nor lock rows
        # outside one; the idempotency key is inserted first in it. What the
        # act records before itself stands apart.
        fait = self.acte.prealable is not None and objet is not None
        if fait:
            self.acte.prealable(request.user, objet)

        def faire():
            resultat = self.acte.lancer(request.user, objet, donnees, prealable_fait=fait)
            return Response(
                type(self).sortie(resultat if resultat is not None else objet), status=self.statut
            )

        return idempotence.executer(request, cle, faire)

    post.idempotente = True


def api_acte(
    acte: Acte,
    *,
    queryset=None,
    entree=None,
    sortie: Callable[[Any], Any],
    reponse=None,
    statut: int = status.HTTP_200_OK,
    resume: str = "",
    permissions=None,
    operation_id: str | None = None,
    introuvable: str = "",
) -> type[ActeApi]:
    """An API action (POST) for `acte`; `sortie(resultat)` gives the response's data
    (`reponse` is its serializer class, for the OpenAPI schema)."""

    def post(self, request, pk: int | None = None):
        return ActeApi.post(self, request, pk)

    post.idempotente = True  # ActeApi.post takes the key in hand

    schema = {"request": entree, "responses": {statut: reponse}, "summary": resume or acte.nom}
    if operation_id:
        schema["operation_id"] = operation_id
    attributs = {
        "acte": acte,
        "queryset": queryset,
        "entree": entree,
        "sortie": staticmethod(sortie),
        "statut": statut,
        "introuvable": introuvable,
        "__doc__": resume or acte.nom,
        # The schema goes on the method: an operation id set on the class
        # would be shared by every method drf-spectacular sees there.
        "post": extend_schema(**schema)(post),
    }
    if permissions is not None:
        attributs["permission_classes"] = permissions
    return type(f"Api_{acte.nom.replace('.', '_')}", (ActeApi,), attributs)
