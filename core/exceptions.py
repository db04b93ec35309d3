"""One tree of domain errors, each carrying the French message the user sees.

Services raise them; the DRF handler (`core.api`) and the pages turn them into
`{"code", "message", "details"}` or a message on the page. Errors raised by
the database's own guards (triggers, constraints) are translated by
`erreur_base`, so a refusal by PostgreSQL reads the same as one by a service.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import DatabaseError, transaction

from core import messages_base


class ApplicationError(Exception):
    code = "erreur_application"
    statut_http = 400
    message_defaut = "L'opération a été refusée."

    def __init__(self, message: str | None = None, *, details: dict[str, Any] | None = None):
        self.message = message or self.message_defaut
        self.details = details or {}
        super().__init__(self.message)


class DonneeInvalide(ApplicationError):
    code = "donnee_invalide"
    message_defaut = "Les données saisies sont invalides."


class MontantInvalide(DonneeInvalide):
    code = "montant_invalide"
    message_defaut = "Le montant est invalide."


class EcritureDesequilibree(ApplicationError):
    code = "ecriture_desequilibree"
    message_defaut = (
        "L'écriture n'est pas équilibrée : le total des débits doit égaler celui des crédits."
    )


class ExerciceInvalide(ApplicationError):
    code = "exercice_invalide"
    message_defaut = "L'exercice ne permet pas cette opération."


class ExerciceClos(ExerciceInvalide):
    code = "exercice_clos"
    message_defaut = "L'exercice est clos : aucune écriture ne peut plus y être passée."


class TransitionInterdite(ApplicationError):
    code = "transition_interdite"
    statut_http = 409
    message_defaut = "Cet acte n'est pas possible dans l'état actuel."


class DroitInsuffisant(ApplicationError):
    code = "droit_insuffisant"
    statut_http = 403
    message_defaut = "Vous n'avez pas le droit d'accomplir cet acte."


class DelegationInvalide(DroitInsuffisant):
    """The signer has no valid power for this act (circ. 93/82 §1.0)."""

    code = "delegation_invalide"
    message_defaut = "Aucune délégation valide ne couvre cet acte."


class SeparationDesFonctions(DroitInsuffisant):
    """Ordonnateur and comptable are never the same person (circ. 93/82 §2.4.0, §1.1.1)."""

    code = "separation_des_fonctions"
    message_defaut = "Une même personne ne peut être ordonnateur et comptable du même acte."


class JetonInvalide(ApplicationError):
    """A page's act form sent without its one-time token, with a forged one, one
    issued to someone else or too old (`core.jetons`): nothing is recorded."""

    code = "jeton_invalide"
    message_defaut = (
        "Ce formulaire ne porte pas de jeton d'envoi valide : rechargez la page et envoyez-le "
        "à nouveau. Rien n'a été enregistré."
    )


class FormulaireDejaEnvoye(ApplicationError):
    """A page's act form sent again (back and resubmit, a double click): its
    one-time token was consumed by the act it carried the first time. `vers` is
    where that first act led, when known."""

    code = "formulaire_deja_envoye"
    statut_http = 409
    message_defaut = (
        "Ce formulaire a déjà été envoyé : l'acte n'a pas été enregistré une seconde fois."
    )

    def __init__(self, message: str | None = None, *, vers: str = "", details=None):
        super().__init__(message, details=details)
        self.vers = vers


class ActeIdentique(FormulaireDejaEnvoye):
    """A form carrying a fresh token but the very data of an act the same
    person recorded from the same form a moment ago: the page was reloaded
    behind the back button, and the browser filled it in again."""

    code = "acte_identique"


class RegleComptableViolee(ApplicationError):
    """A guard of the database refused the write (trigger or constraint)."""

    code = "regle_comptable"
    statut_http = 409


# SQLSTATE codes raised by our own triggers (class "LG": ledger guards).
PREFIXE_SQLSTATE = "LG"
# and "CA": the guards of the annual accounts (comptes_annuels, CA001-CA012).
PREFIXES_SQLSTATE = (PREFIXE_SQLSTATE, "CA")


class ValeurDejaPrise(ApplicationError):
    """A unique constraint refused the write: the value is another row's."""

    code = "valeur_deja_prise"
    statut_http = 409
    message_defaut = "Cette valeur est déjà prise par un autre enregistrement."


