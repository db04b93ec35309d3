"""The ledger's API: reads for everyone holding a function, one endpoint per act.

Acts call the same services as the pages, so the same checks and the same
French messages apply; errors come as `{"code", "message", "details"}`.
"""

from __future__ import annotations

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from core.actes import ActeApi, api_acte
from core.champs_api import ChampDateApi, ChampMontantApi
from core.exceptions import DonneeInvalide
from ledger import actes, selectors, services
from ledger.exports import fec
from ledger.forms import BalanceForm, GrandLivreForm
from ledger.integrite import verifier_integrite
from ledger.models import Compte, Ecriture, Exercice, Journal, Ligne
from ledger.selectors_grand_livre import TAILLE_MAX, cle_de, page_demandee

# --- Serializers ---------------------------------------------------------------


class ExerciceSerializer(serializers.ModelSerializer):
    etat_libelle = serializers.CharField(source="get_etat_display")

    class Meta:
        model = Exercice
        fields = ["annee", "etat", "etat_libelle", "ouvert_le", "complementaire_le", "clos_le"]


class CompteSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="numero", read_only=True)

    class Meta:
        model = Compte
        fields = [
            "numero",
            "libelle",
            "classe",
            "parent",
            "nature",
            "sens_normal",
            "imputable",
            "credit_seulement",
            "cotisations",
        ]


class LigneSerializer(serializers.ModelSerializer):
    compte = serializers.CharField(source="compte.numero")
    compte_libelle = serializers.CharField(source="compte.libelle")

    class Meta:
        model = Ligne
        fields = ["compte", "compte_libelle", "debit", "credit", "tiers", "libelle"]


# The list of entries gives at most this many lines of each entry (a payment
# lot's entry may have ten thousand), the entry itself all of them.
LIGNES_LISTE_API = 100


