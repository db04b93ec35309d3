"""The first accounts of a fund's own database (`demarrer --production` loads no demo).

    manage.py creer_compte dupont --prenom Marie --nom Dupont --fonction directeur

The password is asked twice on the terminal (or read from the environment
variable CAISSE_MOT_DE_PASSE, for scripts) and checked by the password
validators; the account, its function from today and an audit row are
written in one transaction.
"""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import horloge
from core.audit import audit
from personnes.models import Affectation, Fonction


class Command(BaseCommand):
    help = "Crée un compte et lui donne une fonction (premiers comptes d'une base de production)."

    def add_arguments(self, parser):
        parser.add_argument("identifiant")
        parser.add_argument("--prenom", required=True)
        parser.add_argument("--nom", required=True)
        parser.add_argument(
            "--fonction",
            required=True,
            choices=[f.value for f in Fonction],
            help="La fonction dans l'organisme, à compter d'aujourd'hui.",
        )

    def handle(self, *args, identifiant, prenom, nom, fonction, **options):
        Utilisateur = get_user_model()
        if Utilisateur.objects.filter(username=identifiant).exists():
            raise CommandError(f"Le compte « {identifiant} » existe déjà.")
        utilisateur = Utilisateur(username=identifiant, first_name=prenom, last_name=nom)
        mot_de_passe = os.environ.get("CAISSE_MOT_DE_PASSE") or self._demander()
        try:
            validate_password(mot_de_passe, utilisateur)
        except ValidationError as exc:
            raise CommandError("Mot de passe refusé : " + " ".join(exc.messages)) from exc
        utilisateur.set_password(mot_de_passe)
        with transaction.atomic():
            utilisateur.save()
            affectation = Affectation.objects.create(
                utilisateur=utilisateur, fonction=fonction, debut=horloge.aujourdhui()
            )
            audit(
                None,
                "compte_creer",
                affectation,
                apres={"identifiant": identifiant, "fonction": fonction},
            )
        self.stdout.write(
            f"Compte « {identifiant} » créé : {prenom} {nom}, {Fonction(fonction).label}."
        )

    def _demander(self) -> str:
        premier = getpass.getpass("Mot de passe : ")
        if premier != getpass.getpass("Mot de passe (à nouveau) : "):
            raise CommandError("Les deux mots de passe diffèrent.")
        return premier
