from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from accueil import views as accueil_views
from personnes.api_jeton import JetonApi
from personnes.connexion import FormulaireConnexionAdministration, VueConnexion

# The admin's login goes through the same lockout as the login page.
admin.site.login_form = FormulaireConnexionAdministration

urlpatterns = [
    path("", accueil_views.accueil, name="accueil"),
    path("connexion/", VueConnexion.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("comptabilite/", include("ledger.urls")),
    path("recettes/", include("recettes.urls")),
    path("reglementation/", include("reglementation.urls")),
    path("personnes/", include("personnes.urls")),
    path("depenses/", include("depenses.urls")),
    path("budget/", include("budget.urls")),
    path("oppositions/", include("oppositions.urls")),
    path("tresorerie/", include("tresorerie.urls")),
    path("inventaire/", include("inventaire.urls")),
    path("comptes-annuels/", include("comptes_annuels.urls")),
    path("responsabilite/", include("responsabilite.urls")),
    path("recouvrement/", include("recouvrement.urls")),
    path("api/jeton/", JetonApi.as_view(), name="api_jeton"),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/ordres-recette/", include("recettes.api_urls")),
    path("api/ordres-depense/", include("depenses.api_urls")),
    path("api/credits/", include("budget.api_urls")),
    path("api/oppositions/", include("oppositions.api_urls")),
    path("api/tresorerie/", include("tresorerie.api_urls")),
    path("api/inventaire/", include("inventaire.api_urls")),
    path("api/comptes-annuels/", include("comptes_annuels.api_urls")),
    path("api/responsabilite/", include("responsabilite.api_urls")),
    path("api/recouvrement/", include("recouvrement.api_urls")),
    path("api/delegations/", include("personnes.api_urls")),
    path("api/procurations/", include("personnes.api_procurations_urls")),
    path("api/interims/", include("personnes.api_interims_urls")),
    path("api/installations/", include("personnes.api_installations_urls")),
    path("api/mandats/", include("personnes.api_mandats_urls")),
    path("api/", include("ledger.api_urls")),
    path("admin/", admin.site.urls),
]

# French error pages with the navigation (templates/400.html, 500.html); a lost
# database gives the maintenance page (core.indisponible).
handler400 = "core.indisponible.requete_invalide"
handler500 = "core.indisponible.erreur_serveur"
