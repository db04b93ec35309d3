"""`{% operations_en_cours as liste %}`: the long operations under way that the
person may follow (`ledger.vues_progression`), for the pages that show them."""

from django import template

from ledger.vues_progression import visibles

register = template.Library()


@register.simple_tag(takes_context=True)
def operations_en_cours(context, cible: str | None = None):
    requete = context.get("request")
    if requete is None or not requete.user.is_authenticated:
        return []
    return [o for o in visibles(requete.user, cible=cible, limite=20) if o.en_cours]
