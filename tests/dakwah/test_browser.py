"""The click-to-load video in a real browser (Debian's Chromium)."""

import shutil

import pytest

from tests.dakwah.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def video_article():
    # Made before the browser starts: Playwright's sync API runs an event
    # loop in this thread, inside which Django refuses database calls.
    article = ArticleFactory(slug="video")
    article.media.create(title="Ngaji bab 1", youtube_id="dQw4w9WgXcQ")
    return article


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 360, "height": 800})
        yield page
        browser.close()


def test_video_loads_from_youtube_nocookie_only_after_play_is_pressed(
    live_server, video_article, browser_page
):
    outside = []

    def keep_on_this_machine(route):
        # Nothing leaves the machine; what would have is recorded.
        outside.append(route.request.url)
        route.abort()

    browser_page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else keep_on_this_machine(route)
        ),
    )
    browser_page.goto(f"{live_server.url}/dakwah/artikel/video/")

    assert browser_page.locator("iframe").count() == 0
    assert outside == []

    browser_page.click(".video-facade a")

    frame = browser_page.locator(".video-facade iframe")
    frame.wait_for(state="attached")
    assert frame.get_attribute("src") == (
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0"
    )
    assert browser_page.url == f"{live_server.url}/dakwah/artikel/video/"
