"""Production mode's port plan and environment, without starting anything."""

import pytest

from bot.production.settings import ProdSettings, service_env


def settings(**changes):
    values = dict(PROD_DB_PASSWORD="geheim-123", RASA_API_TOKEN="token")
    values.update(changes)
    return ProdSettings.from_env(values)


def test_defaults_give_two_replicas_of_each_on_their_own_ports():
    s = settings()
    assert (s.public_port, s.db_port, s.redis_port) == (8080, 5433, 6380)
    assert s.rasa_ports == [8101, 8102] and s.action_ports == [8111, 8112] and s.web_ports == [8121, 8122]
    assert (s.rasa_balancer_port, s.action_balancer_port) == (8100, 8110)
    s.check()


def test_replica_counts_and_the_port_base_come_from_the_environment():
    s = settings(PROD_RASA_REPLICAS="3", PROD_ACTION_REPLICAS="1", PROD_PORT_BASE="9000")
    assert s.rasa_ports == [9001, 9002, 9003] and s.action_ports == [9011]


@pytest.mark.parametrize("changes, problem", [
    ({"PROD_RASA_REPLICAS": "0"}, "1 or more"),
    ({"PROD_WEB_REPLICAS": "12"}, "at most 9"),
    ({"PROD_DB_PASSWORD": "change-me"}, "PROD_DB_PASSWORD"),
    ({"PROD_PORT": "8101"}, "share a port"),
    ({"PROD_DB_PORT": "8111"}, "share a port"),
])
def test_settings_that_cannot_work_are_refused_with_the_reason(changes, problem):
    with pytest.raises(ValueError, match=problem):
        settings(**changes).check()


def test_every_service_is_pointed_at_the_shared_stores_and_the_balancers():
    s = settings()
    env = service_env(s, {"KEEP": "1"})
    assert env["KEEP"] == "1"
    assert env["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:8110/webhook"
    assert env["RASA_URL"] == "http://127.0.0.1:8100"
    assert env["TRACKER_DB_URL"] == "postgresql://overstapcoach:geheim-123@127.0.0.1:5433/tracker"
    assert env["REVIEW_DB_URL"].endswith("@127.0.0.1:5433/review")
    assert env["WEB_CACHE_URL"] == "redis://127.0.0.1:6380/2"
    assert env["SANIC_HOST"] == "127.0.0.1" and env["WEB_TRUST_PROXY"] == "1"
