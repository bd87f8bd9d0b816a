"""An editor writes and submits, the owner publishes: in Debian's Chromium."""

import shutil

import pytest

from dakwah.models import Article, Status

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VERSE = "إِنَّ مَعَ الْعُسْرِ يُسْرًا"


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise pytest.UsageError("The browser tests need Debian's chromium package.")
    # Playwright runs an event loop in this thread; the test's own database
    # reads between browser steps are synchronous and safe here.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def signed_in_page(browser, base_url, email):
    """A phone-sized page of a new browser context, signed in as ``email``."""
    page = browser.new_context(viewport={"width": 360, "height": 780}).new_page()
    page.set_default_timeout(15000)
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(base_url)
            else route.abort()
        ),
    )
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login-username]", email)
    page.fill("input[name=login-password]", "test-password-123")
    page.click("button[name=login_submit]")
    page.wait_for_load_state()
    return page


def test_editor_writes_an_article_and_the_owner_publishes_it(
    live_server, browser, owner, editor, ustadz, category
):
    base = live_server.url

    # The editor opens the Dakwah tab and writes.
    page = signed_in_page(browser, base, editor.email)
    page.goto(f"{base}/seller/")
    page.click(".seller-nav a[href='/seller/dakwah/']")
    page.click(".quick-actions a[href='/seller/dakwah/articles/new/']")
    page.fill("input[name=title]", "Bersama Kesulitan Ada Kemudahan")
    page.fill("textarea[name=summary]", "Tafsir QS. Al-Insyirah: 6.")
    page.select_option("select[name=category]", str(category.pk))
    page.select_option("select[name=author]", str(ustadz.pk))
    page.fill(
        "textarea[name=body]",
        f"Allah berfirman:\n\n{VERSE}\n\n<script>alert('x')</script>",
    )
    assert page.locator("button[name=action][value=publish]").count() == 0
    page.click("button[name=action][value=submit]")
    page.wait_for_load_state()
    assert page.locator(".review-panel .badge.warn").count() == 1
    page.screenshot(path="var/dakwah-editor-submitted.png", full_page=True)

    # The owner finds it waiting and publishes it from the dashboard.
    owner_page = signed_in_page(browser, base, owner.email)
    owner_page.goto(f"{base}/seller/dakwah/")
    waiting = owner_page.locator("#in-review .dakwah-row")
    assert waiting.locator(".title").all_inner_texts() == [
        "Bersama Kesulitan Ada Kemudahan"
    ]
    waiting.locator("form[action$='/publish/'] button").click()
    owner_page.wait_for_load_state()
    assert owner_page.locator("#in-review .dakwah-row").count() == 0

    # The public reads it, the verse right to left, without the script.
    owner_page.goto(f"{base}/dakwah/")
    owner_page.click("text=Bersama Kesulitan Ada Kemudahan")
    verse = owner_page.locator(".prose p[lang=ar]")
    assert verse.inner_text() == VERSE
    assert verse.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert owner_page.locator(".prose").inner_text().count("alert") == 0
    owner_page.screenshot(path="var/dakwah-published.png", full_page=True)

    article = Article.objects.get()
    assert (article.status, article.created_by) == (Status.PUBLISHED, editor)
