"""The pages of the agent comptable's liability (namespace `responsabilite`)."""

from django.urls import path

from responsabilite import views, views_drass
from responsabilite import views_reglement as reglement

app_name = "responsabilite"

urlpatterns = [
    path("", views.registre, name="registre"),
    path("document.<slug:format_>", views.registre_document, name="registre_document"),
    path("mise-en-cause/", views.mise_en_cause, name="mise_en_cause"),
    path("mises-en-cause/<int:pk>/emettre/", views.emettre, name="emettre"),
    path(
        "mises-en-cause/<int:pk>/lettre-<slug:destinataire>.pdf",
        views.lettre_information,
        name="lettre_information",
    ),
    path("manquants/<int:pk>/ordre/", views.sur_manquant, name="sur_manquant"),
    path("ordres/<int:pk>/lettre.pdf", views.lettre_notification, name="lettre_notification"),
    path("ordres/<int:pk>/accuse-reception/", views.accuse_reception, name="accuse_reception"),
    path("ordres/<int:pk>/conseil-informe/", views.conseil_informe, name="conseil_informe"),
    path("ordres/<int:pk>/comptabiliser/", views.comptabiliser, name="comptabiliser"),
    path("ordres/<int:pk>/sursis/", views.sursis_demander, name="sursis_demander"),
    path("ordres/<int:pk>/sursis/decision/", views.sursis_decider, name="sursis_decider"),
    path("ordres/<int:pk>/demandes/", views.demande, name="demande"),
    path("demandes/<int:pk>/conseil/", views.demande_conseil, name="demande_conseil"),
    path("demandes/<int:pk>/approbation/", views.demande_approbation, name="demande_approbation"),
    path("demandes/<int:pk>/piece.pdf", views.piece_demande, name="piece_demande"),
    # circulaire 93/82 §6.2: the DRASS file, the ministers' avis
    path("demandes/<int:pk>/dossier-drass/", views_drass.dossier_drass, name="dossier_drass"),
    path(
        "dossiers-drass/<int:pk>/<slug:copie>.pdf",
        views_drass.copie_dossier,
        name="copie_dossier_drass",
    ),
    path(
        "mises-en-cause/<int:pk>/avis-ministres/",
        views_drass.avis_ministres,
        name="avis_ministres",
    ),
    # article D253-81
    path("ordres/<int:pk>/", reglement.ordre, name="ordre"),
    path("ordres/<int:pk>/versements/", reglement.versement, name="versement"),
    path("ordres/<int:pk>/non-valeurs/", reglement.non_valeur, name="non_valeur"),
    path("ordres/<int:pk>/association/", reglement.association, name="association"),
    path("ordres/<int:pk>/recouvrements/", reglement.recouvrement, name="recouvrement"),
    path("demandes/<int:pk>/prise-en-charge/", reglement.prise_en_charge, name="prise_en_charge"),
    path(
        "non-valeurs/<int:pk>/comptabiliser/",
        reglement.non_valeur_comptabiliser,
        name="non_valeur_comptabiliser",
    ),
    path("recouvrements/<int:pk>/reversement/", reglement.reversement, name="reversement"),
    path("demandes/<int:pk>/remboursement/", reglement.remboursement, name="remboursement"),
]
