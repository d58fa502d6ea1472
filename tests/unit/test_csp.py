"""The Content-Security-Policy module: finding inline scripts, hashing them, the policy."""

from __future__ import annotations

import base64
import hashlib
from xml.etree import ElementTree

import pytest
from markdown import Markdown

from quizbank import csp
from quizbank.catalog import load_catalog
from quizbank.markdown import QuizbankExtension
from quizbank.model import QUESTION_TYPES, QuizBank
from quizbank.render import QuizOptions, RenderContext, render_quiz
from tests.conftest import FIXTURE_SITE

PAGE = """<!doctype html><html><head>
<script>__md_scope=new URL("..",location)</script>
<script id="__config" type="application/json">{"base": ".."}</script>
<script src="assets/javascripts/bundle.js"></script>
<script type="module">import "./x.js"</script>
</head><body>
<script>var palette=__md_get("__palette")</script>
<p>Text with an entity &amp; a <a href="https://example.org/">link</a>.</p>
</body></html>"""


def expected_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_scripts_the_browser_runs_are_collected() -> None:
    scan = csp.scan_page(PAGE)
    assert scan.scripts == [
        '__md_scope=new URL("..",location)',
        'import "./x.js"',
        'var palette=__md_get("__palette")',
    ]
    assert scan.blocked == []


def test_a_hash_is_sha256_of_the_exact_text_in_base64() -> None:
    assert csp.script_hash("alert(1)") == expected_hash("alert(1)")
    assert csp.script_hash("a\r\nb\rc") == expected_hash("a\nb\nc")
    assert csp.script_hash(" é ") == expected_hash(" é ")
    assert csp.script_hash("x") != csp.script_hash("x ")


def test_script_text_is_taken_raw_not_as_html() -> None:
    scan = csp.scan_page("<script>if (a &amp;&amp; b < c) { x = '<p>'; }</script>")
    assert scan.scripts == ["if (a &amp;&amp; b < c) { x = '<p>'; }"]


def test_hashes_are_collected_once_each_across_pages_and_sorted() -> None:
    deeper = PAGE.replace('"..",location', '"../..",location')
    hashes = csp.collect_hashes(csp.scan_page(page) for page in (PAGE, PAGE, deeper))
    assert len(hashes) == 4
    assert hashes == sorted(hashes)
    assert expected_hash('__md_scope=new URL("../..",location)') in hashes


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ('<td style="color: red">1</td>', 'a style attribute on <td>: style="color: red"'),
        ("<style>p { color: red }</style>", "a <style> element"),
        ('<button onclick="go()">Go</button>', "an inline event handler on <button>: onclick=..."),
        ('<a href="javascript:go()">Go</a>', "a javascript: URL in <a href>"),
    ],
)
def test_inline_code_no_hash_can_allow_is_reported(html: str, found: str) -> None:
    assert csp.scan_page(html).blocked == [found]


@pytest.mark.parametrize(
    "html",
    [
        '<img src="https://cdn.example/a.png">',
        '<img srcset="a.png 1x, //cdn.example/b.png 2x">',
        '<script src="https://cdn.example/a.js"></script>',
        '<link rel="stylesheet" href="https://cdn.example/a.css">',
        '<link rel="preload icon" href="http://cdn.example/a.woff2">',
        '<audio src="https://media.example/track.mp3"></audio>',
        '<video poster="https://media.example/p.jpg"></video>',
        '<source src="//media.example/track.mp3">',
        '<iframe src="https://video.example/embed/1"></iframe>',
    ],
)
def test_loads_from_other_hosts_are_reported(html: str) -> None:
    blocked = csp.scan_page(html, "course.example").blocked
    assert len(blocked) == 1
    assert blocked[0].startswith("a load from another host: <")
    assert "example/" in blocked[0]


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://example.org/">a link is not a load</a>',
        '<link rel="canonical" href="https://course.example/x/">',
        '<img src="https://course.example/a.png">',
        '<img src="../assets/a.png">',
        '<img src="data:image/png;base64,AAAA">',
        '<audio src="track.mp3"></audio>',
    ],
)
def test_own_paths_links_and_data_are_not_loads_from_elsewhere(html: str) -> None:
    assert csp.scan_page(html, "course.example").blocked == []


def test_the_policy_is_strict() -> None:
    policy = csp.build_policy(["'sha256-AAA='", "'sha256-BBB='"])
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'sha256-AAA=' 'sha256-BBB='"
    assert directives["style-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["worker-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert "unsafe" not in policy
    assert "\n" not in policy


def test_frame_ancestors_can_name_an_lms() -> None:
    policy = csp.build_policy([], ["'self'", "https://lms.example.org"])
    assert "frame-ancestors 'self' https://lms.example.org;" in policy
    assert "frame-ancestors 'none';" in csp.build_policy([], [])


@pytest.mark.parametrize(
    "source",
    [
        "'self'",
        "'none'",
        "https://lms.example.org",
        "https://*.example.org:8443",
        "lms.example.org",
        "https:",
    ],
)
def test_good_sources_pass(source: str) -> None:
    assert csp.check_sources([source]) == []


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("self", "needs single quotes"),
        ("'unsafe-inline'", "is not an allowed source"),
        ("https://a.example https://b.example", "holds several sources"),
        ("https://a.example; script-src *", "holds several sources"),
        ("https://a.example;script-src", "is not an allowed source"),
        ("https://lms.example/$host", "is not an allowed source"),  # an nginx variable
        ("https://lms.example/%{HTTP_HOST}e", "is not an allowed source"),  # an Apache format
        ("https://lms.example/%20", "is not an allowed source"),
        ('https://lms.example/"x', "is not an allowed source"),
        ("https://lms.example/'x", "is not an allowed source"),
        ("https://lms.example\\x", "is not an allowed source"),
        ("https://lms.example.org\n", "holds a line break"),  # a YAML | value
        ("https://a.example\nadd_header X y", "holds a line break"),
        ("'sha256-AAAA'", "is not an allowed source"),  # frame-ancestors takes no hashes
        ("", "an empty source"),
    ],
)
def test_bad_sources_are_explained(source: str, says: str) -> None:
    problems = csp.check_sources([source])
    assert len(problems) == 1
    assert says in problems[0]


