"""A strict Content-Security-Policy for the built course, worked out from its pages.

Material for MkDocs puts a few small inline scripts in every page (`__md_scope`, the palette,
tabbed content). A policy without `'unsafe-inline'` must list the sha256 hash of each, and
their text depends on how deep the page is (`new URL("../..", location)`), so the hashes are
collected from every built page rather than written down once. Nothing here knows about
MkDocs: the plugin reads the pages and writes what these functions return.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit
from xml.sax.saxutils import quoteattr

SCRIPT_TYPES = frozenset(
    {
        "",
        "module",
        "importmap",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)
"""`type` values a browser runs (with `script-src`); any other type is a data block."""

_LOADS = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "audio": ("src",),
    "video": ("src", "poster"),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
"""Attributes whose URL the browser loads, by element (`<link>` is decided by its `rel`)."""
_LOADING_RELS = frozenset(
    {
        "stylesheet",
        "preload",
        "modulepreload",
        "prefetch",
        "icon",
        "apple-touch-icon",
        "mask-icon",
        "manifest",
    }
)

_SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*"
_HOST = r"(?:\*|(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)"
_PORT = r"(?::(?:[0-9]+|\*))?"
_PATH = r"(?:/[A-Za-z0-9._~!&()*+=@:/-]*)?"
_SOURCE = re.compile(rf"'(?:self|none)'|{_SCHEME}:|(?:{_SCHEME}://)?{_HOST}{_PORT}{_PATH}")
"""The source expressions `frame-ancestors` takes (CSP Level 3): `'self'`, `'none'`, a scheme
such as `https:`, or a host with an optional scheme, port and path. Paths take only the
characters of a URL path that mean nothing to a server's configuration: no `$` (an nginx
variable), `%` (an Apache format code), quotes, `;`, `,`, backslashes or white space, so the
nginx, Apache and IIS snippets always carry the policy intact."""


@dataclass
class PageScan:
    """What one page holds that a strict policy has to allow, or would block."""

    scripts: list[str] = field(default_factory=list)
    """The text of each inline script the browser would run."""
    blocked: list[str] = field(default_factory=list)
    """What the policy would block: inline styles, event handlers, `javascript:` URLs, and
    loads from other hosts."""


def is_other_host(url: str, own_host: str | None = None) -> bool:
    """Tell whether a URL is fetched from a host other than the site's own."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("", "http", "https") or not parts.netloc:
        return False  # a path of the site, or data:, mailto: and the like
    return parts.hostname != own_host


