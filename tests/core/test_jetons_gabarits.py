"""Every form of a page that posts carries the one-time token (core.jetons).

The page tests post through the suite's client, which adds a token to what
it sends: a form whose template forgot `{% jeton_formulaire %}` would pass
them and be refused in a real browser. This test reads the templates
themselves. Logging in and out are not acts."""

import re
from pathlib import Path

from django.conf import settings

SANS_ACTE = ("{% url 'login' %}", "{% url 'logout' %}", "registration/login.html")
FORMULAIRE = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.I | re.S)


def gabarits() -> list[Path]:
    racine = Path(settings.BASE_DIR)
    return sorted(
        p
        for p in racine.glob("**/templates/**/*.html")
        if ".venv" not in p.parts and "node_modules" not in p.parts
    )


def test_chaque_formulaire_d_acte_porte_son_jeton():
    oublis = []
    lus = 0
    for chemin in gabarits():
        texte = chemin.read_text(encoding="utf-8")
        for trouve in FORMULAIRE.finditer(texte):
            balise = trouve.group(0)[: trouve.group(0).index(">") + 1]
            if any(s in balise or str(chemin).endswith(s) for s in SANS_ACTE):
                continue
            lus += 1
            if "{% jeton_formulaire %}" not in trouve.group(1):
                ligne = texte[: trouve.start()].count("\n") + 1
                oublis.append(f"{chemin.relative_to(settings.BASE_DIR)}:{ligne}")
    assert lus > 40
    assert oublis == [], "formulaires sans {% jeton_formulaire %} : " + ", ".join(oublis)
