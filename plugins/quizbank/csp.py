"""A strict Content-Security-Policy for the built course, worked out from its pages.

Material for MkDocs puts a few small inline scripts in every page (`__md_scope`, the palette,
tabbed content). A policy without `'unsafe-inline'` must list the sha256 hash of each, and
their text depends on how deep the page is (`new URL("../..", location)`), so the hashes are
collected from every built page rather than written down once. Nothing here knows about
MkDocs: the plugin reads the pages and writes what these functions return.

A page is scanned in two steps. A quick pass finds the few places that matter (comments, inline
scripts and styles, and the start tags that hold `on`, `style`, `javascript`, `&` or `//`), and
only those few are given to a full HTML parser; the rest of the page, most of it text and plain
tags, is never parsed. A page the quick pass cannot read exactly as the parser would (a `<`
inside a tag, a processing instruction, an unclosed comment or script) is parsed in full.
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


def scan_page(html: str, own_host: str | None = None, *, skip: Iterable[str] = ()) -> PageScan:
    """Return a page's inline scripts, and what a strict policy would block in it.

    Args:
        html: The page.
        own_host: The host the site is served from, if known: absolute URLs to it are the
            site's own.
        skip: Whole elements of the page known to hold nothing a policy allows or blocks (the
            engine's own blocks, written by its HTML builder): each is cut out where it is
            first found after the previous one, and the rest is scanned.
    """
    html = _cut(html, skip)
    quick = _scan_quickly(html, own_host)
    return quick if quick is not None else _parse(html, own_host)


def _parse(html: str, own_host: str | None) -> PageScan:
    """Scan HTML with the full parser."""
    scanner = _Scanner(own_host)
    scanner.feed(html)
    scanner.close()
    return scanner.scan


def _parse_part(scanner: _Scanner, html: str) -> PageScan:
    """Scan one element with a parser used again for each: making one costs more than this."""
    scanner.reset()
    scanner.scan = PageScan()
    scanner._script = None
    scanner.feed(html)
    scanner.close()
    return scanner.scan


def _cut(html: str, parts: Iterable[str]) -> str:
    """Return the HTML without the given parts, each cut where it is next found."""
    pieces: list[str] = []
    position = 0
    for part in parts:
        found = html.find(part, position) if part else -1
        if found >= 0:
            pieces.append(html[position:found])
            position = found + len(part)
    if not pieces:
        return html
    pieces.append(html[position:])
    return "".join(pieces)


# The quick pass. `_START_TAG` is html.parser's own rule for where a start tag ends (its
# `locatestarttagend_tolerant`), so a tag ends here where the parser ends it.
_START_TAG = re.compile(
    r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*      # tag name
  (?:[\s/]*                           # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*   # attribute name
      (?:\s*=+\s*                      # value indicator
        (?:'[^']*'                     # LITA-enclosed value
          |"[^"]*"                     # LIT-enclosed value
          |(?!['"])[^>\s]*             # bare value
         )
        \s*                            # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*
   )?
  \s*                                  # trailing whitespace
""",
    re.VERBOSE,
)
_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />\x00]*")
_SPECIAL = re.compile(
    r"<!--|<![dD][oO][cC][tT][yY][pP][eE]|<[!?]"
    r"|<(?P<raw>[sS][cC][rR][iI][pP][tT]|[sS][tT][yY][lL][eE])(?=[\t\n\r\f />\x00])"
)
"""Comments, the doctype, other declarations, and the elements whose content is raw text."""
_COMMENT_END = re.compile(r"--\s*>")
_RAW_END = {
    "script": re.compile(r"</\s*script\s*>", re.IGNORECASE),
    "style": re.compile(r"</\s*style\s*>", re.IGNORECASE),
}
_STRAY = re.compile(r"""=\s*(?:"[^"]*<|'[^']*<)""")
"""A `<` inside an attribute value, where the quick pass could mistake it for a tag."""
_HINTS = (
    (re.compile(r"""on(?<=[\s"'/]on)"""), False),  # an attribute named on…
    (re.compile(r"""style(?<=[\s"'/]style)"""), False),  # an attribute named style
    (re.compile("javascript"), False),  # a javascript: URL
    (re.compile("&"), False),  # a character reference, which could spell either
    (re.compile(r"/[\t\r\n]*/"), True),  # a load from another host, in a loading tag
)
"""What makes a start tag worth parsing, found in the page in lower case; with each, whether
it matters only in a tag that loads something."""
_LOADING_TAGS = frozenset(_LOADS) | {"link"}


