"""The second factor of a signature: a TOTP code (RFC 6238, six digits every
thirty seconds, from an authenticator app), with pyotp.

A person enrols on /personnes/second-facteur/: the page shows a new secret,
its `otpauth://` address and QR code (segno, SVG); a first code and the
password confirm it. From then on each signature asks, besides the password,
for the code: the page's field `code_signature`, or the API's header
`X-Code-Signature` (named once: `personnes.authentification.CHAMP_CODE`,
`EN_TETE_CODE`). A wrong code counts as a failure of the password (the same
lockout, `personnes.authentification`); a code is accepted once (the time
step is remembered), within one step of the clock (`core.horloge`).
Optional per person; `CAISSE_SECOND_FACTEUR_OBLIGATOIRE` makes it required
of every signer.
"""

from __future__ import annotations

import hmac

import pyotp
import segno
from django.conf import settings
from django.db import transaction

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, DroitInsuffisant, TransitionInterdite
from personnes.models import SecondFacteur

PAGE = "/personnes/second-facteur/"

REFUS_CODE = (
    "Code du second facteur absent ou incorrect : la signature exige, en plus du mot de "
    "passe, le code à six chiffres affiché par votre application d'authentification."
)
REFUS_OBLIGATOIRE = (
    "La signature exige un second facteur : enregistrez-le d'abord sur la page « Second "
    f"facteur de signature » ({PAGE})."
)


def facteur_actif(utilisateur) -> SecondFacteur | None:
    if not getattr(utilisateur, "pk", None):
        return None
    return SecondFacteur.objects.filter(utilisateur=utilisateur, confirme_le__isnull=False).first()


def _totp(facteur: SecondFacteur) -> pyotp.TOTP:
    return pyotp.TOTP(facteur.secret)


def code_valide(facteur: SecondFacteur, code: str | None) -> bool:
    """Is `code` the code of this step of the clock, or of the one before or
    after (a phone a little off), and not already used? Remembers its step."""
    code = (code or "").strip().replace(" ", "")
    if len(code) != 6 or not code.isascii() or not code.isdigit():
        return False
    totp = _totp(facteur)
    pas = totp.timecode(horloge.maintenant())
    for ecart in (0, -1, 1):
        if hmac.compare_digest(totp.generate_otp(pas + ecart), code):
            return _consommer(facteur, pas + ecart)
    return False


def _consommer(facteur: SecondFacteur, pas: int) -> bool:
    """Take the time step, unless a code of it (or a later one) was taken: one
    conditional UPDATE, so that two signatures sending the same code at the same
    moment cannot both pass (the second waits on the row, then finds the step
    taken). Inside the act's transaction: a code taken by an act refused
    afterwards is given back by the rollback and serves again within its step —
    what matters is that one code signs at most one act."""
    pris = SecondFacteur.objects.filter(pk=facteur.pk, dernier_pas__lt=pas).update(dernier_pas=pas)
    if pris == 1:
        facteur.dernier_pas = pas
    return pris == 1


def exigence(utilisateur) -> SecondFacteur | None:
    """The factor a signature of this person must show, if any; refuses a
    signer without one when the setting makes it required."""
    facteur = facteur_actif(utilisateur)
    if facteur is None and getattr(settings, "CAISSE_SECOND_FACTEUR_OBLIGATOIRE", False):
        raise DroitInsuffisant(REFUS_OBLIGATOIRE)
    return facteur


# --- Enrolment ---------------------------------------------------------------------------


def adresse_otpauth(facteur: SecondFacteur) -> str:
    return _totp(facteur).provisioning_uri(
        name=facteur.utilisateur.get_username(), issuer_name=settings.NOM_ORGANISME
    )


def qr_svg(facteur: SecondFacteur) -> str:
    """The QR code of the otpauth address, as an inline SVG element."""
    return segno.make(adresse_otpauth(facteur), error="m").svg_inline(
        scale=4, title="Code QR du second facteur"
    )


@transaction.atomic
def second_facteur_preparer(*, acting_user) -> SecondFacteur:
    """A new secret, not yet in force (until a first code confirms it)."""
    if facteur_actif(acting_user) is not None:
        raise TransitionInterdite(
            "Un second facteur est déjà en service : retirez-le avant d'en enregistrer un autre."
        )
    facteur, _ = SecondFacteur.objects.update_or_create(
        utilisateur=acting_user,
        defaults={"secret": pyotp.random_base32(), "cree_le": horloge.maintenant()},
    )
    return facteur


@transaction.atomic
def second_facteur_confirmer(*, acting_user, code: str, mot_de_passe: str) -> SecondFacteur:
    """The password and a first code put the prepared secret in force."""
    from personnes.signature import verifier_mot_de_passe

    facteur = (
        SecondFacteur.objects.select_for_update()
        .filter(utilisateur=acting_user, confirme_le__isnull=True)
        .first()
    )
    if facteur is None:
        raise TransitionInterdite("Aucun secret en attente : commencez par en créer un.")
    verifier_mot_de_passe(acting_user, mot_de_passe, second_facteur=False)
    if not code_valide(facteur, code):
        raise DonneeInvalide(
            "Ce code ne correspond pas au secret : vérifiez l'heure du téléphone et saisissez "
            "le code à six chiffres affiché maintenant."
        )
    facteur.confirme_le = horloge.maintenant()
    facteur.save(update_fields=["confirme_le"])
    audit(acting_user, "second_facteur.enregistre", acting_user)
    return facteur


@transaction.atomic
def second_facteur_retirer(*, acting_user, code: str, mot_de_passe: str) -> None:
    """Withdrawn by its holder, with the password and a current code."""
    from personnes.signature import verifier_mot_de_passe

    facteur = facteur_actif(acting_user)
    if facteur is None:
        raise TransitionInterdite("Aucun second facteur n'est en service.")
    verifier_mot_de_passe(acting_user, mot_de_passe, code=code)
    audit(acting_user, "second_facteur.retire", acting_user)
    SecondFacteur.objects.filter(pk=facteur.pk).delete()
