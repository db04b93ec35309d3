"""The regulatory rows, as loaded by the data migration `0003_donnees`.

Sources: seed 002 (Code de la sécurité sociale, old and new wording
interleaved, version of 22 March 1997: the new wording comes from décret
n° 97-266 du 18 mars 1997) and seed 003 (circulaire DSS/F n° 93/82 du
7 octobre 1993, §2.0.7 and §2.1.7). Where DOMAIN.md and seed 002 differ, the
seed wins; the two places where they differ are said in the rows concerned
(pénalités of the other funds and benefits of the D253-1 funds before
22 March 1997).

`PLANCHER`: the seeds show the wording in force on 21 March 1997 but not the
day it came into force (D253-1 to D253-19 were rewritten by décret
n° 93-1004 du 10 août 1993, circ. 93/82 §A; D253-17-1 and D253-19-1 were
added later). The first version of each row starts on this conventional
floor so that any earlier fact finds the wording the seeds show; pages say it
is not an entry-into-force date.
"""

from __future__ import annotations

import datetime

PLANCHER = datetime.date(1945, 1, 1)
BASCULE_1997 = datetime.date(1997, 3, 22)
VEILLE_1997 = datetime.date(1997, 3, 21)

ANCIEN = "rédaction antérieure au 22 mars 1997"
NOUVEAU = "rédaction du 22 mars 1997"

# The life of the comptes annuels after the board (D613-41; circ. 93/82 §IV):
# whether the fund is the caisse nationale, and the last day of the sending
# to the comité d'examen and the DRASS, as « MM-JJ » of the year after the
# exercise, per kind of fund (reglementation migration 0005).
PARAMETRES_COMPTES_ANNUELS = [
    (
        "caisse_nationale",
        "non",
        PLANCHER,
        None,
        "D613-41",
        "La caisse n'est pas la caisse nationale : ses comptes annuels sont transmis avant le "
        "1er avril qui suit la fin de l'exercice et approuvés par le directeur régional des "
        "affaires sanitaires et sociales ou, s'il les lui transmet, par le ministre chargé de "
        "la sécurité sociale. « oui » : la caisse nationale, dont l'approbation des comptes est "
        "de la compétence du ministre.",
    ),
    (
        "transmission_comptes_annuels",
        "03-31",
        PLANCHER,
        None,
        "D613-41 al. 1 ; circulaire DSS/F 93/82 §IV",
        "Dernier jour de la transmission des comptes annuels arrêtés par le conseil "
        "d'administration au comité départemental d'examen des comptes et au directeur "
        "régional des affaires sanitaires et sociales : « avant le 1er avril qui suit la fin "
        "de l'exercice », soit le 31 mars.",
    ),
    (
        "transmission_comptes_annuels_caisse_nationale",
        "04-30",
        PLANCHER,
        None,
        "D613-41 al. 4",
        "Dernier jour de la transmission des comptes annuels de la caisse nationale aux "
        "comités départementaux d'examen des comptes : « au plus tard pour le 30 avril qui "
        "suit la fin de l'exercice ».",
    ),
]

# The amount set by arrêté above which the board's decision on a décharge or a
# remise gracieuse needs the ministers' approval (circ. 93/82 §6.2; migration
# 0006): the seeds do not hold the arrêté, so 0 submits every decision to the
# approval until the fund records the arrêté's amount as a new dated version.
PARAMETRES_RESPONSABILITE = [
    (
        "seuil_approbation_decharge",
        "0.00",
        PLANCHER,
        None,
        "circulaire DSS/F 93/82 §6.2",
        "Somme fixée par arrêté au-delà de laquelle la décision du conseil "
        "d'administration sur la décharge de responsabilité ou la remise gracieuse de "
        "l'agent comptable est soumise à l'approbation du ministre chargé de la "
        "sécurité sociale et du ministre chargé du budget. Le montant de l'arrêté ne "
        "figure pas dans les textes de la caisse : 0 soumet toute décision à "
        "l'approbation, jusqu'à l'enregistrement du montant de l'arrêté à sa date.",
    ),
]

