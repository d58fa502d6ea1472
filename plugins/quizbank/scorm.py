"""A built course as a SCORM 1.2 package: one SCO, launched by a page that talks to the LMS.

The course is built with pages as files (`use_directory_urls: false`), so it works from
inside the package. This module adds:

- `scorm/launch.html`, the SCO: it owns the SCORM session and shows the course's home page
  in a frame. `scorm/launch.js` finds the LMS's API, listens to the quizbank events of the
  pages in the frame, and reports scores, status and interactions (see that file).
- `imsmanifest.xml`: SCORM 1.2 (ADL SCORM, schema version 1.2), one organization with one
  item, and one SCO resource that lists every file in the package;
- beside it, the four control schemas the manifest names (`assets/scorm/xsd/`, vendored from
  ADL's SCORM 1.2 files; its README says where from), which ADL's conformance test requires.

What is only for tutors or for a web server stays out: by default the tutors' pages
(`tutors/`), dot folders such as the server snippets in `.hosting/`, the web server's "not
found" page and source maps (`LEAVE_OUT`). A page in the package that links to a file left
out is an error, so a learner never meets a broken link.

The launch page learns which quizzes count from the built pages: every quiz block, by bank,
and how many questions the largest block of each bank shows (a block that draws a set of its
questions shows as many as it draws). A quiz counts once it has been scored in full there.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

LAUNCH_DIR = "scorm"
"""Where the launch page and its script sit in the package."""
LAUNCH_PAGE = f"{LAUNCH_DIR}/launch.html"
ASSETS = Path(__file__).parent / "assets" / "dist" / "scorm"
"""The launch page's script and style sheet, as built from `assets/src/scorm/`."""
LAUNCH_ASSETS = ("launch.js", "launch.css")
SCHEMAS = Path(__file__).parent / "assets" / "scorm" / "xsd"
"""The four control schemas the manifest names, vendored (see the README beside them)."""
SCHEMA_FILES = (
    "imscp_rootv1p1p2.xsd",
    "adlcp_rootv1p2.xsd",
    "imsmd_rootv1p2p1.xsd",
    "ims_xml.xsd",
)
"""The control schemas the manifest names (and the one they import), at the zip's root."""
LEAVE_OUT = ("tutors", ".*", "404.html", "*.map")
"""What a package leaves out by default, as patterns matched against each file's path in the
site and against each folder on the way to it: the tutors' pages; dot folders, such as the
server snippets of `.hosting/`; the web server's "not found" page, whose links start at the
server's root; and source maps, which only a browser's developer tools read. (The empty
sitemap stays: Material reads it to decide that links load pages in full.)"""
_LINK = re.compile(r"""(?:href|src)=["']([^"'#?]+)""")

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (
    f"{IMSCP} imscp_rootv1p1p2.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    f"{ADLCP} adlcp_rootv1p2.xsd"
)
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
"""Every file in the zip gets this date, so the same course gives the same package."""


class PackageError(Exception):
    """The built site cannot be packaged; the message says why."""


@dataclass(frozen=True)
class Package:
    """What went into a package."""

    path: Path
    files: int
    quizzes: dict[str, int]
    """The quizzes that count towards the score: bank id and number of questions."""
    mastery_score: int | None


class _QuizBlocks(HTMLParser):
    """Count the questions in each quiz block of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int]] = []
        self._depth = 0
        self._bank: str | None = None
        self._count = 0
        self._draw = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if self._bank is not None:
            if tag == "div":
                self._depth += 1
            if tag == "fieldset" and values.get("data-qb-question"):
                self._count += 1
        elif tag == "div" and values.get("data-qb-kind") == "quiz" and values.get("data-qb-bank"):
            self._bank, self._depth, self._count = values["data-qb-bank"], 1, 0
            self._draw = int(values.get("data-qb-draw") or 0)

    def handle_endtag(self, tag: str) -> None:
        if self._bank is not None and tag == "div":
            self._depth -= 1
            if self._depth == 0:  # a drawn quiz is scored out of its draw
                self.blocks.append((self._bank, min(self._count, self._draw or self._count)))
                self._bank = None


def find_quizzes(site: Path) -> dict[str, int]:
    """Return each quiz bank on the site's pages with the most questions a block of it shows."""
    quizzes: dict[str, int] = {}
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if 'data-qb-kind="quiz"' not in text:
            continue
        parser = _QuizBlocks()
        parser.feed(text)
        for bank, count in parser.blocks:
            quizzes[bank] = max(count, quizzes.get(bank, 0))
    return quizzes


def left_out(path: str, patterns: Iterable[str]) -> bool:
    """Tell whether a site path, or a folder on the way to it, matches a pattern."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: end + 1]) for end in range(len(parts))]
    return any(fnmatchcase(prefix, pattern) for pattern in patterns for prefix in prefixes)


def package_files(site: Path, leave_out: Iterable[str] = LEAVE_OUT) -> list[str]:
    """Return the site's files as package paths, in a stable order, without those left out."""
    patterns = tuple(leave_out)
    return sorted(
        name
        for path in site.rglob("*")
        if path.is_file() and not left_out(name := path.relative_to(site).as_posix(), patterns)
    )


