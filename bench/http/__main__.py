"""`python -m bench.http [--petit]`: this benchmark alone, on BANC_BASE (dropped and recreated)."""

from __future__ import annotations

import argparse

from bench import commun

DUREE, DUREE_FERMEE = 60.0, 20.0
PETIT = 1 / 4


def main() -> None:
    analyse = argparse.ArgumentParser(prog="python -m bench.http")
    analyse.add_argument("--petit", action="store_true", help="15 s et 5 s au lieu de 60 s et 20 s")
    options = analyse.parse_args()
    commun.demarrer_django()
    commun.annoncer(f"Base {commun.NOM_BASE} : suppression, création, migrations…")
    commun.recreer_base()
    from bench.http import executer

    echelle = PETIT if options.petit else 1
    resultat = executer(DUREE * echelle, DUREE_FERMEE * echelle, petit=options.petit)
    print("\n".join(resultat.details + [""] + resultat.limites))
    for ligne in resultat.lignes:
        print(f"{ligne.banc} : {ligne.notre:.1f} {ligne.unite} / brut {ligne.brut:.1f}")


if __name__ == "__main__":
    main()
