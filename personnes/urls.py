from django.urls import path

from personnes import connexion, views, views_installation, views_interims

app_name = "personnes"

urlpatterns = [
    path("mot-de-passe/", connexion.VueChangementMotDePasse.as_view(), name="mot_de_passe"),
    path("connexions/", connexion.journal_connexions, name="connexions"),
    path("second-facteur/", connexion.second_facteur, name="second_facteur"),
    path("delegations/", views.delegations, name="delegations"),
    path("delegations/<int:pk>/notifier/", views.notifier, name="notifier"),
    path("delegations/<int:pk>/retirer/", views.retirer, name="retirer"),
    path("procurations/", views.procurations, name="procurations"),
    path("interims/", views_interims.interims, name="interims"),
    path("mandats/", views_installation.mandats, name="mandats"),
    path("mandats/<int:pk>/retirer/", views_installation.retirer_mandat, name="retirer_mandat"),
    path("installations/", views_installation.installations, name="installations"),
    path("installations/<int:pk>/", views_installation.installation, name="installation"),
    path(
        "installations/<int:pk>/proces-verbal.pdf",
        views_installation.proces_verbal,
        name="proces_verbal",
    ),
    path("installations/<int:pk>/reserve/", views_installation.reserve, name="reserve"),
    path("installations/<int:pk>/prorogation/", views_installation.prorogation, name="prorogation"),
]
