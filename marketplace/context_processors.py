from marketplace import selectors


def navigation(request):
    """The category menu shown on every page (cached)."""
    return {"category_tree": selectors.category_tree()}
