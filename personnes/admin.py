"""Read-only admin: powers change only through `personnes.services` (audited)."""

from django.contrib import admin, messages

from core.exceptions import ApplicationError
from personnes import services_securite
from personnes.models import CompteurEchecs, Delegation, Interim, SecondFacteur


class LectureSeule(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Delegation)
class DelegationAdmin(LectureSeule):
    list_display = (
        "id",
        "type",
        "nature",
        "delegant",
        "delegataire",
        "classes_comptes",
        "montant_max",
        "debut",
        "fin",
        "notifiee_le",
        "retiree_le",
    )
    list_filter = ("type", "nature", "debut")
    list_select_related = ("delegant", "delegataire")
    search_fields = ("delegataire__username", "delegataire__last_name")


@admin.register(Interim)
class InterimAdmin(LectureSeule):
    list_display = ("id", "utilisateur", "nature", "portee", "debut", "fin", "nomme_le", "cree_le")
    list_filter = ("nature", "portee")
    list_select_related = ("utilisateur",)


def _par_service(modeladmin, request, queryset, service, cle: str, fait: str) -> None:
    """Each selected row through its audited service; a refusal is a message."""
    nombre = 0
    for objet in queryset:
        try:
            service(acting_user=request.user, **{cle: objet})
        except ApplicationError as refus:
            modeladmin.message_user(request, refus.message, messages.ERROR)
            return
        nombre += 1
    modeladmin.message_user(request, f"{nombre} {fait}.", messages.SUCCESS)


@admin.register(SecondFacteur)
class SecondFacteurAdmin(LectureSeule):
    """A lost phone: the administrator withdraws its holder's second factor
    (the action, audited by `personnes.services_securite`; no bare deletion)."""

    list_display = ("utilisateur", "cree_le", "confirme_le")
    readonly_fields = ("utilisateur", "cree_le", "confirme_le", "dernier_pas")
    exclude = ("secret",)
    actions = ["retirer"]

    @admin.action(description="Retirer le second facteur (téléphone perdu)")
    def retirer(self, request, queryset):
        _par_service(
            self,
            request,
            queryset,
            services_securite.second_facteur_retirer_par_administrateur,
            "facteur",
            "second(s) facteur(s) retiré(s)",
        )


@admin.register(CompteurEchecs)
class CompteurEchecsAdmin(LectureSeule):
    """The lockout's counters: the action lifts a lock at once (audited by
    `personnes.services_securite`; no bare deletion)."""

    list_display = ("portee", "cle", "echecs", "bloque_jusqua", "niveau")
    list_filter = ("portee",)
    search_fields = ("cle",)
    readonly_fields = ("portee", "cle", "echecs", "debut_fenetre", "bloque_jusqua", "niveau")
    actions = ["lever"]

    @admin.action(description="Lever le blocage")
    def lever(self, request, queryset):
        _par_service(
            self,
            request,
            queryset,
            services_securite.blocage_lever,
            "compteur",
            "blocage(s) levé(s)",
        )
