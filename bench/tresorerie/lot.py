"""Benchmark 4: the treasury — quittance PDFs, and a batch of 10,000 transfers.

1. Quittances. N cash receipts are recorded at the cash desk through
   `tresorerie.services.encaissement_enregistrer` (moyen « numéraire », no
   order: the whole amount waits in 4711), each with its quittance. Then
   `tresorerie.pdf.quittance_pdf` renders every quittance, loaded by its id as
   a view would (single process). The raw limit, measured in the same run:
   WeasyPrint rendering a minimal HTML page, one paragraph of the same length
   as the quittance's text, same page size and fonts, same kept font
   configuration, no template and no database. One warm-up of each, then
   three runs of each, interleaved; the figure is the median, in PDFs/s.

2. Payment batch. 2 × N visaed ordres de dépense are prepared in bulk (not
   through the signing and visa services one by one: see `_preparer_ordres`),
   one creditor each, with valid French IBANs. One half is paid by
   `tresorerie.services.lot_payer` (one transaction: locks, the entry of N + 1
   lines, the pain.001 file built and validated, N payments, N orders marked
   paid, the credit's payment, N + 1 audit rows). The other half is paid by
   the raw limit: the same rows written by psycopg without Django into the
   same tables, triggers on (entry + COPY of its lines, the lot, COPY of the
   payments, one UPDATE of the orders, the credit movement, COPY of the audit
   rows, COMMIT), the rows prepared in memory before the clock starts; plus
   `sepa.pain001` alone on the same transfers, timed apart. Each side runs
   once, after VACUUM ANALYZE and a CHECKPOINT; the raw side first.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import io
import json
import re
import statistics
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from bench import commun
from bench.commun import Chrono, LigneTableau, Resultat, nombre, pourcent, secondes
from core import horloge

REPETITIONS_PDF = 3
IDENTIFIANT_DIRECTEUR = "bench-directeur"
CHAPITRE = "6064"
COMPTE_TIERS = "401"
# Banks of the generated creditors' accounts: (code banque, BIC).
BANQUES = (
    ("30006", "AGRIFRPPXXX"),
    ("30004", "BNPAFRPPXXX"),
    ("10107", "BREDFRPPXXX"),
    ("20041", "PSSTFRPPXXX"),
)
TEXTE_PARAGRAPHE = (
    "Reçu de la partie versante la somme indiquée, en numéraire, à la caisse de l'agence "
    "comptable, pour le règlement de l'objet mentionné ci-dessus. "
)


def _aujourd_hui() -> datetime.date:

    return horloge.aujourdhui()


def directeur():
    """The directeur who opens the credit and engages the expense (not the agent comptable)."""
    from django.contrib.auth import get_user_model

    from personnes.models import Affectation, Fonction

    utilisateur, _ = get_user_model().objects.get_or_create(
        username=IDENTIFIANT_DIRECTEUR, defaults={"first_name": "Direction", "last_name": "du banc"}
    )
    Affectation.objects.get_or_create(
        utilisateur=utilisateur,
        fonction=Fonction.DIRECTEUR,
        defaults={"debut": datetime.date(_aujourd_hui().year, 1, 1)},
    )
    return utilisateur


# --- 1. Quittances -----------------------------------------------------------------


def _encaisser(comptable, caisse, nombre_encaissements: int) -> tuple[list[int], Chrono]:
    """Record the cash receipts through the service; returns their quittances' ids."""
    from tresorerie import services
    from tresorerie.models import Quittance

    encaissements = []
    with commun.chronometrer(commun.pid_serveur_django()) as chrono:
        for rang in range(1, nombre_encaissements + 1):
            montant = Decimal(500 + (rang * 7919) % 149_500).scaleb(-2)
            encaissement = services.encaissement_enregistrer(
                acting_user=comptable,
                compte=caisse,
                moyen="numeraire",
                montant=montant,
                payeur=f"Mme Camille Lefèvre-Martin n° {rang}",
                objet=f"Remboursement de frais de dossier, demande n° {rang:05d}",
            )
            encaissements.append(encaissement.pk)
    quittances = list(
        Quittance.objects.filter(encaissement_id__in=encaissements, nature="quittance")
        .order_by("carnet_id", "numero")
        .values_list("pk", flat=True)
    )
    if len(quittances) != nombre_encaissements:
        raise RuntimeError(
            f"{len(quittances)} quittances délivrées pour {nombre_encaissements} encaissements."
        )
    return quittances, chrono


def _rendre_quittances(quittances: list[int]) -> int:
    """Our path: each quittance loaded by its id, then `quittance_pdf`; returns the bytes."""
    from tresorerie.models import Quittance
    from tresorerie.pdf import quittance_pdf

    return sum(len(quittance_pdf(Quittance.objects.get(pk=pk))) for pk in quittances)


@contextmanager
def _espion(module, nom: str, appels: list):
    """Replace `module.nom` by a wrapper that records (seconds, result) of each call."""
    original = getattr(module, nom)

    def enveloppe(*args, **kwargs):
        debut = time.perf_counter()
        resultat = original(*args, **kwargs)
        appels.append((time.perf_counter() - debut, resultat))
        return resultat

    setattr(module, nom, enveloppe)
    try:
        yield
    finally:
        setattr(module, nom, original)


def _texte_visible(page: str) -> str:
    sans_style = re.sub(r"<(style|title)\b.*?</\1>", " ", page, flags=re.DOTALL | re.IGNORECASE)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", sans_style)).split())


def regles_page(page_quittance: str) -> tuple[str, str]:
    """The quittance's `@page` and `body` CSS rules (page size and margins, font)."""
    page = re.search(r"@page\s*{([^{}]*)}", page_quittance)
    corps = re.search(r"\bbody\s*{([^{}]*)}", page_quittance)
    return (
        " ".join(page.group(1).split()) if page else "size: A4;",
        " ".join(corps.group(1).split()) if corps else "font-family: sans-serif;",
    )


