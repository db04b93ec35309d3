"""What the pages' forms of both kinds of order share: the table of lines
(one debtor or creditor each, circ. 93/82 §2.0.0 and §2.1.1 for the collective
order) and handing the act the typed order with its pièces."""

from __future__ import annotations

from django import forms

from core.formulaires import pieces_lues
from core.saisie import borne


class LignesOrdreForm(forms.Form):
    """A form with `LIGNES` rows of `COLONNES` ((name, label, max length), the
    first naming the debtor or creditor); a subclass gives `saisie()`."""

    LIGNES = 6
    COLONNES: tuple[tuple[str, str, int], ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, self.LIGNES + 1):
            for nom, libelle, longueur in self.COLONNES:
                self.fields[f"{nom}_{n}"] = forms.CharField(
                    label=f"{libelle}, ligne {n}", required=False, max_length=longueur
                )

    def rangees(self) -> list[tuple[int, list]]:
        """Each row's number and bound fields, for the page's table."""
        return [
            (n, [self[f"{nom}_{n}"] for nom, _libelle, _longueur in self.COLONNES])
            for n in range(1, self.LIGNES + 1)
        ]

    def lignes_saisies(self) -> list[dict[str, str]]:
        """The rows filled in (a name or an amount), stripped; an empty amount is 0
        so that the service says what is wrong with the row."""
        d = self.cleaned_data
        premiere = self.COLONNES[0][0]
        lignes = []
        for n in range(1, self.LIGNES + 1):
            valeurs = {nom: (d.get(f"{nom}_{n}") or "").strip() for nom, *_ in self.COLONNES}
            if valeurs[premiere] or valeurs["montant"]:
                lignes.append({**valeurs, "montant": valeurs["montant"] or "0"})
        return lignes

    def clean(self):
        """Hand the act what the service takes: the typed order and its pièces."""
        donnees = super().clean()
        if not self.errors:
            donnees["saisie"] = self.saisie()
            donnees["pieces"] = pieces_lues(donnees.get("pieces"))
        return donnees

    def saisie(self):
        raise NotImplementedError


# What the one-button acts of an order's page read; the services check the
# values themselves (a wrong password, an empty motive) and say why in French.


def lire_mot_de_passe(request) -> dict:
    return {"mot_de_passe": request.POST.get("mot_de_passe", "")}


def lire_motif(request) -> dict:
    return {"motif": borne(request.POST.get("motif", ""), "Le motif", longueur=1000)}
