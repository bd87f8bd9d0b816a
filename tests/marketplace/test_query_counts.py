"""Browse pages run a fixed number of SQL queries, whatever the page size.

Each page is requested once to warm the cache (the category menu), then the
second request is counted. The numbers are pinned: when one moves, say why
in the commit.

ATOMIC_REQUESTS wraps the view, but a TemplateResponse renders after the
view returns, so only the queries of the view itself sit between SAVEPOINT
and RELEASE; the page, its prefetches and the strategy run while rendering.
"""

import pytest

from tests.factories import PesantrenFactory, make_category, make_product

PAGE_SIZES = [5, 40]

# Every product grid then costs four queries while rendering ("the grid"):
# SELECT the page of products (with product class and listed price); SELECT
# their stockrecords with partner and pesantren; SELECT their images; SELECT
# the partner ids of verified pesantren (the strategy, once per request).


@pytest.fixture
def catalogue(db):
    """45 products with images from three pesantren (41 from the first), in
    two subcategories of one root."""
    food = make_category("Makanan & Minuman", "makanan-minuman")
    coffee = make_category("Kopi & Teh", "kopi-teh", parent=food)
    snacks = make_category("Camilan & Kue", "camilan-kue", parent=food)
    sellers = [PesantrenFactory() for _ in range(3)]
    for number in range(45):
        make_product(
            sellers[0] if number < 41 else sellers[1 + number % 2],
            title=f"Kopi Pondok {number:02d}",
            categories=[coffee if number % 2 else snacks],
            image=True,
        )
    return {"food": food, "seller": sellers[0]}


def count_second_request(client, django_assert_num_queries, url, expected):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(expected):
        second = client.get(url)
    assert second.status_code == 200
    return second


@pytest.mark.parametrize("per_page", PAGE_SIZES)
def test_catalogue_query_count_is_flat(
    client, django_assert_num_queries, catalogue, per_page
):
    # SAVEPOINT; COUNT the listed products; RELEASE SAVEPOINT; the grid.
    expected = 7

    response = count_second_request(
        client, django_assert_num_queries, f"/catalogue/?per_page={per_page}", expected
    )

    assert len(response.context["products"]) == per_page


@pytest.mark.parametrize("per_page", PAGE_SIZES)
def test_category_query_count_is_flat(
    client, django_assert_num_queries, catalogue, per_page
):
    # SAVEPOINT; SELECT the category; COUNT its products (subcategories
    # included); RELEASE SAVEPOINT; SELECT its subcategories (the chips;
    # a root has no ancestors to fetch); the grid.
    expected = 9
    url = f"{catalogue['food'].get_absolute_url()}?per_page={per_page}"

    response = count_second_request(client, django_assert_num_queries, url, expected)

    assert len(response.context["products"]) == per_page


@pytest.mark.parametrize("per_page", PAGE_SIZES)
def test_storefront_query_count_is_flat(
    client, django_assert_num_queries, catalogue, per_page
):
    # SAVEPOINT; SELECT the pesantren; SELECT its categories; COUNT its
    # products; RELEASE SAVEPOINT; the grid; its latest articles and its
    # kajian (the dakwah block beside the products).
    expected = 11
    url = f"{catalogue['seller'].get_absolute_url()}?per_page={per_page}"

    response = count_second_request(client, django_assert_num_queries, url, expected)

    assert len(response.context["products"]) == per_page


@pytest.mark.parametrize("per_page", PAGE_SIZES)
def test_search_query_count_is_flat(
    client, django_assert_num_queries, catalogue, per_page
):
    # SAVEPOINT; COUNT the matches; RELEASE SAVEPOINT; the grid.
    expected = 7
    url = f"/search/?q=kopi+pondok&per_page={per_page}"

    response = count_second_request(client, django_assert_num_queries, url, expected)

    assert len(response.context["products"]) == per_page


@pytest.mark.parametrize("lines", [2, 6])
def test_basket_query_count_is_flat_in_its_lines(
    client, django_assert_num_queries, catalogue, lines
):
    seller = catalogue["seller"]
    products = seller.partner.stockrecords.values_list("product", flat=True)
    for product_id in list(products)[:lines]:
        client.post(f"/basket/add/{product_id}/", {"quantity": 1})
    # SAVEPOINT; the basket; COUNT its lines; vouchers and offers (Oscar
    # applies offers); the lines; their attributes; their images; the first
    # line's product class (Oscar asks whether shipping is required); the
    # verified partners and the stock-tracking classes of the other lines
    # (the strategy, once each); vouchers and offers again (Oscar's basket
    # view); RELEASE SAVEPOINT; the pesantren of the lines (the grouping).
    expected = 15

    response = count_second_request(
        client, django_assert_num_queries, "/basket/", expected
    )

    assert len(response.context["formset"].forms) == lines
