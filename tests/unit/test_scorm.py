"""The SCORM 1.2 package: manifest, launch page and the quizzes that count, from a built site."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from quizbank.scorm import (
    SCHEMA_FILES,
    SCHEMAS,
    PackageError,
    build_package,
    find_quizzes,
    package_files,
)

NS = {
    "cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
}
XSI = "{http://www.w3.org/2001/XMLSchema-instance}"


def _quiz(bank: str, questions: int) -> str:
    fields = "".join(
        f'<fieldset class="qb-question" data-qb-question="{bank}-{n}">'
        f'<div class="qb-feedback"></div></fieldset>'
        for n in range(questions)
    )
    return (
        f'<div class="qb-quiz" data-qb-bank="{bank}" data-qb-kind="quiz">'
        f'<div class="qb-quiz__intro"><p>Intro</p></div>{fields}'
        f'<div class="qb-quiz__actions" hidden></div></div>'
    )


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small built site: a home page, a page with a whole quiz, one with part of it."""
    root = tmp_path / "site"
    (root / "practice").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "index.html").write_text("<h1>Home</h1>")
    (root / "practice" / "grow.html").write_text(
        "<h1>GROW</h1>" + _quiz("grow", 3) + '<div class="qb-self" data-qb-bank="self" '
        'data-qb-kind="self-assessment"><fieldset data-qb-question="s1"></fieldset></div>'
    )
    (root / "track.html").write_text(_quiz("grow", 1) + _quiz("law", 2))
    (root / "assets" / "app.js").write_text("//")
    (root / "assets" / "app.js.map").write_text("{}")
    (root / "404.html").write_text('<a href="/index.html">Home</a>')
    return root


def test_quizzes_are_counted_by_their_largest_block(site: Path) -> None:
    assert find_quizzes(site) == {"grow": 3, "law": 2}


def test_the_manifest_is_scorm_1_2_with_one_sco_listing_every_file(
    site: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dist" / "course.zip"
    package = build_package(site, out, title="A course & more", mastery_score=70)
    assert package.quizzes == {"grow": 3, "law": 2}
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        manifest = archive.read("imsmanifest.xml")
        launch = archive.read("scorm/launch.html").decode("utf-8")
    assert names[0] == "imsmanifest.xml"
    root = ET.fromstring(manifest)
    assert root.tag == f"{{{NS['cp']}}}manifest"
    assert root.get("identifier") == "quizbank-a-course-more"
    location = root.get(f"{XSI}schemaLocation", "").split()
    assert dict(zip(location[::2], location[1::2], strict=True)) == {
        NS["cp"]: "imscp_rootv1p1p2.xsd",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
        NS["adlcp"]: "adlcp_rootv1p2.xsd",
    }
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    organizations = root.find("cp:organizations", NS)
    assert organizations is not None
    [organization] = organizations.findall("cp:organization", NS)
    assert organizations.get("default") == organization.get("identifier")
    assert organization.findtext("cp:title", namespaces=NS) == "A course & more"
    [item] = organization.findall("cp:item", NS)
    assert item.findtext("adlcp:masteryscore", namespaces=NS) == "70"
    [resource] = root.findall("cp:resources/cp:resource", NS)
    assert item.get("identifierref") == resource.get("identifier")
    assert resource.get(f"{{{NS['adlcp']}}}scormtype") == "sco"
    assert resource.get("type") == "webcontent"
    assert resource.get("href") == "scorm/launch.html"
    listed = [file.get("href") for file in resource.findall("cp:file", NS)]
    control = {"imsmanifest.xml", *SCHEMA_FILES}  # the package's, not the SCO's
    assert sorted(listed) == sorted(name for name in names if name not in control)
    assert len(listed) == len(set(listed))
    assert {
        "scorm/launch.html",
        "scorm/launch.js",
        "scorm/launch.css",
        "index.html",
        "practice/grow.html",
        "assets/app.js",
    } <= set(listed)
    assert "assets/app.js.map" not in names
    assert "404.html" not in names
    assert 'data-quizzes="grow:3 law:2"' in launch
    assert "<script>" not in launch
    assert '<script src="launch.js" defer></script>' in launch
    assert '<iframe class="lms-course" title="A course &amp; more" src="../index.html">' in launch


def test_without_a_mastery_score_the_manifest_has_none(site: Path, tmp_path: Path) -> None:
    build_package(site, tmp_path / "course.zip", title="Course")
    with zipfile.ZipFile(tmp_path / "course.zip") as archive:
        manifest = archive.read("imsmanifest.xml").decode("utf-8")
    assert "masteryscore" not in manifest


def test_the_same_site_gives_the_same_zip(site: Path, tmp_path: Path) -> None:
    build_package(site, tmp_path / "one.zip", title="Course")
    build_package(site, tmp_path / "two.zip", title="Course")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda site: (site / "index.html").unlink(),
            "is not a built course: it has no index.html",
        ),
        (lambda site: (site / "scorm").mkdir(), "already has a 'scorm' folder"),
    ],
)
def test_what_cannot_be_packaged_says_why(
    site: Path, tmp_path: Path, change: object, message: str
) -> None:
    change(site)  # type: ignore[operator]
    with pytest.raises(PackageError, match=message):
        build_package(site, tmp_path / "course.zip", title="Course")


