"""Pages of the treasury: thin, the services decide.

Who sees what: anyone holding a function in the fund reads these pages (the
directeur and the auditor read, they are shown no form); only the agent
comptable or his fondé de pouvoir acts (any other POST is refused with 403).
A régisseur who holds no other function sees the receipts of his own régie
only, and records them there. The directeur prepares the monthly
regularisation of receipts cashed without ordre de recette.
"""

from __future__ import annotations

import functools
from collections import defaultdict

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import DecimalField, F, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from core import horloge
from core.exceptions import ApplicationError
from core.money import ZERO, format_euros
from core.vues import exerce
from depenses.models import OrdreDepense
from oppositions.banque import formater_iban
from personnes.acces import fonction_requise
from personnes.models import Fonction
from personnes.selectors import FONCTIONS_COMPTABLES, FONCTIONS_ORDONNATRICES, fonctions_actuelles
from recettes.models import LigneOrdreRecette, OrdreRecette, Reduction
from recettes.models import Nature as NatureRecette
from tresorerie import pdf, selectors, services
from tresorerie.forms import (
    ArreteForm,
    CarnetOuvrirForm,
    EncaissementForm,
    PaiementForm,
    RegularisationForm,
    ReleveForm,
    SansTitreForm,
    VirementForm,
    comptes_actifs,
)
from tresorerie.models import (
    Affectation,
    ArreteCaisse,
    Carnet,
    CompteDisponibilite,
    Encaissement,
    LigneReleve,
    LotPaiement,
    Quittance,
    Rapprochement,
)

REFUS_COMPTABLE = (
    "Seul l'agent comptable (ou son fondé de pouvoir) manie les fonds de l'organisme "
    "(circulaire 93/82 §2.2) : cette page vous est ouverte en lecture seule."
)
REFUS_REGISSEUR = (
    "Un régisseur ne consulte que les encaissements de sa propre régie (circulaire 93/82 §2.2)."
)
REFUS_ORDONNATEUR = (
    "Seul l'ordonnateur prépare l'ordre de recette qui régularise les encaissements sans titre."
)
LIMITE_LIGNES = 500  # debtors' lines offered in an allocation list
MONTANT = DecimalField(max_digits=18, decimal_places=2)


# --- Who may do what ---------------------------------------------------------------------


def _lecteur(utilisateur) -> bool:
    """Holds a function other than régisseur: reads the whole treasury."""
    return bool(set(fonctions_actuelles(utilisateur)) - {Fonction.REGISSEUR})


def _est_comptable(utilisateur) -> bool:
    return exerce(utilisateur, FONCTIONS_COMPTABLES)


def _regies(utilisateur):
    """The régies this person keeps as régisseur today."""
    if Fonction.REGISSEUR not in fonctions_actuelles(utilisateur):
        return CompteDisponibilite.objects.none()
    return comptes_actifs(nature=CompteDisponibilite.Nature.REGIE, regisseur=utilisateur)


def lecture(vue):
    """Pages of the whole treasury: refused to a régisseur who holds no other function."""

    @functools.wraps(vue)
    @fonction_requise
    def enveloppe(request, *args, **kwargs):
        if not _lecteur(request.user):
            raise PermissionDenied(REFUS_REGISSEUR)
        return vue(request, *args, **kwargs)

    return enveloppe


def _exiger_comptable(request) -> None:
    if not _est_comptable(request.user):
        raise PermissionDenied(REFUS_COMPTABLE)


def _exiger_acces_encaissement(utilisateur, encaissement: Encaissement) -> None:
    if _lecteur(utilisateur):
        return
    if not _regies(utilisateur).filter(pk=encaissement.compte_id).exists():
        raise PermissionDenied(REFUS_REGISSEUR)


def _executer(request, action, succes) -> bool:
    """Run a service; show its French refusal or the success message (a string, or a
    function of the result). Returns whether it succeeded."""
    try:
        resultat = action()
    except ApplicationError as erreur:
        messages.error(request, erreur.message)
        return False
    messages.success(request, succes(resultat) if callable(succes) else succes)
    return True


