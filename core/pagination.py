"""The API lists' pagination: `?limit=` and `?offset=`, read strictly.

DRF's `LimitOffsetPagination` reads its parameters with `int()`: it takes
« ١٢ », « 1_0 » or « 5 » with spaces, drops a wrong value silently, and sends
a limit of 2**70 to PostgreSQL, which answers with a server error (the limit
of a query is a bigint). Here a value that is not a number of ASCII digits is
refused with a French message in the API's error shape (400); a limit above
`max_limit` is brought down to it (the answer's `next` link goes on from
there); an offset above `MAX_OFFSET` is refused.

Both the API's pagination and the pages' (`Paginateur`) fetch a page's rows in
two queries (`lignes_de_la_page`): the ids of the page first (ORDER BY … LIMIT
on the ids alone), then the rows of those ids with everything selected and
prefetched, put back in the page's order. PostgreSQL took 40 to 70 ms to
*plan* the one query that sorts and limits a hundred columns joined over nine
tables (the list of ordres de dépense), less than 1 ms for each of the two
(bench/http).
"""

from __future__ import annotations

import re

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.db.models.query import ModelIterable, QuerySet
from rest_framework.pagination import LimitOffsetPagination

from core.exceptions import DonneeInvalide

CHIFFRES = re.compile(r"[0-9]+")
TRES_GRAND = 10**30  # stands for any longer number (int() refuses 4,300 digits)

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000


def _entier(request, nom: str, *, minimum: int, maximum: int | None, libelle: str) -> int | None:
    """The parameter `nom` as an integer, None when absent or empty."""
    texte = request.query_params.get(nom)
    if texte is None or texte == "":
        return None
    borne = f" et {maximum:_}".replace("_", "\u202f") if maximum is not None else ""
    attendu = (
        f"{libelle} doit être un nombre entier écrit en chiffres, entre {minimum}{borne}."
        if borne
        else f"{libelle} doit être un nombre entier écrit en chiffres, au moins {minimum}."
    )
    if not CHIFFRES.fullmatch(texte):
        raise DonneeInvalide(
            f"Le paramètre « {nom} » est invalide : {attendu[0].lower()}{attendu[1:]}",
            details={nom: [attendu]},
        )
    valeur = int(texte) if len(texte) <= 30 else TRES_GRAND
    if valeur < minimum or (maximum is not None and valeur > maximum):
        raise DonneeInvalide(
            f"Le paramètre « {nom} » est hors des bornes : {attendu[0].lower()}{attendu[1:]}",
            details={nom: [attendu]},
        )
    return valeur


def _ordre(lignes: QuerySet) -> list:
    if lignes.query.order_by:
        return list(lignes.query.order_by)
    return list(lignes.model._meta.ordering) if lignes.query.default_ordering else []


def _ids_par_exercice(lignes: QuerySet, debut: int, fin: int) -> list | None:
    """The ids of rows `debut` to `fin` of a list sorted by its exercise's year
    then by fields of its own (the orders: year, then number), read exercise by
    exercise; None for any other order.

    Sorted through the join, PostgreSQL reads and sorts every row of the list to
    give the first 25 (20 000 ordres de dépense: 10 to 25 ms, bench/http);
    within one exercise the index (exercice, numero), or (etat, exercice,
    numero) for a list of one state, gives them in order and stops at the
    page. Past the first page, the exercises before it are counted one by one
    (from the same index) until the page's first row is reached."""
    ordre = _ordre(lignes)
    if (
        len(ordre) < 2
        or not all(isinstance(o, str) for o in ordre)
        or ordre[0].lstrip("-") != "exercice__annee"
    ):
        return None
    try:
        champ = lignes.model._meta.get_field("exercice")
    except FieldDoesNotExist:
        return None
    if not champ.is_relation or champ.null:
        return None  # rows without an exercise would be read by no exercise
    exercice = champ.related_model
    # Only the exercises holding rows of the list: one probe of the index each, in
    # one query (a database of ten exercises, the orders in one: 7 empty reads
    # before the first row, bench/http).
    annees = (
        exercice.objects.using(lignes.db)
        .filter(Exists(lignes.order_by().filter(exercice_id=OuterRef("pk"))))
        .order_by(ordre[0].replace("exercice__", ""))
    )
    saut, reste, ids = debut, fin - debut, []
    for pk in annees.values_list("pk", flat=True):
        du_exercice = lignes.filter(exercice_id=pk).order_by(*ordre[1:])
        if saut:
            nombre = du_exercice.count()
            if saut >= nombre:
                saut -= nombre
                continue
        part = list(du_exercice.values_list("pk", flat=True)[saut : saut + reste])
        saut = 0
        ids += part
        reste -= len(part)
        if reste <= 0:
            break
    return ids


