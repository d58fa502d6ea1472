// Build the published assets from src/ with esbuild: each script bundled into one minified
// classic script (an IIFE: module scripts do not run from file://), each stylesheet minified.
//   node build.mjs           write dist/
//   node build.mjs --check   exit 1 if dist/ is not what src/ builds to
// `npm run build` and `npm run check-dist` run these; tests/js/dist.test.mjs checks too.
//
// Three scripts: the core (quizbank.js, on every page), the questions script (questions.js,
// loaded by the core on pages with questions) and the page script (pages.js, loaded after the
// questions script on the pages that need it). No module may be in two of them: storage.js,
// attempt.js and others keep state (what could not be read, the attempts drawn), and two
// copies would each keep their own. So each script publishes what the later ones use of its
// modules, the same instances (the core as window.quizbank.core, listed in src/core.js; the
// questions script as window.quizbankQuestions.core, listed in src/questions-core.js), and a
// later script's build resolves every import of a module an earlier script bundles to a
// stand-in reading it from there (`fromEarlier`). A module importing something its earlier
// script does not publish fails the build.
import * as esbuild from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The scripts, in the order a page loads them: each one's source, the list of what it
 * publishes of its modules for the later ones, and where it publishes them.
 * @type {{ source: string, publishes?: string, global?: string }[]}
 */
const SCRIPTS = [
  { source: "src/quizbank.js", publishes: "src/core.js", global: "window.quizbank.core" },
  {
    source: "src/questions.js",
    publishes: "src/questions-core.js",
    global: "window.quizbankQuestions.core"
  },
  { source: "src/pages.js" }
];

/** What is published, from which source. */
export const OUTPUTS = {
  "dist/quizbank.js": "src/quizbank.js",
  "dist/quizbank-questions.js": "src/questions.js",
  "dist/quizbank-pages.js": "src/pages.js",
  "dist/quizbank.css": "src/quizbank.css",
  "dist/scorm/launch.js": "src/scorm/launch.js",
  "dist/scorm/launch.css": "src/scorm/launch.css"
};

const BANNER = "/* quizbank: built from src/ by `npm run build`; read the source there. */";

/**
 * Read what a list (src/core.js) publishes: the names it re-exports, by the module they come
 * from.
 * @param {string} list its path under assets/
 * @returns {Promise<Map<string, string[]>>} names by module path under assets/ ("src/dom.js")
 */
async function published(list) {
  const text = await readFile(join(HERE, list), "utf8");
  const names = new Map();
  for (const [, listed, from] of text.matchAll(/export\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    names.set(join(dirname(list), from), listed.split(",").map((name) => name.trim()).filter(Boolean));
  }
  return names;
}

/**
 * An esbuild plugin for a script after the first: an import of a module an earlier script
 * bundles becomes a stand-in that takes its exports from that script's instances.
 * @param {{ modules: Set<string>, names: Map<string, string[]>, global: string, list: string }[]} earlier
 * @returns {esbuild.Plugin}
 */
const fromEarlier = (earlier) => ({
  name: "from-earlier",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir, importer }) => {
      const module = relative(HERE, join(resolveDir, path));
      const holder = earlier.find((script) => script.modules.has(module));
      if (!holder) return undefined; /* this script's own */
      if (!holder.names.get(module)?.length) {
        const text = `${module} is in an earlier script: add what ${relative(HERE, importer)} uses of it to ${holder.list}`;
        return { errors: [{ text }] };
      }
      return { path: module, namespace: "earlier", pluginData: holder };
    });
    build.onLoad({ filter: /.*/, namespace: "earlier" }, ({ path, pluginData }) => ({
      contents: `export const { ${pluginData.names.get(path)?.join(", ")} } = ${pluginData.global};`,
      loader: "js"
    }));
  }
});

/**
 * Build every output in memory: the scripts in their order, each leaving out the earlier
 * ones' modules.
 * @returns {Promise<Record<string, string>>} each output's text by its path under assets/
 */
export async function build() {
  const built = {};
  /** @type {{ modules: Set<string>, names: Map<string, string[]>, global: string, list: string }[]} */
  const earlier = [];
  for (const [out, source] of Object.entries(OUTPUTS)) {
    const script = source.endsWith(".js");
    const chained = SCRIPTS.find((each) => each.source === source);
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
      plugins: chained && earlier.length ? [fromEarlier([...earlier])] : [],
      ...(script
        ? { format: "iife", target: "es2022", banner: { js: BANNER } }
        : { banner: { css: BANNER } })
    });
    if (chained?.publishes && chained.global) {
      const modules = new Set(Object.keys(result.metafile.inputs).filter((m) => !m.startsWith("earlier:")));
      const names = await published(chained.publishes);
      earlier.push({ modules, names, global: chained.global, list: chained.publishes });
    }
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
