// Build the published assets from src/ with esbuild: each script bundled into one minified
// classic script (an IIFE: module scripts do not run from file://), each stylesheet minified.
//   node build.mjs           write dist/
//   node build.mjs --check   exit 1 if dist/ is not what src/ builds to
// `npm run build` and `npm run check-dist` run these; tests/js/dist.test.mjs checks too.
//
// The core (quizbank.js, on every page) and the page script (pages.js, loaded by the core on
// the pages that need it) must not each hold a copy of a module: storage.js, attempt.js and
// others keep state (what could not be read, the attempts drawn), and two copies would each
// keep their own. So the core publishes what the page script uses of its modules, the same
// instances, as window.quizbank.core (src/core.js re-exports them), and the page script's build
// resolves every import of a module that is in the core to a stand-in reading them from there
// (`fromCore`). A page module importing something core.js does not publish fails the build.
import * as esbuild from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const CORE = "src/quizbank.js";
const PAGE_SCRIPT = "src/pages.js";

/** What is published, from which source. */
export const OUTPUTS = {
  "dist/quizbank.js": "src/quizbank.js",
  "dist/quizbank-pages.js": "src/pages.js",
  "dist/quizbank.css": "src/quizbank.css",
  "dist/scorm/launch.js": "src/scorm/launch.js",
  "dist/scorm/launch.css": "src/scorm/launch.css"
};

const BANNER = "/* quizbank: built from src/ by `npm run build`; read the source there. */";

/**
 * Read what src/core.js publishes: the names it re-exports, by the module they come from.
 * @returns {Promise<Map<string, string[]>>} names by module path under assets/ ("src/dom.js")
 */
async function published() {
  const text = await readFile(join(HERE, "src/core.js"), "utf8");
  const names = new Map();
  for (const [, list, from] of text.matchAll(/export\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    names.set(join("src", from), list.split(",").map((name) => name.trim()).filter(Boolean));
  }
  return names;
}

/**
 * An esbuild plugin for the page script: an import of a module the core bundles becomes a
 * stand-in that takes its exports from the core's instances (window.quizbank.core).
 * @param {Set<string>} inCore the core's modules, by path under assets/
 * @param {Map<string, string[]>} names what core.js publishes of each
 * @returns {esbuild.Plugin}
 */
const fromCore = (inCore, names) => ({
  name: "from-core",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir, importer }) => {
      const module = relative(HERE, join(resolveDir, path));
      if (!inCore.has(module)) return undefined; /* the page script's own */
      if (!names.get(module)?.length) {
        const text = `${module} is in the core: add what ${relative(HERE, importer)} uses of it to src/core.js`;
        return { errors: [{ text }] };
      }
      return { path: module, namespace: "core" };
    });
    build.onLoad({ filter: /.*/, namespace: "core" }, ({ path }) => ({
      contents: `export const { ${names.get(path)?.join(", ")} } = window.quizbank.core;`,
      loader: "js"
    }));
  }
});

/**
 * Build every output in memory: the core first, whose modules the page script then leaves out.
 * @returns {Promise<Record<string, string>>} each output's text by its path under assets/
 */
export async function build() {
  const built = {};
  /** @type {Set<string>} */
  let inCore = new Set();
  for (const [out, source] of Object.entries(OUTPUTS)) {
    const script = source.endsWith(".js");
    const result = await esbuild.build({
      entryPoints: [join(HERE, source)],
      outfile: join(HERE, out),
      absWorkingDir: HERE,
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      charset: "utf8",
      legalComments: "none",
      logLevel: "warning",
      plugins: source === PAGE_SCRIPT ? [fromCore(inCore, await published())] : [],
      ...(script
        ? { format: "iife", target: "es2022", banner: { js: BANNER } }
        : { banner: { css: BANNER } })
    });
    if (source === CORE) inCore = new Set(Object.keys(result.metafile.inputs));
    built[out] = result.outputFiles[0].text;
  }
  return built;
}

/**
 * Return the outputs whose committed file differs from what the sources build to.
 * @param {Record<string, string>} built
 */
export async function stale(built) {
  const differ = [];
  for (const [out, text] of Object.entries(built)) {
    const committed = await readFile(join(HERE, out), "utf8").catch(() => null);
    if (committed !== text) differ.push(out);
  }
  return differ;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await build();
  if (process.argv.includes("--check")) {
    const differ = await stale(built);
    if (differ.length) {
      console.error(`Not what src/ builds to: ${differ.join(", ")}. Run npm run build.`);
      process.exit(1);
    }
  } else {
    for (const [out, text] of Object.entries(built)) {
      await mkdir(dirname(join(HERE, out)), { recursive: true });
      await writeFile(join(HERE, out), text);
    }
    for (const out of Object.keys(built)) console.log(`wrote ${out}`);
  }
}