PUBLISHED = {
    "adlcp_rootv1p2.xsd": "173decaf9cd31ea847e6ff6853c702137974aca6b56567151aa4a885e0aa4883",
    "ims_xml.xsd": "5209ff1d1e89cac16e797a2cdb0d5f345343ad97c1b125483a4bc6fc29319bd5",
    "imscp_rootv1p1p2.xsd": "d9ee699094e0db4518cf0143c81873d196b2683cf1c5ed770f108239ee079dda",
    "imsmd_rootv1p2p1.xsd": "51310a1097f373e619e54ef2ba9c050117de4822e6119a1cc2a3d07cfe450db9",
}
"""The schemas as ADL published them (see assets/scorm/xsd/README.md)."""


def test_the_vendored_schemas_are_the_published_ones() -> None:
    assert set(SCHEMA_FILES) == set(PUBLISHED)
    for name, digest in PUBLISHED.items():
        assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == digest, name


def test_the_package_carries_the_schemas_and_its_manifest_validates_against_them(
    site: Path, tmp_path: Path
) -> None:
    out = tmp_path / "course.zip"
    build_package(site, out, title="A <course> & more", mastery_score=80)
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        archive.extractall(unpacked)
    for name in SCHEMA_FILES:
        assert name in names  # at the zip's root, beside the manifest
        assert (unpacked / name).read_bytes() == (SCHEMAS / name).read_bytes()
    # ADL's schema, from the package itself: it imports IMS's content packaging schema (and
    # that the xml: attributes) by file name, as a conformance checker reads them.
    schema = etree.XMLSchema(etree.parse(str(unpacked / "adlcp_rootv1p2.xsd")))
    manifest = etree.parse(str(unpacked / "imsmanifest.xml"))
    assert schema.validate(manifest), schema.error_log
    broken = etree.fromstring(etree.tostring(manifest))
    broken.find(f"{{{NS['cp']}}}organizations").set("default", "no such organization")
    assert not schema.validate(broken)  # the schemas do check something


def test_tutor_pages_dot_folders_and_server_files_stay_out(site: Path, tmp_path: Path) -> None:
    (site / "tutors").mkdir()
    (site / "tutors" / "index.html").write_text("<h1>For tutors</h1>")
    (site / ".hosting").mkdir()
    (site / ".hosting" / "nginx.conf").write_text("add_header X 1;")
    files = package_files(site)
    assert not [name for name in files if name.startswith(("tutors/", ".hosting/"))]
    assert "404.html" not in files
    assert "assets/app.js.map" not in files
    assert "tutors/index.html" in package_files(site, ["404.html"])  # what to leave out is a choice
    build_package(site, tmp_path / "course.zip", title="Course")
    with zipfile.ZipFile(tmp_path / "course.zip") as archive:
        assert not [n for n in archive.namelist() if n.startswith(("tutors/", ".hosting/"))]


def test_a_page_that_links_to_a_file_left_out_is_not_packaged(site: Path, tmp_path: Path) -> None:
    (site / "tutors").mkdir()
    (site / "tutors" / "index.html").write_text("<h1>For tutors</h1>")
    (site / "index.html").write_text('<a href="tutors/index.html#top">Tutors</a>')
    with pytest.raises(PackageError, match=r"index.html: tutors/index.html; leave the file out"):
        build_package(site, tmp_path / "course.zip", title="Course")
    assert not (tmp_path / "course.zip").exists()


def test_a_drawn_quiz_counts_as_its_draw(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    drawn = _quiz("law", 5).replace('data-qb-kind="quiz"', 'data-qb-kind="quiz" data-qb-draw="2"')
    (root / "practice.html").write_text(drawn)
    assert find_quizzes(root) == {"law": 2}
    (root / "whole.html").write_text(_quiz("law", 5))
    assert find_quizzes(root) == {"law": 5}, "the largest block still decides"
