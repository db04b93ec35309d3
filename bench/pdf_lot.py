"""Benchmark: quittances and mandats rendered in batch, on every core.

N cash receipts are recorded at the cash desk (each with its quittance), and
N visaed ordres de dépense are paid in one batch (`ordres.preparer_lot`, then
`lot_payer`). Then, alternated, three passes of each:

- our batch path, parallel: `tresorerie.documents_lot.quittances_du_jour` and
  `mandats_du_lot` (the HTML built in this process, which holds the database
  connection, rendered by `core.pdf_lot`'s pool of P processes, merged by pypdf);
- the same path, serial (`CAISSE_PDF_PROCESSUS=1`: rendered in this process);
- the raw limit: WeasyPrint alone rendering a minimal page (one paragraph, the
  quittance's page rule and font, `bench.tresorerie.quittances.page_minimale`) N
  times on P processes of a plain `multiprocessing` pool, and N times in one process.

Each figure is in PDFs/s, the median of the passes; the ratio is ours over the
raw limit on the same number of processes; the speed-up is parallel over serial,
for ours and for the raw limit. The machine may be shared: the load average and
the CPU used by the whole machine during each pass are recorded.

    .venv/bin/python -m bench.pdf_lot --documents 40
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
from dataclasses import dataclass, field

from bench import commun
from bench.commun import LigneTableau, Resultat, nombre, pourcent

PASSES = 3


def _rendre_minimale(_rang: int) -> int:
    """One minimal page in a worker of the raw pool (the page is set by `_initialiser_brut`)."""
    from core import pdf_travailleur

    return len(pdf_travailleur.rendre_page(_PAGE_BRUTE[0]))


_PAGE_BRUTE = [""]


def _initialiser_brut(page: str) -> None:
    from core import pdf_travailleur

    _PAGE_BRUTE[0] = page
    pdf_travailleur.initialiser()


@dataclass
class Mesures:
    documents: int
    processus: int
    durees: dict[str, list[float]] = field(default_factory=dict)  # side -> seconds per pass
    charge: list[str] = field(default_factory=list)  # load average after each pass
    coeurs_occupes: list[float] = field(default_factory=list)  # machine CPU / wall, per pass
    pages: dict[str, int] = field(default_factory=dict)
    nombres: dict[str, int] = field(default_factory=dict)  # side -> documents per pass

    def debit(self, cote: str) -> float:
        return self.nombres[cote] / statistics.median(self.durees[cote])


def _carnet_suffisant(comptable, caisse, nombre_documents: int) -> None:
    """Benchmark 4 may have used the demo's carnet of quittances (500 numbers) in this
    base: when fewer numbers remain than receipts to record, close it and open another."""
    from tresorerie import services
    from tresorerie.models import Carnet

    carnet = Carnet.objects.filter(
        type=Carnet.Type.QUITTANCE, compte=caisse, titulaire=comptable, clos_le__isnull=True
    ).first()
    if carnet is not None and carnet.restants >= nombre_documents:
        return
    if carnet is not None:
        services.carnet_clore(acting_user=comptable, carnet=carnet)
    services.carnet_ouvrir(
        acting_user=comptable,
        type=Carnet.Type.QUITTANCE,
        compte=caisse,
        titulaire=comptable,
        serie=f"QPDF-{Carnet.objects.count() + 1}",
        dernier_numero=max(500, nombre_documents),
    )


def _preparer(nombre_documents: int):
    """N quittances of today and the ids of N paid orders. When benchmark 4 already ran
    in this base (its credit is open), the orders are the first N of its batch."""
    from bench.tresorerie import quittances as bench_quittances
    from bench.tresorerie.ordres import CHAPITRE, directeur, preparer_lot
    from bench.tresorerie.outils import date_du_jour
    from budget.models import Credit
    from tresorerie import documents_lot, services
    from tresorerie.demo import creer_tresorerie_demo
    from tresorerie.models import LotPaiement

    annee = date_du_jour().year
    comptable = commun.comptable()
    directeur_ = directeur()
    exercice = commun.exercice(annee)
    comptes = creer_tresorerie_demo(comptable=comptable, debut=datetime.date(annee, 1, 1))
    _carnet_suffisant(comptable, comptes["CAISSE"], nombre_documents)
    commun.annoncer(f"PDF en lot : {nombre(nombre_documents)} encaissements en numéraire…")
    bench_quittances._encaisser(comptable, comptes["CAISSE"], nombre_documents)
    if Credit.objects.filter(exercice=exercice, chapitre=CHAPITRE).exists():
        lot = LotPaiement.objects.order_by("-nombre", "id").first()
    else:
        commun.annoncer(f"PDF en lot : {nombre(nombre_documents)} ordres visés payés en un lot…")
        moitie, _autre = preparer_lot(comptable, directeur_, exercice, nombre_documents)
        lot = services.lot_payer(
            acting_user=comptable, ordres=moitie.ordres, compte=comptes["BANQUE"]
        )
    ordres = documents_lot.ordres_du_lot(lot)[:nombre_documents]
    return comptable, lot, ordres, date_du_jour()


def executer(nombre_documents: int) -> Resultat:
    import multiprocessing

    from django.test import override_settings
    from pypdf import PdfReader

    from bench.tresorerie.quittances import page_minimale
    from core import pdf_lot
    from depenses.pdf import ordre_depense_html
    from depenses.selectors import ordre_depense_detail
    from tresorerie import documents_lot, pdf
    from tresorerie.models import Quittance

    comptable, lot, ordres, jour = _preparer(nombre_documents)
    processus = pdf_lot.processus_utilisables()
    page = page_minimale(pdf.quittance_html(Quittance.objects.order_by("id").first()))
    mesures = Mesures(documents=nombre_documents, processus=processus)

    def quittances_paralleles():
        return documents_lot.quittances_du_jour(comptable, jour)

    def mandats_paralleles():
        return documents_lot.mandats_des_ordres(ordres, forme="pdf", nom=lot.reference)

    def quittances_serie():
        with override_settings(CAISSE_PDF_PROCESSUS=1):
            return documents_lot.quittances_du_jour(comptable, jour)

    def mandats_serie():
        with override_settings(CAISSE_PDF_PROCESSUS=1):
            return documents_lot.mandats_des_ordres(ordres, forme="pdf", nom=lot.reference)

    def html_quittances():  # the HTML alone, built as the batch path builds it
        ids = documents_lot.identifiants_quittances(comptable, jour)
        objets = documents_lot.quittances_chargees(ids)
        return [pdf.quittance_html(objets[pk]) for pk in ids]

    def html_mandats():
        objets = ordre_depense_detail().in_bulk(ordres)
        return [ordre_depense_html(objets[pk]) for pk in ordres]

    contexte = multiprocessing.get_context("spawn")
    brut = contexte.Pool(processus, initializer=_initialiser_brut, initargs=(page,))
    paquet = max(1, nombre_documents // (processus * pdf_lot.PAQUETS_PAR_PROCESSUS))

    def brut_parallele():
        return brut.map(_rendre_minimale, range(nombre_documents), chunksize=paquet)

    def brut_serie():
        _initialiser_brut(page)
        return [_rendre_minimale(rang) for rang in range(nombre_documents)]

    cotes = {
        "brut_parallele": brut_parallele,
        "quittances_paralleles": quittances_paralleles,
        "mandats_paralleles": mandats_paralleles,
        "brut_serie": brut_serie,
        "quittances_serie": quittances_serie,
        "mandats_serie": mandats_serie,
        "html_quittances": html_quittances,
        "html_mandats": html_mandats,
    }
    try:
        # Warm-up: both pools started, templates and fonts loaded; page counts checked.
        for nom, fonction in cotes.items():
            resultat = fonction()
            if isinstance(resultat, documents_lot.Telechargement):
                mesures.pages[nom] = len(PdfReader(_flux(resultat.contenu)).pages)
                mesures.nombres[nom] = resultat.documents
            else:
                mesures.nombres[nom] = len(resultat)
        for passe in range(1, PASSES + 1):
            for nom, fonction in cotes.items():
                with commun.chronometrer() as chrono:
                    fonction()
                mesures.durees.setdefault(nom, []).append(chrono.duree)
                mesures.coeurs_occupes.append(chrono.cpu_machine / chrono.duree)
            mesures.charge.append(" ".join(f"{x:.2f}" for x in os.getloadavg()))
            commun.annoncer(
                f"PDF en lot, passe {passe}/{PASSES} : "
                + ", ".join(
                    f"{nom} {nombre(mesures.nombres[nom] / mesures.durees[nom][-1], 1)} PDF/s"
                    for nom in cotes
                )
            )
    finally:
        brut.terminate()
        brut.join()
        pdf_lot.arreter()
    return _resultat(mesures)


def _flux(contenu: bytes):
    import io

    return io.BytesIO(contenu)


def _resultat(m: Mesures) -> Resultat:
    p = m.processus
    lignes = [
        LigneTableau(
            banc=f"PDF en lot (quittances, {nombre(m.nombres['quittances_paralleles'])}, "
            f"{p} processus)",
            unite="PDF/s",
            notre=m.debit("quittances_paralleles"),
            brut=m.debit("brut_parallele"),
            ratio=m.debit("quittances_paralleles") / m.debit("brut_parallele"),
            cible="—",
            atteinte=None,
        ),
        LigneTableau(
            banc=f"PDF en lot (mandats d'un lot, {nombre(m.documents)}, {p} processus)",
            unite="PDF/s",
            notre=m.debit("mandats_paralleles"),
            brut=m.debit("brut_parallele"),
            ratio=m.debit("mandats_paralleles") / m.debit("brut_parallele"),
            cible="—",
            atteinte=None,
        ),
        LigneTableau(
            banc=f"PDF en lot (mandats d'un lot, {nombre(m.documents)}, 1 processus)",
            unite="PDF/s",
            notre=m.debit("mandats_serie"),
            brut=m.debit("brut_serie"),
            ratio=m.debit("mandats_serie") / m.debit("brut_serie"),
            cible="—",
            atteinte=None,
        ),
    ]
    return Resultat("pdf", "PDF en lot", lignes, details(m), limites(m))


def _acceleration(m: Mesures, nom: str) -> float:
    return m.debit(f"{nom}_paralleles" if nom != "brut" else "brut_parallele") / m.debit(
        f"{nom}_serie"
    )


def details(m: Mesures) -> list[str]:
    p = m.processus
    lignes = [
        f"- {nombre(m.nombres['quittances_paralleles'])} quittances (encaissements en numéraire "
        f"du jour) et {nombre(m.nombres['mandats_paralleles'])} mandats payés par un lot, "
        "téléchargés chacun en un PDF fusionné "
        "(`tresorerie.documents_lot`) : le HTML est construit dans le processus qui tient la "
        f"connexion, le rendu confié au pool de `core.pdf_lot` ({p} processus, les cœurs "
        f"utilisables), la fusion faite par pypdf. Pages des PDF fusionnés : "
        + ", ".join(f"{nom} {n}" for nom, n in m.pages.items())
        + ".",
        "- Limite brute : WeasyPrint seul rendant une page minimale (un paragraphe de la "
        "longueur du texte d'une quittance, mêmes règles `@page` et `body`), sur un pool "
        f"`multiprocessing` ordinaire de {p} processus, puis dans un seul processus.",
        f"- Médiane de {PASSES} passes alternées après une de chauffe, en PDF/s :",
        "",
        "| Côté | {p} processus | 1 processus | Accélération |".replace("{p}", str(p)),
        "|---|---:|---:|---:|",
    ]
    for nom, libelle in (
        ("quittances", "quittances (notre chemin)"),
        ("mandats", "mandats d'un lot (notre chemin)"),
        ("brut", "page minimale (WeasyPrint seul)"),
    ):
        par = "brut_parallele" if nom == "brut" else f"{nom}_paralleles"
        lignes.append(
            f"| {libelle} | {nombre(m.debit(par), 1)} | {nombre(m.debit(f'{nom}_serie'), 1)} "
            f"| {nombre(_acceleration(m, nom), 2)} × |"
        )
    lignes += [
        "",
        "- Construction du HTML seule (requêtes et gabarit, dans le processus de la requête, "
        f"en série) : {nombre(m.debit('html_quittances'), 1)} quittances/s, "
        f"{nombre(m.debit('html_mandats'), 1)} mandats/s ; le chemin parallèle la fait "
        "pendant que le pool rend les paquets précédents.",
        "- Charge moyenne (1, 5, 15 min) après chaque passe : "
        + " ; ".join(m.charge)
        + ". Cœurs occupés sur la machine pendant les mesures (nos processus compris) : "
        + ", ".join(nombre(c, 2) for c in m.coeurs_occupes)
        + ". Machine partagée : chiffres bruités.",
    ]
    return lignes


def limites(m: Mesures) -> list[str]:
    return [
        f"- L'accélération de notre chemin ({nombre(_acceleration(m, 'mandats'), 2)} × pour les "
        f"mandats, {nombre(_acceleration(m, 'quittances'), 2)} × pour les quittances) reste "
        f"sous celle de WeasyPrint seul ({nombre(_acceleration(m, 'brut'), 2)} ×) : le HTML "
        "(requêtes, gabarit) est construit en série dans le processus de la requête avant "
        "le rendu, et la fusion par pypdf vient après. Ratio notre / brut en parallèle : "
        f"{pourcent(m.debit('mandats_paralleles') / m.debit('brut_parallele'))} (mandats), "
        f"{pourcent(m.debit('quittances_paralleles') / m.debit('brut_parallele'))} (quittances).",
        "- Le PDF des journaux d'un gros exercice (75 s mesurées) n'est pas découpé sur le pool : "
        "c'est un seul document dont chaque page porte « Page n sur N » et dont le total est en "
        "dernière page ; le rendre par morceaux demanderait de tamponner la numérotation après "
        "coup, pour au mieux diviser le temps par le nombre de cœurs (2 ici). Sa limite de "
        "5 000 écritures et le CSV ou le FEC restent la réponse ; au-delà, une opération longue "
        "suivie (`core.progression`) plutôt qu'une requête.",
    ]


def main(argv: list[str] | None = None) -> int:
    analyse = argparse.ArgumentParser(prog="python -m bench.pdf_lot")
    analyse.add_argument("--documents", type=int, default=40)
    options = analyse.parse_args(argv)
    commun.demarrer_django()
    commun.recreer_base()
    resultat = executer(options.documents)
    print("\n".join(resultat.details + [""] + resultat.limites))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
