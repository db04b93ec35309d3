import datetime

import factory
from django.contrib.auth import get_user_model

from personnes.models import Affectation, Fonction

MOT_DE_PASSE = "mot-de-passe-de-test"


class UtilisateurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"personne{n}")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Durand{n}")
    password = factory.django.Password(MOT_DE_PASSE)


class AffectationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affectation

    utilisateur = factory.SubFactory(UtilisateurFactory)
    fonction = Fonction.AGENT_COMPTABLE
    debut = datetime.date(2000, 1, 1)


def personne(login: str, fonction: str):
    utilisateur = UtilisateurFactory(username=login)
    AffectationFactory(utilisateur=utilisateur, fonction=fonction)
    return utilisateur
