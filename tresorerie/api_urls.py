from django.urls import path

from tresorerie import api
from tresorerie.api import documents_lot as api_documents
from tresorerie.api import retours as api_retours

urlpatterns = [
    path("comptes/", api.CompteListApi.as_view(), name="api_tresorerie_comptes"),
    path(
        "comptes/<int:pk>/decouvert/",
        api.CompteDecouvertApi.as_view(),
        name="api_tresorerie_compte_decouvert",
    ),
    path(
        "comptes/<int:pk>/format-virements/",
        api.CompteFormatVirementsApi.as_view(),
        name="api_tresorerie_compte_format_virements",
    ),
    path("carnets/", api.CarnetListApi.as_view(), name="api_tresorerie_carnets"),
    path(
        "carnets/<int:pk>/clore/", api.CarnetCloreApi.as_view(), name="api_tresorerie_carnet_clore"
    ),
    path("encaissements/", api.EncaissementListApi.as_view(), name="api_tresorerie_encaissements"),
    path(
        "encaissements/<int:pk>/",
        api.EncaissementDetailApi.as_view(),
        name="api_tresorerie_encaissement",
    ),
    path(
        "encaissements/<int:pk>/affecter/",
        api.EncaissementAffecterApi.as_view(),
        name="api_tresorerie_encaissement_affecter",
    ),
    path(
        "encaissements/<int:pk>/rembourser/",
        api.EncaissementRembourserApi.as_view(),
        name="api_tresorerie_encaissement_rembourser",
    ),
    path(
        "encaissements/<int:pk>/recu/",
        api.EncaissementRecuApi.as_view(),
        name="api_tresorerie_encaissement_recu",
    ),
    path(
        "encaissements/<int:pk>/annuler/",
        api.EncaissementAnnulerApi.as_view(),
        name="api_tresorerie_encaissement_annuler",
    ),
    path(
        "encaissements-sans-titre/",
        api.EncaissementSansTitreApi.as_view(),
        name="api_tresorerie_encaissement_sans_titre",
    ),
    path(
        "regularisations/",
        api.RegularisationApi.as_view(),
        name="api_tresorerie_regularisations",
    ),
    path("quittances/", api.QuittanceListApi.as_view(), name="api_tresorerie_quittances"),
    path(
        "quittances/du-jour/",
        api_documents.QuittancesJourApi.as_view(),
        name="api_tresorerie_quittances_jour",
    ),
    path("quittances/<int:pk>/", api.QuittanceDetailApi.as_view(), name="api_tresorerie_quittance"),
    path(
        "quittances/<int:pk>/pdf/",
        api.QuittancePdfApi.as_view(),
        name="api_tresorerie_quittance_pdf",
    ),
    path("restes/", api.RestesApi.as_view(), name="api_tresorerie_restes"),
    path("lots/", api.LotListApi.as_view(), name="api_tresorerie_lots"),
    path("lots/<int:pk>/", api.LotDetailApi.as_view(), name="api_tresorerie_lot"),
    path("lots/<int:pk>/pain001/", api.LotPain001Api.as_view(), name="api_tresorerie_lot_pain001"),
    path(
        "lots/<int:pk>/mandats/",
        api_documents.LotMandatsApi.as_view(),
        name="api_tresorerie_lot_mandats",
    ),
    path("retours/", api_retours.RetourListApi.as_view(), name="api_tresorerie_retours"),
    path(
        "paiements/<int:pk>/retourner/",
        api_retours.PaiementRetournerApi.as_view(),
        name="api_tresorerie_paiement_retourner",
    ),
    path("retours/<int:pk>/", api_retours.RetourDetailApi.as_view(), name="api_tresorerie_retour"),
    path(
        "retours/<int:pk>/corriger/",
        api_retours.RetourCorrigerApi.as_view(),
        name="api_tresorerie_retour_corriger",
    ),
    path(
        "lignes-depense/<int:pk>/corriger-coordonnees/",
        api_retours.LigneCoordonneesCorrigerApi.as_view(),
        name="api_tresorerie_ligne_coordonnees_corriger",
    ),
    path("attentes/", api.AttenteListApi.as_view(), name="api_tresorerie_attentes"),
    path(
        "lignes-depense/<int:pk>/decider/",
        api.LigneDeciderApi.as_view(),
        name="api_tresorerie_ligne_decider",
    ),
    path("releves/", api.ReleveListApi.as_view(), name="api_tresorerie_releves"),
    path("releves/<int:pk>/", api.ReleveDetailApi.as_view(), name="api_tresorerie_releve"),
    path(
        "lignes-releve/<int:pk>/rapprocher/",
        api.LigneReleveRapprocherApi.as_view(),
        name="api_tresorerie_ligne_releve_rapprocher",
    ),
    path(
        "lignes-releve/<int:pk>/expliquer/",
        api.LigneReleveExpliquerApi.as_view(),
        name="api_tresorerie_ligne_releve_expliquer",
    ),
    path(
        "rapprochements/<int:pk>/defaire/",
        api.RapprochementDefaireApi.as_view(),
        name="api_tresorerie_rapprochement_defaire",
    ),
    path(
        "rapprochement/<int:compte_pk>/",
        api.EtatRapprochementApi.as_view(),
        name="api_tresorerie_etat_rapprochement",
    ),
    path("arretes/", api.ArreteListApi.as_view(), name="api_tresorerie_arretes"),
    path("virements/", api.VirementInterneApi.as_view(), name="api_tresorerie_virements"),
    path("frais/", api.FraisBancairesApi.as_view(), name="api_tresorerie_frais"),
]

# The régies de recettes et d'avances (their own module).
from tresorerie.api_urls_regies import urlpatterns as _regies  # noqa: E402

urlpatterns += _regies
