"""Benchmark http: what each role does, and one phase of the run (open or closed loop).

- 2 sessions of the directrice (two offices, one account): open the
  parapheur, sign a lot of `LOT_SIGNATURE` orders with the password, sent on to
  the agent comptable at once; between lots, the list of orders.
- 6 comptable sessions (the agent comptable and his 2 fondés de pouvoir, two desks each): the API list of
  the orders to visa, visa one, take an ordre de recette in charge, pay a
  batch of `LOT_PAIEMENT` visaed orders, the page of orders to visa.
- 8 auditors: the lists (orders of both kinds, receipts, payments, entries,
  as pages and API) and now and then the balance in PDF.

The raw limit is measured by a 17th thread in the same phase: a static file
(`/static/…`, WhiteNoise) served by the same gunicorn, one request after another
with the same think time; and in a closed loop of its own after the phase.
"""

from __future__ import annotations

import random
import threading
import time

from bench.http.clients import LOT_PAIEMENT, LOT_SIGNATURE, Client, Mesures, Reserve

LISTES_AUDITEUR = (
    ("liste ordres de dépense (page)", "/depenses/"),
    ("liste ordres de recette (page)", "/recettes/"),
    ("liste encaissements (page)", "/tresorerie/encaissements/"),
    ("liste paiements (page)", "/tresorerie/paiements/"),
    ("liste écritures (page)", "/comptabilite/ecritures/"),
)
LISTES_API = (
    ("liste ordres de dépense (API)", "/api/ordres-depense/?limit=50"),
    ("liste écritures (API)", "/api/ecritures/?limit=50"),
    ("liste lots de paiement (API)", "/api/tresorerie/lots/?limit=50"),
)
STATIQUE = "/static/css/caisse.css"


class Phase:
    def __init__(self, port, pense: tuple[float, float], fin: float, reserves: dict):
        self.port, self.pense, self.fin, self.reserves = port, pense, fin, reserves
        self.mesures = Mesures()
        self.annee = reserves.get("annee")

    def penser(self) -> None:
        if self.pense[1] > 0:
            time.sleep(random.uniform(*self.pense))

    def arriver(self) -> None:
        """With think time, each person's first request comes after a delay drawn
        in [0, longest think time]: people at their desks do not all click in the
        same millisecond. Started together, the 17 first requests came as one
        burst, which one gunicorn worker could accept nearly whole (its threads
        then shared one core and the GIL) while the others stayed idle; in a
        15 s run that burst alone made the p95 (bench/http, 1/12/2026)."""
        if self.pense[1] > 0:
            time.sleep(random.uniform(0, self.pense[1]))

    def encore(self) -> bool:
        return time.monotonic() < self.fin

    def directrice(self, client: Client, a_signer: Reserve) -> None:
        self.arriver()
        while self.encore():
            statut, page = client.lire_page("parapheur (page)", "/recettes/parapheur/")
            self.penser()
            if not self.encore():
                break
            ids = a_signer.prendre(LOT_SIGNATURE)
            if ids and statut == 200 and client.signer_parapheur(ids, page):
                self.reserves["transmis"].ajouter(ids)
            self.penser()
            if self.encore():
                client.lire_page("liste ordres de dépense (page)", "/depenses/")
                self.penser()

    def comptable(self, client: Client) -> None:
        self.arriver()
        visa = {"appreciations": {"imputation": True, "validite_dette": True}}
        while self.encore():
            tirage = random.random()
            if tirage < 0.2:
                client.lire_api(
                    "liste à viser (API)", "/api/ordres-depense/?etat=transmis&limit=20"
                )
            elif tirage < 0.3:
                client.lire_page("à viser (page)", "/depenses/a-viser/")
            elif tirage < 0.6 and (ids := self.reserves["transmis"].prendre()):
                if client.acte_api("viser", f"/api/ordres-depense/{ids[0]}/viser/", visa):
                    self.reserves["vises"].ajouter(ids)
            elif tirage < 0.85 and (ids := self.reserves["recettes"].prendre()):
                client.acte_api(
                    "prendre en charge (recette)",
                    f"/api/ordres-recette/{ids[0]}/prendre-en-charge/",
                    {
                        "controles": [
                            {"point": point, "conforme": True}
                            for point in self.reserves["points_recette"]
                        ]
                    },
                )
            elif ids := self.reserves["vises"].prendre(LOT_PAIEMENT):
                client.acte_api(
                    f"payer un lot de {LOT_PAIEMENT}",
                    "/api/tresorerie/lots/",
                    {"ordres": ids, "compte": self.reserves["compte"]},
                )
            else:
                client.lire_api(
                    "liste à viser (API)", "/api/ordres-depense/?etat=transmis&limit=20"
                )
            self.penser()

    def auditeur(self, client: Client) -> None:
        self.arriver()
        while self.encore():
            tirage = random.random()
            if tirage < 0.05:
                client.lire_page("balance PDF", f"/comptabilite/balance.pdf?exercice={self.annee}")
            elif tirage < 0.65:
                client.lire_page(*random.choice(LISTES_AUDITEUR))
            else:
                client.lire_api(*random.choice(LISTES_API))
            self.penser()

    def brut(self, client: Client) -> None:
        self.arriver()
        while self.encore():
            client.lire_page("limite brute : fichier statique", STATIQUE)
            self.penser()


def executer_phase(port, gens: dict, pense, duree: float, reserves: dict, brouillons) -> Phase:
    """One phase: every person's loop until `duree` has passed; the static reader beside."""
    phase = Phase(port, pense, time.monotonic() + duree, reserves)
    for client in gens["tous"]:
        client.mesures = phase.mesures
    fils = []
    for client, part in zip(gens["directrices"], brouillons, strict=True):
        fils.append(threading.Thread(target=phase.directrice, args=(client, part)))
    fils += [threading.Thread(target=phase.comptable, args=(c,)) for c in gens["comptables"]]
    fils += [threading.Thread(target=phase.auditeur, args=(c,)) for c in gens["auditeurs"]]
    fils.append(threading.Thread(target=phase.brut, args=(gens["brut"],)))
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    return phase


def limite_brute_fermee(port, clients: list[Client], duree: float) -> Mesures:
    """The static file alone, as many clients as people, no think time."""
    phase = Phase(port, (0, 0), time.monotonic() + duree, {})
    for client in clients:
        client.mesures = phase.mesures
    fils = [threading.Thread(target=phase.brut, args=(c,)) for c in clients]
    for f in fils:
        f.start()
    for f in fils:
        f.join()
    return phase.mesures
