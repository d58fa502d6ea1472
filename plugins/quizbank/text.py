"""Bank text to HTML: Markdown with raw HTML shown as text and only safe links kept."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

from .html import Html

_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_PLAIN = re.compile(r"[\\`*_\[\]<>&#!|~]|^\s*(?:[-+>]|\d+[.)])\s|\n|^ {4}", re.MULTILINE)
_PLAIN_LINES = re.compile(
    r"[\\`*_\[\]<>&#!|~]|[^\S \n]|[\x00-\x09\x0b-\x1f\x7f]"
    r"|^\s*(?:[-+>]|\d+[.)])\s|^ | $|^[-= ]+$",
    re.MULTILINE,
)
"""What may make text over several lines more than plain paragraphs: Markdown's special
characters, white space other than spaces and line breaks, control characters, list and quote
markers, lines that start or end with a space, and lines that could underline a heading or
draw a rule."""
CACHE_SIZE = 1 << 17
"""Texts kept rendered: every text of a site of 10,000 questions, so `mkdocs serve` renders each
text once, however often it rebuilds."""
_SIMPLE_INLINE = re.compile(
    r"[\\<>&#!|~_]|[^\S \n]|[\x00-\x09\x0b-\x1f\x7f]"
    r"|^\s*(?:[-+>*]|\d+[.)])\s|^ | $|^[-= ]+$",
    re.MULTILINE,
)
"""What sends text with emphasis, code or links to Python-Markdown after all: any other special
character, and anything that could make a block other than a paragraph."""
_INLINE = re.compile(
    r"(?<!`)`(?P<code>[^`\s](?:[^`\n]*[^`\s])?)`(?!`)"
    r"|(?<!\*)\*\*(?P<strong>[^\s*`\[\]](?:[^*`\[\]\n]*[^\s*`\[\]])?)\*\*(?!\*)"
    r"|(?<!\*)\*(?P<em>[^\s*`\[\]](?:[^*`\[\]\n]*[^\s*`\[\]])?)\*(?!\*)"
    r"|\[(?P<label>[^\[\]*`\n]+)\]\((?P<href>[^\s()<>\"']+)\)"
)
"""Code, strong and emphasis, and links, each on one line and holding plain text."""
_PARAGRAPH_BREAK = re.compile(r"\n{2,}")
_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.DOTALL)


def _is_safe_url(url: str) -> bool:
    """Allow web and mail links and links within the site; refuse `javascript:` and the like."""
    squashed = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    if squashed.startswith(_SAFE_SCHEMES):
        return True
    return ":" not in squashed.split("/", 1)[0] and not squashed.startswith("//")


class _SafeLinks(Treeprocessor):
    """Drop unsafe link targets; show images that would load from elsewhere as their alt text."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag == "a" and not _is_safe_url(element.get("href", "")):
                element.attrib.pop("href", None)
            if element.tag == "img":
                source = element.get("src", "")
                if not _is_safe_url(source) or source.lower().startswith(("http", "//")):
                    alt = element.get("alt", "")
                    element.tag = "span"
                    element.attrib.clear()
                    element.text = alt


def _converter() -> markdown.Markdown:
    """Return a Markdown converter that cannot emit raw HTML."""
    converter = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    converter.preprocessors.deregister("html_block")
    converter.inlinePatterns.deregister("html")
    converter.treeprocessors.register(_SafeLinks(converter), "quizbank_safe_links", 0)
    return converter


_MARKDOWN = _converter()


@lru_cache(maxsize=CACHE_SIZE)
def to_html(text: str) -> Html:
    """Render bank Markdown as block HTML."""
    if not _PLAIN.search(text):
        return Html(f"<p>{html.escape(text, quote=False)}</p>")
    if not _PLAIN_LINES.search(text):
        # Plain paragraphs over several lines, as most authors write them in YAML: render
        # them as Markdown would, without running it (most of a big site's build time).
        return Html(
            "\n".join(
                f"<p>{html.escape(paragraph, quote=False)}</p>"
                for paragraph in _PARAGRAPH_BREAK.split(text)
            )
        )
    simple = None if _SIMPLE_INLINE.search(text) else _simple_inline(text)
    if simple is not None:
        return simple
    _MARKDOWN.reset()
    return Html(_MARKDOWN.convert(text))


def _simple_inline(text: str) -> Html | None:
    """Render paragraphs of text, emphasis, code and links as Python-Markdown would.

    What Python-Markdown does with these takes it a fifth of a millisecond a text, most of a
    big site's rendering. Anything else (a `*` that opens nothing, a link with a title, a
    target it would drop) returns None, for Python-Markdown to render; a test holds the two
    to the same output.
    """
    paragraphs = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        pieces = []
        position = 0
        for match in _INLINE.finditer(paragraph):
            pieces.append(paragraph[position : match.start()])
            kind = match.lastgroup
            if kind == "href":
                if not _is_safe_url(match["href"]):
                    return None
                pieces.append(f'<a href="{match["href"]}">{match["label"]}</a>')
            else:  # code, strong or em: the group is named after the element
                pieces.append(f"<{kind}>{match[kind]}</{kind}>")
            position = match.end()
        pieces.append(paragraph[position:])
        if any(mark in piece for piece in pieces[::2] for mark in "*`[]"):
            return None  # a mark that opens nothing: Python-Markdown knows what it means
        paragraphs.append(f"<p>{''.join(pieces)}</p>")
    return Html("\n".join(paragraphs))


@lru_cache(maxsize=CACHE_SIZE)
def to_inline_html(text: str) -> Html:
    """Render bank Markdown for use inside a line: a lone paragraph loses its `<p>`."""
    rendered = to_html(text)
    match = _PARAGRAPH.match(rendered)
    if match and "<p>" not in match.group(1):
        return Html(match.group(1))
    return rendered


class _TextOnly(HTMLParser):
    """Collect the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


@lru_cache(maxsize=CACHE_SIZE)
def to_plain_text(text: str) -> str:
    """Render bank Markdown as plain text, for places that cannot hold markup."""
    parser = _TextOnly()
    parser.feed(to_html(text))
    parser.close()
    return " ".join("".join(parser.parts).split())


def is_block(rendered: str) -> bool:
    """Tell whether rendered HTML holds block elements (so it cannot sit inside a label)."""
    return bool(re.search(r"<(?:p|ul|ol|div|blockquote|pre|h[1-6]|table|hr)\b", rendered))


@lru_cache(maxsize=CACHE_SIZE)
def to_phrase_html(text: str) -> Html:
    """Render bank Markdown to sit inside a label or legend, which hold phrasing content only.

    Text that renders as blocks (a list, several paragraphs) is given as its plain text.
    """
    rendered = to_inline_html(text)
    return Html(html.escape(to_plain_text(text))) if is_block(rendered) else rendered
