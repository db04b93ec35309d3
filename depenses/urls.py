from django.urls import path

from depenses import views, views_differe

app_name = "depenses"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("nouveau/", views.nouveau, name="nouveau"),
    path("engagements/", views.engagements, name="engagements"),
    path("a-viser/", views.a_viser, name="a_viser"),
    path("requisitions/", views.requisitions, name="requisitions"),
    path("requisitions/<int:pk>/pdf/", views.requisition_pdf_vue, name="requisition_pdf"),
    path("sans-ordonnancement/", views.sans_ordonnancement, name="sans_ordonnancement"),
    path("differes/", views_differe.differes_courant, name="differes_courant"),
    path("differes/<int:annee>/", views_differe.differes, name="differes"),
    path(
        "differes/<int:annee>/liste.<str:format_>",
        views_differe.differes_document,
        name="differes_document",
    ),
    path("<int:pk>/differer/", views_differe.differer, name="differer"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/pieces/<int:piece_pk>/", views.piece, name="piece"),
    path("<int:pk>/service-fait/", views.service_fait, name="service_fait"),
    path("<int:pk>/signer/", views.signer, name="signer"),
    path("<int:pk>/transmettre/", views.transmettre, name="transmettre"),
    path("<int:pk>/viser/", views.viser, name="viser"),
    path("<int:pk>/suspendre/", views.suspendre, name="suspendre"),
    path("<int:pk>/completer/", views.completer, name="completer"),
    path("<int:pk>/retirer/", views.retirer, name="retirer"),
    path("<int:pk>/requerir/", views.requerir, name="requerir"),
    path(
        "<int:pk>/viser-sur-requisition/",
        views.viser_sur_requisition,
        name="viser_sur_requisition",
    ),
    path("<int:pk>/refuser-de-deferer/", views.refuser_de_deferer, name="refuser_de_deferer"),
    path("<int:pk>/reimputer/", views.reimputer, name="reimputer"),
    path(
        "reimputations/<int:pk>/prendre-en-charge/",
        views.reimputation_prendre_en_charge,
        name="reimputation_prendre_en_charge",
    ),
    path(
        "reimputations/<int:pk>/rejeter/",
        views.reimputation_rejeter,
        name="reimputation_rejeter",
    ),
]
