"""API edge permission: only people holding a function in the fund see anything.

What each function may *do* is checked again in the services.
"""

from rest_framework.permissions import BasePermission


class APourFonction(BasePermission):
    message = "Vous devez exercer une fonction dans l'organisme pour accéder à ces données."

    def has_permission(self, request, view) -> bool:
        from personnes.selectors import fonctions_actuelles

        return bool(
            request.user and request.user.is_authenticated and fonctions_actuelles(request.user)
        )


class EstComptable(BasePermission):
    """Acts of the books: the agent comptable or his fondé de pouvoir (checked
    again, with the date and separation of duties, in the services)."""

    message = "Seul l'agent comptable (ou son fondé de pouvoir) accomplit cet acte."

    def has_permission(self, request, view) -> bool:
        from personnes.selectors import FONCTIONS_COMPTABLES, fonctions_actuelles

        return bool(set(fonctions_actuelles(request.user)) & FONCTIONS_COMPTABLES)
