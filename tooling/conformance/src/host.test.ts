// Every case Docker Desktop installs, installed in the local host in folder mode (no Docker engine)
// and opened in Chromium as a person opens its tab: the page shows what it shows in Desktop, or,
// where folder mode cannot do what Desktop does, the dashboard says why above the tab.
import { launchChromium, openExtensionTab, silentLogger, startDesktopHost } from "@dext/desktop/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "./corpus.ts";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser } from "playwright-core";

const installable = readCorpus().filter(({ spec }) => spec.installs);

let host: DesktopHost;
let browser: Browser;
const engineBefore = process.env.DOCKER_HOST;

beforeAll(async () => {
  // Folder mode without an engine on every machine: where one answers, the host would build the
  // folders it cannot serve (build mode) and the test would depend on a registry.
  process.env.DOCKER_HOST = "unix:///tmp/dext-conformance-no-engine.sock";
  // One host for every case, as the dashboard holds several extensions: each still gets its own origin.
  [host, browser] = await Promise.all([
    startDesktopHost({ folders: installable.map(({ dir }) => dir), logger: silentLogger }),
    launchChromium(),
  ]);
}, 60_000);

afterAll(async () => {
  await browser.close();
  await host.stop();
  if (engineBefore === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = engineBefore;
});

describe.each(installable)("$name", ({ name, spec }) => {
  const knownBug = spec.knownBugs?.host;
  // A case the host gets wrong today stays in the corpus, its test skipped until the bug named in
  // its case.json (knownBugs.host) is fixed; the package's README lists them.
  const run = knownBug === undefined ? it : it.skip;
  const folderMode = spec.folderMode;

  if (folderMode === undefined) {
    run(`shows "${spec.shows ?? ""}" in its tab, as in Desktop`, async () => {
      const page = await browser.newPage();
      try {
        const tab = await openExtensionTab(page, host.url, name);
        await expect.poll(() => tab.locator("#result").textContent(), { timeout: 15_000 }).toBe(spec.shows);
        await expect(page.locator("main .problems").count()).resolves.toBe(0);
      } finally {
        await page.close();
      }
    });
  } else {
    run(`says above its tab why folder mode cannot show "${spec.shows ?? ""}" (${folderMode.why})`, async () => {
      const page = await browser.newPage();
      try {
        await openExtensionTab(page, host.url, name);
        await expect(page.locator("main .problems").textContent()).resolves.toBe(folderMode.says);
      } finally {
        await page.close();
      }
    });
  }
});

it("installs every case Desktop installs, but those with a known host bug", () => {
  const expected = installable.filter(({ spec }) => spec.knownBugs?.host === undefined).map(({ name }) => name);
  expect(host.extensions.map(({ id }) => id).filter((id) => expected.includes(id))).toEqual(expected);
});
