from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "bot.review"
    label = "review"
    verbose_name = "Gesprekken bekijken"
    default_auto_field = "django.db.models.BigAutoField"