def links_to_left_out(site: Path, files: Iterable[str]) -> list[str]:
    """Return `page: target` for each link in a packaged page to a site file left out."""
    packaged = set(files)
    found = []
    for name in sorted(packaged):
        if not name.endswith(".html"):
            continue
        text = (site / name).read_text(encoding="utf-8", errors="replace")
        for target in _LINK.findall(text):
            if re.match(r"^[a-z][a-z0-9+.-]*:|^/", target):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            if (
                resolved not in packaged
                and not resolved.startswith("..")
                and (site / resolved).is_file()
            ):
                found.append(f"{name}: {target}")
    return found


def launch_page(title: str, quizzes: dict[str, int]) -> str:
    """Return the launch page: a frame for the course, and its script and style sheet.

    What the script needs comes as `data-*` attributes; the page has no inline script.
    """
    listed = " ".join(f"{bank}:{count}" for bank, count in quizzes.items())
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="launch.css">
<script src="launch.js" defer></script>
</head>
<body data-quizzes="{escape(listed)}">
<p class="lms-status" role="status" hidden></p>
<iframe class="lms-course" title="{escape(title)}" src="../index.html"></iframe>
<noscript><p class="lms-status">Your learning platform cannot record your progress without
JavaScript. <a href="../index.html">Open the course</a>.</p></noscript>
</body>
</html>
"""


def manifest(title: str, files: Iterable[str], mastery_score: int | None) -> str:
    """Return `imsmanifest.xml` for one SCO, the launch page, listing every file."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    identifier = "quizbank-" + (re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "course")
    root = ET.Element(
        f"{{{IMSCP}}}manifest",
        {"identifier": identifier, "version": "1.0", f"{{{XSI}}}schemaLocation": SCHEMA_LOCATION},
    )
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations", {"default": "course"})
    organization = ET.SubElement(
        organizations, f"{{{IMSCP}}}organization", {"identifier": "course"}
    )
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = ET.SubElement(
        organization,
        f"{{{IMSCP}}}item",
        {"identifier": "course-item", "identifierref": "course-sco", "isvisible": "true"},
    )
    ET.SubElement(item, f"{{{IMSCP}}}title").text = title
    if mastery_score is not None:
        ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(mastery_score)
    resources = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(
        resources,
        f"{{{IMSCP}}}resource",
        {
            "identifier": "course-sco",
            "type": "webcontent",
            f"{{{ADLCP}}}scormtype": "sco",
            "href": LAUNCH_PAGE,
        },
    )
    for name in files:
        ET.SubElement(resource, f"{{{IMSCP}}}file", {"href": name})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Add a file to the zip with a fixed date, so packages are reproducible."""
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def build_package(
    site: Path,
    out: Path,
    *,
    title: str,
    mastery_score: int | None = None,
    leave_out: Iterable[str] = LEAVE_OUT,
) -> Package:
    """Write a built course as a SCORM 1.2 zip at `out`.

    Args:
        site: The built course.
        out: The zip to write.
        title: The course's title in the LMS.
        mastery_score: The score the LMS records as a pass, if any.
        leave_out: Patterns of site paths to leave out (see `LEAVE_OUT`, the default).

    Raises:
        PackageError: the site is not a built course, a packaged page links to a file left
            out, or the package cannot be written.
    """
    if not (site / "index.html").is_file():
        raise PackageError(f"{site} is not a built course: it has no index.html")
    if (site / LAUNCH_DIR).exists():
        raise PackageError(
            f"{site} already has a '{LAUNCH_DIR}' folder; the launch page goes "
            "there, so rename the course's folder"
        )
    clash = [name for name in SCHEMA_FILES if (site / name).exists()]
    if clash:
        raise PackageError(
            f"{site} already has {clash[0]}; the package's own control schema goes there"
        )
    if mastery_score is not None and not 0 <= mastery_score <= 100:
        raise PackageError(f"the mastery score is {mastery_score}; expected 0 to 100")
    quizzes = find_quizzes(site)
    site_files = package_files(site, leave_out)
    broken = links_to_left_out(site, site_files)
    if broken:
        more = f" (and {len(broken) - 1} more)" if len(broken) > 1 else ""
        raise PackageError(
            f"a page links to a file the package leaves out: {broken[0]}{more}; leave the "
            "file out of the build as well (MkDocs' exclude_docs), or package it (--leave-out)"
        )
    launch = {f"{LAUNCH_DIR}/{name}": (ASSETS / name).read_bytes() for name in LAUNCH_ASSETS}
    launch[LAUNCH_PAGE] = launch_page(title, quizzes).encode("utf-8")
    files = sorted([*site_files, *launch])
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w") as archive:
            _write(
                archive, "imsmanifest.xml", manifest(title, files, mastery_score).encode("utf-8")
            )
            for name in SCHEMA_FILES:
                _write(archive, name, (SCHEMAS / name).read_bytes())
            for name in files:
                _write(
                    archive, name, launch[name] if name in launch else (site / name).read_bytes()
                )
    except OSError as error:
        raise PackageError(f"cannot write {out}: {error.strerror or error}") from error
    return Package(
        path=out,
        files=len(files) + 1 + len(SCHEMA_FILES),
        quizzes=quizzes,
        mastery_score=mastery_score,
    )
