"""Bank statements: import, automatic and manual reconciliation."""

from __future__ import annotations

import hashlib

from django.db.models import Q

from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros
from core.money import montant as montant_valide
from core.saisie import texte
from core.verrous import verrouiller
from ledger.models import Ligne
from personnes.permissions import exiger_comptable
from tresorerie import releves
from tresorerie.models import CompteDisponibilite, Rapprochement, Releve
from tresorerie.models import LigneReleve as LigneReleveModele
from tresorerie.selectors import lignes_rapprochees_ids
from tresorerie.services.commun import _atomique, _aujourd_hui
from tresorerie.services.rapprochement_auto import (
    FENETRE_RAPPROCHEMENT,  # noqa: F401 (re-exported by tresorerie.services)
    rapprocher_automatiquement,
)
from tresorerie.services.retours_releve import nature_retour

# --- Relevés bancaires et rapprochement --------------------------------------------


_UTF16 = (b"\xff\xfe", b"\xfe\xff", b"<\x00?\x00", b"\x00<\x00?")


def _format_releve(contenu: bytes) -> str:
    if contenu.startswith(_UTF16):
        raise DonneeInvalide(
            "Ce fichier est encodé en UTF-16 : un relevé camt se lit en UTF-8, l'encodage des "
            "messages ISO 20022. Demandez à la banque le fichier en UTF-8, ou réenregistrez-le "
            "en UTF-8 sans en changer le contenu."
        )
    debut = contenu[:300].lstrip(b"\xef\xbb\xbf").lstrip()
    if debut.startswith(b"<"):
        return "camt"
    if debut.lower().startswith(b"date;"):
        return "csv"
    raise DonneeInvalide(
        "Ce fichier n'est ni un relevé camt.053 ou un avis camt.054 (XML, versions "
        f"{VERSIONS_ACCEPTEES}) ni un relevé CSV commençant par l'en-tête "
        "« date;date_valeur;libelle;reference;debit;credit »."
    )


def _versions_acceptees() -> str:
    numeros = sorted({v.rsplit(".", 1)[1] for v in releves.VERSIONS_CAMT})
    return f".001.{numeros[0]} à .001.{numeros[-1]}"


# Named by the import form and the refusal of a file that is none of them.
VERSIONS_ACCEPTEES = _versions_acceptees()


def _solde_csv(solde_ouverture):
    if solde_ouverture in (None, ""):
        raise DonneeInvalide("Un relevé CSV ne donne pas le solde d'ouverture : indiquez-le.")
    brut = str(solde_ouverture).strip()
    if brut.startswith("-"):
        return -montant_valide(brut[1:], libelle="Le solde d'ouverture")
    return montant_valide(brut, libelle="Le solde d'ouverture", strictement_positif=False)


def _exiger_compte(lu, compte: CompteDisponibilite) -> None:
    """The file's account must be the chosen one: name the file's IBAN, and our
    account that holds it if any (no other of our IBANs is listed)."""
    iban = "".join(lu.iban.split()).upper()
    if iban == "".join(compte.iban.split()).upper():
        return
    autre = next(
        (
            c
            for c in CompteDisponibilite.objects.exclude(pk=compte.pk).exclude(iban="")
            if "".join(c.iban.split()).upper() == iban
        ),
        None,
    )
    quoi = "Cet avis" if lu.nature == releves.AVIS else "Ce relevé"
    if autre is not None:
        raise DonneeInvalide(
            f"{quoi} est celui du compte {iban}, pas de « {compte.libelle} » ({compte.iban}) : "
            f"c'est l'IBAN de notre compte « {autre.libelle} » ({autre.compte.numero}) ; "
            "importez-le sur ce compte."
        )
    raise DonneeInvalide(
        f"{quoi} est celui du compte {iban}, pas de « {compte.libelle} » ({compte.iban}) : "
        "cet IBAN n'est celui d'aucun des comptes de l'organisme."
    )