def _tag_end(html: str, start: int) -> int | None:
    """Return where the start tag at `start` ends, as html.parser ends it; None if unclear."""
    match = _START_TAG.match(html, start)
    end = match.end() if match else start
    if html.startswith(">", end):
        return end + 1
    if html.startswith("/>", end):
        return end + 2
    return None


def _scan_quickly(html: str, own_host: str | None) -> PageScan | None:
    """Scan a page, parsing only what may matter; None when it must be parsed in full."""
    scanner = _Scanner(own_host)
    special = _special_parts(html, scanner)
    if special is None:
        return None
    found, skipped = special
    if any(not _inside(skipped, stray.start()) for stray in _STRAY.finditer(html)):
        return None
    tags = _hinted_tags(html, skipped)
    if tags is None:
        return None
    for start, (end, loads_only) in tags.items():
        if loads_only:
            name = _TAG_NAME.match(html, start + 1)
            if name is None or name.group().lower() not in _LOADING_TAGS:
                continue
        found.append((start, _parse_part(scanner, html[start:end])))
    scan = PageScan()
    for _, part in sorted(found, key=lambda item: item[0]):
        scan.scripts.extend(part.scripts)
        scan.blocked.extend(part.blocked)
    return scan


def _special_parts(
    html: str, scanner: _Scanner
) -> tuple[list[tuple[int, PageScan]], list[tuple[int, int]]] | None:
    """Scan the scripts and styles; return them with the spans the hints skip.

    The spans are the scripts and styles, comments and the doctype, in order. None when the
    page must be parsed in full.
    """
    found: list[tuple[int, PageScan]] = []
    skipped: list[tuple[int, int]] = []
    position = 0
    while (special := _SPECIAL.search(html, position)) is not None:
        start, text = special.start(), special.group()
        closing: re.Match[str] | None = None
        if special["raw"]:
            end = _tag_end(html, start)
            if end is not None and html[end - 2 : end] != "/>":
                closing = _RAW_END[special["raw"].lower()].search(html, end)
                end = closing.end() if closing else None
            if end is not None:
                found.append((start, _parse_part(scanner, html[start:end])))
        elif text == "<!--":
            closing = _COMMENT_END.search(html, start + 4)
            end = closing.end() if closing else None
        elif len(text) > 2:  # the doctype
            end = html.find(">", start) + 1 or None
        else:
            end = None  # a processing instruction or a declaration: rare, parse in full
        if end is None:
            return None
        skipped.append((start, end))
        position = end
    return found, skipped


def _hinted_tags(html: str, skipped: list[tuple[int, int]]) -> dict[int, tuple[int, bool]] | None:
    """Return the start tags that hold a hint, by where they start.

    With each, where it ends, and whether only loads could matter in it. None when the page
    must be parsed in full.
    """
    # Lower case in ASCII only (so positions stay put), as tokens are compared: html.parser
    # lowers names with str.lower(), which takes no other character to these letters.
    try:
        lower = html.encode("utf-8").lower().decode("utf-8")
    except UnicodeError:  # a lone surrogate: not a page a browser gets
        return None
    tags: dict[int, tuple[int, bool]] = {}
    for pattern, loads_only in _HINTS:
        index = 0
        for hint in pattern.finditer(lower):
            at = hint.start()
            while index < len(skipped) and skipped[index][1] <= at:
                index += 1
            if index < len(skipped) and skipped[index][0] <= at:
                continue
            start = html.rfind("<", skipped[index - 1][1] if index else 0, at)
            if start < 0 or not ("a" <= lower[start + 1 : start + 2] <= "z"):
                continue  # text, an end tag or the doctype: nothing there is checked
            known = tags.get(start)
            end = known[0] if known else _tag_end(html, start)
            if end is None:
                return None
            if at < end:
                tags[start] = (end, loads_only and (known is None or known[1]))
    return tags


def _inside(spans: Sequence[tuple[int, int]], position: int) -> bool:
    """Tell whether a position falls in one of the spans (sorted, not overlapping)."""
    low, high = 0, len(spans)
    while low < high:
        middle = (low + high) // 2
        if spans[middle][1] <= position:
            low = middle + 1
        else:
            high = middle
    return low < len(spans) and spans[low][0] <= position


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
