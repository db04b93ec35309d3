"""Accounts of funds and carnets à souches (circ. 93/82 §2.0.6, §2.2.0)."""

from __future__ import annotations

import datetime

from core import horloge
from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import format_euros
from core.money import montant as montant_saisi
from core.saisie import date as date_saisie
from core.saisie import texte
from core.verrous import verrouiller, verrouiller_tous
from ledger.models import Compte
from oppositions.banque import verifier_bic, verifier_iban
from personnes.models import Fonction
from personnes.permissions import exiger_comptable
from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_exercees_le
from tresorerie.models import Carnet, CompteDisponibilite, FormatVirements
from tresorerie.selectors import solde_comptable
from tresorerie.services.commun import CIRC_ENCAISSEMENT, _atomique, _aujourd_hui, nom_complet

# --- Comptes de disponibilités --------------------------------------------------


@_atomique
def compte_disponibilite_ouvrir(
    *,
    acting_user,
    code: str,
    libelle: str,
    nature: str,
    compte_numero: str,
    ouvert_le: datetime.date,
    etablissement: str = "",
    iban: str = "",
    bic: str = "",
    compte_frais: CompteDisponibilite | None = None,
    regisseur=None,
) -> CompteDisponibilite:
    """Open an account of funds: on the agent comptable's request (circ. §2.2.0.1)."""
    ouvert_le = date_saisie(ouvert_le, "La date d'ouverture")
    exiger_comptable(acting_user, ouvert_le, "ouvrir un compte de disponibilités")
    if nature not in CompteDisponibilite.Nature.values:
        raise DonneeInvalide(f"La nature de compte « {nature} » n'existe pas.")
    compte = Compte.objects.filter(numero=str(compte_numero), classe=5, imputable=True).first()
    if compte is None:
        raise DonneeInvalide(
            f"Le compte {compte_numero} n'est pas un compte imputable de disponibilités (classe 5)."
        )
    numeraire = nature in (CompteDisponibilite.Nature.CAISSE, CompteDisponibilite.Nature.REGIE)
    if numeraire and (iban or bic):
        raise DonneeInvalide("Une caisse ou une régie n'a pas d'IBAN.")
    if not numeraire and nature != CompteDisponibilite.Nature.CDC and not iban:
        raise DonneeInvalide("Un compte bancaire se désigne par son IBAN.")
    iban = verifier_iban(iban) if iban else ""
    bic = verifier_bic(bic, iban=iban or None) if bic else ""
    encaissement = nature == CompteDisponibilite.Nature.ENCAISSEMENT
    if encaissement != compte.credit_seulement:
        raise DonneeInvalide(
            "Un compte spécial d'encaissement se rattache à un compte du plan « crédits "
            "seulement », et lui seul (circulaire 93/82 §2.2.0.2)."
        )
    if encaissement and (compte_frais is None or compte_frais.nature != "externe"):
        raise DonneeInvalide(
            "Les frais d'un compte spécial d'encaissement sont débités sur un compte externe de "
            "disponibilités : désignez-le (circulaire 93/82 §2.2.0.3)."
        )
    cd = CompteDisponibilite.objects.create(
        code=texte(code, "Le code", longueur=20),
        libelle=texte(libelle, "Le libellé"),
        nature=nature,
        compte=compte,
        etablissement=etablissement.strip(),
        iban=iban,
        bic=bic,
        compte_frais=compte_frais if encaissement else None,
        regisseur=regisseur,
        ouvert_le=ouvert_le,
    )
    audit(
        acting_user,
        "tresorerie.compte_ouvert",
        cd,
        apres={"compte": compte.numero, "nature": nature},
    )
    return cd


COMPTE_REGIES = "541"


def _prochain_compte_de_regie() -> str:
    """The subdivision of 541 after the last one in the chart (5411 first)."""
    numeros = [
        int(n)
        for n in Compte.objects.filter(numero__regex=rf"^{COMPTE_REGIES}[1-9]$").values_list(
            "numero", flat=True
        )
    ]
    suivant = max(numeros, default=int(COMPTE_REGIES + "0")) + 1
    if not str(suivant).startswith(COMPTE_REGIES):
        raise DonneeInvalide(
            "Les subdivisions 5411 à 5419 du compte 541 sont toutes au plan : indiquez le numéro "
            "du compte de la régie (par exemple 54110)."
        )
    return str(suivant)


