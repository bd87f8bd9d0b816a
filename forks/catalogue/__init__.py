default_app_config = 'forks.catalogue.apps.CatalogueConfig'