class EcritureSerializer(serializers.ModelSerializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    journal = serializers.CharField(source="journal.code")
    passee_par = serializers.CharField(source="passee_par.username")
    # A list read by `selectors.ecritures_api` (no related manager per entry).
    lignes = LigneSerializer(
        many=True,
        source="lignes_lues",
        help_text=(
            "Les lignes de l'écriture ; dans la liste des écritures, les "
            f"{LIGNES_LISTE_API} premières au plus (toutes par GET /api/ecritures/{{id}}/)."
        ),
    )
    nombre_lignes = serializers.IntegerField(
        read_only=True, help_text="Le nombre de toutes les lignes de l'écriture."
    )

    class Meta:
        model = Ecriture
        fields = [
            "id",
            "exercice",
            "journal",
            "numero",
            "date",
            "libelle",
            "piece",
            "passee_par",
            "passee_le",
            "contrepasse",
            "rang",
            "empreinte_precedente",
            "empreinte",
            "nombre_lignes",
            "lignes",
        ]


class LigneSaisieSerializer(serializers.Serializer):
    compte = serializers.CharField(max_length=12)
    debit = ChampMontantApi(
        required=False, default="0", help_text='Montant en euros, ex. "1234.56".'
    )
    credit = ChampMontantApi(required=False, default="0")
    tiers = serializers.CharField(required=False, default="", allow_blank=True, max_length=120)
    libelle = serializers.CharField(required=False, default="", allow_blank=True, max_length=255)


class EcritureSaisieSerializer(serializers.Serializer):
    exercice = serializers.IntegerField(help_text="Année de l'exercice.")
    journal = serializers.CharField(max_length=4)
    date = ChampDateApi()
    libelle = serializers.CharField(max_length=255)
    piece = serializers.CharField(required=False, default="", allow_blank=True, max_length=120)
    lignes = LigneSaisieSerializer(many=True)

    def validate(self, donnees):
        """The entry as the act takes it: the exercise found, the lines as `LigneSaisie`."""
        exercice = Exercice.objects.filter(annee=donnees["exercice"]).first()
        if exercice is None:
            raise DonneeInvalide(f"L'exercice {donnees['exercice']} n'existe pas.")
        lignes = [services.LigneSaisie(**ligne) for ligne in donnees["lignes"]]
        return {**donnees, "exercice": exercice, "lignes": lignes}


class LigneBalanceSerializer(serializers.Serializer):
    numero = serializers.CharField(max_length=120)
    libelle = serializers.CharField(max_length=200)
    classe = serializers.IntegerField()
    ouverture_debit = serializers.DecimalField(max_digits=18, decimal_places=2)
    ouverture_credit = serializers.DecimalField(max_digits=18, decimal_places=2)
    mouvement_debit = serializers.DecimalField(max_digits=18, decimal_places=2)
    mouvement_credit = serializers.DecimalField(max_digits=18, decimal_places=2)
    solde_debit = serializers.DecimalField(max_digits=18, decimal_places=2)
    solde_credit = serializers.DecimalField(max_digits=18, decimal_places=2)


class BalanceSerializer(serializers.Serializer):
    exercice = serializers.IntegerField(source="exercice.annee")
    du = ChampDateApi()
    au = ChampDateApi()
    classe = serializers.IntegerField(allow_null=True)
    equilibree = serializers.BooleanField()
    lignes = LigneBalanceSerializer(many=True)
    totaux = LigneBalanceSerializer()


# --- Reads ---------------------------------------------------------------------


class ExerciceListApi(generics.ListAPIView):
    serializer_class = ExerciceSerializer
    queryset = Exercice.objects.order_by("-annee")


class ExerciceDetailApi(generics.RetrieveAPIView):
    serializer_class = ExerciceSerializer
    queryset = Exercice.objects.all()
    lookup_field = "annee"


@extend_schema(parameters=[OpenApiParameter("classe", int, description="Classe 1 à 8")])
class CompteListApi(generics.ListAPIView):
    serializer_class = CompteSerializer

    def get_queryset(self):
        qs = Compte.objects.select_related("parent").order_by("numero")
        classe = self.request.query_params.get("classe")
        if classe:
            if not classe.isdigit():
                raise DonneeInvalide("La classe est un chiffre de 1 à 8.")
            qs = qs.filter(classe=int(classe))
        return qs


@extend_schema(
    parameters=[
        OpenApiParameter("exercice", int, description="Année de l'exercice"),
        OpenApiParameter("journal", str, description="Code du journal (RE, DE, TR, OD, AN, IN)"),
        OpenApiParameter("du", OpenApiTypes.DATE),
        OpenApiParameter("au", OpenApiTypes.DATE),
    ]
)
class EcritureListApi(generics.ListAPIView):
    serializer_class = EcritureSerializer

    def get_queryset(self):
        p = self.request.query_params
        exercice = journal = None
        if p.get("exercice"):
            exercice = get_object_or_404(Exercice, annee=_entier(p["exercice"], "L'exercice"))
        if p.get("journal"):
            journal = get_object_or_404(Journal, code=p["journal"])
        return selectors.ecritures_par_page(
            selectors.ecritures_api(lignes_max=LIGNES_LISTE_API),
            exercice=exercice,
            journal=journal,
            du=_date(p.get("du")),
            au=_date(p.get("au")),
        )


class EcritureDetailApi(generics.RetrieveAPIView):
    serializer_class = EcritureSerializer

    def get_queryset(self):
        return selectors.ecritures_api()


def _entier(valeur: str, libelle: str) -> int:
    if not str(valeur).isdigit():
        raise DonneeInvalide(f"{libelle} doit être un nombre entier ({valeur!r} reçu).")
    return int(valeur)


def _date(valeur: str | None):
    if not valeur:
        return None
    field = ChampDateApi()
    try:
        return field.to_internal_value(valeur)
    except serializers.ValidationError:
        raise DonneeInvalide(
            f"La date « {valeur} » est invalide (format attendu : AAAA-MM-JJ)."
        ) from None


def _formulaire_valide(formulaire_classe, params):
    formulaire = formulaire_classe(params)
    if not formulaire.is_valid():
        erreurs = {champ: [str(e) for e in liste] for champ, liste in formulaire.errors.items()}
        premier = next(iter(erreurs.values()))[0]
        raise DonneeInvalide(premier, details=erreurs)
    return formulaire.cleaned_data


class BalanceApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("exercice", int, required=True),
            OpenApiParameter("du", OpenApiTypes.DATE),
            OpenApiParameter("au", OpenApiTypes.DATE),
            OpenApiParameter("classe", int),
        ],
        responses=BalanceSerializer,
        summary="Balance générale d'un exercice (soldes d'ouverture, mouvements, soldes de clôture)",
    )
    def get(self, request):
        d = _formulaire_valide(BalanceForm, request.query_params)
        balance = selectors.balance_generale(
            exercice=d["exercice_obj"], du=d.get("du"), au=d.get("au"), classe=d.get("classe")
        )
        return Response(BalanceSerializer(balance).data)


