from django.urls import path

from recettes import views

app_name = "recettes"

urlpatterns = [
    path("", views.liste, name="liste"),
    path("nouveau/", views.nouveau, name="nouveau"),
    path("parapheur/", views.parapheur, name="parapheur"),
    path("parapheur/transmettre/", views.transmettre_signes, name="transmettre_signes"),
    path("a-prendre-en-charge/", views.a_prendre_en_charge, name="a_prendre_en_charge"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/modifier/", views.modifier, name="modifier"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/pieces/<int:piece_pk>/", views.piece, name="piece"),
    path("<int:pk>/signer/", views.signer, name="signer"),
    path("<int:pk>/transmettre/", views.transmettre, name="transmettre"),
    path("<int:pk>/prendre-en-charge/", views.prendre_en_charge, name="prendre_en_charge"),
    path("<int:pk>/rejeter/", views.rejeter, name="rejeter"),
    path("<int:pk>/reprendre/", views.reprendre, name="reprendre"),
    path("<int:pk>/abandonner/", views.abandonner, name="abandonner"),
    path("<int:pk>/reduire/", views.reduire, name="reduire"),
    path(
        "<int:pk>/reductions/<int:reduction_pk>/prendre-en-charge/",
        views.reduction_prendre_en_charge,
        name="reduction_prendre_en_charge",
    ),
]
