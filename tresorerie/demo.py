"""The demo fund's accounts of funds and carnets (SCENARIOS.md: the Caisse des
dépôts subdivision, the compte spécial d'exécution, one external bank account,
one compte spécial d'encaissement for cotisations, a cash desk; and the régie
of the front desk), and the bank statement the demo imports, with the pension
whose transfer the bank returned (issue 15)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from core import horloge
from depenses import services as depenses_services
from ledger.models import Ligne
from tresorerie import releves
from tresorerie.models import Carnet, CompteDisponibilite, LotPaiement, Paiement, Releve
from tresorerie.models_retours import Retour
from tresorerie.selectors import solde_comptable
from tresorerie.services import carnet_ouvrir, compte_disponibilite_ouvrir, lot_payer

COMPTES_DEMO = [
    # code, libellé, nature, compte, établissement, IBAN, BIC
    ("CDC", "Caisse des dépôts, subdivision de Valmont", "cdc", "515", "Caisse des dépôts", "", ""),
    (
        "EXECUTION",
        "Compte spécial d'exécution",
        "execution",
        "5121",
        "Caisse des dépôts",
        "FR7640031000010000012346584",
        "CDCGFRPPXXX",
    ),
    (
        "BANQUE",
        "Compte externe de disponibilités",
        "externe",
        "5122",
        "Banque Postale",
        "FR7620041000011234567890106",
        "PSSTFRPPXXX",
    ),
    (
        "ENCAISSEMENT",
        "Compte spécial d'encaissement des cotisations",
        "encaissement",
        "5123",
        "Banque Postale",
        "FR7620041000019876543210187",
        "PSSTFRPPXXX",
    ),
    ("CAISSE", "Caisse de l'agence comptable", "caisse", "531", "", "", ""),
    ("REGIE", "Régie de recettes de l'accueil", "regie", "541", "", "", ""),
]


def creer_tresorerie_demo(*, comptable, regisseur=None, debut: datetime.date) -> dict:
    """Open the demo accounts and carnets; return the accounts by code."""
    comptes: dict[str, CompteDisponibilite] = {c.code: c for c in CompteDisponibilite.objects.all()}
    for code, libelle, nature, numero, etablissement, iban, bic in COMPTES_DEMO:
        if code in comptes or (code == "REGIE" and regisseur is None):
            continue
        comptes[code] = compte_disponibilite_ouvrir(
            acting_user=comptable,
            code=code,
            libelle=libelle,
            nature=nature,
            compte_numero=numero,
            ouvert_le=debut,
            etablissement=etablissement,
            iban=iban,
            bic=bic,
            compte_frais=comptes.get("BANQUE") if nature == "encaissement" else None,
            regisseur=regisseur if nature == "regie" else None,
        )
    annee = debut.year
    carnets = [
        (Carnet.Type.QUITTANCE, comptes["CAISSE"], comptable, f"Q{annee}-A"),
        (Carnet.Type.RECU, comptes["BANQUE"], comptable, f"R{annee}-A"),
    ]
    if regisseur is not None:
        carnets.append((Carnet.Type.QUITTANCE, comptes["REGIE"], regisseur, f"Q{annee}-R"))
    for type_, compte, titulaire, serie in carnets:
        if not Carnet.objects.filter(serie=serie).exists():
            carnet_ouvrir(
                acting_user=comptable,
                type=type_,
                compte=compte,
                titulaire=titulaire,
                serie=serie,
                premier_numero=1,
                dernier_numero=500,
            )
    return comptes


def creer_regie_demo(personnes: dict, exercice, aujourd_hui: datetime.date):
    """« Régie de recettes de l'accueil » held by Luc Fabre (login `regisseur`):
    drawn up by the directrice on the first working day of the month, the agent
    comptable's favourable avis conforme, her decision the same day; a few
    receipts this month against his carnet's quittances; his receipts before
    today remitted and received by the agent comptable at his cash desk today;
    today's control report (circulaire 93/82, régies). Services only."""
    from tresorerie.models import Regie
    from tresorerie.services import regies as sr
    from tresorerie.services import regies_caisse as rc

    compte = CompteDisponibilite.objects.filter(code="REGIE").first()
    if compte is None or Regie.objects.filter(compte=compte).exists():
        return None
    directrice, comptable = personnes["directrice"], personnes["comptable"]
    regisseur = personnes["regisseur"]
    debut = max(aujourd_hui.replace(day=1), exercice.debut)
    jours = [
        debut + datetime.timedelta(days=n)
        for n in range((aujourd_hui - debut).days + 1)
        if (debut + datetime.timedelta(days=n)).weekday() < 5
    ] or [aujourd_hui]
    with horloge.figer(jours[0]):
        regie = sr.regie_projeter(
            acting_user=directrice,
            libelle="Régie de recettes de l'accueil",
            type=Regie.Type.RECETTES,
            compte=compte,
            regisseur=regisseur,
            plafond_encaisse="800.00",
            operations=[
                sr.OperationSaisie("recette", "Frais de duplicata de documents", "771", "autre"),
                sr.OperationSaisie(
                    "recette", "Remboursement d'indu en espèces", "7585", "recuperation_indu"
                ),
            ],
        )
        sr.regie_avis(acting_user=comptable, regie=regie, favorable=True, le=jours[0])
        regie = sr.regie_decider(
            acting_user=directrice,
            regie=regie,
            le=jours[0],
            acte_reference=f"Décision de la directrice n° {jours[0].year}-07",
            vise_instruction=True,
        )
    duplicata, indu = regie.operations.order_by("libelle")
    recettes = [
        (duplicata, "8.00", "M. Garnier", "Duplicata d'attestation de droits"),
        (indu, "46.30", "Mme Leroy", "Trop-perçu de frais de transport"),
        (duplicata, "12.00", "M. Caron", "Duplicatas de relevés"),
        (indu, "85.00", "M. Renaud", "Trop-perçu d'indemnités journalières"),
    ]
    for rang, (operation, montant, payeur, objet) in enumerate(recettes):
        jour = jours[max(0, len(jours) - len(recettes) + rang)]
        with horloge.figer(jour):
            rc.regie_encaisser(
                acting_user=regisseur,
                regie=regie,
                operation=operation,
                montant=montant,
                payeur=payeur,
                objet=objet,
            )
    with horloge.figer(aujourd_hui):
        # What he held last night (or, the régie opened today, its first two receipts).
        avant = sr.encaisse(regie, aujourd_hui - datetime.timedelta(days=1)).theorique
        versement = rc.regie_verser(
            acting_user=regisseur, regie=regie, montant=avant or Decimal("54.30")
        )
        rc.regie_versement_recevoir(
            acting_user=comptable,
            versement=versement,
            destination=CompteDisponibilite.objects.get(code="CAISSE"),
        )
        quittances = regie.compte.carnets.get(titulaire=regisseur).dernier_utilise
        rc.regie_controler(
            acting_user=comptable,
            regie=regie,
            especes_comptees=sr.encaisse(regie, aujourd_hui).theorique,
            conclusion="conforme",
            quittance_du=1,
            quittance_au=quittances,
            observations="Encaisse comptée contradictoirement avec le régisseur ; quittances "
            "rapprochées des encaissements ; plafond respecté.",
        )
    _compte_regie(comptable, exercice, "REGIE-ANTENNE", "5412", "Régie d'avances de l'antenne")
    creer_regie_avances_demo(personnes, exercice, aujourd_hui)
    return regie


