"""Receipts: the list and its form, one receipt and its acts, the quittance."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render

from core import horloge
from core.actes import soumettre
from core.exceptions import DonneeInvalide
from core.money import ZERO
from core.pagination import Paginateur
from personnes.acces import fonction_requise
from recettes.models import OrdreRecette
from recettes.selectors import restes_par_ligne
from tresorerie import actes, pdf, selectors, services
from tresorerie.forms import (
    EncaissementForm,
    comptes_actifs,
)
from tresorerie.models import (
    Affectation,
    CompteDisponibilite,
    Encaissement,
    Quittance,
)
from tresorerie.views.commun import (
    LIMITE_LIGNES,
    REFUS_REGISSEUR,
    _est_comptable,
    _exiger_acces_encaissement,
    _lecteur,
    _regies,
    _requete,
    action,
    exiger,
)

# --- Encaissements ------------------------------------------------------------------------


class LignesARecouvrer(list):
    """The lines offered, with how many there are in all (`total`): a list cut
    at its limit says so, so that no cotisant is silently left out."""

    def __init__(self, lignes, *, total: int, debiteur: str = ""):
        super().__init__(lignes)
        self.total = total
        self.debiteur = debiteur

    @property
    def tronquee(self) -> bool:
        return self.total > len(self)


def lignes_a_recouvrer(*, inclure=(), limite: int = LIMITE_LIGNES, debiteur: str = ""):
    """Debtors' lines of ordres de recette taken in charge that still have something
    to recover, each cotisant of a collective order on his own, with what
    remains: the lesser of the line's reste and the order's
    (`recettes.selectors.restes_par_ligne`, the bound `encaissement_enregistrer`
    applies). At most `limite` lines, oldest orders first, and `total` says how
    many there are; `debiteur` (part of a name, or an identifier) narrows them.
    The lines whose ids are in `inclure` are given even beyond `limite` (a line
    chosen from the ordre de recette's page, or sent with the form)."""
    inclure = {int(i) for i in inclure}
    base = restes_par_ligne(OrdreRecette.objects.filter(etat=OrdreRecette.Etat.PRIS_EN_CHARGE))
    a_recouvrer = base.filter(reste__gt=0)
    debiteur = (debiteur or "").strip()
    if debiteur:
        a_recouvrer = a_recouvrer.filter(
            Q(debiteur__icontains=debiteur) | Q(identifiant=debiteur.replace(" ", ""))
        )
    lignes = list(a_recouvrer.order_by("ordre__exercice__annee", "ordre__numero", "id")[:limite])
    total = len(lignes) if len(lignes) < limite else a_recouvrer.count()
    manquantes = inclure - {lg.pk for lg in lignes}
    if manquantes:
        lignes += list(base.filter(pk__in=manquantes).order_by("id"))
    return LignesARecouvrer(
        [(lg, max(lg.reste, ZERO)) for lg in lignes], total=total, debiteur=debiteur
    )


def _liste_encaissements(request):
    # A page of receipts through their ids (`Paginateur`), then what was allocated
    # from each of them: summed over every receipt in the query that sorts, the
    # allocations made the server group and sort them all for 50 rows, and count
    # them grouped.
    qs = Encaissement.objects.select_related("compte__compte", "exercice").order_by("-date", "-id")
    qs = selectors.encaissements_visibles(request.user, qs)
    if request.GET.get("etat") in Encaissement.Etat.values:
        qs = qs.filter(etat=request.GET["etat"])
    page = Paginateur(qs, 50).get_page(request.GET.get("page"))
    affecte = dict(
        Affectation.objects.filter(encaissement__in=[e.pk for e in page.object_list])
        .order_by()
        .values_list("encaissement")
        .annotate(total=Sum("montant"))
        .values_list("encaissement", "total")
    )
    for e in page.object_list:
        e.affecte = affecte.get(e.pk, ZERO)
    documents = defaultdict(list)
    for q in Quittance.objects.filter(encaissement__in=list(page.object_list)).select_related(
        "carnet"
    ):
        documents[q.encaissement_id].append(q)
    lignes = [
        (
            e,
            ZERO if e.sans_titre or e.etat == Encaissement.Etat.ANNULE else e.montant - e.affecte,
            documents.get(e.pk, []),
        )
        for e in page.object_list
    ]
    return page, lignes


@fonction_requise
def encaissements(request):
    utilisateur = request.user
    lecteur = _lecteur(utilisateur)
    comptable = _est_comptable(utilisateur)
    regies = _regies(utilisateur)
    regisseur = not comptable and regies.exists()
    if not lecteur and not regisseur:
        raise PermissionDenied(REFUS_REGISSEUR)
    peut_encaisser = comptable or regisseur
    if request.method == "POST":
        exiger(request, actes.ENCAISSER)

    formulaire = None
    statut = 200
    if peut_encaisser:
        choisie = request.GET.get("ligne", "")
        inclure = int(choisie) if choisie.isdigit() else None
        postees = [
            request.POST.get(f"ligne_{n}", "") for n in range(1, EncaissementForm.REPARTITIONS + 1)
        ]
        lignes = lignes_a_recouvrer(
            inclure=[int(v) for v in [*postees, choisie] if v.isdigit()],
            debiteur=request.GET.get("debiteur", ""),
        )
        comptes = comptes_actifs() if comptable else regies
        moyens = (
            None
            if comptable
            else [
                c
                for c in Encaissement.Moyen.choices
                if c[0] in (Encaissement.Moyen.NUMERAIRE, Encaissement.Moyen.CHEQUE)
            ]
        )
        initial = {}
        if request.method == "GET" and inclure:
            trouvee = next(((lg, r) for lg, r in lignes if lg.pk == inclure), None)
            if trouvee is None or trouvee[1] <= 0:
                messages.error(
                    request,
                    "Ce débiteur n'a plus rien à recouvrer sur un ordre de recette pris en charge.",
                )
            else:
                ligne, reste = trouvee
                caisse = comptes.filter(nature__in=["caisse", "regie"]).first()
                initial = {
                    "ligne_1": str(ligne.pk),
                    "montant_1": str(reste).replace(".", ","),
                    "montant": str(reste).replace(".", ","),
                    "payeur": ligne.debiteur,
                    "objet": f"Règlement de l'ordre de recette n° {ligne.ordre.reference}",
                    "moyen": Encaissement.Moyen.NUMERAIRE,
                    "compte": caisse.pk if caisse else None,
                }
        formulaire = EncaissementForm(
            request.POST or None, comptes=comptes, moyens=moyens, lignes=lignes, initial=initial
        )
        if request.method == "POST":
            statut = 400
            reponse = soumettre(
                request,
                actes.ENCAISSER,
                formulaire,
                donnees=lambda f: {**f.cleaned_data, "repartitions": f.repartitions()},
                vers="tresorerie:encaissement",
            )
            if reponse is not None:
                return reponse

    page, lignes_liste = _liste_encaissements(request)
    return render(
        request,
        "tresorerie/encaissements.html",
        {
            "form": formulaire,
            "a_recouvrer": lignes if peut_encaisser else None,
            "page": page,
            "lignes": lignes_liste,
            "etats": Encaissement.Etat.choices,
            "filtre_etat": request.GET.get("etat", ""),
            "requete": _requete(request),
            "est_comptable": comptable,
            "regies": list(regies) if not lecteur else None,
            "aujourd_hui": horloge.aujourdhui(),
        },
        status=statut,
    )


def _encaissement(pk: int) -> Encaissement:
    return get_object_or_404(
        Encaissement.objects.select_related(
            "compte__compte",
            "exercice",
            "ecriture__journal",
            "ecriture_annulation__journal",
            "recu_par",
            "regularise_par__exercice",
            "compte_produit",
        ),
        pk=pk,
    )


@fonction_requise
def encaissement(request, pk: int):
    enc = _encaissement(pk)
    _exiger_acces_encaissement(request.user, enc)
    comptable = _est_comptable(request.user)
    excedent = services.excedent(enc)
    actif = enc.etat == Encaissement.Etat.ENREGISTRE
    documents = list(
        enc.quittances.select_related("carnet", "annule__carnet").order_by("emise_le", "id")
    )
    a_un_document = any(
        q.nature != Quittance.Nature.ANNULATION and not hasattr(q, "annulee_par") for q in documents
    )
    contexte = {
        "e": enc,
        "excedent": excedent,
        "affectations": enc.affectations.select_related(
            "ordre__exercice", "ligne", "par", "ecriture__journal"
        ),
        "documents": documents,
        "est_comptable": comptable,
        "lecteur": _lecteur(request.user),
    }
    if comptable and actif and not enc.sans_titre and excedent > 0:
        contexte["lignes_affectables"] = lignes_a_recouvrer(
            debiteur=request.GET.get("debiteur", "")
        )
        contexte["comptes_remboursement"] = comptes_actifs().exclude(
            nature=CompteDisponibilite.Nature.ENCAISSEMENT
        )
    contexte["peut_recu"] = (
        comptable and actif and enc.moyen != Encaissement.Moyen.NUMERAIRE and not a_un_document
    )
    contexte["peut_annuler"] = comptable and actif and not enc.regularise_par_id
    return render(request, "tresorerie/encaissement.html", contexte)


def _lire_affectation(request) -> dict:
    ligne = request.POST.get("ligne", "")
    return {
        "ligne": int(ligne) if ligne.isdigit() else 0,
        "montant": request.POST.get("montant", ""),
    }


def _lire_remboursement(request) -> dict:
    compte = CompteDisponibilite.objects.filter(pk=request.POST.get("compte") or 0).first()
    if compte is None:
        raise DonneeInvalide("Choisissez le compte d'où part le remboursement.")
    return {
        "compte": compte,
        "montant": request.POST.get("montant", ""),
        "reference": request.POST.get("reference", ""),
    }


excedent_affecter = action(
    actes.EXCEDENT_AFFECTER,
    queryset=Encaissement.objects.all(),
    lire=_lire_affectation,
    vers="tresorerie:encaissement",
)
excedent_rembourser = action(
    actes.EXCEDENT_REMBOURSER,
    queryset=Encaissement.objects.all(),
    lire=_lire_remboursement,
    vers="tresorerie:encaissement",
)
recu_delivrer = action(
    actes.RECU_DELIVRER, queryset=Encaissement.objects.all(), vers="tresorerie:encaissement"
)
encaissement_annuler = action(
    actes.ENCAISSEMENT_ANNULER,
    queryset=Encaissement.objects.all(),
    lire=lambda request: {"motif": request.POST.get("motif", "")},
    vers="tresorerie:encaissement",
)


@fonction_requise
def quittance_pdf(request, pk: int):
    quittance = get_object_or_404(
        Quittance.objects.select_related(
            "carnet", "encaissement__compte__compte", "annule__carnet", "emise_par"
        ),
        pk=pk,
    )
    _exiger_acces_encaissement(request.user, quittance.encaissement)
    reponse = HttpResponse(pdf.quittance_pdf(quittance), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="quittance-{quittance.reference}.pdf"'
    return reponse