def _exiger_periode(lu, compte: CompteDisponibilite, le) -> None:
    """A statement or an avis speaks of days that have passed, while the account
    was open; a statement covers days no other statement of the account covers,
    except the day where one ends and the other begins (a bank may cut a day in
    several statements; `_exiger_suite` then checks they follow each other)."""
    quoi = "L'avis" if lu.nature == releves.AVIS else "Le relevé"
    if lu.date_fin > le:
        raise DonneeInvalide(
            f"{quoi} « {lu.identifiant} » va jusqu'au {lu.date_fin:%d/%m/%Y}, après aujourd'hui "
            f"({le:%d/%m/%Y}) : une banque ne relève que des jours passés. Vérifiez la date du "
            "fichier."
        )
    if lu.date_debut < compte.ouvert_le:
        raise DonneeInvalide(
            f"{quoi} « {lu.identifiant} » commence le {lu.date_debut:%d/%m/%Y}, avant l'ouverture "
            f"du compte « {compte.libelle} » le {compte.ouvert_le:%d/%m/%Y}."
        )
    if lu.nature != releves.RELEVE:
        return
    for autre in Releve.objects.filter(
        compte=compte,
        nature=Releve.Nature.RELEVE,
        date_debut__lte=lu.date_fin,
        date_fin__gte=lu.date_debut,
    ).order_by("date_debut", "id"):
        # Only the day where one ends and the other starts may be shared; the
        # balances' chaining is then checked by `_exiger_suite`.
        if autre.date_fin != lu.date_debut and autre.date_debut != lu.date_fin:
            raise DonneeInvalide(
                f"Le relevé « {lu.identifiant} » (du {lu.date_debut:%d/%m/%Y} au "
                f"{lu.date_fin:%d/%m/%Y}) chevauche le relevé « {autre.identifiant} » déjà importé "
                f"(du {autre.date_debut:%d/%m/%Y} au {autre.date_fin:%d/%m/%Y}) : un même jour ne "
                "figure que sur un relevé du compte, sauf le jour où l'un finit et l'autre commence. "
                "Un relevé rectificatif de la banque se traite en défaisant les rapprochements "
                "et en expliquant les lignes en cause."
            )


def _exiger_suite(lu, compte: CompteDisponibilite) -> None:
    """A statement takes its place in the account's chain of statements: it
    follows the previous one, and leads to the next one when it fills a gap
    (a statement imported late). Not an avis: a notification has no balances
    and is not compared with statements."""
    if lu.nature != releves.RELEVE:
        return
    releves_du_compte = Releve.objects.filter(compte=compte, nature=Releve.Nature.RELEVE)
    precedent = (
        releves_du_compte.filter(date_fin__lte=lu.date_debut).order_by("-date_fin", "-id").first()
    )
    if precedent is not None and precedent.solde_cloture != lu.solde_ouverture:
        raise DonneeInvalide(
            f"Le solde d'ouverture du relevé ({format_euros(lu.solde_ouverture)}) ne suit pas le "
            f"solde de clôture du relevé précédent {precedent.identifiant} "
            f"({format_euros(precedent.solde_cloture)}) : un relevé manque-t-il ?"
        )
    suivant = (
        # a statement of the same single day came before it (same-day chain)
        releves_du_compte.filter(date_debut__gte=lu.date_fin, date_fin__gt=lu.date_debut)
        .order_by("date_debut", "id")
        .first()
    )
    if suivant is not None and suivant.solde_ouverture != lu.solde_cloture:
        raise DonneeInvalide(
            f"Le relevé « {lu.identifiant} » (du {lu.date_debut:%d/%m/%Y} au "
            f"{lu.date_fin:%d/%m/%Y}) se clôt sur {format_euros(lu.solde_cloture)}, alors que le "
            f"relevé suivant déjà importé, {suivant.identifiant} (du "
            f"{suivant.date_debut:%d/%m/%Y} au {suivant.date_fin:%d/%m/%Y}), s'ouvre sur "
            f"{format_euros(suivant.solde_ouverture)} : il ne prend pas place entre les relevés "
            "du compte."
        )


ENTIER_MAX = 2_147_483_647  # PostgreSQL integer


def _refus_deja_importe(lu, deja: Releve, avis: bool, meme_fichier: bool) -> str:
    """« Ce relevé (…) » / « Cet avis (…) » refused, naming the one recorded."""
    refuse = f"{'Cet avis' if avis else 'Ce relevé'} ({lu.identifiant})"
    existant = "l'avis" if deja.nature == Releve.Nature.AVIS else "le relevé"
    quand = f"importé le {deja.importe_le:%d/%m/%Y} du fichier « {deja.nom_fichier} »"
    if meme_fichier:
        return (
            f"{refuse} a déjà été importé : ce fichier est celui "
            f"{'de ' + existant if deja.nature == Releve.Nature.AVIS else 'du relevé'} "
            f"{deja.identifiant}, {quand}."
        )
    return (
        f"{refuse} a déjà été importé : {existant} {deja.identifiant}, {quand}, porte le même "
        f"identifiant ; {'un avis' if avis else 'un relevé'} ne s'importe qu'une fois."
    )


