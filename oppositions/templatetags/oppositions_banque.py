from django import template

from oppositions.banque import formater_iban

register = template.Library()


@register.filter
def iban(valeur):
    """An IBAN in groups of four characters, as printed on a RIB."""
    return formater_iban(valeur) if valeur else ""
