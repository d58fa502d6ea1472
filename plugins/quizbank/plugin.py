"""The MkDocs plugin: thin glue around the Markdown extension.

It loads and checks the banks once a build, runs the item-writing lint on them, hands them
to the extension, tells the extension which page it renders (for links to track pages and for
problem reports), adds the one script and the one stylesheet, writes the
Content-Security-Policy, and watches the banks under `mkdocs serve`.

The blocks reach a page in two steps. Markdown puts a short stand-in for each (the text of its
questions, all a search index should hold), and once the search plugin has indexed the page
the stand-ins are replaced by the blocks' HTML. So the theme's search never parses the
questions' markup, and answer keys never reach the index.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import csp, model
from .assets import PUBLISHED, asset_content, published_uris
from .catalog import BankCache, Catalog, collector_paused, load_catalog
from .config import QuizbankConfig
from .learner import COURSE_ID, COURSE_ID_LENGTH, course_id_from
from .lint import LintConfigError, lint_catalog, load_settings, summary
from .markdown import QuizbankExtension
from .pages import body_offset, split_front_matter
from .problems import format_problems
from .render import RenderContext
from .tracks import Track, read_track

if TYPE_CHECKING:  # the live-reload server (and watchdog) is only imported by `mkdocs serve`
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)


class QuizbankPlugin(BasePlugin[QuizbankConfig]):
    """Render the quizbank blocks (quizzes, self-assessments, reflections, records)."""

    def __init__(self) -> None:
        super().__init__()
        self.bank_cache = BankCache()
        """The bank files as last read: a rebuild reads again only those edited since."""
        self.last_catalog: Catalog | None = None
        """The banks as the last build loaded them."""
        self.changed_banks: set[str] = set()
        """The ids of the banks that changed since the last build (`*`: the qualifications)."""
        self.page_banks: dict[str, set[str]] = {}
        """The banks each page shows, by its source file, so that `--dirty` rebuilds a page
        whose bank changed."""
        self.page_scans: dict[str, tuple[tuple[int, int], csp.PageScan, str | None]] = {}
        """The policy's scan of each HTML file of the site by its path, with the file's
        modification time and size and the page's source: under `mkdocs serve --dirty`, a page
        not built again keeps its scan."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Keep this plugin from build to build under `mkdocs serve`, with what it has learnt."""

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
        gc.unfreeze()  # what the last build froze (see below) is garbage it may collect now
        before, self.last_catalog = self.last_catalog, None
        with collector_paused():
            self.catalog = load_catalog(
                [self.bank_dir],
                relative_to=root,
                keep_sources=self.config.lint.enabled,
                cache=self.bank_cache,
            )
            # The banks, and everything loaded so far, live as long as the build: keep the
            # cyclic garbage collector from walking them again and again (at 10,000 questions
            # that took a second). Frozen before the collector is back, which would otherwise
            # walk them all at once. Undone when the build ends.
            gc.freeze()
        self.last_catalog = self.catalog
        if self.catalog.problems:
            raise PluginError(
                "quizbank: the question banks have problems:\n"
                + format_problems(self.catalog.problems)
            )
        self._lint(root)
        self.catalog.sources.clear()  # only the lint needs to know where values are
        self.changed_banks = _changed(before, self.catalog)
        self.extension = QuizbankExtension(catalog=self.catalog, defer=True)
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
        self.course_id = self.config.course_id or course_id_from(config.site_name)
        if not COURSE_ID.match(self.course_id) or len(self.course_id) > COURSE_ID_LENGTH:
            place = _option_place(config.config_file_path, "course_id")
            raise PluginError(
                f"quizbank: course_id has a problem:\n{place}: {self.course_id!r} should be "
                f"lower-case letters, digits and single hyphens, at most {COURSE_ID_LENGTH} "
                "characters, such as 'first-aid-at-work'"
            )
        self.sources: dict[str, str] = {}
        self.deferred: dict[str, list[tuple[str, str]]] = {}
        self.placed: dict[str, list[str]] = {}
        self.scanned: dict[str, csp.PageScan] = {}
        self.last_scans = getattr(self, "scans", {})
        """The last build's scans by page content: a page written alike is not scanned again."""
        self.scans: dict[tuple[str | None, int, int], csp.PageScan] = {}
        self.own_host = urlsplit(config.site_url or "").hostname
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
        if self.changed_banks:
            self._rebuild_pages_showing(files, self.changed_banks)
        return files

    def _rebuild_pages_showing(self, files: Files, banks: set[str]) -> None:
        """Make MkDocs build again the pages that show a changed bank, even with `--dirty`.

        `--dirty` builds a page when its source is newer than the page built from it, so the
        page built last time is taken away.
        """
        for file in files.documentation_pages():
            shows = self.page_banks.get(file.abs_src_path or "")
            if shows and ("*" in shows or shows & banks):
                Path(file.abs_dest_path).unlink(missing_ok=True)

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

        def track_title(number: int) -> str | None:
            return self.tracks[number][1].title if number in self.tracks else None

        context = RenderContext(
            track_link=track_link,
            track_title=track_title,
            page_track=self._track_of(page),
            tracks=tuple(sorted(self.tracks)),
            track_units=tuple(
                (number, track.units) for number, (_, track) in sorted(self.tracks.items())
            ),
            course=self.course_id,
        )
        self.extension.start_page(path, context, report)
        return None

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Keep the HTML of the page's blocks until the page has been indexed for search."""
        if not self.config.enabled:
            return None
        if self.extension.deferred:
            self.deferred[page.file.src_uri] = self.extension.deferred
        self.page_banks[page.file.abs_src_path or ""] = set(self.extension.page_banks)
        return None

    @event_priority(-100)  # after the search plugin (and any other) has read page.content
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Put each block's HTML in place of its stand-in."""
        if not self.config.enabled:
            return None
        blocks = self.deferred.pop(page.file.src_uri, None)
        if not blocks or page.content is None:
            return None
        pieces: list[str] = []
        position = 0
        placed = []
        for stand_in, html in blocks:
            found = page.content.find(stand_in, position)
            if found < 0:
                log.warning(
                    f"{self.docs_prefix}/{page.file.src_uri}: a quizbank block was taken out of "
                    "the page before it could be shown (another plugin changed the page)"
                )
                continue
            pieces += (page.content[position:found], html)
            placed.append(html)
            position = found + len(stand_in)
        pieces.append(page.content[position:])
        page.content = "".join(pieces)
        self.placed[page.file.dest_uri] = placed
        return None

    def _track_of(self, page: Page) -> int | None:
        """Return the number of the track a page is, if it is one."""
        for number, (file, _) in self.tracks.items():
            if file is page.file:
                return number
        return None

    @event_priority(-100)  # the page as it is written, after every other plugin
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Scan the page for the Content-Security-Policy; remember where it comes from."""
        if not self.config.enabled:
            return None
        self.sources[page.file.dest_uri] = f"{self.docs_prefix}/{page.file.src_uri}"
        if self.config.csp:
            # The blocks' own HTML holds no script, style or load: the builder writes none.
            skip = self.placed.pop(page.file.dest_uri, ())
            seen = (self.own_host, len(output), hash(output))  # serve rewrites pages alike
            scan = self.last_scans.get(seen) or csp.scan_page(output, self.own_host, skip=skip)
            self.scanned[page.file.dest_uri] = self.scans[seen] = scan
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the Content-Security-Policy the built site works under, with server snippets.

        What the policy would block (style attributes, event handlers, loads from other
        hosts) is reported as a warning, naming the page. Pages built now were scanned as
        they were written; other HTML files are read (a page left as it was by `--dirty`
        keeps its last scan).
        """
        gc.unfreeze()
        if not self.config.enabled or not self.config.csp:
            return
        site = Path(config.site_dir)
        out = site / self.config.csp_dir
        scans = []
        for path in sorted(site.rglob("*.html")):
            if out in path.parents:
                continue
            where = path.relative_to(site).as_posix()
            stat = path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
            source = self.sources.get(where)
            scan = self.scanned.get(where)
            if scan is None:
                known = self.page_scans.get(str(path))
                if known is not None and known[0] == stamp:
                    _, scan, source = known
                else:
                    try:
                        html = path.read_text(encoding="utf-8")
                    except UnicodeDecodeError as error:
                        log.warning(
                            f"{where}: not UTF-8 (byte {error.start}), so its inline scripts "
                            "cannot be hashed into the Content-Security-Policy"
                        )
                        continue
                    scan = csp.scan_page(html, self.own_host)
            self.page_scans[str(path)] = (stamp, scan, source)
            scans.append(scan)
            if blocked := scan.blocked:
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

    def on_build_error(self, *, error: Exception) -> None:
        """Let the garbage collector have what the build froze."""
        gc.unfreeze()

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


def _changed(before: Catalog | None, now: Catalog) -> set[str]:
    """Return the ids of the banks that changed between two loads (`*`: the qualifications).

    Banks read from a cache are the same objects when their files did not change.
    """
    if before is None:
        return set()
    changed = {
        bank_id
        for bank_id in before.banks.keys() | now.banks.keys()
        if before.banks.get(bank_id) is not now.banks.get(bank_id)
    }
    if before.qualifications is not now.qualifications:
        changed.add("*")
    return changed