def _nombre_operations(nombre: int | None) -> int | None:
    """NbOfTxs as the bank gives it (up to 15 digits): past what the column holds, unknown."""
    return nombre if nombre is not None and 0 <= nombre <= ENTIER_MAX else None


@_atomique
def releve_importer(
    *,
    acting_user,
    compte: CompteDisponibilite,
    nom_fichier: str,
    contenu: bytes,
    solde_ouverture=None,
) -> Releve:
    """Import a bank statement (camt.053 .001.02/.04/.08, or CSV with the opening
    balance given) or a notification (camt.054) of one account; process the
    returns it shows (payments and receipts cancelled); then match a
    statement's lines automatically with the books (`rapprochement_auto`)."""
    le = _aujourd_hui()
    exiger_comptable(
        acting_user, le, "importer un relevé bancaire", code="tresorerie.releve_importer"
    )
    if not compte.iban:
        raise DonneeInvalide(f"« {compte.libelle} » n'est pas un compte bancaire : pas de relevé.")
    if not contenu:
        raise DonneeInvalide("Le fichier est vide.")
    # The account's row first: two imports on one account pass in turn, so the
    # second reads the first (« déjà importé », overlap, continuity).
    compte = verrouiller(CompteDisponibilite.objects.select_related("compte"), compte.pk)
    if _format_releve(contenu) == "camt":
        lu = releves.lire_camt(contenu, iban=compte.iban)
    else:
        lu = releves.lire_csv(
            contenu, iban=compte.iban, solde_ouverture=_solde_csv(solde_ouverture)
        )
    _exiger_compte(lu, compte)
    empreinte = hashlib.sha256(contenu).hexdigest()
    avis = lu.nature == releves.AVIS
    nature = Releve.Nature.AVIS if avis else Releve.Nature.RELEVE
    # The same file, or the same Id for the same nature: a camt.054 and a
    # camt.053 may share an Id (banks number both by date).
    deja = (
        Releve.objects.filter(compte=compte)
        .filter(Q(empreinte=empreinte) | Q(nature=nature, identifiant=lu.identifiant[:80]))
        .order_by("id")
        .first()
    )
    if deja is not None:
        raise TransitionInterdite(_refus_deja_importe(lu, deja, avis, deja.empreinte == empreinte))
    _exiger_periode(lu, compte, le)
    _exiger_suite(lu, compte)
    releve = Releve.objects.create(
        compte=compte,
        format=lu.format,
        version=lu.version or "",
        nature=nature,
        ecarts=list(lu.ecarts),
        identifiant=lu.identifiant[:80],
        date_debut=lu.date_debut,
        date_fin=lu.date_fin,
        solde_ouverture=lu.solde_ouverture,
        solde_cloture=lu.solde_cloture,
        nom_fichier=(nom_fichier or "relevé")[:200],
        empreinte=empreinte,
        importe_par=acting_user,
    )
    LigneReleveModele.objects.bulk_create(
        [
            LigneReleveModele(
                releve=releve,
                date_operation=lg.date_operation,
                date_valeur=lg.date_valeur,
                montant=lg.montant,
                sens=lg.sens,
                libelle=lg.libelle[:255],
                reference=lg.reference[:140],
                reference_banque=lg.reference_banque[:140],
                contrepartie=lg.contrepartie[:200],
                code_operation=lg.code_operation[:40],
                contre_passation=lg.contre_passation,
                motif_retour=lg.motif_retour[:35],
                motif_retour_info=lg.motif_retour_info[:255],
                reference_lot=lg.reference_lot[:35],
                nombre_operations=_nombre_operations(lg.nombre_operations),
            )
            for lg in lu.lignes
        ],
        batch_size=2000,
    )
    resultat = rapprocher_automatiquement(acting_user, releve)
    audit(
        acting_user,
        "tresorerie.releve_importe",
        releve,
        apres={
            "identifiant": releve.identifiant,
            "version": releve.version or releve.format,
            "nature": releve.nature,
            "lignes": len(lu.lignes),
            "rapprochees": resultat.rapprochees,
            "solde_cloture": releve.solde_cloture,
            "ecarts": list(lu.ecarts),
            "retours": resultat.retours,
            "retours_refuses": {str(k): v for k, v in resultat.retours_refuses.items()},
        },
    )
    return releve