class _Scanner(HTMLParser):
    """Collect inline scripts, and what a strict policy would block."""

    def __init__(self, own_host: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self.own_host = own_host
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if (
            tag == "script"
            and "src" not in values
            and (values.get("type", "").strip().lower() in SCRIPT_TYPES)
        ):
            self._script = []
        if tag == "style":
            self.scan.blocked.append("a <style> element")
        if "style" in values:
            self.scan.blocked.append(f'a style attribute on <{tag}>: style="{values["style"]}"')
        for name, value in values.items():
            if name.startswith("on"):
                self.scan.blocked.append(f"an inline event handler on <{tag}>: {name}=...")
            if name in ("href", "src", "action") and value.strip().lower().startswith(
                "javascript:"
            ):
                self.scan.blocked.append(f"a javascript: URL in <{tag} {name}>")
        self._check_loads(tag, values)

    def _check_loads(self, tag: str, values: dict[str, str]) -> None:
        """Report URLs the element loads from another host."""
        names: tuple[str, ...] = _LOADS.get(tag, ())
        if tag == "link" and _LOADING_RELS & set(values.get("rel", "").lower().split()):
            names = ("href",)
        for name in names:
            if name not in values:
                continue
            urls = (
                [part.split()[0] for part in values[name].split(",") if part.strip()]
                if name == "srcset"
                else [values[name]]
            )
            for url in urls:
                if is_other_host(url, self.own_host):
                    self.scan.blocked.append(f'a load from another host: <{tag} {name}="{url}">')

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scan.scripts.append("".join(self._script))
            self._script = None


def scan_page(html: str, own_host: str | None = None) -> PageScan:
    """Return a page's inline scripts, and what a strict policy would block in it.

    Args:
        html: The page.
        own_host: The host the site is served from, if known: absolute URLs to it are the
            site's own.
    """
    scanner = _Scanner(own_host)
    scanner.feed(html)
    scanner.close()
    return scanner.scan


def script_hash(text: str) -> str:
    """Return the CSP source that allows one inline script: `'sha256-<base64>'`.

    Browsers hash the script as it is after parsing, where every CR LF and lone CR has
    become LF, encoded as UTF-8.
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def collect_hashes(scans: Iterable[PageScan]) -> list[str]:
    """Return the hash of every distinct inline script of the scanned pages, sorted."""
    return sorted({script_hash(text) for scan in scans for text in scan.scripts})


def check_sources(sources: Sequence[str]) -> list[str]:
    """Return a problem for each value of `frame-ancestors` that is not a source expression.

    Each must be `'self'`, `'none'` (alone), a scheme or an origin; anything else could break
    the policy, or the server snippets it is written into.
    """
    problems = []
    for source in sources:
        shown = source if len(source) <= 60 else source[:57] + "..."
        if source in ("self", "none"):
            problems.append(f"{source!r} needs single quotes inside the value: \"'{source}'\"")
        elif any(character in source for character in "\n\r"):
            problems.append(
                f"{shown!r} holds a line break (a YAML '|' or '>' value ends with one); "
                "write each source on one line, as a quoted item of the list"
            )
        elif not source.strip():
            problems.append("an empty source; remove it, or write \"'none'\"")
        elif any(character.isspace() for character in source.strip()):
            problems.append(
                f"{shown!r} holds several sources; write each as an item of its own in the list"
            )
        elif not _SOURCE.fullmatch(source):
            problems.append(
                f"{shown!r} is not an allowed source: use \"'self'\", \"'none'\" "
                "or an origin such as https://lms.example.org (no quotes, $, %, ; or spaces)"
            )
    if "'none'" in sources and len(sources) > 1:
        problems.append("\"'none'\" allows no frame at all, so it cannot be listed with others")
    return problems


def build_policy(hashes: Sequence[str], frame_ancestors: Sequence[str] = ("'self'",)) -> str:
    """Return the Content-Security-Policy header value for the course.

    Everything comes from the site itself. Scripts are the site's files and the inline
    scripts whose hashes are given; styles, fonts and fetches are the site's own; images may
    also be `data:` URLs (Material draws its icons with SVG data URLs in CSS); the search
    worker is a file of the site. Nothing may be embedded as a plugin, and only the listed
    ancestors may show the course in a frame (an LMS playing a SCORM package, for one).
    """
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", ["'self'", *hashes]),
        ("style-src", ["'self'"]),
        ("img-src", ["'self'", "data:"]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'"]),
        ("media-src", ["'self'"]),
        ("worker-src", ["'self'"]),
        ("frame-src", ["'self'"]),
        ("manifest-src", ["'self'"]),
        ("frame-ancestors", list(frame_ancestors) or ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("object-src", ["'none'"]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


HEADER_NOTE = (
    "Generated by the quizbank plugin for this build of the course. The hashes change "
    "when Material for MkDocs is upgraded or pages move to a deeper folder: take this "
    "file again from each new build."
)


HASHED_FOLDERS = ("assets/quizbank", "assets/stylesheets", "assets/javascripts/workers")
"""Folders whose scripts and style sheets all carry a content hash in their names."""


def nginx_snippet(policy: str) -> str:
    """Return nginx directives that send the policy, for an `include` in each location."""
    escaped = policy.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f"# {HEADER_NOTE}\n"
        "# Include this file in every location block that serves the course: nginx drops\n"
        "# inherited add_header lines in a location that has its own.\n"
        f'add_header Content-Security-Policy "{escaped}" always;\n'
        'add_header X-Content-Type-Options "nosniff" always;\n'
    )


def apache_snippet(policy: str) -> str:
    """Return Apache directives (server config or .htaccess) that send the policy."""
    escaped = policy.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f"# {HEADER_NOTE}\n"
        "# Needs mod_headers (a2enmod headers). Put it in the <Directory> or <Location>\n"
        "# of the course, or in an .htaccess file in its folder.\n"
        f'Header always set Content-Security-Policy "{escaped}"\n'
        'Header always set X-Content-Type-Options "nosniff"\n'
    )


def iis_snippet(policy: str, hidden: str) -> str:
    """Return a web.config for IIS that sends the policy and serves the course's file types.

    It also hides the folder `hidden`, where these files are written, and lets browsers keep
    the files named by their content for a year (everything else they check each time).
    """
    value = quoteattr(policy)
    long_cache = "".join(
        f"""  <location path="{folder}">
    <system.webServer>
      <staticContent>
        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" />
      </staticContent>
    </system.webServer>
  </location>
"""
        for folder in HASHED_FOLDERS
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- {HEADER_NOTE} -->
<!-- Copy this file into the course's folder on the server as web.config. -->
<configuration>
  <system.webServer>
    <httpProtocol>
      <customHeaders>
        <remove name="Content-Security-Policy" />
        <add name="Content-Security-Policy" value={value} />
        <remove name="X-Content-Type-Options" />
        <add name="X-Content-Type-Options" value="nosniff" />
      </customHeaders>
    </httpProtocol>
    <staticContent>
      <remove fileExtension=".json" />
      <mimeMap fileExtension=".json" mimeType="application/json" />
      <remove fileExtension=".webmanifest" />
      <mimeMap fileExtension=".webmanifest" mimeType="application/manifest+json" />
      <remove fileExtension=".woff2" />
      <mimeMap fileExtension=".woff2" mimeType="font/woff2" />
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <security>
      <requestFiltering>
        <hiddenSegments>
          <add segment={quoteattr(hidden)} />
        </hiddenSegments>
      </requestFiltering>
    </security>
  </system.webServer>
{long_cache}</configuration>
"""
