from django.urls import include, path

from bot.web import chat, views

urlpatterns = [
    path("", views.site_page, name="site"),
    path("vacature/voorbeeld/", views.vacancy_page, name="vacancy"),
    path("widget.js", views.widget_file, {"name": "widget.js"}, name="widget_js"),
    path("widget.css", views.widget_file, {"name": "widget.css"}, name="widget_css"),
    path("api/chat", chat.chat, name="chat"),
    path("api/chat/<str:sender>", chat.delete, name="chat_delete"),
    path("review/", include("bot.review.urls")),
]
