"""Bank statements: import, automatic and manual reconciliation."""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict

from django.db.models import Q

from core.audit import audit
from core.exceptions import DonneeInvalide, TransitionInterdite
from core.money import ZERO, format_euros
from core.money import montant as montant_valide
from core.saisie import texte
from ledger.models import Ligne
from personnes.permissions import exiger_comptable
from tresorerie import releves
from tresorerie.models import CompteDisponibilite, LotPaiement, Paiement, Rapprochement, Releve
from tresorerie.models import LigneReleve as LigneReleveModele
from tresorerie.selectors import lignes_rapprochees_ids
from tresorerie.services.commun import _atomique, _aujourd_hui

# --- Relevés bancaires et rapprochement --------------------------------------------


def _format_releve(contenu: bytes) -> str:
    debut = contenu[:300].lstrip(b"\xef\xbb\xbf").lstrip()
    if debut.startswith(b"<"):
        return "camt.053"
    if debut.lower().startswith(b"date;"):
        return "csv"
    raise DonneeInvalide(
        "Ce fichier n'est ni un relevé camt.053 (XML) ni un relevé CSV commençant par "
        "l'en-tête « date;date_valeur;libelle;reference;debit;credit »."
    )


@_atomique
def releve_importer(
    *,
    acting_user,
    compte: CompteDisponibilite,
    nom_fichier: str,
    contenu: bytes,
    solde_ouverture=None,
) -> Releve:
    """Import a bank statement (camt.053, or CSV with the opening balance given)
    of one account, then match its lines automatically with the books."""
    le = _aujourd_hui()
    exiger_comptable(
        acting_user, le, "importer un relevé bancaire", code="tresorerie.releve_importer"
    )
    if not compte.iban:
        raise DonneeInvalide(f"« {compte.libelle} » n'est pas un compte bancaire : pas de relevé.")
    if not contenu:
        raise DonneeInvalide("Le fichier est vide.")
    format_ = _format_releve(contenu)
    if format_ == "camt.053":
        lu = releves.lire_camt053(contenu)
    else:
        if solde_ouverture in (None, ""):
            raise DonneeInvalide("Un relevé CSV ne donne pas le solde d'ouverture : indiquez-le.")
        lu = releves.lire_csv(
            contenu,
            iban=compte.iban,
            solde_ouverture=montant_valide(
                solde_ouverture, libelle="Le solde d'ouverture", strictement_positif=False
            )
            if not str(solde_ouverture).strip().startswith("-")
            else -montant_valide(str(solde_ouverture).strip()[1:], libelle="Le solde d'ouverture"),
        )
    if lu.iban != compte.iban:
        raise DonneeInvalide(
            f"Ce relevé est celui du compte {lu.iban}, pas de « {compte.libelle} » ({compte.iban})."
        )
    empreinte = hashlib.sha256(contenu).hexdigest()
    deja = Releve.objects.filter(compte=compte).filter(
        Q(empreinte=empreinte) | Q(identifiant=lu.identifiant[:80])
    )
    if deja.exists():
        r = deja.first()
        raise TransitionInterdite(
            f"Ce relevé ({lu.identifiant}) a déjà été importé le {r.importe_le:%d/%m/%Y}."
        )
    precedent = (
        Releve.objects.filter(compte=compte, date_fin__lt=lu.date_debut)
        .order_by("-date_fin")
        .first()
    )
    if precedent is not None and precedent.solde_cloture != lu.solde_ouverture:
        raise DonneeInvalide(
            f"Le solde d'ouverture du relevé ({format_euros(lu.solde_ouverture)}) ne suit pas le "
            f"solde de clôture du relevé précédent {precedent.identifiant} "
            f"({format_euros(precedent.solde_cloture)}) : un relevé manque-t-il ?"
        )
    releve = Releve.objects.create(
        compte=compte,
        format=lu.format,
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
            )
            for lg in lu.lignes
        ],
        batch_size=2000,
    )
    rapproches = _rapprocher_automatiquement(acting_user, releve)
    audit(
        acting_user,
        "tresorerie.releve_importe",
        releve,
        apres={
            "identifiant": releve.identifiant,
            "lignes": len(lu.lignes),
            "rapprochees": rapproches,
            "solde_cloture": releve.solde_cloture,
        },
    )
    return releve