def test_none_stands_alone() -> None:
    assert csp.check_sources(["'none'", "https://lms.example.org"]) == [
        "\"'none'\" allows no frame at all, so it cannot be listed with others"
    ]


def test_every_allowed_source_stays_intact_in_every_snippet() -> None:
    sources = ["'self'", "https://*.lms.example.org:8443/path/to/(course)!+=@:~_.-", "https:"]
    assert csp.check_sources(sources) == []
    policy = csp.build_policy([], sources)
    nginx = csp.nginx_snippet(policy)
    apache = csp.apache_snippet(policy)
    assert not set('$%"\\\n;,') & set(" ".join(sources))
    assert f'"{policy}" always;' in nginx
    assert f'Header always set Content-Security-Policy "{policy}"' in apache


def test_the_snippets_carry_the_policy_intact() -> None:
    policy = csp.build_policy(["'sha256-A+/='"])
    assert f'add_header Content-Security-Policy "{policy}" always;' in csp.nginx_snippet(policy)
    assert f'Header always set Content-Security-Policy "{policy}"' in csp.apache_snippet(policy)
    iis = csp.iis_snippet(policy, ".hosting")
    assert f'<add name="Content-Security-Policy" value="{policy}" />' in iis
    assert '<add segment=".hosting" />' in iis
    ElementTree.fromstring(iis.split("\n", 1)[1])  # well-formed, after the declaration


TRICKY = [
    PAGE,
    "<!doctype html><p>Text on the page, in a style of its own &amp; more.</p>",
    '<!-- <p style="x"> --><p>after the comment</p><p style="y">',
    "<script>if (a<b && c) { x = '<p onclick=1>'; }</script><p>done</p>",
    "<SCRIPT>upper()</SCRIPT><Style>p{}</STYLE>",
    '<script src="a.js"/><script type="module">m()</script >',
    '<a title="x>y" onclick="go()">Go</a>',
    '<a title=\'it"s\' style="color: red">',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" JavaScript:go()">x</a><form action="javascript:go()"></form>',
    '<IMG SRC="HTTPS://cdn.example/a.png"><img src="/\t/cdn.example/b.png">',
    '<link rel="ICON" href="//cdn.example/i.png"><link rel="canonical" href="https://x.example/">',
    '<svg><use href="https://cdn.example/s.svg#i"/></svg><a href="https://ok.example/">link</a>',
    "<button\nonclick=go()>Go</button><div on>bare</div><div data-on=1></div>",
    '<p title="a < b" onclick="x">stray</p>',
    '<?xml version="1.0"?><p style="x">',
    "<!-- never closed <p style=x>",
    "<script>never closed",
    '<p class="one" title="on and on">prose on the line</p>',
]


@pytest.mark.parametrize("html", TRICKY)
def test_the_quick_scan_finds_what_the_parser_finds(html: str) -> None:
    quick = csp._scan_quickly(html, "course.example")
    full = csp._parse(html, "course.example")
    if quick is not None:
        assert (quick.scripts, quick.blocked) == (full.scripts, full.blocked)
    assert csp.scan_page(html, "course.example") == full


def test_the_quick_scan_reads_ordinary_pages_itself() -> None:
    for html in TRICKY[:14]:
        assert csp._scan_quickly(html, "course.example") is not None, html


def test_parts_known_to_hold_nothing_are_skipped() -> None:
    block = '<div class="qb-quiz"><p>Question on style &amp; more</p></div>'
    page = f"<script>a()</script>{block}<p style='x'>{block}"
    scan = csp.scan_page(page, skip=[block, block])
    assert scan == csp.scan_page(page)
    assert csp._cut(page, [block, block]) == "<script>a()</script><p style='x'>"
    assert csp._cut(page, ["<p>absent</p>"]) == page


def test_the_engines_blocks_hold_nothing_a_policy_allows_or_blocks() -> None:
    """The plugin skips the blocks' HTML when it scans a page: this is why it may."""
    catalog = load_catalog([FIXTURE_SITE / "quizzes"])
    assert catalog.problems == []
    page = "".join(
        f"/// {'quiz' if isinstance(bank, QuizBank) else 'self-assessment'} | {bank_id}\n///\n\n"
        for bank_id, bank in catalog.banks.items()
    )
    page += "/// reflection | r-one\nWhat did you *learn*?\n///\n\n"
    page += "".join(
        f"/// {name}\n///\n\n"
        for name in ("track-done", "progress", "journal", "your-data", "qualification-map")
    )
    extension = QuizbankExtension(catalog=catalog)
    context = RenderContext(
        track_link=lambda number: ("../t/", "Track"), page_track=1, tracks=(1, 2)
    )
    extension.start_page("page.md", context, lambda line, message: pytest.fail(message))
    html = Markdown(extensions=[extension]).convert(page)
    assert html.count('class="qb-question"') > 5
    assert csp._parse(html, "course.example") == csp.PageScan()
    every_type = QuizBank.model_validate(
        {
            "format": 1,
            "kind": "quiz",
            "id": "every-type",
            "title": "Every type",
            "questions": [spec.example(f"q-{name}") for name, spec in QUESTION_TYPES.items()],
        }
    )
    html = render_quiz(every_type, QuizOptions(), context)
    assert csp._parse(html, "course.example") == csp.PageScan()