UNIQUE_VIOLATION = "23505"
# A row routed to a partitioned table with no partition for its key. The
# ledger's entries and lines are partitioned by exercise (ledger migration
# 0016), one partition per existing exercise and no DEFAULT one: an entry or a
# line naming an exercise that does not exist lands here, and reads as the
# ledger's own refusal (LG011). Told from a CHECK constraint's 23514 by the
# absent constraint name, whatever the server's language.
VIOLATION_CHECK = "23514"
SANS_PARTITION = {
    "ledger_ecriture": "L'exercice de l'écriture n'existe pas.",
    "ledger_ligne": "L'exercice de la ligne d'écriture n'existe pas.",
}
# Data PostgreSQL cannot hold: a total past numeric(18,2), a text past its column.
DEPASSEMENT_NUMERIQUE = "22003"
TEXTE_TROP_LONG = "22001"
DEPASSEMENT_MONTANT = (
    "Un montant ou un total dépasse la capacité des comptes (seize chiffres avant la "
    "virgule) : rien n'a été enregistré."
)


def erreur_base(exc: BaseException) -> ApplicationError | None:
    """Translate a refusal by one of our triggers (or a unique constraint) into
    a domain error, else None. The trigger's message is made to read as the
    pages write: amounts `1 234,56 €`, dates `31/12/2026` (`messages_base`)."""
    cause = exc
    while cause is not None:
        sqlstate = getattr(cause, "sqlstate", None)
        diag = getattr(cause, "diag", None)
        if sqlstate and sqlstate.startswith(PREFIXES_SQLSTATE):
            message = getattr(diag, "message_primary", None) or str(cause)
            return RegleComptableViolee(
                messages_base.lisible(message, sqlstate), details={"sqlstate": sqlstate}
            )
        if sqlstate == UNIQUE_VIOLATION and diag is not None:
            return ValeurDejaPrise(
                messages_base.doublon(diag.table_name, diag.message_detail),
                details={"sqlstate": sqlstate},
            )
        if (
            sqlstate == VIOLATION_CHECK
            and diag is not None
            and diag.constraint_name is None
            and diag.table_name in SANS_PARTITION
        ):
            return RegleComptableViolee(
                SANS_PARTITION[diag.table_name], details={"sqlstate": sqlstate}
            )
        if sqlstate == DEPASSEMENT_NUMERIQUE:
            return MontantInvalide(DEPASSEMENT_MONTANT, details={"sqlstate": sqlstate})
        if sqlstate == TEXTE_TROP_LONG:
            return DonneeInvalide(
                "Un texte dépasse la longueur admise : rien n'a été enregistré.",
                details={"sqlstate": sqlstate},
            )
        if sqlstate is None and "NUL (0x00)" in str(cause):  # refused by psycopg itself
            return DonneeInvalide(
                "Un texte contient un caractère nul (NUL) : rien n'a été enregistré."
            )
        cause = cause.__cause__
    return None


def relever_erreur_base(exc: BaseException):
    """Re-raise a database refusal as the domain error its trigger meant, or as it was."""
    traduite = erreur_base(exc)
    if traduite is None:
        raise exc
    raise traduite from exc


def atomique(fonction):
    """Run a service in one transaction; a refusal by a trigger becomes its
    French message (`relever_erreur_base`). The treasury's and the recovery's
    services share it."""

    @functools.wraps(fonction)
    def enveloppe(*args, **kwargs):
        try:
            with transaction.atomic():
                return fonction(*args, **kwargs)
        except DatabaseError as exc:
            relever_erreur_base(exc)

    return enveloppe
