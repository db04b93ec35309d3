"""Routes of the régies' pages (namespace « tresorerie », added to tresorerie.urls)."""

from django.urls import path

from tresorerie.views import regies as v

urlpatterns = [
    path("regies/", v.regies, name="regies"),
    path("regies/compte/", v.compte_regie_ouvrir, name="regie_compte_ouvrir"),
    path("regies/<int:pk>/", v.regie, name="regie"),
    path("regies/<int:pk>/actes/<slug:nom>/", v.regie_acte, name="regie_acte"),
    path("regies/versements/<int:pk>/recevoir/", v.versement_recevoir, name="regie_recevoir"),
    path("regies/versements/<int:pk>/pdf/", v.bordereau_pdf, name="regie_bordereau_pdf"),
    path("regies/etats/<int:pk>/admettre/", v.etat_admettre, name="regie_etat_admettre"),
    path("regies/arretes/<int:pk>/pdf/", v.arrete_regie_pdf, name="regie_arrete_pdf"),
    path("regies/controles/<int:pk>/pdf/", v.controle_pdf, name="regie_controle_pdf"),
    path(
        "regies/liste.<slug:format>",
        v.liste_telecharger,
        {"quoi": "regies"},
        name="regies_liste",
    ),
    path(
        "regies/<int:pk>/<slug:quoi>.<slug:format>",
        v.liste_telecharger,
        name="regie_liste",
    ),
]