def page_minimale(page_quittance: str) -> str:
    """One paragraph as long as the quittance's text, with its page rule and body font."""
    regle_page, regle_corps = regles_page(page_quittance)
    longueur = len(_texte_visible(page_quittance))
    texte = (TEXTE_PARAGRAPHE * (longueur // len(TEXTE_PARAGRAPHE) + 1))[:longueur].rstrip()
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><style>'
        f"@page {{ {regle_page} }} body {{ {regle_corps} }}"
        f"</style></head><body><p>{html.escape(texte)}</p></body></html>"
    )


def _rendre_brut(page: str, nombre_pages: int, polices) -> int:
    from weasyprint import HTML

    return sum(len(HTML(string=page).write_pdf(font_config=polices)) for _ in range(nombre_pages))


@dataclass
class MesuresPdf:
    quittances: int
    encaissement: Chrono
    notre: list[float]  # seconds per run
    brut: list[float]
    octets_notre: int  # size of one run's PDFs
    octets_brut: int
    caracteres: int  # visible text of a quittance
    regle_page: str  # the quittance's CSS, reused by the minimal page
    regle_corps: str
    requetes: int  # SQL queries per quittance
    postes: dict[str, dict[str, float]] = field(default_factory=dict)  # side -> step -> s/PDF
    cpu_autres: list[float] = field(default_factory=list)

    @property
    def debit_notre(self) -> float:
        return self.quittances / statistics.median(self.notre)

    @property
    def debit_brut(self) -> float:
        return self.quittances / statistics.median(self.brut)


def mesurer_quittances(comptable, caisse, nombre_quittances: int) -> MesuresPdf:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from weasyprint.text.fonts import FontConfiguration

    import tresorerie.pdf as pdf

    commun.annoncer(f"Trésorerie : {nombre(nombre_quittances)} encaissements en numéraire…")
    quittances, encaissement = _encaisser(comptable, caisse, nombre_quittances)
    commun.annoncer(
        f"  {nombre(nombre_quittances / encaissement.duree)} encaissements/s "
        f"({encaissement.duree:.1f} s)"
    )

    # Warm-up of our path (font configuration of the thread, template, imports),
    # capturing the HTML of a quittance to shape the raw page after it.
    pages: list = []
    with _espion(pdf, "render_to_string", pages):
        _rendre_quittances(quittances[:1])
    page_quittance = pages[0][1]
    page = page_minimale(page_quittance)
    polices = FontConfiguration()
    _rendre_brut(page, 1, polices)  # warm-up of the raw side

    pid = commun.pid_serveur_django()
    notre, brut, autres = [], [], []
    for essai in range(1, REPETITIONS_PDF + 1):
        commun.attendre_le_calme()
        with commun.chronometrer() as chrono:
            octets_brut = _rendre_brut(page, len(quittances), polices)
        brut.append(chrono.duree)
        autres.append(chrono.cpu_autres / chrono.duree)
        commun.attendre_le_calme()
        with commun.chronometrer(pid) as chrono:
            octets_notre = _rendre_quittances(quittances)
        notre.append(chrono.duree)
        autres.append(chrono.cpu_autres / chrono.duree)
        commun.annoncer(
            f"Quittances, essai {essai}/{REPETITIONS_PDF} : page minimale "
            f"{nombre(len(quittances) / brut[-1], 1)} PDF/s, quittance_pdf "
            f"{nombre(len(quittances) / notre[-1], 1)} PDF/s"
        )

    # One more pass, instrumented, to see where a quittance's time goes.
    postes = postes_pdf(quittances, page, polices)
    with CaptureQueriesContext(connection) as capture:
        _rendre_quittances(quittances[:1])
    regle_page, regle_corps = regles_page(page_quittance)
    return MesuresPdf(
        quittances=len(quittances),
        encaissement=encaissement,
        notre=notre,
        brut=brut,
        octets_notre=octets_notre,
        octets_brut=octets_brut,
        caracteres=len(_texte_visible(page_quittance)),
        regle_page=regle_page,
        regle_corps=regle_corps,
        requetes=len(capture.captured_queries),
        postes=postes,
        cpu_autres=autres,
    )


@contextmanager
def _postes_weasyprint(appels: dict[str, list]):
    """Time WeasyPrint's steps: parsing (`HTML(...)`), layout (`render`), writing the PDF."""
    import weasyprint
    from weasyprint.document import Document

    init_original = weasyprint.HTML.__init__

    def init_chronometre(self, *args, **kwargs):
        debut = time.perf_counter()
        init_original(self, *args, **kwargs)
        appels["analyse"].append((time.perf_counter() - debut, None))

    # HTML.write_pdf calls HTML.render, then Document.write_pdf.
    with (
        _espion(weasyprint.HTML, "render", appels["mise_en_page"]),
        _espion(Document, "write_pdf", appels["ecriture_pdf"]),
    ):
        weasyprint.HTML.__init__ = init_chronometre
        try:
            yield
        finally:
            weasyprint.HTML.__init__ = init_original


def postes_pdf(quittances: list[int], page: str, polices) -> dict[str, dict[str, float]]:
    """Seconds per PDF, by step, for both sides (one instrumented pass each, not the figure)."""
    import tresorerie.pdf as pdf
    from tresorerie.models import Quittance

    resultats = {}
    for cote in ("brut", "notre"):
        appels: dict[str, list] = {
            "gabarit": [],
            "analyse": [],
            "mise_en_page": [],
            "ecriture_pdf": [],
        }
        chargement = 0.0
        with _postes_weasyprint(appels), _espion(pdf, "render_to_string", appels["gabarit"]):
            debut = time.perf_counter()
            if cote == "notre":
                for pk in quittances:
                    avant = time.perf_counter()
                    quittance = Quittance.objects.get(pk=pk)
                    chargement += time.perf_counter() - avant
                    pdf.quittance_pdf(quittance)
            else:
                _rendre_brut(page, len(quittances), polices)
            total = time.perf_counter() - debut
        n = len(quittances)
        postes = {cle: sum(d for d, _ in liste) / n for cle, liste in appels.items()}
        postes["chargement"] = chargement / n
        postes["total"] = total / n
        postes["reste"] = postes["total"] - sum(
            postes[k] for k in ("chargement", "gabarit", "analyse", "mise_en_page", "ecriture_pdf")
        )
        resultats[cote] = postes
    return resultats


# --- 2. Payment batch: preparation -------------------------------------------------


@dataclass
class Moitie:
    """One side's orders, visaed, and what the raw side needs to pay them without the ORM."""

    ordres: list[int]
    lignes: list[tuple]  # (ligne id, ordre id, numero, creancier, iban, bic, montant)
    total: Decimal
    objet: dict[int, str]


def _iban(rang: int) -> tuple[str, str]:
    from schwifty import IBAN

    banque, bic = BANQUES[rang % len(BANQUES)]
    iban = IBAN.generate(
        "FR", bank_code=banque, branch_code=f"{rang % 99_999 + 1:05d}", account_code=f"{rang:011d}"
    )
    return str(iban.compact), bic


def _montant_ordre(rang: int) -> Decimal:
    return Decimal(10_000 + (rang * 104_729) % 990_000).scaleb(-2)


def _preparer_ordres(
    comptable, directeur_, exercice, premier_rang: int, nombre_ordres: int, regle
) -> Moitie:
    """`nombre_ordres` visaed orders of one creditor each, in bulk, guards on where they can be.

    The numbering guard (BEFORE INSERT per row, the counter moved by an AFTER
    INSERT per row, which PostgreSQL runs at the end of the statement) refuses
    a multi-row INSERT: the orders alone are inserted with
    `session_replication_role = replica`, then the counter is set with the
    guard on (it checks it equals the last number). Lines, signature
    ('signe': one line per order adding up to its amount, a 64-hex hash),
    transmission and visa then go through the guards as ordinary statements.
    The visa entry is one DE entry for the half (charge / each creditor),
    posted by `ecriture_passer`; the credit is engaged and ordered by the
    budget services.
    """
    from django.db import connection, transaction

    from budget import services as budget
    from depenses import services as depenses
    from depenses.models import CompteurOrdreDepense, LigneOrdreDepense, OrdreDepense
    from ledger.models import Compte
    from ledger.services import LigneSaisie, ecriture_passer

    aujourd_hui = _aujourd_hui()
    rangs = range(premier_rang, premier_rang + nombre_ordres)
    montants = {rang: _montant_ordre(rang) for rang in rangs}
    total = sum(montants.values(), Decimal("0.00"))
    engagement = depenses.engagement_creer(
        acting_user=directeur_,
        exercice=exercice,
        gestion="budgetaire",
        objet=f"Marché de fournitures administratives, lot {premier_rang // nombre_ordres + 1}",
        creancier="Titulaires du marché à bons de commande",
        compte_imputation=CHAPITRE,
        montant_engage=total,
    )
    budget.credit_ordonnancer(
        acting_user=directeur_,
        exercice=exercice,
        compte_numero=CHAPITRE,
        montant=total,
        reference=f"engagement:{engagement.pk}",
    )
    imputation = Compte.objects.get(numero=CHAPITRE)
    tiers = Compte.objects.get(numero=COMPTE_TIERS)
    creanciers = {rang: f"Fournitures et Papeterie n° {rang:05d} SARL" for rang in rangs}
    with transaction.atomic():
        compteur, _ = CompteurOrdreDepense.objects.get_or_create(exercice=exercice)
        compteur = CompteurOrdreDepense.objects.select_for_update().get(pk=compteur.pk)
        premier_numero = compteur.dernier_numero + 1
        with connection.cursor() as curseur:
            curseur.execute("SET LOCAL session_replication_role = replica")
        ordres = OrdreDepense.objects.bulk_create(
            [
                OrdreDepense(
                    exercice=exercice,
                    numero=premier_numero + i,
                    type="individuel",
                    gestion="budgetaire",
                    nature="fournitures",
                    objet=f"Fournitures de bureau, facture n° F{rang:05d}",
                    bases_liquidation=f"Facture n° F{rang:05d} du {aujourd_hui:%d/%m/%Y}, "
                    "livraison conforme au bon de commande",
                    compte_imputation=imputation,
                    compte_tiers=tiers,
                    montant=montants[rang],
                    engagement=engagement,
                    acompte=i + 1,
                    date_fait=aujourd_hui,
                    date_service_fait=aujourd_hui,
                    date_reception=aujourd_hui,
                    date_liquidation=aujourd_hui,
                    article_rattachement=regle.article[:200],
                    critere_rattachement=(
                        f"{regle.critere_libelle} : {regle.date_critere:%d/%m/%Y}"[:120]
                    ),
                    limite_emission=regle.limite_emission,
                    cree_par=directeur_,
                )
                for i, rang in enumerate(rangs)
            ],
            batch_size=5000,
        )
        with connection.cursor() as curseur:
            curseur.execute("SET LOCAL session_replication_role = origin")
        CompteurOrdreDepense.objects.filter(pk=compteur.pk).update(
            dernier_numero=premier_numero + nombre_ordres - 1
        )
        par_rang = dict(zip(rangs, ordres, strict=True))
        lignes = LigneOrdreDepense.objects.bulk_create(
            [
                LigneOrdreDepense(
                    ordre=par_rang[rang],
                    creancier=creanciers[rang],
                    qualite="fournisseur",
                    identifiant=f"{40_000_000_000_000 + rang:014d}",
                    iban=iban,
                    bic=bic,
                    montant=montants[rang],
                )
                for rang in rangs
                for iban, bic in [_iban(rang)]
            ],
            batch_size=5000,
        )
        ids = [o.pk for o in ordres]
        with connection.cursor() as curseur:
            curseur.execute(
                """
                UPDATE depenses_ordredepense o
                   SET etat = 'signe',
                       empreinte_contenu = encode(sha256(convert_to(concat_ws('|', o.exercice_id,
                           o.numero, o.montant, o.objet, l.creancier, l.iban, l.bic, l.montant),
                           'UTF8')), 'hex')
                  FROM depenses_ligneordredepense l
                 WHERE l.ordre_id = o.id AND o.id = ANY(%s)
                """,
                [ids],
            )
            curseur.execute(
                "UPDATE depenses_ordredepense SET etat = 'transmis', transmis_le = %s"
                " WHERE id = ANY(%s)",
                [horloge.maintenant(), ids],
            )
        ecriture = ecriture_passer(
            acting_user=comptable,
            exercice=exercice,
            journal="DE",
            date=aujourd_hui,
            libelle=(
                f"Visa des ordres de dépense n° {exercice.annee}-{premier_numero:05d} à "
                f"{exercice.annee}-{premier_numero + nombre_ordres - 1:05d}"
            ),
            lignes=[LigneSaisie(CHAPITRE, debit=total)]
            + [
                LigneSaisie(COMPTE_TIERS, credit=montants[rang], tiers=creanciers[rang][:120])
                for rang in rangs
            ],
            piece=f"bench:visa:{premier_rang}",
        )
        with connection.cursor() as curseur:
            curseur.execute(
                "UPDATE depenses_ordredepense SET etat = 'vise', vise_le = %s, vise_par_id = %s,"
                " ecriture_id = %s WHERE id = ANY(%s)",
                [horloge.maintenant(), comptable.pk, ecriture.pk, ids],
            )
    return Moitie(
        ordres=ids,
        lignes=[
            (lg.pk, lg.ordre_id, par_rang[rang].numero, lg.creancier, lg.iban, lg.bic, lg.montant)
            for rang, lg in zip(rangs, lignes, strict=True)
        ],
        total=total,
        objet={o.pk: o.objet for o in ordres},
    )


def preparer_lot(comptable, directeur_, exercice, nombre_ordres: int) -> tuple[Moitie, Moitie]:
    from budget import services as budget
    from reglementation.selectors import rattachement

    aujourd_hui = _aujourd_hui()
    total = sum((_montant_ordre(rang) for rang in range(1, 2 * nombre_ordres + 1)), Decimal("0.00"))
    budget.credit_ouvrir(
        acting_user=directeur_,
        exercice=exercice,
        chapitre=CHAPITRE,
        libelle="Fournitures administratives",
        montant_initial=total + Decimal("1000.00"),
    )
    regle = rattachement(
        sens="depense",
        nature="fournitures",
        date_fait=aujourd_hui,
        dates={"service_fait": aujourd_hui, "reception": aujourd_hui, "liquidation": aujourd_hui},
    )
    brut = _preparer_ordres(comptable, directeur_, exercice, 1, nombre_ordres, regle)
    notre = _preparer_ordres(
        comptable, directeur_, exercice, nombre_ordres + 1, nombre_ordres, regle
    )
    return brut, notre


# --- 2. Payment batch: the raw limit -----------------------------------------------


@dataclass
class TamponsLot:
    """The raw side's rows, built before the clock starts."""

    ecriture_id: int
    lot_id: int
    message_id: str
    lignes_ecriture: bytes
    paiements: bytes
    audit: bytes
    fichier: bytes
    total: Decimal
    nombre: int


def _copie(valeur) -> str:
    """A value in COPY text format."""
    if valeur is None:
        return "\\N"
    texte = str(valeur)
    return (
        texte.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _ligne_copie(*valeurs) -> str:
    return "\t".join(_copie(v) for v in valeurs) + "\n"


def virements(moitie: Moitie, message_id: str):
    """The transfers of a half, as `lot_payer` gives them to `sepa.pain001`."""
    from tresorerie import sepa

    return [
        sepa.Virement(
            beneficiaire=creancier[:200],
            iban=iban,
            bic=bic,
            montant=montant,
            bout_en_bout=f"{message_id[7:]}-{rang:05d}"[:35],
            libelle=f"Ordre de dépense {ordre_reference} {moitie.objet[ordre_id]}",
        )
        for rang, (_, ordre_id, ordre_reference, creancier, iban, bic, montant) in enumerate(
            _avec_references(moitie), start=1
        )
    ]


def _avec_references(moitie: Moitie):
    annee = _aujourd_hui().year
    for ligne_id, ordre_id, numero, creancier, iban, bic, montant in moitie.lignes:
        yield ligne_id, ordre_id, f"{annee}-{numero:05d}", creancier, iban, bic, montant


def pain001_seul(moitie: Moitie, banque, message_id: str) -> tuple[float, bytes]:
    """`sepa.pain001` alone on the half's transfers: (seconds, file)."""
    from django.conf import settings

    from tresorerie import sepa

    liste = virements(moitie, message_id)
    donneur = sepa.Donneur(nom=settings.NOM_ORGANISME, iban=banque.iban, bic=banque.bic)
    debut = time.perf_counter()
    fichier = sepa.pain001(
        message_id=message_id, donneur=donneur, date_execution=_aujourd_hui(), virements=liste
    )
    return time.perf_counter() - debut, fichier


def preparer_tampons(
    moitie: Moitie, comptable, banque, fichier: bytes, message_id: str
) -> TamponsLot:
    from django.db import connection

    from bench.import_masse import _reserver
    from ledger.models import Compte

    le = _aujourd_hui()
    with connection.cursor() as curseur:
        ecriture_id = _reserver(curseur, "ledger_ecriture", 1)
        lot_id = _reserver(curseur, "tresorerie_lotpaiement", 1)
    compte_tiers = Compte.objects.get(numero=COMPTE_TIERS).pk
    lignes = io.StringIO()
    paiements = io.StringIO()
    audit = io.StringIO()
    horodatage = datetime.datetime.now(datetime.UTC).isoformat()
    avant = json.dumps({"etat": "vise"})
    apres = json.dumps(
        {"etat": "paye", "le": le.isoformat(), "moyen": "virement", "lot": message_id}
    )
    for rang, (ligne_id, ordre_id, reference, creancier, iban, bic, montant) in enumerate(
        _avec_references(moitie), start=1
    ):
        lignes.write(_ligne_copie(ecriture_id, compte_tiers, montant, "0", creancier[:120], ""))
        paiements.write(
            _ligne_copie(
                lot_id,
                ordre_id,
                ligne_id,
                None,
                creancier[:200],
                iban,
                bic,
                montant,
                f"{message_id[7:]}-{rang:05d}"[:35],
            )
        )
        audit.write(
            _ligne_copie(
                horodatage,
                comptable.pk,
                "ordre_depense.paye",
                "depenses.ordredepense",
                ordre_id,
                f"Ordre de dépense n° {reference}",
                avant,
                apres,
            )
        )
    lignes.write(_ligne_copie(ecriture_id, banque.compte_id, "0", moitie.total, "", ""))
    audit.write(
        _ligne_copie(
            horodatage,
            comptable.pk,
            "tresorerie.lot_paye",
            "tresorerie.lotpaiement",
            lot_id,
            f"LOT-{le.year}-{lot_id:05d}",
            None,
            json.dumps(
                {
                    "ordres": len(moitie.ordres),
                    "paiements": len(moitie.lignes),
                    "total": str(moitie.total),
                    "compte": "5122",
                    "oppositions": 0,
                }
            ),
        )
    )
    return TamponsLot(
        ecriture_id=ecriture_id,
        lot_id=lot_id,
        message_id=message_id,
        lignes_ecriture=lignes.getvalue().encode(),
        paiements=paiements.getvalue().encode(),
        audit=audit.getvalue().encode(),
        fichier=fichier,
        total=moitie.total,
        nombre=len(moitie.lignes),
    )


_SQL_VERROU = """
    SELECT c.dernier_numero, h.dernier_rang, h.derniere_empreinte
      FROM ledger_compteur c JOIN ledger_chaine h ON h.exercice_id = c.exercice_id
     WHERE c.exercice_id = %s AND c.journal_id = %s
       FOR UPDATE
"""
_SQL_ECRITURE = """
    INSERT INTO ledger_ecriture (id, exercice_id, journal_id, numero, rang, date, libelle, piece,
                                 passee_par_id, passee_le, contrepasse_id,
                                 empreinte_precedente, empreinte)
    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, NULL, %s, %s)
"""
_SQL_LOT = """
    INSERT INTO tresorerie_lotpaiement (id, exercice_id, compte_id, moyen, date, nombre, total,
                                        message_id, fichier, empreinte_fichier, ecriture_id,
                                        cree_par_id, cree_le)
    VALUES (%s, %s, %s, 'virement', %s, %s, %s, %s, %s, %s, %s, %s, %s)
"""
_SQL_ORDRES = """
    UPDATE depenses_ordredepense
       SET etat = 'paye', paye_le = %s, paiement_moyen = 'virement', paiement_reference = %s,
           paye_par_id = %s
     WHERE id = ANY(%s)
"""
_SQL_CREDIT = """
    INSERT INTO budget_mouvementcredit (credit_id, nature, montant, reference, par_id)
    VALUES (%s, 'paiement', %s, %s, %s)
"""


def payer_brut(tampons: TamponsLot, moitie: Moitie, ids: dict) -> tuple[Chrono, dict[str, float]]:
    """The raw limit: psycopg, no Django, one transaction, same tables and triggers."""
    import psycopg

    le = _aujourd_hui()
    etapes: dict[str, float] = {}
    with psycopg.connect(commun.conninfo()) as connexion:
        connexion.execute("SELECT 1")
        connexion.commit()
        with commun.chronometrer(connexion.info.backend_pid) as chrono:
            with connexion.cursor() as curseur:
                debut = time.perf_counter()
                curseur.execute(_SQL_VERROU, (ids["exercice"], ids["journal"]))
                dernier_numero, dernier_rang, precedente = curseur.fetchone()
                libelle = (
                    f"Paiement par virement de {tampons.nombre} ordre(s) de dépense, "
                    f"lot {tampons.message_id}"
                )
                empreinte = hashlib.sha256(
                    f"{precedente}|{dernier_numero + 1}|{le}|{libelle}|{tampons.total}".encode()
                ).hexdigest()
                curseur.execute(
                    _SQL_ECRITURE,
                    (
                        tampons.ecriture_id,
                        ids["exercice"],
                        ids["journal"],
                        dernier_numero + 1,
                        dernier_rang + 1,
                        le,
                        libelle,
                        tampons.message_id,
                        ids["utilisateur"],
                        datetime.datetime.now(datetime.UTC),
                        precedente,
                        empreinte,
                    ),
                )
                with curseur.copy(
                    "COPY ledger_ligne (ecriture_id, compte_id, debit, credit, tiers, libelle)"
                    " FROM STDIN"
                ) as copie:
                    copie.write(tampons.lignes_ecriture)
                etapes["ecriture"] = time.perf_counter() - debut
                debut = time.perf_counter()
                curseur.execute(
                    _SQL_LOT,
                    (
                        tampons.lot_id,
                        ids["exercice"],
                        ids["banque"],
                        le,
                        tampons.nombre,
                        tampons.total,
                        tampons.message_id,
                        tampons.fichier,
                        hashlib.sha256(tampons.fichier).hexdigest(),
                        tampons.ecriture_id,
                        ids["utilisateur"],
                        datetime.datetime.now(datetime.UTC),
                    ),
                )
                with curseur.copy(
                    "COPY tresorerie_paiement (lot_id, ordre_id, ligne_id, opposition_id,"
                    " beneficiaire, iban, bic, montant, bout_en_bout) FROM STDIN"
                ) as copie:
                    copie.write(tampons.paiements)
                etapes["paiements"] = time.perf_counter() - debut
                debut = time.perf_counter()
                curseur.execute(
                    _SQL_ORDRES, (le, tampons.message_id, ids["utilisateur"], moitie.ordres)
                )
                etapes["ordres"] = time.perf_counter() - debut
                debut = time.perf_counter()
                curseur.execute(
                    _SQL_CREDIT,
                    (ids["credit"], tampons.total, f"lot:{tampons.message_id}", ids["utilisateur"]),
                )
                with curseur.copy(
                    "COPY core_journalaudit (horodatage, acteur_id, acte, objet_type, objet_id,"
                    " objet_libelle, avant, apres) FROM STDIN"
                ) as copie:
                    copie.write(tampons.audit)
                etapes["credit_audit"] = time.perf_counter() - debut
            debut = time.perf_counter()
            connexion.commit()
            etapes["commit"] = time.perf_counter() - debut
    return chrono, etapes


# --- 2. Payment batch: our path ----------------------------------------------------


@dataclass
class Decompte:
    """Where `lot_payer`'s time went (seconds), read by light wrappers around it."""

    pain001: float = 0.0
    ecriture: float = 0.0  # ecriture_passer, its SQL included
    commit: float = 0.0  # COMMIT, with the deferred checks (balance of the entry)
    sql: dict[str, list[float]] = field(default_factory=dict)  # outside ecriture_passer

    @property
    def sql_total(self) -> float:
        return sum(sum(durees) for durees in self.sql.values())


def payer_notre(comptable, moitie: Moitie, banque) -> tuple[Chrono, Decompte, object]:
    from django.db import connection

    from bench.saisie import _resume_sql
    from tresorerie import sepa, services
    from tresorerie.services import paiements

    decompte = Decompte()
    dans_ecriture = [False]
    pains, ecritures = [], []

    def espion_sql(execute, sql, params, many, context):
        debut = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            if not dans_ecriture[0]:
                decompte.sql.setdefault(_resume_sql(sql), []).append(time.perf_counter() - debut)

    ecriture_passer = paiements.ecriture_passer

    def ecriture_chronometree(*args, **kwargs):
        dans_ecriture[0] = True
        debut = time.perf_counter()
        try:
            return ecriture_passer(*args, **kwargs)
        finally:
            ecritures.append(time.perf_counter() - debut)
            dans_ecriture[0] = False

    commit = connection.commit

    def commit_chronometre():
        debut = time.perf_counter()
        try:
            return commit()
        finally:
            decompte.commit += time.perf_counter() - debut

    pid = commun.pid_serveur_django()
    paiements.ecriture_passer = ecriture_chronometree
    connection.commit = commit_chronometre
    try:
        with (
            _espion(sepa, "pain001", pains),
            connection.execute_wrapper(espion_sql),
            commun.chronometrer(pid) as chrono,
        ):
            lot = services.lot_payer(acting_user=comptable, ordres=moitie.ordres, compte=banque)
    finally:
        paiements.ecriture_passer = ecriture_passer
        del connection.commit
    decompte.pain001 = sum(d for d, _ in pains)
    decompte.ecriture = sum(ecritures)
    return chrono, decompte, lot


# --- 2. Payment batch: both sides --------------------------------------------------


@dataclass
class MesuresLot:
    nombre: int
    preparation: float
    notre: Chrono
    brut: Chrono
    pain001_seul: float
    decompte: Decompte
    etapes_brut: dict[str, float]
    octets_fichier: int
    lignes_ecriture: int

    @property
    def total_brut(self) -> float:
        return self.brut.duree + self.pain001_seul

    @property
    def ratio(self) -> float:
        return self.notre.duree / self.total_brut


def mesurer_lot(comptable, directeur_, exercice, banque, nombre_ordres: int) -> MesuresLot:
    from budget.models import Credit
    from depenses.models import OrdreDepense
    from ledger.models import Journal, Ligne
    from tresorerie.models import LotPaiement, Paiement

    commun.annoncer(
        f"Trésorerie : préparation de 2 × {nombre(nombre_ordres)} ordres de dépense visés…"
    )
    debut = time.perf_counter()
    brut, notre = preparer_lot(comptable, directeur_, exercice, nombre_ordres)
    preparation = time.perf_counter() - debut
    commun.annoncer(f"  préparés en {preparation:.1f} s")

    message_id = f"CAISSE-{_aujourd_hui():%Y%m%d}-{uuid.uuid4().hex[:12].upper()}"
    commun.attendre_le_calme()
    commun.annoncer(f"Trésorerie : sepa.pain001 seul sur {nombre(nombre_ordres)} virements…")
    duree_pain, fichier = pain001_seul(brut, banque, message_id)
    commun.annoncer(f"  {secondes(duree_pain)} ({nombre(len(fichier) / 1024)} Kio)")
    tampons = preparer_tampons(brut, comptable, banque, fichier, message_id)
    ids = {
        "exercice": exercice.pk,
        "journal": Journal.objects.get(code="TR").pk,
        "utilisateur": comptable.pk,
        "banque": banque.pk,
        "credit": Credit.objects.get(exercice=exercice, chapitre=CHAPITRE).pk,
    }
    commun.vacuum_analyze(
        "depenses_ordredepense",
        "depenses_ligneordredepense",
        "tresorerie_paiement",
        "ledger_ecriture",
        "ledger_ligne",
        "core_journalaudit",
        "budget_mouvementcredit",
    )

    commun.point_de_controle()
    commun.attendre_le_calme()
    commun.annoncer(f"Trésorerie : lot de {nombre(nombre_ordres)} paiements en SQL brut…")
    chrono_brut, etapes_brut = payer_brut(tampons, brut, ids)
    commun.annoncer(f"  {secondes(chrono_brut.duree)}")

    commun.point_de_controle()
    commun.attendre_le_calme()
    commun.annoncer(f"Trésorerie : lot de {nombre(nombre_ordres)} paiements par lot_payer…")
    chrono_notre, decompte, lot = payer_notre(comptable, notre, banque)
    commun.annoncer(
        f"  {secondes(chrono_notre.duree)} (pain.001 {secondes(decompte.pain001)}, écriture "
        f"{secondes(decompte.ecriture)}, COMMIT {secondes(decompte.commit)})"
    )

    # Both halves are paid, in full, once.
    for moitie, nom in ((brut, "SQL brut"), (notre, "lot_payer")):
        payes = OrdreDepense.objects.filter(pk__in=moitie.ordres, etat="paye").count()
        if payes != len(moitie.ordres):
            raise RuntimeError(f"{nom} : {payes} ordres payés sur {len(moitie.ordres)}.")
    for lot_id, nom in ((tampons.lot_id, "SQL brut"), (lot.pk, "lot_payer")):
        lot_ = LotPaiement.objects.get(pk=lot_id)
        paiements = Paiement.objects.filter(lot=lot_).count()
        lignes = Ligne.objects.filter(ecriture_id=lot_.ecriture_id).count()
        if paiements != nombre_ordres or lignes != nombre_ordres + 1:
            raise RuntimeError(
                f"{nom} : {paiements} paiements et {lignes} lignes d'écriture pour "
                f"{nombre_ordres} ordres."
            )
    return MesuresLot(
        nombre=nombre_ordres,
        preparation=preparation,
        notre=chrono_notre,
        brut=chrono_brut,
        pain001_seul=duree_pain,
        decompte=decompte,
        etapes_brut=etapes_brut,
        octets_fichier=len(bytes(lot.fichier)),
        lignes_ecriture=nombre_ordres + 1,
    )


# --- Both benchmarks ---------------------------------------------------------------


def executer(nombre_quittances: int, nombre_paiements: int) -> Resultat:
    from tresorerie.demo import creer_tresorerie_demo

    annee = _aujourd_hui().year
    comptable = commun.comptable()
    directeur_ = directeur()
    exercice = commun.exercice(annee)
    comptes = creer_tresorerie_demo(comptable=comptable, debut=datetime.date(annee, 1, 1))

    pdf = mesurer_quittances(comptable, comptes["CAISSE"], nombre_quittances)
    lot = mesurer_lot(comptable, directeur_, exercice, comptes["BANQUE"], nombre_paiements)

    lignes = [
        LigneTableau(
            banc=f"4. Trésorerie (quittances PDF, {nombre(pdf.quittances)})",
            unite="PDF/s",
            notre=pdf.debit_notre,
            brut=pdf.debit_brut,
            ratio=pdf.debit_notre / pdf.debit_brut,
            cible="—",
            atteinte=None,
        ),
        LigneTableau(
            banc=f"4. Trésorerie (lot de {nombre(lot.nombre)} paiements)",
            unite="s",
            notre=lot.notre.duree,
            brut=lot.total_brut,
            ratio=lot.ratio,
            cible="—",
            atteinte=None,
            plus_haut_est_mieux=False,
        ),
    ]
    return Resultat(
        "tresorerie", "Trésorerie", lignes, _details(pdf, lot, annee), _limites(pdf, lot)
    )


# --- Presentation ------------------------------------------------------------------


def _liste_debits(nombre_pdf: int, durees: list[float]) -> str:
    return ", ".join(nombre(nombre_pdf / d, 1) for d in durees) + " PDF/s"


def _details(pdf: MesuresPdf, lot: MesuresLot, annee: int) -> list[str]:
    d = lot.decompte
    reste = lot.notre.duree - d.pain001 - d.ecriture - d.commit
    sql_hors = d.sql_total
    etapes = lot.etapes_brut
    sql_brut_hors = etapes["paiements"] + etapes["ordres"] + etapes["credit_audit"]
    requetes = sorted(d.sql.items(), key=lambda kv: -sum(kv[1]))
    lignes = [
        "### Quittances en PDF",
        "",
        f"- {nombre(pdf.quittances)} encaissements en numéraire à la caisse (compte 531), sans "
        "ordre (le montant attend en 4711), enregistrés par `encaissement_enregistrer` : "
        f"{nombre(pdf.quittances / pdf.encaissement.duree, 1)} encaissements/s, quittance "
        f"comprise (exercice {annee}).",
        f"- **Notre chemin** : chaque quittance chargée par son identifiant puis rendue par "
        f"`quittance_pdf` (un seul processus) : **{nombre(pdf.debit_notre, 1)} PDF/s** "
        f"(médiane de {REPETITIONS_PDF} passes après une de chauffe : "
        f"{_liste_debits(pdf.quittances, pdf.notre)}) ; "
        f"{nombre(pdf.octets_notre / pdf.quittances / 1024, 1)} Kio par PDF, "
        f"{nombre(pdf.requetes)} requêtes SQL par quittance.",
        f"- **Limite brute** : WeasyPrint seul sur une page HTML minimale, un paragraphe de "
        f"{nombre(pdf.caracteres)} caractères (le texte visible d'une quittance), mêmes règles "
        f"CSS de page (`@page {{ {pdf.regle_page} }}`) et de corps (`body {{ {pdf.regle_corps} "
        "}`), même configuration de polices conservée d'un rendu à l'autre, "
        f"sans gabarit ni base : **{nombre(pdf.debit_brut, 1)} PDF/s** "
        f"({_liste_debits(pdf.quittances, pdf.brut)}) ; "
        f"{nombre(pdf.octets_brut / pdf.quittances / 1024, 1)} Kio par PDF.",
        f"- **Ratio** : {pourcent(pdf.debit_notre / pdf.debit_brut)} ; passes alternées (page "
        "minimale puis quittances). Part de CPU prise par les autres processus pendant les "
        "passes, dans cet ordre : " + ", ".join(nombre(x, 2) for x in pdf.cpu_autres) + " cœur.",
        "",
        "Où va le temps d'un PDF : une passe instrumentée de plus pour chaque côté, hors "
        "mesure (moyenne par PDF) :",
        "",
        "| Poste | `quittance_pdf` | Page minimale |",
        "|---|---:|---:|",
    ]
    libelles = (
        ("chargement", "chargement de la quittance (`Quittance.objects.get`)"),
        ("gabarit", "gabarit Django (`render_to_string`, requêtes paresseuses comprises)"),
        ("analyse", "WeasyPrint : analyse du HTML (`HTML(string=…)`)"),
        ("mise_en_page", "WeasyPrint : styles et mise en page (`HTML.render`)"),
        ("ecriture_pdf", "WeasyPrint : écriture du PDF (`Document.write_pdf`)"),
        ("reste", "reste de `quittance_pdf` (ses requêtes, montant en lettres, contexte)"),
    )
    notre, brut = pdf.postes["notre"], pdf.postes["brut"]
    for cle, libelle in libelles:
        sans_brut = cle in ("chargement", "gabarit", "reste")  # Django only
        valeur_brut = "—" if sans_brut else secondes(brut[cle])
        lignes.append(f"| {libelle} | {secondes(notre[cle])} | {valeur_brut} |")
    lignes.append(f"| **total** | **{secondes(notre['total'])}** | **{secondes(brut['total'])}** |")
    lignes += [
        "",
        f"### Lot de {nombre(lot.nombre)} paiements",
        "",
        f"- Préparation (non chronométrée, {nombre(lot.preparation, 1)} s) : 2 × "
        f"{nombre(lot.nombre)} ordres de dépense visés, un créancier chacun (IBAN français "
        "valides, clé RIB comprise, générés par schwifty ; identifiants distincts ; aucune "
        "opposition), crédit 6064 ouvert, engagé et ordonnancé par les services du budget, "
        "écriture de visa (6064 / 401 par créancier) passée par `ecriture_passer`. Les ordres "
        "sont insérés en bloc avec `session_replication_role = replica` (la garde de "
        "numérotation refuse un INSERT de plusieurs lignes), puis le compteur, les lignes, la "
        "signature, la transmission et le visa passent par les gardes de la base. Une moitié "
        "pour chaque côté.",
        f"- **Notre chemin** : `lot_payer(ordres=…, compte=BANQUE)`, une transaction : "
        f"**{secondes(lot.notre.duree)}** ({nombre(lot.nombre / lot.notre.duree)} paiements/s ; "
        f"CPU du processus Python {secondes(lot.notre.cpu_client)}, du processus serveur "
        f"{secondes(lot.notre.cpu_serveur or 0.0)}, des autres processus "
        f"{secondes(lot.notre.cpu_autres)}). Écriture TR de "
        f"{nombre(lot.lignes_ecriture)} lignes, fichier pain.001 de "
        f"{nombre(lot.octets_fichier / 1024)} Kio validé par le XSD.",
        f"- **Limite brute** : {secondes(lot.total_brut)}, soit le SQL brut "
        f"({secondes(lot.brut.duree)} ; psycopg sans Django, une transaction, mêmes tables, "
        "contraintes et triggers : verrou du compteur et de la tête de chaîne, INSERT de "
        f"l'écriture, COPY de ses {nombre(lot.lignes_ecriture)} lignes, INSERT du lot, COPY des "
        f"{nombre(lot.nombre)} paiements, un UPDATE des {nombre(lot.nombre)} ordres, INSERT du "
        f"mouvement de crédit, COPY des {nombre(lot.nombre + 1)} lignes d'audit, COMMIT ; "
        "lignes préparées en mémoire avant le chronomètre ; CPU du processus serveur "
        f"{secondes(lot.brut.cpu_serveur or 0.0)}, des autres processus "
        f"{secondes(lot.brut.cpu_autres)}) plus `sepa.pain001` seul sur les mêmes "
        f"virements ({secondes(lot.pain001_seul)}).",
        f"- **Ratio** notre / brut : {pourcent(lot.ratio)} (×{nombre(lot.ratio, 1)}) ; rapporté "
        f"au SQL brut seul : ×{nombre(lot.notre.duree / lot.brut.duree, 1)}.",
        "",
        "Décomposition (préparation exclue) :",
        "",
        "| Poste | `lot_payer` | SQL brut |",
        "|---|---:|---:|",
        f"| pain.001 (sepaxml, contrôles, validation XSD) | {secondes(d.pain001)} "
        f"| {secondes(lot.pain001_seul)} (à part) |",
        f"| écriture de {nombre(lot.lignes_ecriture)} lignes (`ecriture_passer`, SQL compris) "
        f"| {secondes(d.ecriture)} | {secondes(lot.etapes_brut['ecriture'])} |",
        f"| COMMIT (contrôles différés : équilibre de l'écriture) | {secondes(d.commit)} "
        f"| {secondes(lot.etapes_brut['commit'])} |",
        f"| autres requêtes SQL (hors écriture) | {secondes(sql_hors)} "
        f"| {secondes(sql_brut_hors)} |",
        "| reste (Python de `lot_payer` : lecture des ordres, objets `Paiement` et "
        f"`JournalAudit`, ORM) "
        f"| {secondes(reste - sql_hors)} | — |",
        f"| **total** | **{secondes(lot.notre.duree)}** | **{secondes(lot.brut.duree)}** "
        f"+ {secondes(lot.pain001_seul)} |",
        "",
        "Requêtes de `lot_payer` hors écriture, par instruction (durée vue du client, "
        "triggers compris) :",
        "",
        "| Instruction | Nombre | Temps |",
        "|---|---:|---:|",
    ]
    for resume, durees in requetes[:12]:
        lignes.append(f"| `{resume}` | {len(durees)} | {secondes(sum(durees))} |")
    lignes += [
        "",
        "Côté SQL brut, par étape : "
        + ", ".join(
            f"{libelle} {secondes(lot.etapes_brut[cle])}"
            for cle, libelle in (
                ("ecriture", "écriture et lignes"),
                ("paiements", "lot et paiements"),
                ("ordres", "UPDATE des ordres"),
                ("credit_audit", "crédit et audit"),
                ("commit", "COMMIT"),
            )
        )
        + ".",
    ]
    return lignes


def _limites(pdf: MesuresPdf, lot: MesuresLot) -> list[str]:
    notre, brut = pdf.postes["notre"], pdf.postes["brut"]
    weasy_notre = notre["analyse"] + notre["mise_en_page"] + notre["ecriture_pdf"]
    weasy_brut = brut["analyse"] + brut["mise_en_page"] + brut["ecriture_pdf"]
    django = notre["chargement"] + notre["gabarit"] + notre["reste"]
    d = lot.decompte
    reste = lot.notre.duree - d.pain001 - d.ecriture - d.commit - d.sql_total
    parts = sorted(
        (
            (d.pain001, "la construction et la validation du pain.001"),
            (d.ecriture, "l'écriture comptable"),
            (d.sql_total + d.commit, "les autres requêtes et le COMMIT"),
            (reste, "le Python de `lot_payer`"),
        ),
        reverse=True,
    )
    return [
        f"- Une quittance coûte {secondes(notre['total'])} dans la passe instrumentée : "
        f"{secondes(weasy_notre)} dans WeasyPrint ({pourcent(weasy_notre / notre['total'])}), "
        f"{secondes(django)} pour la charger, remplir le gabarit et préparer le contexte "
        f"({pourcent(django / notre['total'])}). La page minimale passe "
        f"{secondes(weasy_brut)} dans WeasyPrint : sur l'écart, la mise en page compte pour "
        f"{secondes(notre['mise_en_page'] - brut['mise_en_page'])}, l'écriture du PDF pour "
        f"{secondes(notre['ecriture_pdf'] - brut['ecriture_pdf'])}, l'analyse du HTML pour "
        f"{secondes(notre['analyse'] - brut['analyse'])}.",
        f"- Le lot de {nombre(lot.nombre)} paiements prend {secondes(lot.notre.duree)} ; par "
        "ordre de poids : "
        + " ; ".join(f"{libelle} {secondes(temps)}" for temps, libelle in parts)
        + ". Le SQL brut fait le même travail de base en "
        f"{secondes(lot.brut.duree)} et `sepa.pain001` seul prend "
        f"{secondes(lot.pain001_seul)}.",
    ]
