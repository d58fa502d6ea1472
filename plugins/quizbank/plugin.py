"""The MkDocs plugin: thin glue around the Markdown extension.

It loads and checks the banks once a build, runs the item-writing lint on them, hands them
to the extension, tells the extension which page it renders (for links to track pages and for
problem reports), adds the one script and the one stylesheet, writes the
Content-Security-Policy, and watches the banks under `mkdocs serve`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import csp, model
from .assets import PUBLISHED, asset_content, published_uris
from .catalog import Catalog, load_catalog
from .config import QuizbankConfig
from .lint import LintConfigError, lint_catalog, load_settings, summary
from .markdown import QuizbankExtension
from .pages import body_offset, split_front_matter
from .problems import format_problems
from .render import RenderContext
from .tracks import Track, read_track

if TYPE_CHECKING:  # the live-reload server (and watchdog) is only imported by `mkdocs serve`
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


class QuizbankPlugin(BasePlugin[QuizbankConfig]):
    """Render the quizbank blocks (quizzes, self-assessments, reflections, records)."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load and check the banks, and register the extension and the assets."""
        if not self.config.enabled:
            return None
        root = Path(config.config_file_path or ".").parent
        self.docs_prefix = Path(os.path.relpath(config.docs_dir, root)).as_posix()
        self.bank_dir = root / self.config.banks
        if not self.bank_dir.is_dir():
            raise PluginError(
                f"quizbank: the banks folder {self.config.banks!r} does not exist "
                f"(looked in {self.bank_dir}); set 'banks' under the plugin"
            )
        self.catalog: Catalog = load_catalog(
            [self.bank_dir], relative_to=root, keep_sources=self.config.lint.enabled
        )
        if self.catalog.problems:
            raise PluginError(
                "quizbank: the question banks have problems:\n"
                + format_problems(self.catalog.problems)
            )
        self._lint(root)
        self.catalog.sources.clear()  # only the lint needs to know where values are
        self.extension = QuizbankExtension(catalog=self.catalog)
        config.markdown_extensions.append(self.extension)  # type: ignore[arg-type]
        self.assets = {name: asset_content(name) for name in PUBLISHED}
        self.asset_uris = published_uris(self.assets)
        config.extra_css.append(self.asset_uris["quizbank.css"])
        config.extra_javascript.append(self.asset_uris["quizbank.js"])  # type: ignore[arg-type]
        self.tracks: dict[int, tuple[File, Track]] = {}
        problems = csp.check_sources(self.config.csp_frame_ancestors)
        if problems:
            place = _option_place(config.config_file_path, "csp_frame_ancestors")
            raise PluginError(
                "quizbank: csp_frame_ancestors has problems:\n"
                + "\n".join(f"{place}: {problem}" for problem in problems)
            )
        csp_dir = Path(self.config.csp_dir)
        if csp_dir.is_absolute() or ".." in csp_dir.parts or not csp_dir.parts:
            raise PluginError(
                f"quizbank: csp_dir {self.config.csp_dir!r} should be a folder "
                "inside the built site, such as '.hosting'"
            )
        self.sources: dict[str, str] = {}
        return config

    def _lint(self, root: Path) -> None:
        """Run the item-writing checks on the banks (`quizbank lint`).

        Warnings are logged as information, so they do not fail `mkdocs build --strict`,
        unless the `lint` options say `strict: true`. Figures (a bank's mix of levels) are
        logged at debug level; a count per rule closes the report.
        """
        options = self.config.lint
        if not options.enabled:
            return
        try:
            settings = load_settings(dict(options))
        except LintConfigError as error:
            raise PluginError(f"quizbank: {error}") from None
        findings = lint_catalog(self.catalog, settings, root=root)
        report = log.warning if options.strict else log.info
        for finding in findings:
            (report if finding.severity == "warning" else log.debug)(str(finding))
        log.info(f"lint: {summary(findings)}")

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Publish the assets, and find the track pages (front matter `track: N`)."""
        if not self.config.enabled:
            return None
        for name, uri in self.asset_uris.items():
            files.append(File.generated(config, uri, content=self.assets[name]))
        for file in files.documentation_pages():
            meta, _, _ = split_front_matter(file.content_string)
            track = read_track(meta, file.name)
            if track is None:
                continue
            if track.number in self.tracks:
                log.warning(
                    f"{self.docs_prefix}/{file.src_uri}: 'track: {track.number}' is "
                    f"also declared by {self.tracks[track.number][0].src_uri}"
                )
            self.tracks[track.number] = (file, track)
        self._check_track_tags()
        return files

    def _check_track_tags(self) -> None:
        """Warn about questions tagged with a track that no page declares."""
        if not self.tracks:
            return
        for bank_id, bank in self.catalog.banks.items():
            entries = bank.questions if isinstance(bank, model.QuizBank) else bank.items()
            for entry in entries:
                if entry.track is not None and entry.track not in self.tracks:
                    log.warning(
                        f"{self.catalog.paths[bank_id]}: question {entry.id!r} is tagged "
                        f"track {entry.track}, but no page has 'track: {entry.track}' "
                        f"in its front matter"
                    )

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Tell the extension which page it is about to render."""
        if not self.config.enabled:
            return None
        offset = body_offset(page.file.content_string)
        path = f"{self.docs_prefix}/{page.file.src_uri}"

        def track_link(number: int) -> tuple[str, str] | None:
            if number not in self.tracks:
                return None
            target, track = self.tracks[number]
            return target.url_relative_to(page.file), track.label

        def report(line: int, message: str) -> None:
            log.warning(f"{path}:{line + offset}:1: {message}")

        context = RenderContext(
            track_link=track_link,
            page_track=self._track_of(page),
            tracks=tuple(sorted(self.tracks)),
            track_units=tuple(
                (number, track.units) for number, (_, track) in sorted(self.tracks.items())
            ),
        )
        self.extension.start_page(path, context, report)
        return None

    def _track_of(self, page: Page) -> int | None:
        """Return the number of the track a page is, if it is one."""
        for number, (file, _) in self.tracks.items():
            if file is page.file:
                return number
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Remember which source each built page comes from, for problem reports."""
        if self.config.enabled:
            self.sources[page.file.dest_uri] = f"{self.docs_prefix}/{page.file.src_uri}"
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the Content-Security-Policy the built site works under, with server snippets.

        What the policy would block (style attributes, event handlers, loads from other
        hosts) is reported as a warning, naming the page.
        """
        if not self.config.enabled or not self.config.csp:
            return
        site = Path(config.site_dir)
        out = site / self.config.csp_dir
        own_host = urlsplit(config.site_url or "").hostname
        scans = []
        for path in sorted(site.rglob("*.html")):
            if out in path.parents:
                continue
            where = path.relative_to(site).as_posix()
            try:
                html = path.read_text(encoding="utf-8")
            except UnicodeDecodeError as error:
                log.warning(
                    f"{where}: not UTF-8 (byte {error.start}), so its inline scripts "
                    "cannot be hashed into the Content-Security-Policy"
                )
                continue
            scans.append(scan := csp.scan_page(html, own_host))
            if blocked := scan.blocked:
                source = self.sources.get(where)
                more = f" (and {len(blocked) - 1} more)" if len(blocked) > 1 else ""
                log.warning(
                    f"{source + ' (' + where + ')' if source else where}: the "
                    f"Content-Security-Policy would block {blocked[0]}{more}"
                )
        policy = csp.build_policy(csp.collect_hashes(scans), self.config.csp_frame_ancestors)
        out.mkdir(parents=True, exist_ok=True)
        (out / "csp.txt").write_text(policy + "\n", encoding="utf-8")
        (out / "nginx.conf").write_text(csp.nginx_snippet(policy), encoding="utf-8")
        (out / "apache.conf").write_text(csp.apache_snippet(policy), encoding="utf-8")
        (out / "iis-web.config").write_text(csp.iis_snippet(policy, out.name), encoding="utf-8")

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: object
    ) -> LiveReloadServer | None:
        """Rebuild when a bank changes."""
        if self.config.enabled:
            server.watch(str(self.bank_dir))
        return server


def _option_place(config_file: str | None, option: str) -> str:
    """Return `path:line:col` of an option in the configuration file, for problem reports."""
    if not config_file:
        return "mkdocs.yml:1:1"
    shown = Path(os.path.relpath(config_file)).as_posix()
    try:
        lines = Path(config_file).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return f"{shown}:1:1"
    for number, line in enumerate(lines, start=1):
        column = line.find(f"{option}:")
        if column >= 0 and not line[:column].strip():
            return f"{shown}:{number}:{column + 1}"
    return f"{shown}:1:1"