def lignes_de_la_page(lignes, debut: int, fin: int) -> list:
    """The rows `debut` to `fin` (excluded) of `lignes`, in its order, in two queries
    when it is a queryset of model instances; sliced as is otherwise."""
    if (
        not isinstance(lignes, QuerySet)
        or lignes._iterable_class is not ModelIterable
        or lignes.query.distinct
        or lignes.query.combinator
        or not lignes.ordered
    ):
        return list(lignes[debut:fin])
    ids = _ids_par_exercice(lignes, debut, fin)
    if ids is None:
        ids = list(lignes.values_list("pk", flat=True)[debut:fin])
    if not ids:
        return []
    par_id = {ligne.pk: ligne for ligne in lignes.order_by().filter(pk__in=ids)}
    return [par_id[pk] for pk in ids if pk in par_id]


class Paginateur(Paginator):
    """Django's paginator, a page's rows fetched by `lignes_de_la_page`."""

    def page(self, number):
        number = self.validate_number(number)
        debut = (number - 1) * self.per_page
        fin = debut + self.per_page
        if fin + self.orphans >= self.count:
            fin = self.count
        return self._get_page(lignes_de_la_page(self.object_list, debut, fin), number, self)


class Pagination(LimitOffsetPagination):
    """`limit` from 1 (a larger one is brought down to `max_limit`), `offset`
    from 0 to `MAX_OFFSET`; anything else is a 400 `donnee_invalide`."""

    max_limit = MAX_LIMIT
    limit_query_description = (
        f"Nombre de lignes par page (de 1 à {MAX_LIMIT} ; au-delà, {MAX_LIMIT})."
    )
    offset_query_description = "Rang de la première ligne rendue (à partir de 0)."

    def get_limit(self, request):
        limite = _entier(
            request, self.limit_query_param, minimum=1, maximum=None, libelle="La limite"
        )
        if limite is None:
            return self.default_limit
        return min(limite, self.max_limit)

    def get_offset(self, request):
        decalage = _entier(
            request, self.offset_query_param, minimum=0, maximum=MAX_OFFSET, libelle="Le décalage"
        )
        return decalage or 0

    def paginate_queryset(self, queryset, request, view=None):
        # LimitOffsetPagination's, the page's rows fetched by `lignes_de_la_page`.
        self.request = request
        self.limit = self.get_limit(request)
        if self.limit is None:
            return None
        self.count = self.get_count(queryset)
        self.offset = self.get_offset(request)
        if self.count > self.limit and self.template is not None:
            self.display_page_controls = True
        if self.count == 0 or self.offset > self.count:
            return []
        return lignes_de_la_page(queryset, self.offset, self.offset + self.limit)

    def get_schema_operation_parameters(self, view):
        parametres = super().get_schema_operation_parameters(view)
        for parametre in parametres:
            if parametre["name"] == self.limit_query_param:
                parametre["schema"] = {"type": "integer", "minimum": 1}
            elif parametre["name"] == self.offset_query_param:
                parametre["schema"] = {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET}
        return parametres
