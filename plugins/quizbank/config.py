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
    csp = c.Type(bool, default=True)
    """After each build, work out a Content-Security-Policy the site works under (with the
    hashes of the theme's inline scripts) and write it, with server snippets, to `csp_dir`."""
    csp_dir = c.Type(str, default=".hosting")
    """Folder of the built site the policy and snippets go to. A dot folder: MkDocs keeps it
    out of the pages, and the server snippets refuse to serve it."""
    csp_frame_ancestors = c.ListOfItems(c.Type(str), default=["'self'"])
    """Who may show the course in a frame (`frame-ancestors`): `'self'`, `'none'`, or origins
    such as `https://lms.example.org` for an LMS that plays the course as a SCORM package."""
