"""Signal receivers for side concerns: keep cached navigation fresh."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from forks.catalogue.models import Category
from marketplace.selectors import CATEGORY_TREE_CACHE_KEY


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def forget_category_tree(sender, **kwargs):
    cache.delete(CATEGORY_TREE_CACHE_KEY)
