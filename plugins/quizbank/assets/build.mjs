// Build the published assets from src/ with esbuild: each script bundled into one minified
// classic script (an IIFE: module scripts do not run from file://), each stylesheet minified.
//   node build.mjs           write dist/
//   node build.mjs --check   exit 1 if dist/ is not what src/ builds to
// `npm run build` and `npm run check-dist` run these; tests/js/dist.test.mjs checks too.
import * as esbuild from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

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
 * Build every output in memory.
 * @returns {Promise<Record<string, string>>} each output's text by its path under assets/
 */
export async function build() {
  const built = {};
  for (const [out, source] of Object.entries(OUTPUTS)) {
    const script = source.endsWith(".js");
    const result = await esbuild.build({
      entryPoints: [join(HERE, source)],
      outfile: join(HERE, out),
      bundle: true,
      minify: true,
      write: false,
      charset: "utf8",
      legalComments: "none",
      logLevel: "warning",
      ...(script
        ? { format: "iife", target: "es2022", banner: { js: BANNER } }
        : { banner: { css: BANNER } })
    });
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
