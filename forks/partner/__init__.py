default_app_config = 'forks.partner.apps.PartnerConfig'
