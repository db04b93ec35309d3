from django import template

from core.money import format_euros, format_nombre

register = template.Library()


@register.filter
def euros(valeur):
    return format_euros(valeur)


@register.filter
def nombre(valeur):
    return format_nombre(valeur, vide_si_zero=True)