def _compte_regie(comptable, exercice, code: str, numero: str, libelle: str):
    """An account of funds of nature « régie » on a subdivision of 541, open
    from the start of the year. The chart has 541 only: the subdivision is
    added as the chart's own accounts are (the agent comptable's act
    `compte_regie_ouvrir` does the same for a new régie, dated the day it is
    done)."""
    from ledger.models import Compte

    existant = CompteDisponibilite.objects.filter(code=code).first()
    if existant is not None:
        return existant
    parent = Compte.objects.get(numero="541")
    Compte.objects.get_or_create(
        numero=numero,
        defaults={
            "libelle": libelle,
            "classe": 5,
            "parent": parent,
            "sens_normal": parent.sens_normal,
        },
    )
    return compte_disponibilite_ouvrir(
        acting_user=comptable,
        code=code,
        libelle=libelle,
        nature="regie",
        compte_numero=numero,
        ouvert_le=exercice.debut,
    )


def creer_regie_avances_demo(personnes: dict, exercice, aujourd_hui: datetime.date):
    """« Régie d'avances du service intérieur » (5413), also held by Luc Fabre:
    drawn up by the directrice, the agent comptable's favourable avis, her
    decision; today the agent comptable pays its avance from the external
    account and the régisseur pays one small expense (stamps) with its pièce.
    The account 5412 « Régie d'avances de l'antenne » stays free for a régie
    the directrice draws up herself. Services only, but for the chart's 541x."""
    from tresorerie.models import Regie
    from tresorerie.services import regies as sr
    from tresorerie.services import regies_caisse as rc

    directrice, comptable = personnes["directrice"], personnes["comptable"]
    regisseur = personnes["regisseur"]
    compte = _compte_regie(
        comptable, exercice, "REGIE-AVANCES", "5413", "Régie d'avances du service intérieur"
    )
    if Regie.objects.filter(compte=compte).exists():
        return None
    with horloge.figer(aujourd_hui):
        regie = sr.regie_projeter(
            acting_user=directrice,
            libelle="Régie d'avances du service intérieur",
            type=Regie.Type.AVANCES,
            compte=compte,
            regisseur=regisseur,
            plafond_encaisse="300.00",
            plafond_depense="50.00",
            operations=[
                sr.OperationSaisie("depense", "Affranchissements", "626"),
                sr.OperationSaisie("depense", "Petites fournitures", "6064"),
            ],
        )
        sr.regie_avis(acting_user=comptable, regie=regie, favorable=True, le=aujourd_hui)
        regie = sr.regie_decider(
            acting_user=directrice,
            regie=regie,
            le=aujourd_hui,
            acte_reference=f"Décision de la directrice n° {aujourd_hui.year}-08",
            vise_instruction=True,
        )
        rc.regie_avance(
            acting_user=comptable,
            regie=regie,
            montant="200.00",
            source=CompteDisponibilite.objects.get(code="BANQUE"),
        )
        rc.regie_depenser(
            acting_user=regisseur,
            regie=regie,
            operation=regie.operations.get(libelle="Affranchissements"),
            montant="12.40",
            beneficiaire="La Poste",
            objet="Timbres pour les courriers recommandés",
            piece="Ticket de caisse n° 0457",
        )
    return regie


