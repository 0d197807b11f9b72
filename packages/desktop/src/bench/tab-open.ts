// Tab open → extension UI rendered, in headless Chromium, for each sample and for a plain HTML
// extension measured in the same run (the peer: what a page with no framework costs in this host).
// Desktop re-initialises an extension's UI each time its tab opens, so this is what users feel.
//   pnpm --filter @dext/desktop bench [runs] [--image <ref>]...   (images need a Docker engine at DOCKER_HOST)
import { fileURLToPath } from "node:url";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { startDesktopHost } from "../server/desktop-host.js";
import { buildPlainFixture, plainFixtureDir } from "../testing/build-plain-fixture.js";
import { launchChromium } from "../testing/launch-chromium.js";

const { values, positionals } = parseArgs({ options: { image: { type: "string", multiple: true } }, allowPositionals: true });
const runs = Number(positionals[0] ?? 25);
const images = values.image ?? [];
const samples = fileURLToPath(new URL("../../../../samples/", import.meta.url));
/** What "rendered" means per extension: the first thing its user reads. */
const renderedSelector: Record<string, string> = {
  "plain-extension": "h1",
  "minimal-backend": "h1",
  "minimal-backend-image": "h1",
  "compose-volumes-image": "h1",
};

function quantile(sorted: number[], q: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))));
  return sorted[index] ?? Number.NaN;
}

await buildPlainFixture();
const host = await startDesktopHost({ folders: [plainFixtureDir, `${samples}minimal-backend`], images, log: () => {} });
const browser = await launchChromium();
const results: { id: string; median: number; p90: number; min: number }[] = [];
try {
  const page = await browser.newPage();
  for (const extension of host.extensions) {
    const selector = renderedSelector[extension.id] ?? "body *";
    const times: number[] = [];
    for (let run = 0; run < runs + 2; run++) {
      await page.goto(`${host.url}#none`);
      await page.locator("nav button").first().waitFor();
      // Timed inside the browser, from the click to the first frame that shows the element, so
      // Playwright's own round trips are not counted.
      const elapsed = await page.evaluate(
        `new Promise((resolve) => {
          const started = performance.now();
          document.querySelector('nav button[data-id="${extension.id}"]').click();
          const tick = () => {
            const frame = document.querySelector("main iframe");
            const element = frame?.contentDocument?.querySelector(${JSON.stringify(selector)});
            if (element && element.getBoundingClientRect().height > 0) resolve(performance.now() - started);
            else requestAnimationFrame(tick);
          };
          tick();
        })`,
      );
      // The first two runs warm the browser's and the host's caches, as a second tab open would.
      if (run >= 2) times.push(Math.round(elapsed as number));
    }
    times.sort((a, b) => a - b);
    results.push({ id: extension.id, median: quantile(times, 0.5), p90: quantile(times, 0.9), min: times[0] ?? Number.NaN });
  }
} finally {
  await browser.close();
  await host.stop();
}

const peer = results.find((result) => result.id === "plain-extension");
console.log(`tab open → UI rendered, ${runs} runs each, ${cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
console.log("| extension | median ms | p90 ms | min ms | median / plain HTML peer |");
console.log("|---|---|---|---|---|");
for (const result of results) {
  const ratio = peer === undefined ? "" : (result.median / peer.median).toFixed(2);
  console.log(`| ${result.id} | ${result.median} | ${result.p90} | ${result.min} | ${ratio} |`);
}
