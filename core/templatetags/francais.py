from django import template

from core.money import format_euros, format_nombre

register = template.Library()


@register.filter
def euros(valeur):
    return format_euros(valeur)


@register.filter
def nombre(valeur):
    return format_nombre(valeur, vide_si_zero=True)


@register.filter
def css_chaine(valeur):
    """Text for a CSS string in a <style> element (page headers of PDFs)."""
    from django.utils.safestring import mark_safe

    texte = (
        str(valeur)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("<", "\\3c ")
        .replace("\n", " ")
    )
    return mark_safe(texte)
