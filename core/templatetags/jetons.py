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
    return format_html(
        '<input type="hidden" name="{}" value="{}">', jetons.CHAMP, jetons.emettre(utilisateur)
    )
