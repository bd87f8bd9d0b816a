"""Changes of dakwah content. Views, forms, admin and commands call these.

Every function checks its permission (``dakwah.permissions``) and raises
``PermissionDenied`` on refusal, before anything is written; a change of
editorial state that the state machine does not allow raises
``ValidationError`` and changes nothing.
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from dakwah import permissions, selectors
from dakwah.models import Article, ContentEvent, Kajian, Media, Status, Tag, Ustadz

logger = logging.getLogger(__name__)

Action = ContentEvent.Action

# action -> (states it may start from, state it leads to)
TRANSITIONS = {
    Action.SUBMITTED: ({Status.DRAFT}, Status.IN_REVIEW),
    # Owners write too; they need not send their own draft to themselves.
    Action.PUBLISHED: ({Status.DRAFT, Status.IN_REVIEW}, Status.PUBLISHED),
    Action.RETURNED: ({Status.IN_REVIEW}, Status.DRAFT),
    Action.UNPUBLISHED: ({Status.PUBLISHED}, Status.DRAFT),
}

ARTICLE_FIELDS = {"title", "summary", "body", "cover_image", "category", "author"}
KAJIAN_FIELDS = {
    "title", "theme", "description", "ustadz", "starts_at", "time_zone",
    "duration_minutes", "recurrence", "repeat_until", "venue_name",
    "venue_address", "online_url", "audience", "poster",
}  # fmt: skip


def unique_slug(model, text, exclude_pk=None):
    """A slug for ``text`` not yet used by another row of ``model``."""
    max_length = model._meta.get_field("slug").max_length
    base = slugify(text)[: max_length - 6].strip("-") or model._meta.model_name
    taken = set(
        model.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _require(allowed):
    if not allowed:
        raise PermissionDenied(_("You may not do this for this pesantren."))


# Ustadz ---------------------------------------------------------------------


def create_ustadz(*, user, pesantren, name, short_bio="", photo=None):
    """Add an ustadz to ``pesantren`` on behalf of one of its writers."""
    _require(permissions.can_write(user, pesantren))
    ustadz = Ustadz(pesantren=pesantren, name=name, short_bio=short_bio)
    if photo:
        ustadz.photo = photo
    ustadz.slug = unique_slug(Ustadz, name)
    ustadz.full_clean()
    ustadz.save()
    return ustadz


def update_ustadz(ustadz, *, user, name, short_bio="", photo=None):
    """Change the profile of ``ustadz``; ``photo`` None keeps it, "" removes it.

    The slug stays, so shared links to the profile keep working.
    """
    _require(permissions.can_write(user, ustadz.pesantren))
    ustadz.name, ustadz.short_bio = name, short_bio
    if photo is not None:
        ustadz.photo = photo
    ustadz.full_clean()
    ustadz.save()
    return ustadz


# Articles -------------------------------------------------------------------


def check_linked_products(pesantren, products):
    """Refuse products that ``pesantren`` does not sell itself."""
    foreign = selectors.products_not_sold_by(pesantren, products)
    if foreign:
        raise ValidationError(
            {
                "linked_products": _(
                    "Only products of %(pesantren)s can be linked: %(titles)s."
                )
                % {
                    "pesantren": pesantren.name,
                    "titles": ", ".join(product.title for product in foreign),
                }
            }
        )


def set_tags(article, names):
    """Replace the article's tags by ``names``, creating the new ones."""
    tags = []
    for name in {name.strip() for name in names if name.strip()}:
        slug = slugify(name)[:48]
        if slug:
            tag, _created = Tag.objects.get_or_create(
                slug=slug, defaults={"name": name[:48]}
            )
            tags.append(tag)
    article.tags.set(tags)


@transaction.atomic
def create_article(*, user, pesantren, tags=(), linked_products=(), **fields):
    """Create a draft article of ``pesantren`` written by ``user``.

    ``fields`` are Article fields among ``ARTICLE_FIELDS``; the body is
    sanitised on save.
    """
    _require(permissions.can_write(user, pesantren))
    _reject_unknown(fields, ARTICLE_FIELDS)
    article = Article(pesantren=pesantren, created_by=user, **fields)
    article.slug = unique_slug(Article, article.title)
    article.full_clean()
    check_linked_products(pesantren, linked_products)
    article.save()
    set_tags(article, tags)
    article.linked_products.set(linked_products)
    return article


