"""Pages of the amiable part of recovery (`/recouvrement/amiable/…`)."""

from django.urls import path

from recouvrement import views_amiable as v

urlpatterns = [
    path("amiable/", v.amiable, name="amiable"),
    path("amiable/liste.<str:format_>", v.amiable_document, name="amiable_document"),
    path("amiable/relances/", v.relancer, name="amiable_relancer"),
    path("amiable/lots/<int:pk>/", v.lot, name="amiable_lot"),
    path("amiable/lots/<int:pk>/pdf/", v.lot_pdf, name="amiable_lot_pdf"),
    path("amiable/lettres/<int:pk>/pdf/", v.lettre_pdf, name="amiable_lettre_pdf"),
    path("amiable/creances/<int:pk>/", v.creance, name="amiable_creance"),
    path("amiable/creances/<int:pk>/dossier.pdf", v.dossier_pdf, name="amiable_dossier_pdf"),
    path("amiable/creances/<int:pk>/delai/", v.delai, name="amiable_delai"),
    path("amiable/creances/<int:pk>/transmettre/", v.transmettre, name="amiable_transmettre"),
    path("amiable/delais/<int:pk>/defaillance/", v.defaillance, name="amiable_defaillance"),
    path("amiable/delais/<int:pk>/demande/", v.demande_ecrite, name="amiable_demande"),
]
