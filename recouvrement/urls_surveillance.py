"""Pages of the surveillance part of recovery."""

from django.urls import path

from recouvrement import views_surveillance as v

urlpatterns = [
    path("surveillance/", v.echeances, name="surveillance"),
    path(
        "surveillance/echeances.<str:format_>",
        v.echeances_document,
        name="surveillance_document",
    ),
    path("situations/", v.situations, name="situations"),
    path("situations/<int:pk>/", v.situation, name="situation"),
    path(
        "situations/<int:pk>/situation.<str:format_>",
        v.situation_document,
        name="situation_document",
    ),
    path("situations/<int:pk>/garantie/", v.garantie_prendre, name="garantie_prendre"),
    path("garanties/", v.garanties, name="garanties"),
    path("garanties/<int:pk>/signaler/", v.peremption_signaler, name="peremption_signaler"),
    path("garanties/<int:pk>/renouveler/", v.garantie_renouveler, name="garantie_renouveler"),
    path("garanties/<int:pk>/mainlevee/", v.garantie_lever, name="garantie_lever"),
    path("contrats-conserves/", v.contrats, name="contrats_conserves"),
    path("contrats-conserves/nouveau/", v.contrat_enregistrer, name="contrat_enregistrer"),
    path(
        "contrats-conserves/<int:pk>/informer/",
        v.directeur_informer,
        name="directeur_informer",
    ),
    path("listes/", v.listes_directeur, name="listes_directeur"),
    path("listes/periodicite/", v.periodicite_fixer, name="periodicite_fixer"),
    path("listes/adresser/", v.liste_adresser, name="liste_adresser"),
    path("listes/<str:liste>.<str:format_>", v.liste_document, name="liste_document"),
    path("etat-nominatif/", v.etats_nominatifs, name="etats_nominatifs"),
    path("etat-nominatif/<int:annee>/<int:semestre>/", v.etat_nominatif, name="etat_nominatif"),
    path(
        "etat-nominatif/<int:annee>/<int:semestre>/adresser/",
        v.etat_nominatif_adresser,
        name="etat_nominatif_adresser",
    ),
    path(
        "etat-nominatif/<int:annee>/<int:semestre>/etat.<str:format_>",
        v.etat_nominatif_document,
        name="etat_nominatif_document",
    ),
]