class GrandLivreApi(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("exercice", int, required=True),
            OpenApiParameter("compte", str, required=True),
            OpenApiParameter("du", OpenApiTypes.DATE),
            OpenApiParameter("au", OpenApiTypes.DATE),
            OpenApiParameter(
                "apres",
                str,
                description="clé AAAA-MM-JJ.écriture.ligne : les lignes qui la suivent",
            ),
            OpenApiParameter(
                "avant",
                str,
                description="clé AAAA-MM-JJ.écriture.ligne : les lignes qui la précèdent",
            ),
            OpenApiParameter("taille", int, description=f"lignes par page (1 à {TAILLE_MAX})"),
        ],
        responses=inline_serializer(
            "GrandLivre",
            {
                "ouverture": serializers.DecimalField(max_digits=18, decimal_places=2),
                "report": serializers.DecimalField(max_digits=18, decimal_places=2),
                "lignes": serializers.ListField(child=serializers.DictField()),
                "suivante": serializers.URLField(allow_null=True),
                "precedente": serializers.URLField(allow_null=True),
                "total_debit": serializers.DecimalField(max_digits=18, decimal_places=2),
                "total_credit": serializers.DecimalField(max_digits=18, decimal_places=2),
                "solde": serializers.DecimalField(max_digits=18, decimal_places=2),
            },
        ),
        summary="Grand livre d'un compte et de ses sous-comptes, par pages, avec le solde progressif",
    )
    def get(self, request):
        p = request.query_params
        d = _formulaire_valide(GrandLivreForm, p)
        if not d.get("compte"):
            raise DonneeInvalide("Indiquez le compte (ou la racine de comptes) à consulter.")
        taille = _entier(p["taille"], "La taille de page") if p.get("taille") else None
        page = page_demandee(d, p, taille)

        def lien(nom, cle):
            if cle is None:
                return None
            parametres = p.copy()
            for autre in ("apres", "avant"):
                parametres.pop(autre, None)
            parametres[nom] = str(cle)
            return request.build_absolute_uri(f"{request.path}?{parametres.urlencode()}")

        return Response(
            {
                "ouverture": f"{page.ouverture:.2f}",
                "report": f"{page.report:.2f}",
                "lignes": [
                    {
                        "cle": str(cle_de(ligne)),
                        "date": ligne.date,
                        "journal": ligne.journal,
                        "numero": ligne.numero,
                        "ecriture": ligne.ecriture_id,
                        "libelle": ligne.libelle,
                        "tiers": ligne.tiers,
                        "debit": f"{ligne.debit:.2f}",
                        "credit": f"{ligne.credit:.2f}",
                        "solde": f"{ligne.solde:.2f}",
                    }
                    for ligne in page.lignes
                ],
                "suivante": lien("apres", page.suivante),
                "precedente": lien("avant", page.precedente),
                "total_debit": f"{page.total_debit:.2f}",
                "total_credit": f"{page.total_credit:.2f}",
                "solde": f"{page.solde:.2f}",
            }
        )


