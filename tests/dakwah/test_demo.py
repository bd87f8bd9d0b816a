import pytest

from dakwah.demo import seed_dakwah_demo
from dakwah.models import Article, Kajian, Status, Ustadz
from pesantren.models import Membership
from tests.dakwah.factories import member
from tests.factories import PesantrenFactory

pytestmark = pytest.mark.django_db

DEMO_SLUGS = ["al-hikmah-darussalam", "al-barokah-sumenep", "nurul-huda-tegalrejo"]


@pytest.fixture
def demo_pesantren():
    pesantren_by_slug = {}
    for slug in DEMO_SLUGS:
        pesantren = PesantrenFactory(slug=slug)
        member(pesantren, Membership.Role.OWNER)
        pesantren_by_slug[slug] = pesantren
    return pesantren_by_slug


def test_demo_adds_ustadz_articles_with_arabic_and_a_weekly_kajian_once(demo_pesantren):
    seed_dakwah_demo(demo_pesantren)
    counts = (Ustadz.objects.count(), Article.objects.count(), Kajian.objects.count())

    accounts = seed_dakwah_demo(demo_pesantren)

    assert (
        Ustadz.objects.count(),
        Article.objects.count(),
        Kajian.objects.count(),
    ) == counts
    assert counts == (4, 4, 4)
    assert len(accounts) == 3
    adab = Article.objects.get(slug="adab-menuntut-ilmu-talimul-mutaallim")
    assert adab.status == Status.PUBLISHED
    assert 'lang="ar" dir="rtl"' in adab.body and "يَرْفَعِ اللَّهُ" in adab.body
    weekly = Kajian.objects.get(slug="kajian-kitab-talimul-mutaallim")
    assert (
        weekly.is_weekly,
        weekly.local_start.weekday(),
        weekly.local_start.hour,
    ) == (True, 3, 18)
    assert Article.objects.filter(status=Status.IN_REVIEW).count() == 1
