"""Factories for tests (factory-boy)."""

import factory
from factory.django import DjangoModelFactory

from werkpad.accounts.models import Organisation, User
from werkpad.trajects.models import Kandidaat, Traject

PASSWORD = "werkpad-test-wachtwoord"


class PlainName(factory.Faker):
    """A Dutch fake name without an apostrophe ("van 't Hof" becomes "van t Hof"), so that
    tests looking for a person's name in a page do not depend on HTML escaping by chance.
    Tests about escaping use names of their own."""

    def evaluate(self, instance, step, extra):
        return super().evaluate(instance, step, extra).replace("'", "")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = Organisation.Kind.REINTEGRATIE


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.nl")
    first_name = PlainName("first_name", locale="nl_NL")
    last_name = PlainName("last_name", locale="nl_NL")
    role = User.Role.TRAJECTBEGELEIDER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class KandidaatFactory(DjangoModelFactory):
    class Meta:
        model = Kandidaat

    first_name = PlainName("first_name", locale="nl_NL")
    last_name = PlainName("last_name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"kandidaat{n}@example.nl")


class TrajectFactory(factory.Factory):
    """Opens a traject the way the product does (Traject.open), with a coach."""

    class Meta:
        model = Traject

    kandidaat = factory.SubFactory(KandidaatFactory)
    coach = factory.SubFactory(UserFactory)
    method = Traject.Method.IPS
    referral = Traject.Referral.GGZ

    @classmethod
    def _create(cls, model_class, kandidaat, coach, method, referral, **kwargs):
        return model_class.open(kandidaat, coach=coach, method=method, referral=referral, **kwargs)

    _build = _create
