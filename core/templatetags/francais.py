from django import template
from django.utils.safestring import mark_safe

from core.money import format_euros, format_nombre

register = template.Library()


@register.filter
def euros(valeur):
    return format_euros(valeur)


@register.filter
def euros_absolus(valeur):
    """An amount without its sign, when the words say which way it goes
    (« manquant de 120,00 € », not « manquant de -120,00 € »)."""
    return format_euros(abs(valeur))


@register.simple_tag
def formulaire(form, *parties):
    """A form shown once per object of a page (one per order of a register):
    its fields' ids carry the object's name, so each label names its own field
    and no id repeats on the page (`{% formulaire sursis_form "sursis" ordre.pk %}`)."""
    prefixe = "-".join(str(p) for p in parties)
    form.auto_id = f"id_{prefixe}_%s"
    return form.as_p()


@register.filter
def nombre(valeur):
    return format_nombre(valeur, vide_si_zero=True)


@register.filter
def entier(valeur):
    """A count, its thousands apart as the amounts' are (« 10 001 »)."""
    return f"{int(valeur):,}".replace(",", "\u00a0")


@register.filter
def css_chaine(valeur):
    """Text for a CSS string in a <style> element (page headers of PDFs)."""
    texte = (
        str(valeur)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("<", "\\3c ")
        .replace("\n", " ")
    )
    return mark_safe(texte)


ACTES = {
    "ordre_recette.cree": "création du brouillon",
    "ordre_recette.modifie": "modification du brouillon",
    "ordre_recette.piece_jointe": "pièce justificative jointe",
    "ordre_recette.signe": "signature",
    "ordre_recette.transmis": "transmission à l'agent comptable",
    "ordre_recette.pris_en_charge": "prise en charge",
    "ordre_recette.rejete": "rejet",
    "ordre_recette.repris": "reprise en brouillon",
    "ordre_recette.abandonne": "abandon",
    "ordre_recette.reduction_signee": "ordre de réduction signé",
    "ordre_recette.reduction_prise_en_charge": "réduction prise en charge",
    "ordre_depense.cree": "création (liquidation)",
    "ordre_depense.piece_jointe": "pièce justificative jointe",
    "ordre_depense.service_fait": "service fait attesté",
    "ordre_depense.signe": "ordonnancement (signature)",
    "ordre_depense.transmis": "transmission à l'agent comptable",
    "ordre_depense.vise": "visa",
    "ordre_depense.suspendu": "suspension du paiement",
    "ordre_depense.complete": "dossier complété",
    "ordre_depense.retire": "retrait",
    "ordre_depense.requis": "réquisition",
    "ordre_depense.certificat_non_paiement": "certificat de non-paiement",
    "ordre_depense.duplicata": "duplicata émis",
    "ordre_depense.reimpute": "certificat de réimputation",
    "ordre_depense.reimputation_delivree": "certificat de réimputation délivré par le directeur",
    "ordre_depense.reimputation_prise_en_charge": "certificat de réimputation pris en charge",
    "ordre_depense.reimputation_rejetee": "certificat de réimputation rejeté",
    "ordre_depense.vise_sur_requisition": "visa sur réquisition",
    "ordre_depense.requisition_refusee": "refus de déférer à la réquisition",
    "ordre_depense.paye": "paiement",
    "ordre_depense.virement_retourne": "virement retourné par la banque",
    "tresorerie.virement_retourne": "virement retourné par la banque",
    "tresorerie.coordonnees_corrigees": "coordonnées bancaires corrigées",
    "ordre_depense.controle_tire": "tirage au sort du plan de contrôle",
    "ordre_recette.controle_tire": "tirage au sort du plan de contrôle",
}


@register.filter
def libelle_acte(code):
    """The audit log's act codes, as a person reads them."""
    if code in ACTES:
        return ACTES[code]
    # An act not named above still reads as words, not as a code.
    return str(code).rpartition(".")[2].replace("_", " ")
