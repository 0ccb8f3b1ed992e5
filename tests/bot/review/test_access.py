"""Every review URL, page or export or action, sends an anonymous visitor to the login page."""

import pytest
from django.urls import URLPattern, get_resolver, reverse

from bot.review import urls

PUBLIC = {"login", "logout"}
ARGS = {"sender": "iemand-001", "tag_id": 1}


def review_urls():
    out = []
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name in PUBLIC:
            continue
        names = pattern.pattern.regex.groupindex
        out.append(reverse(f"review:{pattern.name}", kwargs={k: ARGS[k] for k in names}))
    return out


def test_every_review_url_is_listed():
    assert len(review_urls()) == len(urls.urlpatterns) - len(PUBLIC) >= 14


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_get_the_login_page(client, method):
    for url in review_urls():
        response = getattr(client, method)(url, follow=True)
        assert response.status_code == 200, url
        assert response.redirect_chain and response.redirect_chain[-1][0].startswith("/review/login/?next="), url
        assert b'name="password"' in response.content, url


def test_a_logged_in_user_without_staff_rights_is_refused(client, django_user_model):
    user = django_user_model.objects.create_user("buitenstaander", password="lang-genoeg-wachtwoord-2")
    client.force_login(user)
    response = client.get("/review/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/review/login/")
    failed = client.post("/review/login/", {"username": "buitenstaander", "password": "lang-genoeg-wachtwoord-2"})
    assert "geen toegang" in failed.content.decode()


def test_login_with_the_right_password_opens_the_list(client, staff):
    response = client.post("/review/login/?next=/review/", {"username": "coach-team", "password": "lang-genoeg-wachtwoord-1",
                                                           "next": "/review/"}, follow=True)
    assert response.redirect_chain[-1][0] == "/review/"
    assert "Gesprekken" in response.content.decode()


def test_wrong_passwords_are_slowed_down(client, staff):
    for _ in range(5):
        wrong = client.post("/review/login/", {"username": "coach-team", "password": "fout"})
        assert "klopt niet" in wrong.content.decode()
    locked = client.post("/review/login/", {"username": "coach-team", "password": "lang-genoeg-wachtwoord-1"})
    assert "Te veel mislukte pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_empty_password_does_not_reset_the_count_of_wrong_ones(client, staff):
    for _ in range(4):
        client.post("/review/login/", {"username": "coach-team", "password": "fout"})
    empty = client.post("/review/login/", {"username": "coach-team", "password": ""})
    assert "Vul je gebruikersnaam en wachtwoord in" in empty.content.decode()
    client.post("/review/login/", {"username": "coach-team", "password": "fout"})
    locked = client.post("/review/login/", {"username": "coach-team", "password": "lang-genoeg-wachtwoord-1"})
    assert "Te veel mislukte pogingen" in locked.content.decode()


def test_forms_need_a_csrf_token(staff):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(staff)
    assert strict.post(reverse("review:add_tag", kwargs={"sender": "x"}), {"tag": "a"}).status_code == 403


def test_resolver_has_the_review_app_under_review():
    assert get_resolver().resolve("/review/").url_name == "list"