class ExerciceFecApi(APIView):
    @extend_schema(
        responses={(200, "text/plain"): OpenApiTypes.STR},
        summary="Fichier des écritures comptables (FEC) d'un exercice, nommé SIRENFECAAAAMMJJ.txt",
    )
    def get(self, request, annee: int):
        actes.EXPORTER_FEC_DROIT.exiger(request.user)
        exercice = get_object_or_404(Exercice, annee=annee)
        reponse = StreamingHttpResponse(
            (ligne.encode(fec.ENCODAGE) for ligne in fec.exporter_fec(exercice)),
            content_type=f"text/plain; charset={fec.ENCODAGE}",
        )
        reponse["Content-Disposition"] = f'attachment; filename="{fec.nom_fichier_fec(exercice)}"'
        return reponse


class IntegriteApi(APIView):
    @extend_schema(
        responses=inline_serializer(
            "Integrite",
            {
                "intact": serializers.BooleanField(),
                "anomalies": serializers.ListField(child=serializers.CharField()),
                "exercices": serializers.ListField(child=serializers.DictField()),
            },
        ),
        summary="Recalcule la chaîne d'empreintes, la numérotation et les équilibres",
    )
    def get(self, request):
        rapport = verifier_integrite()
        return Response(
            {
                "intact": rapport.intact,
                "anomalies": rapport.anomalies,
                "exercices": [
                    {
                        "annee": r.annee,
                        "etat": r.etat,
                        "ecritures": r.ecritures,
                        "lignes": r.lignes,
                        "total_debit": f"{r.total_debit:.2f}",
                        "total_credit": f"{r.total_credit:.2f}",
                        "derniere_empreinte": r.derniere_empreinte,
                    }
                    for r in rapport.exercices
                ],
            }
        )


# --- Acts ----------------------------------------------------------------------


def _ecriture(ecriture: Ecriture) -> dict:
    return EcritureSerializer(selectors.ecritures_api().get(pk=ecriture.pk)).data


EcriturePasserApi = api_acte(
    actes.PASSER,
    entree=EcritureSaisieSerializer,
    sortie=_ecriture,
    reponse=EcritureSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Passer une écriture (agent comptable)",
)


class EcritureEnregistreeSerializer(serializers.Serializer):
    enregistrement = serializers.IntegerField(help_text="Numéro d'enregistrement dans la file.")
    etat = serializers.CharField(help_text="« en attente de validation ».")
    exercice = serializers.IntegerField()
    journal = serializers.CharField()
    date = serializers.DateField()
    libelle = serializers.CharField()
    montant = serializers.DecimalField(max_digits=18, decimal_places=2)
    enregistree_le = serializers.DateTimeField()


def _enregistrement(enregistrement) -> dict:
    return {
        "enregistrement": enregistrement.id,
        "etat": "en attente de validation",
        "exercice": enregistrement.exercice,
        "journal": enregistrement.journal,
        "date": enregistrement.date,
        "libelle": enregistrement.libelle,
        "montant": enregistrement.montant,
        "enregistree_le": enregistrement.enregistree_le,
    }


EcritureEnregistrerApi = api_acte(
    actes.ENREGISTRER,
    entree=EcritureSaisieSerializer,
    sortie=lambda enregistrement: (
        EcritureEnregistreeSerializer(_enregistrement(enregistrement)).data
    ),
    reponse=EcritureEnregistreeSerializer,
    statut=status.HTTP_202_ACCEPTED,
    resume=(
        "Enregistrer une écriture (agent comptable) : contrôlée et équilibrée à l'instant, "
        "numérotée et chaînée à sa validation par le séquenceur"
    ),
)


