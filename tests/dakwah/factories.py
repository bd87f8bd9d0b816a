"""factory_boy factories for dakwah content, and members with a role."""

from datetime import timedelta

import factory
from django.utils import timezone

from dakwah.models import Article, Category, Kajian, Status, Ustadz
from dakwah.schedule import IndonesianTimeZone
from pesantren.models import Membership
from tests.factories import PesantrenFactory, UserFactory


def member(pesantren, role):
    """A new user who is a member of ``pesantren`` with ``role`` (a string)."""
    user = UserFactory()
    Membership.objects.create(pesantren=pesantren, user=user, role=role)
    return user


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    slug = "fiqh"
    name = "Fiqih"


class UstadzFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ustadz

    pesantren = factory.SubFactory(PesantrenFactory)
    name = factory.Sequence(lambda n: f"Ustadz Contoh {n}")
    slug = factory.Sequence(lambda n: f"ustadz-contoh-{n}")
    short_bio = "Pengajar fiqih."


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article; pass status=Status.DRAFT for a draft."""

    class Meta:
        model = Article

    pesantren = factory.SubFactory(PesantrenFactory)
    author = factory.SubFactory(
        UstadzFactory, pesantren=factory.SelfAttribute("..pesantren")
    )
    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Artikel {n}")
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    summary = "Ringkasan artikel."
    body = "<p>Isi artikel.</p>"
    status = Status.PUBLISHED
    date_published = factory.LazyFunction(timezone.now)


class KajianFactory(factory.django.DjangoModelFactory):
    """A published one-off kajian three days from now, in WIB."""

    class Meta:
        model = Kajian

    pesantren = factory.SubFactory(PesantrenFactory)
    ustadz = factory.SubFactory(
        UstadzFactory, pesantren=factory.SelfAttribute("..pesantren")
    )
    title = factory.Sequence(lambda n: f"Kajian {n}")
    slug = factory.Sequence(lambda n: f"kajian-{n}")
    theme = "Kitab Safinatun Najah"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    time_zone = IndonesianTimeZone.WIB
    venue_name = "Masjid Pondok"
    status = Status.PUBLISHED
    date_published = factory.LazyFunction(timezone.now)
