"""`{% resume_vie_des_comptes exercice %}`: where the comptes annuels of an
exercise stand after the board (the deadline of their sending, D613-41; the
approval; the quitus), on the exercise's comptes annuels page, with the link
to the page « Vie des comptes »."""

from __future__ import annotations

from django import template

from comptes_annuels.selectors_cycle import vie_des_comptes
from core import horloge

register = template.Library()


@register.inclusion_tag("comptes_annuels/cycle_resume.html")
def resume_vie_des_comptes(exercice) -> dict:
    return {"exercice": exercice, "vie": vie_des_comptes(exercice, horloge.aujourdhui())}