@transaction.atomic
def update_article(article, *, user, tags=None, linked_products=None, **fields):
    """Change ``article``; a published one only by the pesantren's owner."""
    _require(permissions.can_edit(user, article))
    _reject_unknown(fields, ARTICLE_FIELDS)
    for name, value in fields.items():
        setattr(article, name, value)
    article.full_clean()
    if linked_products is not None:
        check_linked_products(article.pesantren, linked_products)
    article.save()
    if tags is not None:
        set_tags(article, tags)
    if linked_products is not None:
        article.linked_products.set(linked_products)
    return article


# Kajian ---------------------------------------------------------------------


@transaction.atomic
def create_kajian(*, user, pesantren, **fields):
    """Create a draft kajian of ``pesantren``; ``starts_at`` must be aware."""
    _require(permissions.can_write(user, pesantren))
    _reject_unknown(fields, KAJIAN_FIELDS)
    kajian = Kajian(pesantren=pesantren, created_by=user, **fields)
    kajian.slug = unique_slug(Kajian, kajian.title)
    kajian.full_clean()
    kajian.save()
    return kajian


@transaction.atomic
def update_kajian(kajian, *, user, **fields):
    """Change ``kajian``; a published one only by the pesantren's owner."""
    _require(permissions.can_edit(user, kajian))
    _reject_unknown(fields, KAJIAN_FIELDS)
    for name, value in fields.items():
        setattr(kajian, name, value)
    kajian.full_clean()
    kajian.save()
    return kajian


# Media ----------------------------------------------------------------------


def add_media(content, *, user, title, youtube_id="", audio_file=None, position=0):
    """Attach a YouTube video or an audio file to an article or a kajian."""
    _require(permissions.can_edit(user, content))
    media = Media(title=title, youtube_id=youtube_id, position=position)
    if audio_file:
        media.audio_file = audio_file
    setattr(media, _subject_field(content), content)
    media.full_clean()
    media.save()
    return media


def remove_media(media, *, user):
    """Delete ``media``, and its audio file once the deletion is committed."""
    _require(permissions.can_edit(user, media.article or media.kajian))
    audio = media.audio_file
    media.delete()
    if audio:
        storage, name = audio.storage, audio.name
        transaction.on_commit(lambda: storage.delete(name))


# Editorial states -----------------------------------------------------------


def submit_for_review(content, *, user):
    """Send a draft to the owner for review (draft -> in review)."""
    _require(permissions.can_write(user, content.pesantren))
    return _transition(content, Action.SUBMITTED, user)


def publish(content, *, user):
    """Publish ``content``; only the owner of its pesantren may."""
    _require(permissions.can_publish(user, content.pesantren))
    return _transition(content, Action.PUBLISHED, user)


def return_to_draft(content, *, user, reason=""):
    """Send content in review back to its writers, with the owner's remarks."""
    _require(permissions.can_publish(user, content.pesantren))
    return _transition(content, Action.RETURNED, user, reason)


def unpublish(content, *, user, reason):
    """Take published content down (KESAN admins only); the reason is kept."""
    _require(permissions.can_unpublish(user))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why this is unpublished.")})
    return _transition(content, Action.UNPUBLISHED, user, reason.strip())


@transaction.atomic
def _transition(content, action, actor, reason=""):
    """Move ``content`` as ``action`` says, under a row lock, and record it."""
    model = type(content)
    locked = model.objects.select_for_update().get(pk=content.pk)
    starts_from, leads_to = TRANSITIONS[action]
    if locked.status not in starts_from:
        raise ValidationError(
            _("“%(action)s” is not possible: %(title)s is %(status)s.")
            % {
                "action": action.label,
                "title": locked.title,
                "status": locked.get_status_display().lower(),
            }
        )

    previous = locked.status
    locked.status = leads_to
    if leads_to == Status.PUBLISHED and locked.date_published is None:
        locked.date_published = timezone.now()
    locked.save(update_fields=["status", "date_published", "date_updated"])
    ContentEvent.objects.create(
        **{_subject_field(locked): locked},
        action=action,
        from_status=previous,
        to_status=leads_to,
        actor=actor,
        reason=reason,
    )
    logger.info(
        "%s %s %s by user %s",
        model._meta.model_name,
        locked.pk,
        action,
        actor.pk,
        extra={"pesantren_id": locked.pesantren_id, "from_status": previous},
    )

    content.status = locked.status
    content.date_published = locked.date_published
    content.date_updated = locked.date_updated
    return content


def _subject_field(content):
    return "article" if isinstance(content, Article) else "kajian"


def _reject_unknown(fields, allowed):
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