def resume_import(releve: Releve) -> str:
    """The message shown after an import (page and act)."""
    lignes = releve.lignes.count()
    retours = releve.lignes.filter(
        Q(contre_passation=True) | ~Q(motif_retour="") | ~Q(code_operation="")
    )
    traites = sum(1 for lg in retours if nature_retour(lg))
    suite = f" ; {traites} retour(s) ou contre-passation(s) lu(s)" if traites else ""
    if releve.nature == Releve.Nature.AVIS:
        return (
            f"Avis {releve.identifiant} importé : {lignes} ligne(s), non rapprochées (le relevé "
            f"qui suit porte les mêmes opérations){suite}."
        )
    rapprochees = releve.lignes.filter(rapprochement__isnull=False).count()
    return (
        f"Relevé {releve.identifiant} importé : {lignes} ligne(s), {rapprochees} "
        f"rapprochée(s) automatiquement{suite}."
    )


@_atomique
def rapprocher(*, acting_user, ligne_releve: LigneReleveModele, lignes: list) -> Rapprochement:
    """Match by hand a statement line with one or more book lines of its account."""
    exiger_comptable(
        acting_user, _aujourd_hui(), "rapprocher un relevé", code="tresorerie.rapprocher"
    )
    ligne_releve = LigneReleveModele.objects.select_related("releve__compte__compte").get(
        pk=ligne_releve.pk
    )
    if hasattr(ligne_releve, "rapprochement"):
        raise TransitionInterdite(
            "Cette ligne du relevé est déjà rapprochée : défaites-le d'abord."
        )
    ids = [lg.pk if hasattr(lg, "pk") else int(lg) for lg in lignes]
    if not ids:
        raise DonneeInvalide("Choisissez au moins une écriture à rapprocher.")
    compte = ligne_releve.releve.compte
    choisies = list(Ligne.objects.filter(pk__in=ids, compte=compte.compte))
    if len(choisies) != len(set(ids)):
        raise DonneeInvalide(
            f"Une des écritures choisies ne porte pas sur le compte {compte.compte.numero}."
        )
    pris = lignes_rapprochees_ids(compte) & set(ids)
    if pris:
        raise TransitionInterdite("Une des écritures choisies est déjà rapprochée.")
    somme = sum((lg.debit - lg.credit for lg in choisies), ZERO)
    if somme != ligne_releve.montant_signe:
        raise DonneeInvalide(
            f"Les écritures choisies font {format_euros(somme)}, la ligne du relevé "
            f"{format_euros(ligne_releve.montant_signe)} : le rapprochement doit tomber juste."
        )
    rapprochement = Rapprochement.objects.create(
        ligne_releve=ligne_releve, mode=Rapprochement.Mode.MANUEL, par=acting_user
    )
    rapprochement.lignes_ecriture.set(choisies)
    audit(
        acting_user,
        "tresorerie.rapprochement",
        ligne_releve.releve,
        apres={"ligne": ligne_releve.pk, "ecritures": ids, "montant": somme},
    )
    return rapprochement


@_atomique
def expliquer(*, acting_user, ligne_releve: LigneReleveModele, explication: str) -> Rapprochement:
    """Leave a statement line unmatched with a reason (bank error, item to book)."""
    exiger_comptable(
        acting_user, _aujourd_hui(), "expliquer une ligne de relevé", code="tresorerie.rapprocher"
    )
    explication = texte(explication, "L'explication", longueur=1000)
    ligne_releve = LigneReleveModele.objects.get(pk=ligne_releve.pk)
    if hasattr(ligne_releve, "rapprochement"):
        raise TransitionInterdite("Cette ligne du relevé est déjà rapprochée ou expliquée.")
    rapprochement = Rapprochement.objects.create(
        ligne_releve=ligne_releve,
        mode=Rapprochement.Mode.EXPLIQUE,
        explication=explication,
        par=acting_user,
    )
    audit(
        acting_user,
        "tresorerie.ligne_expliquee",
        ligne_releve.releve,
        apres={"ligne": ligne_releve.pk, "explication": explication},
    )
    return rapprochement


@_atomique
def rapprochement_defaire(*, acting_user, rapprochement: Rapprochement) -> None:
    exiger_comptable(
        acting_user, _aujourd_hui(), "défaire un rapprochement", code="tresorerie.rapprocher"
    )
    rapprochement = Rapprochement.objects.select_related("ligne_releve__releve").get(
        pk=rapprochement.pk
    )
    avant = {
        "ligne": rapprochement.ligne_releve_id,
        "mode": rapprochement.mode,
        "ecritures": list(rapprochement.lignes_ecriture.values_list("pk", flat=True)),
    }
    releve = rapprochement.ligne_releve.releve
    rapprochement.lignes_ecriture.clear()
    rapprochement.delete()
    audit(acting_user, "tresorerie.rapprochement_defait", releve, avant=avant)
