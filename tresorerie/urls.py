from django.urls import path

from tresorerie import views
from tresorerie.views import documents_lot as vues_documents
from tresorerie.views import retours as vues_retours

app_name = "tresorerie"

urlpatterns = [
    path("", views.tableau, name="tableau"),
    path("carnets/<int:pk>/clore/", views.carnet_clore, name="carnet_clore"),
    path("encaissements/", views.encaissements, name="encaissements"),
    path("encaissements/<int:pk>/", views.encaissement, name="encaissement"),
    path("encaissements/<int:pk>/affecter/", views.excedent_affecter, name="excedent_affecter"),
    path(
        "encaissements/<int:pk>/rembourser/",
        views.excedent_rembourser,
        name="excedent_rembourser",
    ),
    path("encaissements/<int:pk>/recu/", views.recu_delivrer, name="recu_delivrer"),
    path("encaissements/<int:pk>/annuler/", views.encaissement_annuler, name="annuler"),
    path("quittances/<int:pk>/pdf/", views.quittance_pdf, name="quittance_pdf"),
    path("quittances/du-jour/", vues_documents.quittances_jour, name="quittances_jour"),
    path("sans-titre/", views.sans_titre, name="sans_titre"),
    path(
        "sans-titre/regulariser/",
        views.regularisation_preparer,
        name="regularisation_preparer",
    ),
    path("restes/", views.restes, name="restes"),
    path("paiements/", views.paiements, name="paiements"),
    path("paiements/<int:pk>/", views.lot, name="lot"),
    path("paiements/<int:pk>/pain001.xml", views.pain001, name="pain001"),
    path("paiements/<int:pk>/mandats/", vues_documents.lot_mandats, name="lot_mandats"),
    path("retours/", vues_retours.retours, name="retours"),
    path("retours/<int:pk>/", vues_retours.retour, name="retour"),
    path(
        "paiements/virements/<int:pk>/retourner/",
        vues_retours.paiement_retourner,
        name="paiement_retourner",
    ),
    path("retours/<int:pk>/corriger/", vues_retours.retour_corriger, name="retour_corriger"),
    path(
        "paiements/lignes/<int:pk>/coordonnees/",
        vues_retours.ligne_coordonnees,
        name="ligne_coordonnees",
    ),
    path(
        "paiements/lignes/<int:pk>/coordonnees/corriger/",
        vues_retours.ligne_coordonnees_corriger,
        name="ligne_coordonnees_corriger",
    ),
    path(
        "paiements/lignes/<int:pk>/decider/",
        views.opposition_decider,
        name="opposition_decider",
    ),
    path("comptes/<int:pk>/decouvert/", views.decouvert_fixer, name="decouvert_fixer"),
    path(
        "comptes/<int:pk>/format-virements/",
        views.format_virements_fixer,
        name="format_virements_fixer",
    ),
    path("releves/", views.releves, name="releves"),
    path("rapprochement/<int:compte_pk>/", views.rapprochement, name="rapprochement"),
    path("rapprochement/<int:compte_pk>/pdf/", views.rapprochement_pdf, name="rapprochement_pdf"),
    path("rapprochement/<int:compte_pk>/csv/", views.rapprochement_csv, name="rapprochement_csv"),
    path("releves/<int:pk>/", views.releve, name="releve"),
    path("caisse/", views.caisse, name="caisse"),
    path("caisse/<int:pk>/pdf/", views.arrete_pdf, name="arrete_pdf"),
]

# The régies de recettes et d'avances (their own module).
from tresorerie.urls_regies import urlpatterns as _regies  # noqa: E402

urlpatterns += _regies
