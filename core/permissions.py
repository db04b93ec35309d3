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