# (cle, valeur, debut, fin, article, libelle)
PARAMETRES = [
    (
        "seuil_d133_2",
        "15.24",
        PLANCHER,
        None,
        "D133-2",
        "Montant en deçà duquel l'organisme peut abandonner la mise en recouvrement des indus "
        "de prestations (al. 1) et différer jusqu'à la fin de l'exercice le paiement d'un "
        "rappel de prestation (al. 2) : 100 F dans les deux rédactions du 21 et du 22 mars "
        "1997, soit 15,24 € au taux de conversion de 6,55957 F pour 1 € (arrondi au centime).",
    ),
    (
        "titre_agent_comptable",
        "agent comptable",
        PLANCHER,
        datetime.date(2022, 12, 31),
        "circulaire DSS/F 93/82 §I",
        "Titre du comptable de l'organisme : les opérations financières et comptables sont "
        "assurées par un directeur et un agent comptable.",
    ),
    (
        "titre_agent_comptable",
        "directeur comptable et financier",
        datetime.date(2023, 1, 1),
        None,
        "décret n° 2022-1283 du 30 septembre 2022, art. 4",
        "Titre du comptable de l'organisme à compter du 1er janvier 2023, date d'entrée en "
        "vigueur fixée par l'article 4 du décret.",
    ),
    (
        "regime_organisme",
        "general",
        PLANCHER,
        None,
        "D253-1",
        "La caisse est une caisse primaire d'assurance maladie, organisme du régime général "
        "visé à l'article D253-1 : les règles propres à ces organismes lui sont appliquées.",
    ),
    *PARAMETRES_COMPTES_ANNUELS,
    *PARAMETRES_RESPONSABILITE,
]

_DIX_JOURS_RECETTE = {
    ANCIEN: (
        "D253-17 al. 3",
        "le directeur dispose de dix jours au début de l'exercice suivant pour émettre "
        "l'ordre de recette (D253-17 al. 3)",
    ),
    NOUVEAU: (
        "D253-17 al. 2",
        "le directeur dispose de dix jours au début de l'exercice suivant pour émettre "
        "l'ordre de recette (D253-17 al. 2)",
    ),
}
_DIX_JOURS_DEPENSE = {
    ANCIEN: (
        "D253-19 al. 3",
        "le directeur dispose de dix jours au début de l'exercice suivant pour émettre "
        "l'ordre de dépense (D253-19 al. 3)",
    ),
    NOUVEAU: (
        "D253-19 al. 2",
        "le directeur dispose de dix jours au début de l'exercice suivant pour émettre "
        "l'ordre de dépense (D253-19 al. 2)",
    ),
}
_PERIODES = {ANCIEN: (PLANCHER, VEILLE_1997), NOUVEAU: (BASCULE_1997, None)}

# Special dates of circ. 93/82 §2.0.7 (recettes): nature, critere, n°, explanation.
_SPECIALES_RECETTE = [
    ("vente", "contrat", "1°", "Pour une vente d'immeuble, l'exercice est celui du contrat"),
    (
        "loyer",
        "veille_echeance",
        "2°",
        "Pour des loyers, l'exercice est celui du jour qui précède l'échéance de chaque terme",
    ),
    (
        "travaux_fournitures",
        "reception",
        "3°",
        "Pour des travaux ou fournitures, l'exercice est celui de la réception ou de la "
        "constatation des opérations ouvrant droit à encaissement partiel",
    ),
    (
        "interets",
        "veille_echeance",
        "4°",
        "Pour des intérêts en faveur de l'organisme, l'exercice est celui du jour qui précède "
        "leur échéance",
    ),
    (
        "condamnation",
        "decision",
        "5°",
        "Pour une condamnation prononcée en faveur de la caisse, l'exercice est celui de la "
        "décision judiciaire définitive (jugement, arrêt) ou de l'acte d'acquiescement au "
        "jugement non définitif",
    ),
    (
        "recuperation_indu",
        "reglement",
        "6°",
        "Pour la récupération de sommes indûment réglées, l'exercice est celui de la date de "
        "règlement de ces sommes",
    ),
]

