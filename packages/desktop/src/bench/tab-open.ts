// Tab open → extension UI rendered, in headless Chromium, inside the host's frame: each sample, a
// plain HTML extension (what a page with no framework costs in this host) and the peer, Docker's
// samples/react shape (tab-peer.ts), measured in the same run. Desktop re-initialises an
// extension's UI each time its tab opens, so this is what users feel.
//   pnpm --filter @dext/desktop bench [runs] [--image <ref>]... [--peer <folder>]   (images need a Docker engine at DOCKER_HOST)
import { fileURLToPath } from "node:url";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { silentLogger } from "@dext/backend";
import { startDesktopHost } from "../server/desktop-host.ts";
import { buildPlainFixture, plainFixtureDir } from "../testing/build-plain-fixture.ts";
import { launchChromium } from "../testing/launch-chromium.ts";
import { firstViewMarksScript } from "./first-view-marks.ts";
import { buildTabPeer, defaultPeerSource, tabPeerExtension } from "./tab-peer.ts";
import type { FirstViewMarks } from "./first-view-marks.ts";

const { values, positionals } = parseArgs({
  options: { image: { type: "string", multiple: true }, peer: { type: "string" } },
  allowPositionals: true,
});
const runs = Number(positionals[0] ?? 25);
const images = values.image ?? [];
// A benchmark measures real extensions, so it reads the samples (a named exception to "packages do
// not read samples/", tooling/workspace-checks); the tests use fixtures of their own.
const samples = fileURLToPath(new URL("../../../../samples/", import.meta.url));

function quantile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[index] ?? Number.NaN;
}

await buildPlainFixture();
const peerFolder = await tabPeerExtension(await buildTabPeer(values.peer ?? defaultPeerSource));
const host = await startDesktopHost({
  folders: [
    plainFixtureDir,
    peerFolder,
    `${samples}minimal-backend`,
    `${samples}compose-volumes`,
    `${samples}host-binaries`,
  ],
  images,
  logger: silentLogger,
});
const browser = await launchChromium();
const ids = host.extensions.map((extension) => extension.id);
/** Click → first frame showing a control, and → that control handled by React, per extension. */
const timings = ids.map(() => ({ control: [] as number[], interactive: [] as number[] }));
try {
  // Rounds interleave the extensions, so each sees the same machine; a fresh context per load, so
  // nothing is cached from the last open. Each extension is served on an origin of its own: the
  // frame records its own marks (first-view-marks.ts) on its clock, which the click is set against.
  for (let round = 0; round < runs + 2; round++) {
    for (const [index, id] of ids.entries()) {
      const context = await browser.newContext();
      await context.addInitScript(firstViewMarksScript());
      const page = await context.newPage();
      await page.goto(`${host.url}#none`);
      await page.locator("nav button").first().waitFor();
      const clicked = await page.evaluate<number>(
        `(() => { const at = performance.timeOrigin + performance.now(); document.querySelector('nav button[data-id="${id}"]').click(); return at; })()`,
      );
      const frame = await (await page.locator("main iframe").elementHandle()).contentFrame();
      if (!frame) throw new Error(`${id}: no extension frame after the click`);
      const handle = await frame.waitForFunction("window.__dextFirstView", undefined, { timeout: 30_000 });
      const marks = (await handle.jsonValue()) as FirstViewMarks;
      await context.close();
      // The first two rounds warm what outlives a context: the OS's file cache, the host's own.
      if (round < 2) continue;
      timings[index]?.control.push(marks.origin + marks.control - clicked);
      if (marks.interactive !== null) timings[index]?.interactive.push(marks.origin + marks.interactive - clicked);
    }
  }
} finally {
  await browser.close();
  await host.stop();
}

const results = ids.map((id, index) => {
  const { control, interactive } = timings[index] ?? { control: [], interactive: [] };
  control.sort((a, b) => a - b);
  interactive.sort((a, b) => a - b);
  return {
    id,
    control: { median: quantile(control, 0.5), p90: quantile(control, 0.9), min: control[0] ?? Number.NaN },
    interactive: interactive.length === 0 ? undefined : quantile(interactive, 0.5),
  };
});
const plain = results.find((result) => result.id === "plain-extension");
const peer = results.find((result) => result.id === "react17-mui5-tab");
const ratio = (value: number | undefined, base: number | undefined) =>
  value === undefined || base === undefined ? "-" : (value / base).toFixed(2);
const ms = (value: number | undefined) => (value === undefined ? "-" : String(Math.round(value)));
console.log(
  `tab open in the host's frame → first visible control, median of ${runs} (fresh context each, interleaved), ${cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(
  "| extension | first control ms | p90 ms | min ms | / plain HTML | / React peer | interactive ms | / React peer |",
);
console.log("|---|---|---|---|---|---|---|---|");
for (const result of results) {
  const { control } = result;
  console.log(
    `| ${result.id} | ${ms(control.median)} | ${ms(control.p90)} | ${ms(control.min)} | ${ratio(control.median, plain?.control.median)} | ${ratio(control.median, peer?.control.median)} | ${ms(result.interactive)} | ${ratio(result.interactive, peer?.interactive)} |`,
  );
}
