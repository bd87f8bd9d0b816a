"""Dakwah content of the pesantren: ustadz, articles, kajian and their media.

Articles and kajian go through the same editorial states (draft, in review,
published); every change of state is kept as a ``ContentEvent`` row, so a
pesantren can always see who published or unpublished what, and why.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import (
    FileExtensionValidator,
    MaxValueValidator,
    MinValueValidator,
)
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dakwah import schedule
from dakwah.sanitize import sanitise_html
from pesantren.models import Pesantren

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
# A session ends the same day; upcoming_condition() relies on it.
MAX_DURATION_MINUTES = 12 * 60
# Formats every phone browser plays in an <audio> element.
AUDIO_EXTENSIONS = ["mp3", "m4a", "ogg", "oga", "opus"]


class Category(models.Model):
    """A subject of articles: aqidah, fiqh, akhlak... (admins may add more)."""

    name = models.CharField(_("Name"), max_length=64)
    slug = models.SlugField(_("Slug"), max_length=64, unique=True)
    description = models.CharField(_("Description"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dakwah:category", kwargs={"slug": self.slug})


class Tag(models.Model):
    name = models.CharField(_("Name"), max_length=48)
    slug = models.SlugField(_("Slug"), max_length=48, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dakwah:tag", kwargs={"slug": self.slug})


class Ustadz(models.Model):
    """A teacher of a pesantren who writes articles and leads kajian."""

    pesantren = models.ForeignKey(
        Pesantren, on_delete=models.CASCADE, related_name="ustadz"
    )
    name = models.CharField(_("Name"), max_length=128)
    slug = models.SlugField(_("Slug"), max_length=128, unique=True)
    photo = models.ImageField(_("Photo"), upload_to="dakwah/ustadz/", blank=True)
    short_bio = models.TextField(_("Short biography"), max_length=800, blank=True)
    date_created = models.DateTimeField(_("Created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("ustadz")
        verbose_name_plural = _("ustadz")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dakwah:ustadz", kwargs={"slug": self.slug})


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def public(self):
        """Published items of verified pesantren: what anyone may read."""
        return self.filter(
            status=Status.PUBLISHED, pesantren__status=Pesantren.Status.VERIFIED
        )


class Publishable(models.Model):
    """The editorial fields shared by articles and kajian."""

    pesantren = models.ForeignKey(Pesantren, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("Title"), max_length=160)
    slug = models.SlugField(_("Slug"), max_length=180, unique=True)
    status = models.CharField(
        _("Status"),
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Written by"),
    )
    date_created = models.DateTimeField(_("Created"), auto_now_add=True)
    date_updated = models.DateTimeField(_("Updated"), auto_now=True)
    # Set on the first publication and kept: feeds and sitemaps date from it.
    date_published = models.DateTimeField(_("Published"), null=True, blank=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def is_public(self):
        return (
            self.status == Status.PUBLISHED
            and self.pesantren.status == Pesantren.Status.VERIFIED
        )

    def clean(self):
        super().clean()
        author = getattr(self, self.author_field, None)
        if author is None or not self.pesantren_id:
            return
        if author.pesantren_id != self.pesantren_id:
            raise ValidationError(
                {self.author_field: _("Choose an ustadz of this pesantren.")}
            )


class Article(Publishable):
    author_field = "author"

    author = models.ForeignKey(
        Ustadz,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("Author"),
    )
    summary = models.CharField(_("Summary"), max_length=300)
    body = models.TextField(
        _("Body"),
        help_text=_(
            "Headings, lists, quotations, links and images are kept. Mark Arabic "
            'text with lang="ar" (e.g. a blockquote class="quran").'
        ),
    )
    cover_image = models.ImageField(
        _("Cover image"), upload_to="dakwah/articles/", blank=True
    )
    category = models.ForeignKey(
        Category,
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("Category"),
    )
    tags = models.ManyToManyField(
        Tag, blank=True, related_name="articles", verbose_name=_("Tags")
    )
    # Products of the same pesantren only (checked by services and forms,
    # since a many-to-many cannot be validated in clean()).
    linked_products = models.ManyToManyField(
        "catalogue.Product",
        blank=True,
        related_name="+",
        verbose_name=_("Linked products"),
        help_text=_("E.g. the kitab this article explains. Shown after the article."),
    )

    class Meta:
        ordering = ["-date_published", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [models.Index(fields=["status", "-date_published"])]

    def save(self, *args, **kwargs):
        # Whatever wrote the body (form, admin, shell), only clean HTML is kept.
        self.body = sanitise_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("dakwah:article", kwargs={"slug": self.slug})


class Audience(models.TextChoices):
    EVERYONE = "umum", _("Everyone")
    MEN = "ikhwan", _("Men (ikhwan)")
    WOMEN = "akhwat", _("Women (akhwat)")


class Recurrence(models.TextChoices):
    ONCE = "once", _("Once")
    WEEKLY = "weekly", _("Every week")


class Kajian(Publishable):
    """A study session, held once or every week at the same local time."""

    author_field = "ustadz"

    ustadz = models.ForeignKey(
        Ustadz,
        on_delete=models.PROTECT,
        related_name="kajian",
        verbose_name=_("Ustadz"),
    )
    theme = models.CharField(
        _("Theme or kitab"),
        max_length=160,
        help_text=_(
            "E.g. Kitab Ta'limul Muta'allim, or a theme such as adab menuntut ilmu."
        ),
    )
    description = models.TextField(_("Description"), blank=True)
    starts_at = models.DateTimeField(
        _("First session starts"),
        help_text=_("Entered and shown in the time zone below."),
    )
    time_zone = models.CharField(
        _("Time zone"),
        max_length=16,
        choices=schedule.IndonesianTimeZone.choices,
        default=schedule.IndonesianTimeZone.WIB,
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("Duration (minutes)"),
        default=90,
        validators=[MinValueValidator(15), MaxValueValidator(MAX_DURATION_MINUTES)],
    )
    recurrence = models.CharField(
        _("Repeats"), max_length=8, choices=Recurrence.choices, default=Recurrence.ONCE
    )
    repeat_until = models.DateField(
        _("Repeats until"),
        null=True,
        blank=True,
        help_text=_("Last day of a weekly kajian; leave empty if it has no end."),
    )
    venue_name = models.CharField(_("Venue"), max_length=160, blank=True)
    venue_address = models.CharField(_("Venue address"), max_length=300, blank=True)
    online_url = models.URLField(
        _("Online link"),
        blank=True,
        help_text=_("YouTube, Zoom or Instagram Live link, for an online kajian."),
    )
    audience = models.CharField(
        _("Audience"), max_length=8, choices=Audience.choices, default=Audience.EVERYONE
    )
    poster = models.ImageField(_("Poster"), upload_to="dakwah/kajian/", blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("kajian")
        verbose_name_plural = _("kajian")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(venue_name="", online_url=""),
                name="dakwah_kajian_has_venue_or_link",
                violation_error_message=_("Give the venue, the online link, or both."),
            ),
            models.CheckConstraint(
                condition=models.Q(recurrence="weekly") | models.Q(repeat_until=None),
                name="dakwah_kajian_until_only_weekly",
                violation_error_message=_("Only a weekly kajian repeats until a day."),
            ),
        ]

    def get_absolute_url(self):
        return reverse("dakwah:kajian", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.recurrence != Recurrence.WEEKLY:
            self.repeat_until = None
        elif self.repeat_until and self.starts_at:
            if self.repeat_until < self.local_start.date():
                raise ValidationError(
                    {"repeat_until": _("The last day comes before the first session.")}
                )

    @property
    def is_weekly(self):
        return self.recurrence == Recurrence.WEEKLY

    @property
    def is_online(self):
        return bool(self.online_url)

    @property
    def duration(self):
        return timedelta(minutes=self.duration_minutes)

    @property
    def zone(self):
        return schedule.zone_info(self.time_zone)

    @property
    def zone_abbreviation(self):
        return schedule.abbreviation(self.time_zone)

    @property
    def local_start(self):
        """The first session's start in the kajian's own time zone."""
        return self.starts_at.astimezone(self.zone)

    def next_start_at(self, now=None):
        """The next (or current) session's start in the kajian's zone, or None."""
        return schedule.next_session_start(
            self.local_start,
            weekly=self.is_weekly,
            repeat_until=self.repeat_until,
            duration=self.duration,
            now=now,
        )

    def last_start(self):
        return schedule.last_session_start(
            self.local_start, weekly=self.is_weekly, repeat_until=self.repeat_until
        )

    @classmethod
    def upcoming_condition(cls, now=None):
        """A Q for kajian with a session still to come (or going on) at ``now``.

        Coarse for weekly kajian (their end date is a local date), so callers
        confirm with ``next_start_at``; it never drops one that is upcoming.
        """
        now = now or timezone.now()
        yesterday = (now - timedelta(days=1)).date()
        once = models.Q(
            recurrence=Recurrence.ONCE, starts_at__gt=now - timedelta(days=1)
        )
        weekly = models.Q(recurrence=Recurrence.WEEKLY) & (
            models.Q(repeat_until=None) | models.Q(repeat_until__gte=yesterday)
        )
        return once | weekly


class Media(models.Model):
    """A video (YouTube) or an audio file attached to an article or a kajian."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="media"
    )
    kajian = models.ForeignKey(
        Kajian, on_delete=models.CASCADE, null=True, blank=True, related_name="media"
    )
    title = models.CharField(_("Title"), max_length=160)
    youtube_id = models.CharField(
        _("YouTube video"),
        max_length=11,
        blank=True,
        help_text=_("The 11-character video id, e.g. dQw4w9WgXcQ."),
    )
    audio_file = models.FileField(
        _("Audio file"),
        upload_to="dakwah/audio/",
        blank=True,
        validators=[FileExtensionValidator(AUDIO_EXTENSIONS)],
        help_text=_("MP3, M4A, OGG or Opus."),
    )
    position = models.PositiveSmallIntegerField(_("Position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("media")
        verbose_name_plural = _("media")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(article__isnull=False, kajian__isnull=True)
                    | models.Q(article__isnull=True, kajian__isnull=False)
                ),
                name="dakwah_media_one_parent",
            ),
            models.CheckConstraint(
                condition=(
                    (~models.Q(youtube_id="") & models.Q(audio_file=""))
                    | (models.Q(youtube_id="") & ~models.Q(audio_file=""))
                ),
                name="dakwah_media_video_or_audio",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if bool(self.youtube_id) == bool(self.audio_file):
            raise ValidationError(_("Give either a YouTube video or an audio file."))
        if self.youtube_id and not YOUTUBE_ID.match(self.youtube_id):
            raise ValidationError({"youtube_id": _("This is not a YouTube video id.")})

    @property
    def is_video(self):
        return bool(self.youtube_id)

    @property
    def embed_url(self):
        # The privacy-enhanced domain sets no cookie until the video plays.
        return (
            f"https://www.youtube-nocookie.com/embed/{self.youtube_id}?autoplay=1&rel=0"
        )

    @property
    def watch_url(self):
        return f"https://www.youtube.com/watch?v={self.youtube_id}"


class ContentEvent(models.Model):
    """A change of editorial state of an article or kajian, with who and why."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Returned to draft")
        UNPUBLISHED = "unpublished", _("Unpublished by KESAN")

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    kajian = models.ForeignKey(
        Kajian, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    action = models.CharField(_("Action"), max_length=16, choices=Action.choices)
    from_status = models.CharField(_("From"), max_length=16, choices=Status.choices)
    to_status = models.CharField(_("To"), max_length=16, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("By"),
    )
    reason = models.TextField(_("Reason"), blank=True)
    date_created = models.DateTimeField(_("When"), auto_now_add=True)

    class Meta:
        ordering = ["-date_created", "-id"]
        verbose_name = _("content event")
        verbose_name_plural = _("content events")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(article__isnull=False, kajian__isnull=True)
                    | models.Q(article__isnull=True, kajian__isnull=False)
                ),
                name="dakwah_event_one_subject",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.article or self.kajian}"
