import datetime

import factory
from django.contrib.auth import get_user_model

from personnes.models import Affectation, Fonction, Procuration
from personnes.selectors import agent_comptable_en_fonction

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


def procuration(fonde, *, debut=None, fin=None, actes="", montant_max=None, agent_comptable=None):
    """The procuration of `fonde`, approved by the board (circ. 93/82 §1.1.1),
    written straight to the table with the terms a test needs: a fondé de
    pouvoir acts only within one (`personnes.permissions.exiger_comptable`).
    From the first day of his affectation as fondé de pouvoir by default;
    `actes` empty covers every act, `montant_max` None sets no ceiling."""
    if debut is None:
        debut = (
            Affectation.objects.filter(utilisateur=fonde, fonction=Fonction.FONDE_DE_POUVOIR)
            .order_by("debut")
            .values_list("debut", flat=True)
            .first()
        )
    mandant = (
        agent_comptable
        or agent_comptable_en_fonction(debut)
        or UtilisateurFactory(username="mandant-des-procurations")
    )
    return Procuration.objects.create(
        fonde=fonde,
        agent_comptable=mandant,
        debut=debut,
        fin=fin,
        agreee_le=debut,
        deliberation="délibération n° 1",
        actes=actes,
        montant_max=montant_max,
        enregistree_par=mandant,
    )


def fonde_de_pouvoir(login: str = "fonde", **procuration_champs):
    """A fondé de pouvoir who acts: his affectation and a procuration (`procuration`)."""
    fonde = personne(login, Fonction.FONDE_DE_POUVOIR)
    procuration(fonde, **procuration_champs)
    return fonde
