// JS a sample's tab loads, gzip -9, from its built dist/ui: the first view (the entry script and
// what index.html preloads) and everything built (lazy chunks included). Issue 9's budget: 71 KB.
//   pnpm --filter minimal-backend --filter compose-volumes --filter host-binaries build && node packages/ui/bench/js-size.mjs
import { readdir, readFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";

const samples = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["minimal-backend", "compose-volumes", "host-binaries"];
const root = new URL("../../../samples/", import.meta.url);
const kb = (bytes) => (bytes / 1024).toFixed(1);

console.log("| sample | first view: files | first view gzip KB | first view raw KB | all JS gzip KB | budget 71 KB |");
console.log("|---|---|---|---|---|---|");
for (const sample of samples) {
  const ui = new URL(`${sample}/dist/ui/`, root);
  const html = await readFile(new URL("index.html", ui), "utf8");
  const firstView = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g)].map((match) => match[1]);
  const sizes = new Map();
  for (const name of await readdir(new URL("assets/", ui))) {
    if (!name.endsWith(".js")) continue;
    const bytes = await readFile(new URL(`assets/${name}`, ui));
    sizes.set(`assets/${name}`, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  const sum = (names, key) => names.reduce((total, name) => total + (sizes.get(name)?.[key] ?? 0), 0);
  const first = sum(firstView, "gzip");
  console.log(
    `| ${sample} | ${firstView.length} | ${kb(first)} | ${kb(sum(firstView, "raw"))} | ${kb(sum([...sizes.keys()], "gzip"))} | ${first <= 71 * 1024 ? "met" : "not met"} |`,
  );
}