def _requete(request) -> str:
    """The query string without the page number (for the pagination links)."""
    parametres = request.GET.copy()
    parametres.pop("page", None)
    return parametres.urlencode()


# --- Tableau de bord ------------------------------------------------------------------------


@fonction_requise
def tableau(request):
    if not _lecteur(request.user):
        return redirect("tresorerie:encaissements")
    comptable = _est_comptable(request.user)
    formulaire = None
    virement = VirementForm(prefix="virement") if comptable else None
    if request.method == "POST" and request.POST.get("acte") == "virement":
        _exiger_comptable(request)
        virement = VirementForm(request.POST, prefix="virement")
        if virement.is_valid():
            d = virement.cleaned_data
            if _executer(
                request,
                lambda: services.virement_interne(
                    acting_user=request.user,
                    de=d["de"],
                    vers=d["vers"],
                    montant=d["montant"],
                    date=d["date"],
                    libelle=d["libelle"],
                ),
                lambda e: f"Virement passé : écriture {e.journal.code}-{e.numero}.",
            ):
                return redirect("tresorerie:tableau")
        formulaire = CarnetOuvrirForm()
    elif request.method == "POST":
        _exiger_comptable(request)
        formulaire = CarnetOuvrirForm(request.POST)
        if formulaire.is_valid():
            d = formulaire.cleaned_data
            if _executer(
                request,
                lambda: services.carnet_ouvrir(
                    acting_user=request.user,
                    type=d["type"],
                    compte=d["compte"],
                    titulaire=d["titulaire"],
                    serie=d["serie"],
                    premier_numero=d["premier_numero"],
                    dernier_numero=d["dernier_numero"],
                ),
                lambda c: f"Carnet {c.serie} ouvert ({c.get_type_display()}).",
            ):
                return redirect("tresorerie:tableau")
    elif comptable:
        formulaire = CarnetOuvrirForm()
    aujourd_hui = horloge.aujourdhui()
    comptes = [
        (c, selectors.solde_comptable(c.compte.numero, aujourd_hui))
        for c in CompteDisponibilite.objects.select_related("compte", "regisseur", "compte_frais")
    ]
    carnets = Carnet.objects.select_related("compte__compte", "titulaire").order_by(
        F("clos_le").desc(nulls_first=True), "serie"
    )
    return render(
        request,
        "tresorerie/tableau.html",
        {
            "comptes": comptes,
            "carnets": carnets,
            "aujourd_hui": aujourd_hui,
            "est_comptable": comptable,
            "form": formulaire,
            "virement": virement,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@lecture
def carnet_clore(request, pk: int):
    _exiger_comptable(request)
    carnet = get_object_or_404(Carnet, pk=pk)
    _executer(
        request,
        lambda: services.carnet_clore(acting_user=request.user, carnet=carnet),
        f"Carnet {carnet.serie} clos.",
    )
    return redirect("tresorerie:tableau")


# --- Encaissements ------------------------------------------------------------------------


def lignes_a_recouvrer(*, inclure=(), limite: int = LIMITE_LIGNES):
    """Debtors' lines of ordres de recette taken in charge that still have something
    to recover, with what remains: the lesser of the line's remainder and the
    order's (the bound `encaissement_enregistrer` applies). The lines whose ids
    are in `inclure` are given even beyond `limite` (a line chosen from the
    ordre de recette's page)."""
    inclure = {int(i) for i in inclure}
    base = (
        LigneOrdreRecette.objects.filter(ordre__etat=OrdreRecette.Etat.PRIS_EN_CHARGE)
        .annotate(
            recouvre=Coalesce(Sum("affectations__montant"), Value(ZERO), output_field=MONTANT)
        )
        .select_related("ordre__exercice")
    )
    lignes = list(
        base.filter(montant__gt=F("recouvre")).order_by(
            "ordre__exercice__annee", "ordre__numero", "id"
        )[:limite]
    )
    manquantes = inclure - {lg.pk for lg in lignes}
    if manquantes:
        lignes += list(base.filter(pk__in=manquantes).order_by("id"))
    ids = {lg.ordre_id for lg in lignes}

    def par_ordre(qs, cle):
        return {r[cle]: r["s"] for r in qs.values(cle).annotate(s=Sum("montant")).order_by(cle)}

    # Same terms as recettes.services.reste_a_recouvrer, in three queries.
    reduit = par_ordre(
        Reduction.objects.filter(ordre_id__in=ids, etat=Reduction.Etat.PRISE_EN_CHARGE), "ordre_id"
    )
    affecte = par_ordre(Affectation.objects.filter(ordre_id__in=ids), "ordre_id")
    regularise = par_ordre(
        Encaissement.objects.filter(regularise_par_id__in=ids, etat=Encaissement.Etat.ENREGISTRE),
        "regularise_par_id",
    )
    resultat = []
    for lg in lignes:
        o = lg.ordre_id
        reste_ordre = (
            lg.ordre.montant - reduit.get(o, ZERO) - affecte.get(o, ZERO) - regularise.get(o, ZERO)
        )
        reste = min(lg.montant - lg.recouvre, reste_ordre)
        if reste > 0 or lg.pk in inclure:
            resultat.append((lg, max(reste, ZERO)))
    return resultat


def _liste_encaissements(request, regies_seulement):
    qs = (
        Encaissement.objects.select_related("compte__compte", "exercice")
        .annotate(affecte=Coalesce(Sum("affectations__montant"), Value(ZERO), output_field=MONTANT))
        .order_by("-date", "-id")
    )
    if regies_seulement is not None:
        qs = qs.filter(compte__in=regies_seulement)
    if request.GET.get("etat") in Encaissement.Etat.values:
        qs = qs.filter(etat=request.GET["etat"])
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
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
    if request.method == "POST" and not peut_encaisser:
        raise PermissionDenied(REFUS_COMPTABLE)

    formulaire = None
    statut = 200
    if peut_encaisser:
        choisie = request.GET.get("ligne", "")
        inclure = int(choisie) if choisie.isdigit() else None
        postees = [
            request.POST.get(f"ligne_{n}", "") for n in range(1, EncaissementForm.REPARTITIONS + 1)
        ]
        lignes = lignes_a_recouvrer(inclure=[int(v) for v in [*postees, choisie] if v.isdigit()])
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
            if formulaire.is_valid():
                d = formulaire.cleaned_data
                try:
                    encaissement = services.encaissement_enregistrer(
                        acting_user=utilisateur,
                        compte=d["compte"],
                        moyen=d["moyen"],
                        montant=d["montant"],
                        payeur=d["payeur"],
                        objet=d["objet"],
                        date=d["date"],
                        reference=d.get("reference", ""),
                        repartitions=formulaire.repartitions(),
                        recu=d.get("recu", False),
                    )
                except ApplicationError as erreur:
                    formulaire.add_error(None, erreur.message)
                else:
                    documents = ", ".join(
                        f"{q.get_nature_display()} n° {q.reference}"
                        for q in encaissement.quittances.select_related("carnet")
                    )
                    messages.success(
                        request,
                        f"Encaissement {encaissement.reference_interne} enregistré"
                        + (f" ; {documents} délivré(e)." if documents else "."),
                    )
                    return redirect("tresorerie:encaissement", pk=encaissement.pk)

    page, lignes_liste = _liste_encaissements(request, None if lecteur else regies)
    return render(
        request,
        "tresorerie/encaissements.html",
        {
            "form": formulaire,
            "page": page,
            "lignes": lignes_liste,
            "etats": Encaissement.Etat.choices,
            "filtre_etat": request.GET.get("etat", ""),
            "requete": _requete(request),
            "est_comptable": comptable,
            "regies": list(regies) if not lecteur else None,
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
        contexte["lignes_affectables"] = lignes_a_recouvrer()
        contexte["comptes_remboursement"] = comptes_actifs().exclude(
            nature=CompteDisponibilite.Nature.ENCAISSEMENT
        )
    contexte["peut_recu"] = (
        comptable and actif and enc.moyen != Encaissement.Moyen.NUMERAIRE and not a_un_document
    )
    contexte["peut_annuler"] = comptable and actif and not enc.regularise_par_id
    return render(request, "tresorerie/encaissement.html", contexte)


def _acte_encaissement(request, pk: int, action, succes: str):
    _exiger_comptable(request)
    enc = get_object_or_404(Encaissement, pk=pk)
    _executer(request, lambda: action(enc), succes)
    return redirect("tresorerie:encaissement", pk=enc.pk)


@require_POST
@fonction_requise
def excedent_affecter(request, pk: int):
    return _acte_encaissement(
        request,
        pk,
        lambda e: services.excedent_affecter(
            acting_user=request.user,
            encaissement=e,
            ligne=int(request.POST["ligne"]) if request.POST.get("ligne", "").isdigit() else 0,
            montant=request.POST.get("montant", ""),
        ),
        "Excédent affecté à l'ordre de recette.",
    )


@require_POST
@fonction_requise
def excedent_rembourser(request, pk: int):
    _exiger_comptable(request)
    compte = CompteDisponibilite.objects.filter(pk=request.POST.get("compte") or 0).first()
    if compte is None:
        messages.error(request, "Choisissez le compte d'où part le remboursement.")
        return redirect("tresorerie:encaissement", pk=pk)
    return _acte_encaissement(
        request,
        pk,
        lambda e: services.excedent_rembourser(
            acting_user=request.user,
            encaissement=e,
            compte=compte,
            montant=request.POST.get("montant", ""),
            reference=request.POST.get("reference", ""),
        ),
        "Trop-perçu remboursé.",
    )


@require_POST
@fonction_requise
def recu_delivrer(request, pk: int):
    return _acte_encaissement(
        request,
        pk,
        lambda e: services.recu_delivrer(acting_user=request.user, encaissement=e),
        "Reçu délivré.",
    )


@require_POST
@fonction_requise
def encaissement_annuler(request, pk: int):
    return _acte_encaissement(
        request,
        pk,
        lambda e: services.encaissement_annuler(
            acting_user=request.user, encaissement=e, motif=request.POST.get("motif", "")
        ),
        "Encaissement annulé ; ses quittances et reçus sont annulés par un document qui les "
        "référence.",
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


# --- Encaissements sans titre -------------------------------------------------------------


@lecture
def sans_titre(request):
    comptable = _est_comptable(request.user)
    ordonnateur = exerce(request.user, FONCTIONS_ORDONNATRICES)
    formulaire = None
    statut = 200
    if request.method == "POST":
        _exiger_comptable(request)
        formulaire = SansTitreForm(request.POST)
        statut = 400
        if formulaire.is_valid():
            d = formulaire.cleaned_data
            try:
                enc = services.encaissement_sans_titre(
                    acting_user=request.user,
                    compte=d["compte"],
                    moyen=d["moyen"],
                    montant=d["montant"],
                    payeur=d["payeur"],
                    objet=d["objet"],
                    compte_produit=d["compte_produit"].numero,
                    nature_recette=d["nature_recette"],
                    date=d["date"],
                    reference=d.get("reference", ""),
                    recu=d.get("recu", False),
                )
            except ApplicationError as erreur:
                formulaire.add_error(None, erreur.message)
            else:
                messages.success(
                    request,
                    f"Encaissement {enc.reference_interne} enregistré au compte "
                    f"{services.COMPTE_A_REGULARISER}, en attente de régularisation.",
                )
                return redirect("tresorerie:encaissement", pk=enc.pk)
    elif comptable:
        formulaire = SansTitreForm()
    natures = dict(NatureRecette.choices)
    attente = [
        (e, natures.get(e.nature_recette, e.nature_recette))
        for e in Encaissement.objects.filter(
            sans_titre=True, regularise_par__isnull=True, etat=Encaissement.Etat.ENREGISTRE
        )
        .select_related("compte__compte", "compte_produit", "exercice")
        .order_by("date", "id")
    ]
    return render(
        request,
        "tresorerie/sans_titre.html",
        {
            "form": formulaire,
            "attente": attente,
            "total_attente": sum((e.montant for e, _ in attente), ZERO),
            "regularisation_form": RegularisationForm() if ordonnateur else None,
            "compte_a_regulariser": services.COMPTE_A_REGULARISER,
        },
        status=statut,
    )


@require_POST
@lecture
def regularisation_preparer(request):
    if not exerce(request.user, FONCTIONS_ORDONNATRICES):
        raise PermissionDenied(REFUS_ORDONNATEUR)
    formulaire = RegularisationForm(request.POST)
    if not formulaire.is_valid():
        messages.error(request, "Indiquez l'année et le mois à régulariser.")
        return redirect("tresorerie:sans_titre")
    d = formulaire.cleaned_data
    if _executer(
        request,
        lambda: services.regularisation_preparer(
            acting_user=request.user, annee=d["annee"], mois=d["mois"]
        ),
        lambda ordres: (
            "Ordre(s) de régularisation préparé(s) dans votre parapheur : "
            + ", ".join(f"n° {o.reference}" for o in ordres)
            + "."
        ),
    ):
        return redirect("recettes:parapheur")
    return redirect("tresorerie:sans_titre")


# --- Restes à recouvrer --------------------------------------------------------------------


@lecture
def restes(request):
    etat = selectors.restes_a_recouvrer()
    non_soldes = request.GET.get("non_soldes") == "1"
    debiteurs = [d for d in etat.debiteurs if d.reste != 0] if non_soldes else etat.debiteurs
    return render(
        request,
        "tresorerie/restes.html",
        {"etat": etat, "debiteurs": debiteurs, "non_soldes": non_soldes},
    )


# --- Paiements -----------------------------------------------------------------------------


@lecture
def paiements(request):
    comptable = _est_comptable(request.user)
    formulaire = None
    statut = 200
    if request.method == "POST":
        _exiger_comptable(request)
        statut = 400
        formulaire = PaiementForm(request.POST)
        choisis = [v for v in request.POST.getlist("ordres") if v.isdigit()]
        if not choisis:
            formulaire.add_error(None, "Cochez au moins un ordre de dépense visé à payer.")
        elif formulaire.is_valid():
            d = formulaire.cleaned_data
            try:
                lot = services.lot_payer(
                    acting_user=request.user,
                    ordres=[int(v) for v in choisis],
                    compte=d["compte"],
                    moyen=d["moyen"],
                    le=d["le"],
                )
            except ApplicationError as erreur:
                formulaire.add_error(None, erreur.message)
            else:
                messages.success(
                    request,
                    f"Lot {lot.reference} payé : {lot.nombre} paiement(s), total "
                    f"{format_euros(lot.total)}.",
                )
                return redirect("tresorerie:lot", pk=lot.pk)
    elif comptable:
        formulaire = PaiementForm()
    coches = set(request.POST.getlist("ordres")) if request.method == "POST" else set()
    a_payer = (
        OrdreDepense.objects.filter(etat=OrdreDepense.Etat.VISE)
        .select_related("exercice")
        .prefetch_related("lignes")
        .order_by("exercice__annee", "numero")
    )
    lots = Paginator(
        LotPaiement.objects.select_related("compte__compte", "exercice", "ecriture__journal"),
        50,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "tresorerie/paiements.html",
        {
            "a_payer": a_payer,
            "coches": coches,
            "form": formulaire,
            "page": lots,
            "requete": _requete(request),
            "est_comptable": comptable,
        },
        status=statut,
    )


@lecture
def lot(request, pk: int):
    lot = get_object_or_404(
        LotPaiement.objects.select_related(
            "compte__compte", "exercice", "ecriture__journal", "cree_par"
        ),
        pk=pk,
    )
    paiements = [
        (p, formater_iban(p.iban) if p.iban else "")
        for p in lot.paiements.select_related("ordre__exercice", "opposition")
    ]
    return render(request, "tresorerie/lot.html", {"lot": lot, "paiements": paiements})


@lecture
def pain001(request, pk: int):
    lot = get_object_or_404(LotPaiement, pk=pk)
    contenu = bytes(lot.fichier or b"")
    if not contenu:
        raise Http404("Ce lot n'a pas de fichier de virements (paiement par chèque ou numéraire).")
    reponse = HttpResponse(contenu, content_type="application/xml")
    reponse["Content-Disposition"] = f'attachment; filename="pain001-{lot.message_id}.xml"'
    return reponse


# --- Relevés et rapprochement ---------------------------------------------------------------


@lecture
def releves(request):
    comptable = _est_comptable(request.user)
    statut = 200
    if request.method == "POST":
        _exiger_comptable(request)
        statut = 400
        formulaire = ReleveForm(request.POST, request.FILES)
        if formulaire.is_valid():
            d = formulaire.cleaned_data
            fichier = d["fichier"]
            if _executer(
                request,
                lambda: services.releve_importer(
                    acting_user=request.user,
                    compte=d["compte"],
                    nom_fichier=fichier.name,
                    contenu=fichier.read(),
                    solde_ouverture=d.get("solde_ouverture") or None,
                ),
                lambda r: (
                    f"Relevé {r.identifiant} importé : {r.lignes.count()} ligne(s), "
                    f"{r.lignes.filter(rapprochement__isnull=False).count()} rapprochée(s) "
                    "automatiquement."
                ),
            ):
                return redirect("tresorerie:releves")
        else:
            for erreurs in formulaire.errors.values():
                for erreur in erreurs:
                    messages.error(request, erreur)
    comptes = list(
        comptes_actifs().exclude(iban="").prefetch_related("releves").order_by("compte__numero")
    )
    return render(
        request,
        "tresorerie/releves.html",
        {"comptes": comptes, "est_comptable": comptable},
        status=statut,
    )


def _compte_bancaire(pk: int) -> CompteDisponibilite:
    return get_object_or_404(
        CompteDisponibilite.objects.select_related("compte").exclude(iban=""), pk=pk
    )


@lecture
def rapprochement(request, compte_pk: int):
    compte = _compte_bancaire(compte_pk)
    comptable = _est_comptable(request.user)
    if request.method == "POST":
        _exiger_comptable(request)
        acte = request.POST.get("acte")
        if acte == "defaire":
            r = get_object_or_404(
                Rapprochement,
                pk=request.POST.get("rapprochement") or 0,
                ligne_releve__releve__compte=compte,
            )
            _executer(
                request,
                lambda: services.rapprochement_defaire(acting_user=request.user, rapprochement=r),
                "Rapprochement défait.",
            )
        elif acte in ("rapprocher", "expliquer", "frais"):
            ligne = LigneReleve.objects.filter(
                pk=request.POST.get("ligne_releve") or 0, releve__compte=compte
            ).first()
            if ligne is None:
                messages.error(request, "Choisissez la ligne du relevé.")
            elif acte == "frais":
                _executer(
                    request,
                    lambda: services.frais_bancaires(
                        acting_user=request.user,
                        compte=compte,
                        montant=ligne.montant,
                        libelle=ligne.libelle or "frais du relevé",
                        date=ligne.date_operation,
                        ligne_releve=ligne,
                    ),
                    "Frais bancaires comptabilisés (627) et rapprochés.",
                )
            elif acte == "rapprocher":
                _executer(
                    request,
                    lambda: services.rapprocher(
                        acting_user=request.user,
                        ligne_releve=ligne,
                        lignes=[int(v) for v in request.POST.getlist("lignes") if v.isdigit()],
                    ),
                    "Ligne du relevé rapprochée.",
                )
            else:
                _executer(
                    request,
                    lambda: services.expliquer(
                        acting_user=request.user,
                        ligne_releve=ligne,
                        explication=request.POST.get("explication", ""),
                    ),
                    "Ligne du relevé expliquée.",
                )
        else:
            messages.error(request, "Acte inconnu.")
        return redirect("tresorerie:rapprochement", compte_pk=compte.pk)
    etat = selectors.etat_rapprochement(compte)
    rapproches = (
        Rapprochement.objects.filter(ligne_releve__releve__compte=compte)
        .select_related("ligne_releve", "par")
        .prefetch_related("lignes_ecriture__ecriture__journal")
        .order_by("-ligne_releve__date_operation", "-id")[:50]
    )
    return render(
        request,
        "tresorerie/rapprochement.html",
        {
            "compte": compte,
            "etat": etat,
            "rapproches": rapproches,
            "est_comptable": comptable,
        },
    )


@lecture
def rapprochement_pdf(request, compte_pk: int):
    compte = _compte_bancaire(compte_pk)
    reponse = HttpResponse(
        pdf.rapprochement_pdf(selectors.etat_rapprochement(compte)),
        content_type="application/pdf",
    )
    reponse["Content-Disposition"] = f'inline; filename="rapprochement-{compte.code}.pdf"'
    return reponse


# --- Arrêté de caisse -----------------------------------------------------------------------


@lecture
def caisse(request):
    comptable = _est_comptable(request.user)
    formulaire = None
    statut = 200
    if request.method == "POST":
        _exiger_comptable(request)
        statut = 400
        formulaire = ArreteForm(request.POST)
        if formulaire.is_valid():
            d = formulaire.cleaned_data
            try:
                arrete = services.arrete_caisse(
                    acting_user=request.user,
                    compte=d["compte"],
                    comptage=formulaire.comptage(),
                    date=d["date"],
                    observations=d.get("observations", ""),
                )
            except ApplicationError as erreur:
                formulaire.add_error(None, erreur.message)
            else:
                messages.success(
                    request,
                    f"Caisse arrêtée au {arrete.date:%d/%m/%Y} : {arrete.nature_ecart}"
                    + (
                        f", écriture {arrete.ecriture.journal.code}-{arrete.ecriture.numero}."
                        if arrete.ecriture
                        else "."
                    ),
                )
                return redirect(reverse("tresorerie:caisse") + f"#arrete-{arrete.pk}")
    elif comptable:
        formulaire = ArreteForm()
    aujourd_hui = horloge.aujourdhui()
    caisses = [
        (c, selectors.solde_comptable(c.compte.numero, aujourd_hui))
        for c in comptes_actifs(nature__in=["caisse", "regie"]).order_by("compte__numero")
    ]
    arretes = Paginator(
        ArreteCaisse.objects.select_related("compte__compte", "ecriture__journal", "par"), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "tresorerie/caisse.html",
        {
            "form": formulaire,
            "caisses": caisses,
            "aujourd_hui": aujourd_hui,
            "page": arretes,
            "requete": _requete(request),
            "est_comptable": comptable,
        },
        status=statut,
    )


@lecture
def arrete_pdf(request, pk: int):
    arrete = get_object_or_404(
        ArreteCaisse.objects.select_related("compte__compte", "ecriture__journal", "par"), pk=pk
    )
    reponse = HttpResponse(pdf.arrete_pdf(arrete), content_type="application/pdf")
    reponse["Content-Disposition"] = f'inline; filename="arrete-caisse-{arrete.date:%Y-%m-%d}.pdf"'
    return reponse
