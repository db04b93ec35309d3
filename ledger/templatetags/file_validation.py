"""`{% file_validation %}`: what the books' pages do not show yet.

Entries recorded and not yet validated (migration 0023) have no number and
are in no balance, grand livre or journal until the sequencer validates them,
within a second when it runs; entries the ledger refused at validation are
rejected. The pages of the books say both, so that nobody reads a balance
without knowing what waits.
"""

from django import template

from ledger.services import file_attente, rejets

register = template.Library()


@register.inclusion_tag("ledger/_file_validation.html")
def file_validation():
    en_attente, premiers = file_attente(limite=10)
    rejetees, derniers = rejets(limite=10)
    return {
        "en_attente": en_attente,
        "premiers": premiers,
        "rejetees": rejetees,
        "derniers": derniers,
    }
