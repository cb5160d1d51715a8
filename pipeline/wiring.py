"""The one place that picks implementations per environment: alert sender and HTTP client."""

from __future__ import annotations

import os
from collections.abc import Mapping

from pipeline.config import Config

NETWORK_KINDS = {"rss", "page", "hkex", "sec", "openrouter"}


def make_sender(env: Mapping[str, str] | None = None, console=None):
    """Return the Slack sender when Slack is configured in the environment, else the console sender."""
    env = os.environ if env is None else env
    if env.get("SLACK_BOT_TOKEN") or env.get("SLACK_WEBHOOK_URL"):
        from alerts.slack import slack_sender_from_env

        return slack_sender_from_env(env)
    from alerts.console import ConsoleSender

    return ConsoleSender(console)


def make_http(config: Config, env: Mapping[str, str] | None = None):
    """Return the shared HTTP client when a configured source needs the network, else None.

    Sources with a `recorded` folder are replayed from it (the embedded default stays offline); when some
    network sources are recorded and others are not, recorded URLs are replayed and the rest go live.
    MARKETMON_HTTP_REPLAY=folder replays everything.
    """
    network = [s for s in config.sources if s.kind in NETWORK_KINDS]
    if not network:
        return None
    from pipeline.http import HttpClient, ReplayHttpClient

    env = os.environ if env is None else env
    recorded = list(dict.fromkeys(s.options["recorded"] for s in network if s.options.get("recorded")))
    if not recorded or env.get("MARKETMON_HTTP_REPLAY"):
        return HttpClient.from_env(env)
    live = None if all(s.options.get("recorded") for s in network) else HttpClient.from_env(env)
    return ReplayHttpClient(recorded, fallback=live)
