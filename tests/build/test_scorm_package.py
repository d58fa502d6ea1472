"""`make scorm` on the real course: the package an LMS imports, checked file by file."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from quizbank.scorm import SCHEMA_FILES
from tests.conftest import ROOT

NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2"}
_LINK = re.compile(r'(?:href|src)="([^"#?]+)[^"]*"')


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scorm") / "dist" / "coaching-mentoring-scorm12.zip"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quizbank",
            "scorm",
            "--config",
            "mkdocs.scorm.yml",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"wrote {out}: ")
    return out


def test_every_file_is_in_the_manifest_and_the_launch_page_is_there(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        root = ET.fromstring(archive.read("imsmanifest.xml"))
    resource = root.find("cp:resources/cp:resource", NS)
    assert resource is not None
    assert resource.get("href") in names
    listed = {file.get("href") for file in resource.findall("cp:file", NS)}
    assert listed == names - {"imsmanifest.xml", *SCHEMA_FILES}
    assert "index.html" in names


def test_pages_are_files_and_their_links_stay_inside_the_package(package: Path) -> None:
    """A link to a folder (`page/`) would not open from a zip: every link names a file."""
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        pages = {
            name: archive.read(name).decode("utf-8") for name in names if name.endswith(".html")
        }
    assert "tracks/01-introduction.html" in pages  # page.html, not page/index.html
    broken = []
    for name, html in pages.items():
        for target in _LINK.findall(html):
            if re.match(r"^[a-z][a-z0-9+.-]*:|^//", target):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(name), target))
            if resolved not in names:
                broken.append(f"{name}: {target}")
    assert broken == []


def test_the_launch_page_counts_the_quizzes_the_pages_show(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        launch = archive.read("scorm/launch.html").decode("utf-8")
        shown = {
            bank
            for name in archive.namelist()
            if name.endswith(".html")
            for bank in re.findall(
                r'data-qb-bank="([^"]+)" data-qb-kind="quiz"', archive.read(name).decode("utf-8")
            )
        }
    listed = re.search(r'data-quizzes="([^"]*)"', launch)
    assert listed is not None
    assert {pair.split(":")[0] for pair in listed.group(1).split()} == shown


def test_the_manifest_validates_against_the_schemas_in_the_zip(
    package: Path, tmp_path: Path
) -> None:
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path)
    assert set(SCHEMA_FILES) <= set(names)
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "adlcp_rootv1p2.xsd")))
    assert schema.validate(etree.parse(str(tmp_path / "imsmanifest.xml"))), schema.error_log


def test_no_tutor_page_and_no_server_file_is_in_the_learners_package(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        pages = " ".join(archive.read(n).decode("utf-8") for n in names if n.endswith(".html"))
        search = archive.read("search/search_index.json").decode("utf-8")
    assert not [n for n in names if n.startswith(("tutors/", ".hosting/", "."))]
    assert "tutors/" not in pages  # no link to them either, in the navigation or elsewhere
    assert "For tutors" not in search