# Special dates of circ. 93/82 §2.1.7 (dépenses des gestions budgétaires).
_SPECIALES_DEPENSE = [
    (
        "acquisition_immeuble",
        "contrat",
        "1°",
        "Pour une acquisition d'immeuble, l'exercice est celui du contrat",
    ),
    (
        "loyer",
        "veille_echeance",
        "2°",
        "Pour des loyers, l'exercice est celui du jour qui précède l'échéance de chaque terme",
    ),
    (
        "travaux",
        "reception",
        "3°",
        "Pour des travaux, l'exercice est celui de la réception ou de la constatation des "
        "opérations ouvrant droit à paiement partiel",
    ),
    (
        "fournitures",
        "reception",
        "3°",
        "Pour des fournitures, l'exercice est celui de la réception ou de la constatation des "
        "opérations ouvrant droit à paiement partiel",
    ),
    (
        "interets",
        "veille_echeance",
        "4°",
        "Pour des intérêts à la charge de l'organisme, l'exercice est celui du jour qui précède "
        "leur échéance",
    ),
    (
        "subvention",
        "deliberation",
        "5°",
        "Pour une subvention à une collectivité ou œuvre étrangère à la caisse, l'exercice est "
        "celui de la date spécifiée par la délibération du conseil d'administration",
    ),
    (
        "transaction",
        "transaction",
        "6°",
        "Pour une dette qui a fait l'objet d'une transaction, l'exercice est celui de la "
        "transaction conclue avec le créancier",
    ),
    (
        "condamnation",
        "decision",
        "7°",
        "Pour une condamnation prononcée contre la caisse, l'exercice est celui de la décision "
        "judiciaire définitive (jugement, arrêt) ou de l'acte d'acquiescement au jugement non "
        "définitif",
    ),
    (
        "restitution",
        "encaissement",
        "8°",
        "Pour la restitution de sommes indûment portées en recettes, l'exercice est celui de "
        "l'encaissement de la somme indûment perçue",
    ),
]


def _regle(sens, nature, regime, redaction, critere, article, libelle, *, jours=None, mois=None):
    debut, fin = _PERIODES[redaction]
    return {
        "sens": sens,
        "nature": nature,
        "regime": regime,
        "debut": debut,
        "fin": fin,
        "critere": critere,
        "delai_jours": jours,
        "delai_mois": mois,
        "article": article,
        "libelle": libelle,
    }