@dataclass(frozen=True)
class RetourBanque:
    """A transfer of ours the bank returns on `le`: the credit it books, with
    its reason (ISO 20022 ExternalReturnReason1Code, e.g. AC04 « closed
    account ») and its own words."""

    paiement: Paiement
    le: datetime.date
    motif: str = "AC04"
    info: str = "Compte clôturé à la demande de la titulaire"


# The insured person whose monthly pension comes back: her account is closed.
ASSUREE_RETOUR = ("Mme Nadia Benali", "FR7620041010050712345K02813", "PSSTFRPPXXX")
PENSION_RETOUR_MONTANT = Decimal("1184.62")


def virement_retourne_demo(
    *, directrice, comptable, mot_de_passe: str, exercice, compte, hier: datetime.date
) -> RetourBanque | None:
    """The month's pension d'invalidité of one insured person (a prestation
    légale, 6561, one line, no opposition): issued, signed and visaed, paid by
    SEPA transfer from `compte` on the last working day at least four days
    before `hier`; her bank returns it two days later (AC04, account closed),
    on or before `hier`. Services only, the clock set at the payment's day.
    Returns the return for the statement (`releve_exemple(retours=...)`), or
    None in the first days of the exercise."""
    paye = hier - datetime.timedelta(days=4)
    while paye.weekday() >= 5:
        paye -= datetime.timedelta(days=1)
    retourne = paye + datetime.timedelta(days=2)
    while retourne.weekday() >= 5:
        retourne += datetime.timedelta(days=1)
    if paye < exercice.debut or retourne > hier:
        return None
    nom, iban, bic = ASSUREE_RETOUR
    with horloge.figer(paye):
        ordre = depenses_services.ordre_depense_creer(
            acting_user=directrice,
            saisie=depenses_services.SaisieDepense(
                gestion="technique",
                nature="prestation",
                objet=f"Pension d'invalidité de {paye:%m/%Y}, {nom}",
                bases_liquidation="Pension d'invalidité de 2e catégorie, échéance mensuelle",
                compte_imputation="6561",
                compte_tiers="412",
                date_fait=paye,
                dates={"service_fait": paye, "reception": paye},
                lignes=[
                    depenses_services.LigneCreancier(
                        nom, "assurée", iban, PENSION_RETOUR_MONTANT, bic=bic
                    )
                ],
                pieces_references="Notification de pension au dossier de l'assurée",
            ),
        )
        depenses_services.ordre_depense_attester_service_fait(
            acting_user=directrice, ordre=ordre, le=paye
        )
        depenses_services.ordre_depense_signer(
            acting_user=directrice, ordre=ordre, mot_de_passe=mot_de_passe
        )
        depenses_services.ordre_depense_transmettre(acting_user=directrice, ordre=ordre)
        depenses_services.ordre_depense_viser(
            acting_user=comptable,
            ordre=ordre,
            appreciations={"imputation": (True, ""), "validite_dette": (True, "")},
        )
        lot = lot_payer(acting_user=comptable, ordres=[ordre], compte=compte)
    return RetourBanque(paiement=lot.paiements.get(), le=retourne)


