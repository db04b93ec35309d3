"""Benchmark 4, part 1: quittance PDFs.

N cash receipts are recorded at the cash desk through
`tresorerie.services.encaissement_enregistrer` (moyen « numéraire », no order:
the whole amount waits in 4711), each with its quittance. Then
`tresorerie.pdf.quittance_pdf` renders every quittance, loaded by its id as a
view would (single process). The raw limit, measured in the same run:
WeasyPrint rendering a minimal HTML page, one paragraph of the same length as
the quittance's text, same page size and fonts, same kept font configuration,
no template and no database. One warm-up of each, then three runs of each,
interleaved; the figure is the median, in PDFs/s.
"""

from __future__ import annotations

import html
import re
import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from bench import commun
from bench.commun import Chrono, nombre, pourcent, secondes
from bench.tresorerie.outils import espion

REPETITIONS_PDF = 3
TEXTE_PARAGRAPHE = (
    "Reçu de la partie versante la somme indiquée, en numéraire, à la caisse de l'agence "
    "comptable, pour le règlement de l'objet mentionné ci-dessus. "
)


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
    with espion(pdf, "render_to_string", pages):
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
        espion(weasyprint.HTML, "render", appels["mise_en_page"]),
        espion(Document, "write_pdf", appels["ecriture_pdf"]),
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
        with _postes_weasyprint(appels), espion(pdf, "render_to_string", appels["gabarit"]):
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


# --- Presentation ------------------------------------------------------------------


def _liste_debits(nombre_pdf: int, durees: list[float]) -> str:
    return ", ".join(nombre(nombre_pdf / d, 1) for d in durees) + " PDF/s"


def details(pdf: MesuresPdf, annee: int) -> list[str]:
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
    return lignes


def limites(pdf: MesuresPdf) -> list[str]:
    notre, brut = pdf.postes["notre"], pdf.postes["brut"]
    weasy_notre = notre["analyse"] + notre["mise_en_page"] + notre["ecriture_pdf"]
    weasy_brut = brut["analyse"] + brut["mise_en_page"] + brut["ecriture_pdf"]
    django = notre["chargement"] + notre["gabarit"] + notre["reste"]
    return [
        f"- Une quittance coûte {secondes(notre['total'])} dans la passe instrumentée : "
        f"{secondes(weasy_notre)} dans WeasyPrint ({pourcent(weasy_notre / notre['total'])}), "
        f"{secondes(django)} pour la charger, remplir le gabarit et préparer le contexte "
        f"({pourcent(django / notre['total'])}). La page minimale passe "
        f"{secondes(weasy_brut)} dans WeasyPrint : sur l'écart, la mise en page compte pour "
        f"{secondes(notre['mise_en_page'] - brut['mise_en_page'])}, l'écriture du PDF pour "
        f"{secondes(notre['ecriture_pdf'] - brut['ecriture_pdf'])}, l'analyse du HTML pour "
        f"{secondes(notre['analyse'] - brut['analyse'])}.",
    ]
