"""Pages of the contentieux part of recovery (annexe art. 13): names
`recouvrement:contentieux…`, `recouvrement:huissiers…`."""

from django.urls import path

from recouvrement import views_contentieux as v

urlpatterns = [
    path("contentieux/", v.liste, name="contentieux"),
    path("contentieux/liste.<slug:format_>", v.liste_document, name="contentieux_document"),
    path("contentieux/creances/<int:pk>/", v.creance, name="contentieux_creance"),
    path(
        "contentieux/creances/<int:pk>/mise-en-demeure/",
        v.mise_en_demeure,
        name="contentieux_mise_en_demeure",
    ),
    path("contentieux/creances/<int:pk>/poursuite/", v.poursuite, name="contentieux_poursuite"),
    path(
        "contentieux/creances/<int:pk>/avis-caisse/",
        v.avis_caisse,
        name="contentieux_avis_caisse",
    ),
    path(
        "contentieux/mises-en-demeure/<int:pk>/lettre.pdf",
        v.lettre_mise_en_demeure,
        name="contentieux_lettre_mise_en_demeure",
    ),
    path(
        "contentieux/mises-en-demeure/<int:pk>/avis-reception/",
        v.avis_reception,
        name="contentieux_avis_reception",
    ),
    path(
        "contentieux/mises-en-demeure/<int:pk>/reclamation/",
        v.recours,
        name="contentieux_recours",
    ),
    path(
        "contentieux/reclamations/<int:pk>/decision/",
        v.decision,
        name="contentieux_decision",
    ),
    path(
        "contentieux/avis-caisse/<int:pk>/lettre.pdf",
        v.lettre_avis_caisse,
        name="contentieux_lettre_avis_caisse",
    ),
    path(
        "contentieux/poursuites/<int:pk>/acte-huissier/",
        v.acte_huissier,
        name="contentieux_acte_huissier",
    ),
    path(
        "contentieux/actes-huissier/<int:pk>/resultat/",
        v.resultat,
        name="contentieux_resultat",
    ),
    path("contentieux/debiteurs/<int:pk>/", v.debiteur, name="contentieux_debiteur"),
    path(
        "contentieux/debiteurs/<int:pk>/qualifier/",
        v.debiteur_qualifier,
        name="contentieux_debiteur_qualifier",
    ),
    path(
        "contentieux/debiteurs/<int:pk>/procedure-collective/",
        v.procedure,
        name="contentieux_procedure",
    ),
    path(
        "contentieux/procedures/<int:pk>/declaration/",
        v.declaration,
        name="contentieux_declaration",
    ),
    path("contentieux/procedures/<int:pk>/evenement/", v.evenement, name="contentieux_evenement"),
    path("contentieux/procedures/<int:pk>/issue/", v.issue, name="contentieux_issue"),
    path("huissiers/", v.huissiers, name="huissiers"),
    path("huissiers/registre.<slug:format_>", v.huissiers_document, name="huissiers_document"),
    path("huissiers/inscrire/", v.huissier_inscrire, name="huissier_inscrire"),
    path("huissiers/<int:pk>/visite/", v.visite, name="huissier_visite"),
    path("huissiers/<int:pk>/dispense/", v.dispense, name="huissier_dispense"),
]
