"""An honest User-Agent: the crawler's name and version, no made-up address, the operator's contact when given."""

from __future__ import annotations

import logging

import pytest
from scrapy.settings import Settings

from crawler import settings as project_settings
from crawler.useragent import user_agent, warn_without_contact
from tests.conftest import scrapy_crawl
from tests.replica import ReplicaServer, default_site


def settings(**values) -> Settings:
    result = Settings()
    result.setmodule(project_settings)
    result.update(values)
    return result


def test_the_default_user_agent_names_the_crawler_and_no_made_up_address(monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_CONTACT", raising=False)
    agent = user_agent(settings())
    assert agent.startswith("newsarchive/") and "http" not in agent and "+" not in agent


@pytest.mark.parametrize(("contact", "shown"), [("ops@example.org", "+mailto:ops@example.org)"),
                                                ("https://example.org/crawler", "+https://example.org/crawler)")])
def test_the_operators_contact_is_added(contact, shown, monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_CONTACT", raising=False)
    assert user_agent(settings(NEWSARCHIVE_CONTACT=contact)).endswith(shown)


def test_the_contact_can_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSARCHIVE_CONTACT", "ops@example.org")
    assert "mailto:ops@example.org" in user_agent(settings())


@pytest.mark.parametrize(("local", "warned"), [(False, True), (True, False)])
def test_a_crawl_of_the_real_site_without_a_contact_warns(local, warned, caplog, monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_CONTACT", raising=False)
    with caplog.at_level(logging.WARNING):
        warn_without_contact(settings(), "https://www.scfr.ir", local)
    assert ("NEWSARCHIVE_CONTACT" in caplog.text) is warned


def test_the_site_sees_the_contact(tmp_path):
    with ReplicaServer(default_site()) as server:
        crawl = scrapy_crawl(server.base_url, tmp_path / "archive.db", settings={"NEWSARCHIVE_CONTACT": "ops@example.org"})
        agents = {r.user_agent for r in server.requests}
    assert crawl.returncode == 0
    assert len(agents) == 1 and agents.pop().endswith("; +mailto:ops@example.org)")