def _regles() -> list[dict]:
    regles = []
    cotisations = ("cotisation", "majoration", "penalite")

    # Cotisations, majorations de retard, pénalités: the wording before 22 March 1997.
    for nature in cotisations:
        regles.append(
            _regle(
                "recette",
                nature,
                "general",
                ANCIEN,
                "droits_acquis",
                f"D253-17-1 al. 1 et 2 ; D253-17 al. 4 ({ANCIEN})",
                "Pour les organismes visés à l'article D253-1, les cotisations, majorations de "
                "retard et pénalités se rattachent à l'exercice au cours duquel les droits ont "
                "été acquis ; le directeur dispose de deux mois au début de l'exercice suivant "
                "pour constater les droits acquis au cours de l'exercice précédent (D253-17-1 "
                "al. 1). L'exercice d'encaissement (D253-17 al. 1) ne leur est pas applicable "
                "(D253-17 al. 4).",
                mois=2,
            )
        )
    for nature in ("cotisation", "majoration"):
        regles.append(
            _regle(
                "recette",
                nature,
                "autre",
                ANCIEN,
                "encaissement",
                f"D253-17 al. 1 et 3 ({ANCIEN})",
                "Pour les organismes autres que ceux visés à l'article D253-1, les cotisations "
                "et majorations de retard se rattachent à l'exercice au cours duquel elles ont "
                "été encaissées (al. 1) ; le directeur dispose de dix jours au début de "
                "l'exercice suivant pour émettre les ordres de recette (al. 3). L'article "
                "D253-17-1 ne s'appliquait qu'aux organismes visés à l'article D253-1.",
                jours=10,
            )
        )
    # The first alinéa names only "cotisations et majorations de retard": for the
    # other funds, pénalités were "autres recettes" (al. 2), attached on liquidation.
    regles.append(
        _regle(
            "recette",
            "penalite",
            "autre",
            ANCIEN,
            "liquidation",
            f"D253-17 al. 2 et 3 ({ANCIEN})",
            "Pour les organismes autres que ceux visés à l'article D253-1, les pénalités ne "
            "figurent pas au premier alinéa (« cotisations et majorations de retard ») : ce sont "
            "des autres recettes, rattachées à l'exercice au cours duquel elles ont été "
            "liquidées (al. 2) ; le directeur dispose de dix jours au début de l'exercice "
            "suivant pour émettre les ordres de recette (al. 3).",
            jours=10,
        )
    )
    # From 22 March 1997 (décret n° 97-266): every fund, on rights acquired.
    for nature in cotisations:
        regles.append(
            _regle(
                "recette",
                nature,
                "general",
                NOUVEAU,
                "droits_acquis",
                f"D253-17-1 al. 1 ({NOUVEAU})",
                "Les cotisations, majorations de retard et pénalités se rattachent à l'exercice "
                "au cours duquel les droits ont été acquis ; pour les organismes visés à "
                "l'article D253-1, le directeur dispose de deux mois au début de l'exercice "
                "suivant pour constater les droits acquis au cours de l'exercice précédent.",
                mois=2,
            )
        )
        regles.append(
            _regle(
                "recette",
                nature,
                "autre",
                NOUVEAU,
                "droits_acquis",
                f"D253-17-1 al. 1 et 2 ({NOUVEAU})",
                "Les cotisations, majorations de retard et pénalités se rattachent à l'exercice "
                "au cours duquel les droits ont été acquis (al. 1) ; pour les organismes autres "
                "que ceux visés à l'article D253-1, le directeur dispose d'un mois au début de "
                "l'exercice suivant pour constater les droits acquis au cours de l'exercice "
                "précédent (al. 2).",
                mois=1,
            )
        )

    # Other recettes: the exercise of liquidation, ten days.
    regles.append(
        _regle(
            "recette",
            "autre",
            "tous",
            ANCIEN,
            "liquidation",
            f"D253-17 al. 2 et 3 ({ANCIEN})",
            "Les recettes autres que les cotisations et majorations de retard se rattachent à "
            "l'exercice au cours duquel elles ont été liquidées (al. 2) ; le directeur dispose "
            "de dix jours au début de l'exercice suivant pour émettre les ordres de recette "
            "correspondant aux droits acquis au cours de l'exercice précédent (al. 3).",
            jours=10,
        )
    )
    regles.append(
        _regle(
            "recette",
            "autre",
            "tous",
            NOUVEAU,
            "liquidation",
            f"D253-17 al. 1 et 2 ({NOUVEAU})",
            "Les recettes de toute nature, à l'exception des cotisations, majorations de retard "
            "et pénalités (D253-17-1 à D253-17-4), se rattachent à l'exercice au cours duquel "
            "elles ont été liquidées (al. 1) ; le directeur dispose de dix jours au début de "
            "l'exercice suivant pour émettre les ordres de recette correspondant aux droits "
            "acquis au cours de l'exercice précédent (al. 2).",
            jours=10,
        )
    )
    for redaction in (ANCIEN, NOUVEAU):
        alinea, delai = _DIX_JOURS_RECETTE[redaction]
        for nature, critere, numero, texte in _SPECIALES_RECETTE:
            regles.append(
                _regle(
                    "recette",
                    nature,
                    "tous",
                    redaction,
                    critere,
                    f"circulaire DSS/F 93/82 §2.0.7 {numero} ; {alinea} ({redaction})",
                    f"{texte} ; {delai}.",
                    jours=10,
                )
            )

    # Dépenses des gestions techniques (prestations).
    regles.append(
        _regle(
            "depense",
            "prestation",
            "general",
            ANCIEN,
            "service_fait",
            f"D253-19-1 al. 1 et 2 ; D253-19 al. 4 ({ANCIEN})",
            "Pour les organismes visés à l'article D253-1, les dépenses des gestions techniques "
            "qui ont fait l'objet d'un service fait ou d'une ouverture de droits au cours d'un "
            "exercice sont comptabilisées au titre de cet exercice ; le directeur dispose de "
            "dix jours au début de l'exercice suivant pour les constater (D253-19-1). "
            "L'exercice du paiement (D253-19 al. 1) ne leur est pas applicable (D253-19 al. 4).",
            jours=10,
        )
    )
    regles.append(
        _regle(
            "depense",
            "prestation",
            "autre",
            ANCIEN,
            "paiement",
            f"D253-19 al. 1 ({ANCIEN})",
            "Pour les organismes autres que ceux visés à l'article D253-1, les dépenses "
            "relatives aux gestions techniques appartiennent à l'exercice au cours duquel "
            "elles ont été payées ; aucun délai complémentaire : le délai de dix jours de "
            "l'alinéa 3 ne vise que les ordres de dépense des gestions budgétaires.",
            jours=0,
        )
    )
    regles.append(
        _regle(
            "depense",
            "prestation",
            "general",
            NOUVEAU,
            "service_fait",
            f"D253-19-1 al. 1 ({NOUVEAU})",
            "Pour les organismes visés à l'article D253-1, les dépenses des gestions techniques "
            "qui ont fait l'objet d'un service fait ou d'une ouverture de droits au cours d'un "
            "exercice sont comptabilisées au titre de cet exercice ; le directeur dispose de "
            "dix jours au début de l'exercice suivant pour les constater.",
            jours=10,
        )
    )
    regles.append(
        _regle(
            "depense",
            "prestation",
            "autre",
            NOUVEAU,
            "service_fait",
            f"D253-19-1 al. 3 ({NOUVEAU})",
            "Pour les organismes autres que ceux visés à l'article D253-1, les dépenses des "
            "gestions techniques se rattachent à l'exercice du service fait ou de l'ouverture "
            "des droits ; le directeur dispose d'un mois au début de l'exercice suivant pour "
            "constater les opérations de l'exercice précédent.",
            mois=1,
        )
    )

    # Dépenses des gestions budgétaires: liquidation and ordonnancement, ten days.
    regles.append(
        _regle(
            "depense",
            "autre",
            "tous",
            ANCIEN,
            "liquidation",
            f"D253-19 al. 2 et 3 ({ANCIEN})",
            "Les dépenses des gestions budgétaires se rattachent à l'exercice au cours duquel "
            "elles sont liquidées et ordonnancées (al. 2) ; le directeur dispose de dix jours "
            "au début de l'exercice suivant pour émettre les ordres de dépense correspondant "
            "aux services faits au cours de l'exercice précédent (al. 3).",
            jours=10,
        )
    )
    regles.append(
        _regle(
            "depense",
            "autre",
            "tous",
            NOUVEAU,
            "liquidation",
            f"D253-19 al. 1 et 2 ({NOUVEAU})",
            "Les dépenses des gestions budgétaires se rattachent à l'exercice au cours duquel "
            "elles sont liquidées et ordonnancées (al. 1) ; le directeur dispose de dix jours "
            "au début de l'exercice suivant pour émettre les ordres de dépense correspondant "
            "aux services faits au cours de l'exercice précédent (al. 2).",
            jours=10,
        )
    )
    for redaction in (ANCIEN, NOUVEAU):
        alinea, delai = _DIX_JOURS_DEPENSE[redaction]
        for nature, critere, numero, texte in _SPECIALES_DEPENSE:
            regles.append(
                _regle(
                    "depense",
                    nature,
                    "tous",
                    redaction,
                    critere,
                    f"circulaire DSS/F 93/82 §2.1.7 {numero} ; {alinea} ({redaction})",
                    f"{texte} ; {delai}.",
                    jours=10,
                )
            )
    return regles


REGLES = _regles()


def charger_reglementation(Parametre, RegleRattachement) -> None:
    """Create the rows missing (by key and start date); existing rows are left as they are.

    Takes the model classes so that a migration passes its historical models.
    """
    for cle, valeur, debut, fin, article, libelle in PARAMETRES:
        Parametre.objects.get_or_create(
            cle=cle,
            debut=debut,
            defaults={"valeur": valeur, "fin": fin, "article": article, "libelle": libelle},
        )
    for regle in REGLES:
        cles = {k: regle[k] for k in ("sens", "nature", "regime", "debut")}
        RegleRattachement.objects.get_or_create(
            **cles, defaults={k: v for k, v in regle.items() if k not in cles}
        )
