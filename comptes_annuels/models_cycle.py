"""The life of the comptes annuels after the board's arrêté (circ. 93/82 §IV,
D613-41): sending, approval, quitus. Imported by `comptes_annuels.models`."""

from __future__ import annotations
