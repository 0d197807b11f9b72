// Every case, installed in the local host in folder mode (no Docker engine) and opened in Chromium
// as a person opens its tab: a case Desktop installs shows what it shows in Desktop or, where folder
// mode cannot do that, the dashboard says why above the tab; a case Desktop refuses is not shown as
// a working extension: the dashboard says what is wrong.
import { launchChromium, openExtensionTab, silentLogger, startDesktopHost } from "@dext/desktop/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorpus } from "./corpus.ts";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser, Page } from "playwright-core";

const corpus = readCorpus();

let host: DesktopHost;
let browser: Browser;
const engineBefore = process.env.DOCKER_HOST;

beforeAll(async () => {
  // Folder mode without an engine on every machine: where one answers, the host would build the
  // folders it cannot serve (build mode) and the test would depend on a registry.
  process.env.DOCKER_HOST = "unix:///tmp/dext-conformance-no-engine.sock";
  // One host for every case, as the dashboard holds several extensions: each still gets its own origin.
  [host, browser] = await Promise.all([
    startDesktopHost({ folders: corpus.map(({ dir }) => dir), logger: silentLogger }),
    launchChromium(),
  ]);
}, 60_000);

afterAll(async () => {
  await browser.close();
  await host.stop();
  if (engineBefore === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = engineBefore;
});

async function withPage(test: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage();
  try {
    await test(page);
  } finally {
    await page.close();
  }
}

/** The dashboard on a case's tab, whether or not it installed: its sentence above the tab, the case folder as `<case>`. */
async function problemsShown(page: Page, name: string, dir: string): Promise<string> {
  await page.goto(`${host.url}#${name}`);
  await page.locator(`nav button[data-id="${name}"]`).click();
  const text = (await page.locator("main .problems").textContent()) ?? "";
  return text.replaceAll(dir.replace(/\/$/, ""), "<case>");
}

describe.each(corpus)("$name", ({ name, dir, spec }) => {
  const knownBug = spec.knownBugs?.host;
  // A case the host gets wrong today stays in the corpus with Desktop's behaviour, its test skipped
  // until the bug its case.json names (knownBugs.host) is fixed; the README lists them.
  const run =
    knownBug === undefined
      ? it
      : (title: string, test: () => Promise<void>) => {
          it.skip(`${title} [skipped: known host bug, ${knownBug}]`, test);
        };
  const { host: hostSays } = spec;

  if (spec.installs && hostSays === undefined) {
    run(`shows "${spec.shows ?? ""}" in its tab, as in Desktop`, () =>
      withPage(async (page) => {
        const tab = await openExtensionTab(page, host.url, name);
        await expect.poll(() => tab.locator("#result").textContent(), { timeout: 15_000 }).toBe(spec.shows);
        await expect(page.locator("main .problems").count()).resolves.toBe(0);
      }),
    );
  } else {
    const what = spec.installs ? `instead of "${spec.shows ?? ""}"` : "which Desktop refuses";
    run(`says above its tab what is wrong, ${what}${hostSays === undefined ? "" : ` (${hostSays.why})`}`, () =>
      withPage(async (page) => {
        await expect(problemsShown(page, name, dir)).resolves.toBe(hostSays?.says);
      }),
    );
  }
});