@_atomique
def compte_regie_ouvrir(
    *, acting_user, libelle: str, numero: str = "", code: str = ""
) -> CompteDisponibilite:
    """The agent comptable opens the account of a new régie, so that the
    directeur may draw the régie up on it: a subdivision of 541 (the one
    after the last 541x of the chart unless he names it), added to the chart
    when missing, and its account of funds of nature « régie », with no
    régisseur yet (the directeur's decision gives it to the régisseur named).
    Refused for a number outside 541x or one already an account of funds."""
    le = _aujourd_hui()
    exiger_comptable(
        acting_user, le, "ouvrir le compte d'une régie", code="tresorerie.compte_regie_ouvrir"
    )
    libelle = texte(libelle, "Le libellé du compte de la régie")
    numero = (numero or "").strip()
    if not numero:
        numero = _prochain_compte_de_regie()
    elif not (numero.isdigit() and numero.startswith(COMPTE_REGIES) and len(numero) > 3):
        raise DonneeInvalide(
            f"Le compte d'une régie est une subdivision du compte {COMPTE_REGIES} (5411, 5412…) : "
            f"« {numero} » n'en est pas une."
        )
    existant = Compte.objects.filter(numero=numero).first()
    if existant is not None:
        deja = CompteDisponibilite.objects.filter(compte=existant).first()
        if deja is not None:
            raise DonneeInvalide(
                f"Le compte {numero} est déjà le compte de disponibilités « {deja.libelle} » : "
                "choisissez un autre numéro, ou laissez-le vide pour le suivant."
            )
        if not existant.imputable or existant.classe != 5:
            raise DonneeInvalide(f"Le compte {numero} du plan n'est pas imputable.")
    code = texte(code, "Le code", longueur=20, obligatoire=False) or f"REGIE-{numero}"
    if CompteDisponibilite.objects.filter(code=code).exists():
        raise DonneeInvalide(f"Le code « {code} » désigne déjà un compte de disponibilités.")
    if existant is None:
        parent = (
            Compte.objects.filter(numero__in=[numero[:n] for n in range(3, len(numero))])
            .order_by("-numero")
            .first()
        )
        existant = Compte.objects.create(
            numero=numero,
            libelle=libelle[:200],
            classe=5,
            parent=parent,
            nature=parent.nature if parent else "",
            sens_normal=Compte.Sens.DEBIT,
        )
        audit(
            acting_user,
            "tresorerie.compte_regie_au_plan",
            existant,
            apres={"numero": numero, "libelle": existant.libelle, "parent": COMPTE_REGIES},
        )
    return compte_disponibilite_ouvrir(
        acting_user=acting_user,
        code=code,
        libelle=libelle,
        nature=CompteDisponibilite.Nature.REGIE,
        compte_numero=numero,
        ouvert_le=le,
    )


@_atomique
def compte_decouvert_fixer(
    *, acting_user, compte: CompteDisponibilite, montant, motif: str = ""
) -> CompteDisponibilite:
    """Record the overdraft authorised on an account of funds (0: none).

    The agent comptable alone handles the fund's money (circ. 93/82 §2.2): he
    records, as data, how far a payment may take the account's book balance
    below zero (the bank's authorisation, a facility of the Caisse des
    dépôts); a payment batch that would go further is refused
    (`tresorerie.services.paiements.exiger_solde`). Not below what the
    account already owes: lowering the overdraft under a negative balance
    would leave it outside its own authorisation. Audited with the old and
    new amounts and the reason.
    """
    le = _aujourd_hui()
    exiger_comptable(
        acting_user,
        le,
        "fixer le découvert autorisé d'un compte",
        code="tresorerie.decouvert_fixer",
    )
    somme = montant_saisi(montant, libelle="Le découvert autorisé", strictement_positif=False)
    if somme < 0:
        raise DonneeInvalide("Le découvert autorisé est un montant positif ou nul.")
    compte = verrouiller(CompteDisponibilite.objects.select_related("compte"), compte.pk)
    if compte.credits_seulement and somme:
        raise DonneeInvalide(
            f"« {compte.libelle} » est un compte spécial d'encaissement : aucun paiement n'en "
            "part, il n'a pas de découvert (circulaire 93/82 §2.2.0.2)."
        )
    solde = solde_comptable(compte.compte.numero, le)
    if solde < -somme:
        raise DonneeInvalide(
            f"Le solde comptable de « {compte.libelle} » est déjà de {format_euros(solde)} : le "
            f"découvert autorisé ne peut pas être fixé en deçà ({format_euros(-solde)} au moins)."
        )
    avant = compte.decouvert_autorise
    compte.decouvert_autorise = somme
    compte.save(update_fields=["decouvert_autorise"])
    audit(
        acting_user,
        "tresorerie.decouvert_fixe",
        compte,
        avant={"decouvert_autorise": avant},
        apres={
            "decouvert_autorise": somme,
            "motif": texte(motif, "Le motif", obligatoire=False, longueur=500),
        },
    )
    return compte


@_atomique
def compte_format_virements_fixer(
    *, acting_user, compte: CompteDisponibilite, format: str, motif: str = ""
) -> CompteDisponibilite:
    """Choose the pain.001 version the account's transfer files are written in.

    pain.001.001.09 by default (the ISO 20022 2019 message of the EPC
    guidelines); pain.001.001.03 for a bank that still asks for it. The agent
    comptable alone handles the fund's money (circ. 93/82 §2.2) and its
    relations with the banks: he records what the account's bank accepts.
    Only an account designated by an IBAN sends transfer files. The next batch
    paid on the account is written in this version (`lot_payer`); batches
    already paid keep theirs (`LotPaiement.format`). Audited with the old and
    new versions and the reason.
    """
    le = _aujourd_hui()
    exiger_comptable(
        acting_user,
        le,
        "choisir le format des fichiers de virements d'un compte",
        code="tresorerie.format_virements_fixer",
    )
    if format not in FormatVirements.values:
        raise DonneeInvalide(
            f"Le format de virements « {format} » n'existe pas : "
            f"{' ou '.join(FormatVirements.values)}."
        )
    compte = verrouiller(CompteDisponibilite.objects.select_related("compte"), compte.pk)
    if not compte.iban:
        raise DonneeInvalide(
            f"« {compte.libelle} » n'a pas d'IBAN : aucun fichier de virements n'en part, il "
            "n'a pas de format de virements."
        )
    avant = compte.format_virements
    compte.format_virements = format
    compte.save(update_fields=["format_virements"])
    audit(
        acting_user,
        "tresorerie.format_virements_fixe",
        compte,
        avant={"format_virements": avant},
        apres={
            "format_virements": format,
            "motif": texte(motif, "Le motif", obligatoire=False, longueur=500),
        },
    )
    return compte


