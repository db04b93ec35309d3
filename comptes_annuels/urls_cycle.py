"""The pages of the comptes annuels' life after the board, added to
`comptes_annuels.urls` (its namespace)."""

from django.urls import path

from comptes_annuels import views_cycle

urlpatterns = [
    path("<int:annee>/vie/", views_cycle.vie_des_comptes, name="vie_des_comptes"),
    path(
        "<int:annee>/vie/document.<slug:format_>",
        views_cycle.vie_des_comptes_document,
        name="vie_des_comptes_document",
    ),
    path(
        "<int:annee>/vie/<slug:acte>/",
        views_cycle.vie_des_comptes_acte,
        name="vie_des_comptes_acte",
    ),
]
