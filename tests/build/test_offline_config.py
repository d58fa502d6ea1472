"""The file-share configuration: mkdocs.yml, with the offline plugin and a vendored shim."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.conftest import ROOT, build_site

SHIM = ROOT / "offline" / "assets" / "vendor" / "iframe-worker" / "shim.js"


def plugins_of(config_file: str) -> dict[str, dict[str, object]]:
    loaded = load_config(str(ROOT / config_file))
    return {
        name: dict(getattr(plugin, "config", {"hook": name}))  # a hook is a module
        for name, plugin in loaded.plugins.items()
    }


def test_the_offline_build_keeps_every_plugin_of_the_site() -> None:
    site = plugins_of("mkdocs.yml")
    offline = plugins_of("mkdocs.offline.yml")
    assert set(offline) == set(site) | {"material/offline"}
    assert offline["material/privacy"] == site["material/privacy"]
    assert offline["quizbank"] == {**site["quizbank"], "csp": False}


def test_the_offline_build_drops_only_instant_navigation() -> None:
    site = load_config(str(ROOT / "mkdocs.yml"))
    offline = load_config(str(ROOT / "mkdocs.offline.yml"))
    assert offline.theme["features"] == [
        feature for feature in site.theme["features"] if feature != "navigation.instant"
    ]
    assert offline.use_directory_urls is False
    assert offline.extra["polyfills"] == ["assets/vendor/iframe-worker/shim.js"]
    assert offline.nav == site.nav


def test_the_vendored_shim_is_the_pinned_npm_package() -> None:
    vendored = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
    assert SHIM.read_bytes() == vendored.read_bytes(), "run 'make vendor' to refresh it"
    assert (SHIM.parent / "LICENSE").read_bytes() == (vendored.parents[1] / "LICENSE").read_bytes()


def test_without_the_vendored_shim_the_guard_names_the_cdn(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """What the shim saves us from: the offline plugin's default loads it from unpkg.com."""
    with caplog.at_level(logging.WARNING), pytest.raises(Abort):
        build_site(ROOT / "mkdocs.offline.yml", tmp_path / "site", extra={})
    assert "External file: https://unpkg.com/iframe-worker/shim" in caplog.text
