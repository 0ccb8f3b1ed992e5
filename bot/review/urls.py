from django.contrib.auth import views as auth_views
from django.urls import path

from bot.review import edits, views
from bot.review.login import StaffLoginView

app_name = "review"

urlpatterns = [
    path("login/", StaffLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="review:login"), name="logout"),
    path("", views.conversation_list, name="list"),
    path("grafieken/", views.chart_page, name="charts"),
    path("correcties/", views.corrections, name="corrections"),
    path("correcties/nlu.yml", views.export_corrections, name="export_corrections"),
    path("export.csv", views.export_list, {"kind": "csv"}, name="export_csv"),
    path("export.json", views.export_list, {"kind": "json"}, name="export_json"),
    path("gesprek/<str:sender>/", views.transcript, name="transcript"),
    path("gesprek/<str:sender>/story.yml", views.export_story, name="export_story"),
    path("gesprek/<str:sender>/tags/", edits.add_tag, name="add_tag"),
    path("gesprek/<str:sender>/tags/<int:tag_id>/weg/", edits.remove_tag, name="remove_tag"),
    path("gesprek/<str:sender>/notities/", edits.add_note, name="add_note"),
    path("gesprek/<str:sender>/markeer/", edits.flag_message, name="flag"),
    path("gesprek/<str:sender>/bekeken/", edits.mark_reviewed, name="reviewed"),
    path("gesprek/<str:sender>/wissen/", edits.delete, name="delete"),
]
