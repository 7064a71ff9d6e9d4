"""An honest User-Agent: who crawls, with what, and how to reach them.

The default names the crawler and its version and no made-up address; the
operator's contact (an e-mail address or a URL) comes from the
``NEWSARCHIVE_CONTACT`` setting or environment variable. A crawl of a site on
the network without one is allowed, with a warning: site operators who see an
unexpected crawler should be able to write to someone.
"""

from __future__ import annotations

import logging
import os

from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)
ENVIRONMENT = "NEWSARCHIVE_CONTACT"


def contact(settings: BaseSettings) -> str:
    """The operator's contact: the setting, else the environment variable, else empty."""
    return (settings.get("NEWSARCHIVE_CONTACT") or os.environ.get(ENVIRONMENT) or "").strip()


def user_agent(settings: BaseSettings) -> str:
    """``USER_AGENT``, with the operator's contact when there is one (``…; +mailto:…``)."""
    agent, reach = settings.get("USER_AGENT"), contact(settings)
    if not reach:
        return agent
    reach = reach if ":" in reach else f"mailto:{reach}" if "@" in reach else reach
    return f"{agent[:-1]}; +{reach})" if agent.endswith(")") else f"{agent} (+{reach})"


def warn_without_contact(settings: BaseSettings, origin: str, local: bool) -> None:
    if not local and not contact(settings):
        logger.warning("Crawling %s without a contact in the User-Agent: set -s NEWSARCHIVE_CONTACT=you@example.org "
                       "(or the %s environment variable) so the site's operators can reach you", origin, ENVIRONMENT)
