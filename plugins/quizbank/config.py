"""The plugin's options, as written under `plugins: - quizbank:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class QuizbankConfig(Config):
    """Options of the quizbank plugin."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from the configuration."""
    banks = c.Type(str, default="quizzes")
    """Folder of question banks, relative to mkdocs.yml."""