FENETRE_RAPPROCHEMENT = datetime.timedelta(days=10)


def _rapprocher_automatiquement(acting_user, releve: Releve) -> int:
    """Match statement lines with book lines of the account: by reference first
    (a payment batch's EndToEndIds, a receipt's reference, the entry's pièce),
    then by amount and direction at the nearest date within ten days."""
    compte = releve.compte
    deja = lignes_rapprochees_ids(compte)
    candidates = [
        lg
        for lg in Ligne.objects.filter(
            compte=compte.compte,
            ecriture__date__gte=releve.date_debut - FENETRE_RAPPROCHEMENT,
            ecriture__date__lte=releve.date_fin,
        )
        .exclude(ecriture__journal__a_nouveaux=True)
        .select_related("ecriture")
        .order_by("ecriture__date", "id")
        if lg.pk not in deja
    ]
    libres = {lg.pk: lg for lg in candidates}
    a_faire = list(releve.lignes.filter(rapprochement__isnull=True).order_by("id"))
    appariements: list[tuple[LigneReleveModele, list[Ligne]]] = []

    # 1. Payment batches: every transfer of the lot on the statement, adding up.
    references = {lg.reference for lg in a_faire if lg.reference}
    paiements = {
        p.bout_en_bout: p
        for p in Paiement.objects.filter(bout_en_bout__in=references).select_related("lot")
    }
    par_lot: dict[int, list[LigneReleveModele]] = defaultdict(list)
    for lg in a_faire:
        if lg.reference in paiements and lg.sens == "debit":
            par_lot[paiements[lg.reference].lot_id].append(lg)
    for lot in LotPaiement.objects.filter(pk__in=par_lot):
        lignes_lot = par_lot[lot.pk]
        livre = next(
            (c for c in libres.values() if c.ecriture_id == lot.ecriture_id and c.credit > 0), None
        )
        if (
            livre
            and len(lignes_lot) == lot.nombre
            and sum(x.montant for x in lignes_lot) == livre.credit
        ):
            for lg in lignes_lot:
                appariements.append((lg, [livre]))
            del libres[livre.pk]
    fait = {lg.pk for lg, _ in appariements}

    # 2. By reference, then 3. by amount at the nearest date.
    def sens_livre(lg):
        return "credit" if lg.debit > 0 else "debit"

    def montant_livre(lg):
        return lg.debit or lg.credit

    for passe in ("reference", "montant"):
        for lg in a_faire:
            if lg.pk in fait:
                continue
            possibles = [
                c
                for c in libres.values()
                if sens_livre(c) == lg.sens
                and montant_livre(c) == lg.montant
                and abs((c.ecriture.date - lg.date_operation).days) <= FENETRE_RAPPROCHEMENT.days
            ]
            if passe == "reference":
                possibles = [
                    c
                    for c in possibles
                    if lg.reference and lg.reference in (c.ecriture.piece, c.libelle)
                ]
            if not possibles:
                continue
            choisie = min(
                possibles, key=lambda c: (abs((c.ecriture.date - lg.date_operation).days), c.pk)
            )
            appariements.append((lg, [choisie]))
            fait.add(lg.pk)
            del libres[choisie.pk]
    for lg, lignes in appariements:
        rapprochement = Rapprochement.objects.create(
            ligne_releve=lg, mode=Rapprochement.Mode.AUTOMATIQUE, par=acting_user
        )
        rapprochement.lignes_ecriture.set(lignes)
    return len(appariements)


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