class RejetSerializer(serializers.Serializer):
    enregistrement = serializers.IntegerField(source="id")
    exercice = serializers.IntegerField()
    journal = serializers.CharField()
    date = serializers.DateField()
    libelle = serializers.CharField()
    montant = serializers.DecimalField(max_digits=18, decimal_places=2)
    motif = serializers.CharField()
    rejete_le = serializers.DateTimeField()


class FileValidationSerializer(serializers.Serializer):
    en_attente = serializers.IntegerField()
    premiers_en_attente = serializers.ListField(child=serializers.DictField())
    rejets = serializers.IntegerField()
    derniers_rejets = RejetSerializer(many=True)


class FileValidationApi(APIView):
    """The recorded entries waiting for their validation, and those rejected."""

    @extend_schema(
        responses=FileValidationSerializer,
        summary="Écritures enregistrées en attente de validation, et rejets",
    )
    def get(self, request):
        nombre, premiers = services.file_attente(limite=50)
        rejetees, derniers = services.rejets(limite=50)
        return Response(
            FileValidationSerializer(
                {
                    "en_attente": nombre,
                    "premiers_en_attente": [
                        EcritureEnregistreeSerializer(_enregistrement(e)).data for e in premiers
                    ],
                    "rejets": rejetees,
                    "derniers_rejets": derniers,
                }
            ).data
        )


class SuiviSerializer(serializers.Serializer):
    enregistrement = serializers.IntegerField(source="id")
    etat = serializers.CharField(
        help_text="« en attente de validation », « validée » ou « rejetée »."
    )
    ecriture = serializers.SerializerMethodField(
        help_text="L'écriture qu'il est devenu une fois validé (null avant, ou s'il est rejeté)."
    )
    motif = serializers.CharField(help_text="Le motif du rejet (vide sinon).")

    @extend_schema_field(EcritureSerializer(allow_null=True))
    def get_ecriture(self, suivi):
        return _ecriture(suivi.ecriture) if suivi.ecriture is not None else None


class SuiviEnregistrementApi(APIView):
    """What became of a recorded entry: the answer of POST …/enregistrer/ gives its number."""

    @extend_schema(
        responses=SuiviSerializer,
        summary="Suivre une écriture enregistrée : en attente, validée (son écriture) ou rejetée",
    )
    def get(self, request, pk: int):
        suivi = services.suivi_enregistrement(pk)
        if suivi is None:
            raise Http404(f"Aucune écriture enregistrée ne porte le n° {pk}.")
        return Response(SuiviSerializer(suivi).data)


EcritureContrepasserApi = api_acte(
    actes.CONTREPASSER,
    queryset=Ecriture.objects.all(),
    sortie=_ecriture,
    reponse=EcritureSerializer,
    statut=status.HTTP_201_CREATED,
    resume="Contrepasser une écriture (agent comptable)",
)


def _acte_exercice(acte, resume: str) -> type[ActeApi]:
    """An act on the exercise named by its year in the URL (`exercices/<annee>/…`)."""

    class ActeExerciceApi(ActeApi):
        def post(self, request, annee: int):
            exercice = get_object_or_404(Exercice, annee=annee)
            return Response(ExerciceSerializer(self.acte.executer(request.user, exercice, {})).data)

    ActeExerciceApi.acte = acte
    ActeExerciceApi.__name__ = ActeExerciceApi.__qualname__ = f"Api_{acte.nom.replace('.', '_')}"
    ActeExerciceApi.__doc__ = resume
    return extend_schema(request=None, responses=ExerciceSerializer, summary=resume)(
        ActeExerciceApi
    )


ExercicePeriodeComplementaireApi = _acte_exercice(
    actes.PERIODE_COMPLEMENTAIRE,
    "Faire entrer l'exercice en période complémentaire (après le 31 décembre)",
)
ExerciceCloreApi = _acte_exercice(actes.CLORE, "Clore l'exercice")