# --- Carnets à souches ------------------------------------------------------------


@_atomique
def carnet_ouvrir(
    *,
    acting_user,
    type: str,
    compte: CompteDisponibilite,
    titulaire,
    serie: str,
    premier_numero: int = 1,
    dernier_numero: int = 500,
) -> Carnet:
    """The agent comptable opens a numbered carnet for himself or a régisseur (circ. §2.0.6)."""
    le = _aujourd_hui()
    exiger_comptable(acting_user, le, "ouvrir un carnet à souches", code="tresorerie.carnet_ouvrir")
    if type not in Carnet.Type.values:
        raise DonneeInvalide(f"Le type de carnet « {type} » n'existe pas.")
    if compte.nature not in ("caisse", "regie") and type == Carnet.Type.QUITTANCE:
        raise DonneeInvalide("Un carnet de quittances sert à la caisse ou à une régie (numéraire).")
    fonctions = set(fonctions_exercees_le(titulaire, le))
    if not fonctions & (FONCTIONS_COMPTABLES | {Fonction.REGISSEUR}):
        raise DonneeInvalide(
            f"{nom_complet(titulaire)} n'est ni agent comptable ni régisseur : un carnet ne lui "
            "est pas confié."
        )
    if int(premier_numero) < 1 or int(dernier_numero) < int(premier_numero):
        raise DonneeInvalide("Les numéros du carnet vont croissant à partir de 1.")
    serie = texte(serie, "La série", longueur=20)
    if Carnet.objects.filter(serie=serie).exists():
        # Checked here for the message; the unique constraint decides a race (core.exceptions).
        raise DonneeInvalide(
            f"La série « {serie} » est déjà celle d'un autre carnet : chaque carnet à souches "
            "porte sa propre série. Rien n'a été enregistré."
        )
    if Carnet.objects.filter(
        type=type, compte=compte, titulaire=titulaire, clos_le__isnull=True
    ).exists():
        raise TransitionInterdite(
            f"{nom_complet(titulaire)} a déjà un carnet de ce type ouvert sur ce compte : "
            "clôturez-le d'abord."
        )
    carnet = Carnet.objects.create(
        type=type,
        compte=compte,
        titulaire=titulaire,
        serie=serie,
        premier_numero=int(premier_numero),
        dernier_numero=int(dernier_numero),
        dernier_utilise=int(premier_numero) - 1,
        ouvert_le=horloge.maintenant(),
        ouvert_par=acting_user,
    )
    audit(acting_user, "tresorerie.carnet_ouvert", carnet, apres={"serie": carnet.serie})
    return carnet


@_atomique
def carnet_clore(*, acting_user, carnet: Carnet) -> Carnet:
    exiger_comptable(
        acting_user, _aujourd_hui(), "clore un carnet à souches", code="tresorerie.carnet_clore"
    )
    carnet = verrouiller(Carnet, carnet.pk)
    if carnet.clos_le is not None:
        raise TransitionInterdite(f"Le carnet {carnet.serie} est déjà clos.")
    carnet.clos_le, carnet.clos_par = horloge.maintenant(), acting_user
    carnet.save(update_fields=["clos_le", "clos_par"])
    audit(
        acting_user,
        "tresorerie.carnet_clos",
        carnet,
        apres={"dernier_utilise": carnet.dernier_utilise, "inutilises": carnet.restants},
    )
    return carnet


def carnet_de(type: str, compte: CompteDisponibilite, titulaire) -> Carnet:
    # Quittances come from the carnet of the till that took the cash; reçus
    # from the agent comptable's carnet of reçus, whatever the account.
    filtre = {"compte": compte} if type == Carnet.Type.QUITTANCE else {}
    carnet = (
        verrouiller_tous(Carnet)
        .filter(type=type, titulaire=titulaire, clos_le__isnull=True, **filtre)
        .order_by("pk")
        .first()
    )
    if carnet is None:
        libelle = "de quittances" if type == Carnet.Type.QUITTANCE else "de reçus"
        raise TransitionInterdite(
            f"{nom_complet(titulaire)} n'a pas de carnet {libelle} ouvert ({compte.libelle}) : "
            f"l'agent comptable doit en ouvrir un ({CIRC_ENCAISSEMENT})."
        )
    return carnet
