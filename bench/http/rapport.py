"""Benchmark http: the figures as table rows and Markdown for docs/benchmarks.md."""

from __future__ import annotations

from bench.commun import LigneTableau, Resultat, nombre

CIBLE_P95_MS = 100


def _ms(valeur: float) -> str:
    return f"{nombre(valeur, 1)} ms"


def tableau_types(resume: dict) -> list[str]:
    lignes = [
        "| requête | nombre | p50 | p95 | p99 | erreurs |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for genre, t in resume["types"].items():
        lignes.append(
            f"| {genre} | {t['n']} | {_ms(t['p50'])} | {_ms(t['p95'])} | {_ms(t['p99'])} "
            f"| {t['erreurs']} |"
        )
    return lignes


def resultat(phases: dict, verification: dict, charge: float, processus: int, petit) -> Resultat:
    ouverte, fermee, brute = (phases[k]["resume"] for k in ("ouverte", "fermee", "brute"))
    statique_ouverte = ouverte["types"].get("limite brute : fichier statique", {"p95": 0.0})
    cpu_req = phases["ouverte"]["cpu_serveur"] / max(1, ouverte["requetes"])
    cpu_req_fermee = phases["fermee"]["cpu_serveur"] / max(1, fermee["requetes"])
    cpu_statique = phases["brute"]["cpu_serveur"] / max(
        1, brute["types"].get("limite brute : fichier statique", {"n": 1})["n"]
    )
    p95_actes = ouverte["p95_actes_et_listes"]

    def cpu_autour(phase: dict, resume: dict) -> str:
        """The clients' CPU (this process) and the whole machine's, over the phase."""
        client = phase["cpu_client"] / max(1, resume["requetes"]) * 1000
        machine = phase["cpu_machine"] / max(phase["duree"], 1e-6)
        return (
            f"CPU des 17 clients (le processus du banc) {_ms(client)} par requête ; "
            f"machine entière (serveur, PostgreSQL, clients, autres sessions) "
            f"{nombre(machine, 2)} cœur en moyenne"
        )

    sans_erreur = ouverte["erreurs"] == 0 and fermee["erreurs"] == 0
    lignes = [
        LigneTableau(
            banc="HTTP, 16 personnes, p95 des actes et listes (hors signature et balance PDF)",
            unite="ms",
            notre=p95_actes,
            brut=statique_ouverte["p95"],
            ratio=p95_actes / max(statique_ouverte["p95"], 1e-6),
            cible=f"< {CIBLE_P95_MS} ms, 0 erreur, 0 double effet",
            atteinte=p95_actes < CIBLE_P95_MS and sans_erreur and verification["doubles"] == 0,
            plus_haut_est_mieux=False,
        ),
        LigneTableau(
            banc="HTTP, 16 clients sans temps de réflexion (capacité)",
            unite="req/s",
            notre=fermee["debit"],
            brut=brute["debit_statique"],
            ratio=fermee["debit"] / max(brute["debit_statique"], 1e-6),
            cible="—",
            atteinte=None,
        ),
    ]
    details = [
        f"Serveur : `manage.py demarrer --production` (gunicorn, {processus} processus dont "
        "l'arbitre, une requête à la fois chacun, rôle caisse_app, DEBUG éteint). 16 personnes : 2 sessions "
        "de la directrice (parapheur, lots de 5 signés et transmis), 6 sessions comptables "
        "(agent comptable et ses 2 fondés de pouvoir, deux postes chacun : visa, prise en "
        "charge, lot de 5 paiements, listes), "
        "8 auditeurs (listes en page et API, balance PDF). Temps de réflexion tiré entre 1 et "
        "3 s entre deux requêtes. Limite brute : un fichier statique (WhiteNoise) servi par le "
        f"même gunicorn, dans la même phase. Machine : {charge:.1f} cœur occupé par d'autres "
        "processus avant la mesure.",
        "",
        f"**Avec temps de réflexion** ({phases['ouverte']['duree']:.0f} s) : "
        f"{nombre(ouverte['debit'], 1)} req/s, p95 global {_ms(ouverte['p95'])}, p95 hors "
        f"signature (balance PDF comprise) {_ms(ouverte['p95_hors_signature'])}, p95 des actes "
        f"et listes {_ms(p95_actes)}, "
        f"{ouverte['erreurs']} erreur(s), {ouverte['reprises']} reprise(s) de connexion ; "
        f"CPU du serveur (gunicorn) {_ms(cpu_req * 1000)} par requête ; "
        f"{cpu_autour(phases['ouverte'], ouverte)} ; fichier statique : "
        f"p95 {_ms(statique_ouverte['p95'])}.",
        "",
        *tableau_types(ouverte),
        "",
        f"**Sans temps de réflexion** ({phases['fermee']['duree']:.0f} s, capacité) : "
        f"{nombre(fermee['debit'], 1)} req/s, p95 global {_ms(fermee['p95'])}, "
        f"{fermee['erreurs']} erreur(s) ; CPU du serveur {_ms(cpu_req_fermee * 1000)} par "
        f"requête ; {cpu_autour(phases['fermee'], fermee)}. Limite brute (fichier statique seul, 16 clients) : "
        f"{nombre(brute['debit_statique'], 1)} req/s, p95 "
        f"{_ms(brute['types'].get('limite brute : fichier statique', {'p95': 0.0})['p95'])}, "
        f"CPU {_ms(cpu_statique * 1000)} par requête.",
        "",
        *tableau_types(fermee),
        "",
        "**Effets** (comptés dans la base après l'arrêt du serveur, rejeux volontaires "
        "compris) : "
        + ", ".join(
            f"{cle} {attendu} attendus, {trouve} trouvés"
            for cle, (attendu, trouve) in verification["attendu"].items()
        )
        + f" ; doublons dans le journal d'audit : {verification['doubles_audit'] or 0}, "
        f"ordres payés deux fois : {len(verification['doubles_paiement'])}.",
    ]
    if ouverte["exemples"] or fermee["exemples"]:
        details += ["", "Erreurs (premier exemple par type) :", ""]
        for genre, texte in {**fermee["exemples"], **ouverte["exemples"]}.items():
            details.append(f"- {genre} : `{texte}`")
    limites = [
        "- La signature vérifie le mot de passe (PBKDF2, 1 000 000 itérations, environ "
        "0,25 s de CPU) : le lot du parapheur ne peut descendre sous ce coût, voulu ; il est "
        "compté à part de la cible.",
        "- La balance PDF est un état, ni un acte ni une liste (la cible du point 5 de "
        "l'issue 16 porte sur les actes et les listes) : elle est comptée à part, ses p50 et "
        "p95 sont au tableau ; le p95 hors signature qui la comprend est donné aussi.",
    ]
    return Resultat("http", "HTTP sous charge", lignes, details, limites)
