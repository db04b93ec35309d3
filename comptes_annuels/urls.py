from django.urls import path

from comptes_annuels import views

app_name = "comptes_annuels"

urlpatterns = [
    path("correspondances/", views.correspondances, name="correspondances"),
    path("<int:annee>/", views.exercice, name="exercice"),
    path("<int:annee>/compte-financier/", views.compte_financier, name="compte_financier"),
    path(
        "<int:annee>/compte-financier/etablir/",
        views.compte_financier_etablir,
        name="compte_financier_etablir",
    ),
    path(
        "<int:annee>/compte-financier/rapport.pdf",
        views.compte_financier_rapport,
        name="compte_financier_rapport",
    ),
    path(
        "<int:annee>/compte-financier/<slug:section>.<slug:format_>",
        views.compte_financier_document,
        name="compte_financier_document",
    ),
    path(
        "<int:annee>/<slug:document>.<slug:format_>",
        views.document,
        name="document",
    ),
]

# The life of the comptes annuels after the board (comptes_annuels/urls_cycle.py).
from comptes_annuels import urls_cycle  # noqa: E402

urlpatterns += urls_cycle.urlpatterns
