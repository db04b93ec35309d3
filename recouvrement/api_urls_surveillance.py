"""API of the surveillance part of recovery."""

from django.urls import path

from recouvrement import api_surveillance as a

urlpatterns = [
    path("situations/", a.SituationsApi.as_view(), name="api_recouvrement_situations"),
    path("situations/<int:pk>/", a.SituationApi.as_view(), name="api_recouvrement_situation"),
    path(
        "situations/<int:pk>/garanties/",
        a.GarantieApi.as_view(),
        name="api_recouvrement_garantie",
    ),
    path(
        "garanties/<int:pk>/signaler/",
        a.SignalerApi.as_view(),
        name="api_recouvrement_peremption_signaler",
    ),
    path(
        "garanties/<int:pk>/renouveler/",
        a.RenouvelerApi.as_view(),
        name="api_recouvrement_garantie_renouveler",
    ),
    path(
        "garanties/<int:pk>/mainlevee/",
        a.MainleveeApi.as_view(),
        name="api_recouvrement_garantie_lever",
    ),
    path("contrats-conserves/", a.ContratApi.as_view(), name="api_recouvrement_contrat"),
    path(
        "contrats-conserves/<int:pk>/informer/",
        a.InformerApi.as_view(),
        name="api_recouvrement_directeur_informer",
    ),
    path("listes/periodicite/", a.PeriodiciteApi.as_view(), name="api_recouvrement_periodicite"),
    path("listes/envois/", a.EnvoiListeApi.as_view(), name="api_recouvrement_liste_adresser"),
    path(
        "etats-nominatifs/envois/",
        a.EtatNominatifEnvoiApi.as_view(),
        name="api_recouvrement_etat_nominatif_adresser",
    ),
    path(
        "etats-nominatifs/<int:annee>/<int:semestre>/",
        a.EtatNominatifApi.as_view(),
        name="api_recouvrement_etat_nominatif",
    ),
    path("echeances/", a.EcheancesRecouvrementApi.as_view(), name="api_recouvrement_echeances"),
]
