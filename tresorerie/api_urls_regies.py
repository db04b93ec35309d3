"""API routes of the régies (under /api/tresorerie/, added to tresorerie.api_urls)."""

from django.urls import path

from tresorerie.api import regies as a

urlpatterns = [
    path("regies/", a.RegieListApi.as_view(), name="api_tresorerie_regies"),
    path("regies/<int:pk>/", a.RegieDetailApi.as_view(), name="api_tresorerie_regie"),
    path(
        "regies-comptes/",
        a.CompteRegieOuvrirApi.as_view(),
        name="api_tresorerie_regie_compte_ouvrir",
    ),
    path("regies/<int:pk>/avis/", a.RegieAvisApi.as_view(), name="api_tresorerie_regie_avis"),
    path(
        "regies/<int:pk>/decider/", a.RegieDeciderApi.as_view(), name="api_tresorerie_regie_decider"
    ),
    path("regies/<int:pk>/fermer/", a.RegieFermerApi.as_view(), name="api_tresorerie_regie_fermer"),
    path(
        "regies/<int:pk>/encaisser/",
        a.RegieEncaisserApi.as_view(),
        name="api_tresorerie_regie_encaisser",
    ),
    path(
        "regies/<int:pk>/depenser/",
        a.RegieDepenserApi.as_view(),
        name="api_tresorerie_regie_depenser",
    ),
    path(
        "regies/<int:pk>/etat-depenses/", a.RegieEtatApi.as_view(), name="api_tresorerie_regie_etat"
    ),
    path("regies/<int:pk>/avance/", a.RegieAvanceApi.as_view(), name="api_tresorerie_regie_avance"),
    path("regies/<int:pk>/verser/", a.RegieVerserApi.as_view(), name="api_tresorerie_regie_verser"),
    path(
        "regies/<int:pk>/arreter/", a.RegieArreterApi.as_view(), name="api_tresorerie_regie_arreter"
    ),
    path(
        "regies/<int:pk>/controler/",
        a.RegieControlerApi.as_view(),
        name="api_tresorerie_regie_controler",
    ),
    path(
        "regies-versements/",
        a.VersementRegieListApi.as_view(),
        name="api_tresorerie_regie_versements",
    ),
    path(
        "regies-versements/<int:pk>/recevoir/",
        a.VersementRecevoirApi.as_view(),
        name="api_tresorerie_regie_recevoir",
    ),
    path(
        "regies-etats/<int:pk>/admettre/",
        a.EtatAdmettreApi.as_view(),
        name="api_tresorerie_regie_etat_admettre",
    ),
    path(
        "regies-controles/", a.ControleRegieListApi.as_view(), name="api_tresorerie_regie_controles"
    ),
    path("regies-arretes/", a.ArreteRegieListApi.as_view(), name="api_tresorerie_regie_arretes"),
    path("regies-depenses/", a.DepenseRegieListApi.as_view(), name="api_tresorerie_regie_depenses"),
]
