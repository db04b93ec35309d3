"""`{% jeton_formulaire %}`: the one-time token of a page's act form (`core.jetons`).

Put it beside `{% csrf_token %}` in every form that runs an act; the page
that receives the form runs the act through `core.jetons.une_fois` (the act
mechanism of `core.actes` does it for its pages)."""

from django import template
from django.utils.html import format_html

from core import jetons

register = template.Library()


@register.simple_tag(takes_context=True)
def jeton_formulaire(context):
    requete = context.get("request")
    utilisateur = getattr(requete, "user", None)
    if utilisateur is None or not utilisateur.is_authenticated:
        return ""
    jeton = format_html(
        '<input type="hidden" name="{}" value="{}">', jetons.CHAMP, jetons.emettre(utilisateur)
    )
    session = getattr(requete, "session", None)
    if session is None or session.get(jetons.CLE_SESSION) != requete.path:
        return jeton
    # The form's page after a refusal of identical data sent to it (a form
    # that posts to its own page: a receipt, an entry, a transfer): it offers
    # to confirm a second act on purpose (ids numbered per page).
    rang = context.render_context.get("jetons_rang", 0) + 1
    context.render_context["jetons_rang"] = rang
    return format_html(
        '{}<p class="second-acte"><input type="checkbox" id="second-acte-{}" name="{}" value="1"> '
        '<label for="second-acte-{}" class="en-ligne">Second acte identique, voulu : '
        "l'enregistrer bien que les mêmes données viennent d'être envoyées</label></p>",
        jeton,
        rang,
        jetons.SECOND_ACTE,
        rang,
    )
