import pytest

from tests.forks.checkout.helpers import make_shop


@pytest.fixture
def shop():
    """Pesantren Alfa (Rp15.000 flat) and Beta (Rp20.000 flat, pickup), three products."""
    return make_shop()
