"""Read-only admin: powers change only through `personnes.services` (audited)."""

from django.contrib import admin

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


@admin.register(SecondFacteur)
class SecondFacteurAdmin(admin.ModelAdmin):
    """A lost phone: the administrator deletes its holder's second factor."""

    list_display = ("utilisateur", "cree_le", "confirme_le")
    readonly_fields = ("utilisateur", "cree_le", "confirme_le", "dernier_pas")
    exclude = ("secret",)

    def has_add_permission(self, request):
        return False


@admin.register(CompteurEchecs)
class CompteurEchecsAdmin(admin.ModelAdmin):
    """The lockout's counters: deleting one lifts its lock at once."""

    list_display = ("portee", "cle", "echecs", "bloque_jusqua", "niveau")
    list_filter = ("portee",)
    search_fields = ("cle",)
    readonly_fields = ("portee", "cle", "echecs", "debut_fenetre", "bloque_jusqua", "niveau")

    def has_add_permission(self, request):
        return False