def releve_exemple(
    compte: CompteDisponibilite,
    du: datetime.date,
    au: datetime.date,
    *,
    frais: Decimal | None = Decimal("12.50"),
    retours: tuple[RetourBanque, ...] = (),
) -> bytes:
    """A camt.053.001.08 statement such as the bank would send for `compte` from `du`
    to `au`: every book movement of the account as the bank sees it (a payment
    batch as one debit per transfer, with its EndToEndId), plus the bank's
    monthly fee, which the books do not know yet, and the transfers it
    returns (`retours`: a credit with the reversal indicator, the return
    reason and the code PMNT/ICDT/RRTN, carrying the transfer's EndToEndId).
    The counter-entry of a return already recorded is not a movement of its
    own: the bank booked it as the return line. For the demo and the tests."""
    lots = {
        lot.ecriture_id: lot
        for lot in LotPaiement.objects.filter(compte=compte, date__range=(du, au)).prefetch_related(
            "paiements"
        )
    }
    lignes = []
    for lg in (
        Ligne.objects.filter(
            compte=compte.compte,
            ecriture__exercice__annee=au.year,
            ecriture__date__range=(du, au),
        )
        .exclude(ecriture__journal__a_nouveaux=True)
        .exclude(ecriture_id__in=Retour.objects.values("ecriture_id"))
        .select_related("ecriture")
        .order_by("ecriture__date", "id")
    ):
        e = lg.ecriture
        lot = lots.get(e.pk)
        if lot is not None and lg.credit > 0:
            for p in lot.paiements.all():
                lignes.append(
                    releves.LigneReleve(
                        date_operation=e.date,
                        date_valeur=e.date,
                        montant=p.montant,
                        sens="debit",
                        libelle=f"VIR SEPA {p.beneficiaire}"[:140],
                        reference=p.bout_en_bout,
                        reference_banque=f"B{lg.pk:08d}{p.pk:06d}"[:35],
                        contrepartie=p.beneficiaire[:70],
                    )
                )
            continue
        lignes.append(
            releves.LigneReleve(
                date_operation=e.date,
                date_valeur=e.date,
                montant=lg.debit or lg.credit,
                sens="credit" if lg.debit > 0 else "debit",
                libelle=e.libelle[:140],
                reference=(e.piece or "")[:35],
                reference_banque=f"B{lg.pk:08d}",
                contrepartie="",
            )
        )
    if frais:
        lignes.append(
            releves.LigneReleve(
                date_operation=au,
                date_valeur=au,
                montant=frais,
                sens="debit",
                libelle="Frais de tenue de compte",
                reference="",
                reference_banque=f"FRAIS{au:%Y%m%d}",
                contrepartie="",
            )
        )
    for r in retours:
        p = r.paiement
        lignes.append(
            releves.LigneReleve(
                date_operation=r.le,
                date_valeur=r.le,
                montant=p.montant,
                sens="credit",
                libelle=f"RETOUR VIR SEPA {p.beneficiaire}"[:140],
                reference=p.bout_en_bout,
                reference_banque=f"R{p.pk:08d}",
                contrepartie=p.beneficiaire[:70],
                code_operation="PMNT/ICDT/RRTN",
                contre_passation=True,
                motif_retour=r.motif,
                motif_retour_info=r.info,
            )
        )
    lignes.sort(key=lambda lg: lg.date_operation)
    ouverture = (
        solde_comptable(compte.compte.numero, du - datetime.timedelta(days=1))
        if (du.year == au.year and du > datetime.date(au.year, 1, 1))
        else solde_comptable(compte.compte.numero, datetime.date(au.year, 1, 1))
        - sum(
            (
                lg.debit - lg.credit
                for lg in Ligne.objects.filter(
                    compte=compte.compte,
                    ecriture__exercice__annee=au.year,
                    ecriture__date=datetime.date(au.year, 1, 1),
                ).exclude(ecriture__journal__a_nouveaux=True)
            ),
            Decimal("0.00"),
        )
    )
    precedent = (
        Releve.objects.filter(compte=compte, nature=Releve.Nature.RELEVE, date_fin__lt=du)
        .order_by("-date_fin", "-id")
        .first()
    )
    if precedent is not None:
        # The bank's balance follows its own last statement (fees included).
        ouverture = precedent.solde_cloture
    mouvement = sum(
        (lg.montant if lg.sens == "credit" else -lg.montant for lg in lignes), Decimal("0.00")
    )
    releve = releves.Releve(
        format="camt.053",
        identifiant=f"{compte.code}-{du:%Y%m%d}-{au:%Y%m%d}"[:35],
        iban=compte.iban,
        date_debut=du,
        date_fin=au,
        solde_ouverture=ouverture,
        solde_cloture=ouverture + mouvement,
        lignes=tuple(lignes),
        version=VERSION_DEMO,
    )
    return releves.ecrire_camt(
        releve, message_id=f"RLV{au:%Y%m%d}{compte.pk:04d}", version=VERSION_DEMO
    )


VERSION_DEMO = "camt.053.001.08"  # what banks send since the end of MT940
