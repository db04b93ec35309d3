"""The agent comptable's personal and pecuniary liability (circ. 93/82 §VI,
D253-81): mise en cause, ordre de recette against him, débet, sursis,
décharge, remise gracieuse, payment and recovery."""

from __future__ import annotations
