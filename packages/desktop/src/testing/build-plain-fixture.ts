import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const plainFixtureDir = fileURLToPath(new URL("../../test/fixtures/plain-extension", import.meta.url));

/** Bundles the fixture's UI, which imports only @docker/extension-api-client, as its author's build would. */
export async function buildPlainFixture(): Promise<void> {
  await build({
    entryPoints: [`${plainFixtureDir}/ui-src/app.js`],
    outfile: `${plainFixtureDir}/ui/app.js`,
    bundle: true,
    format: "iife",
    platform: "browser",
    logLevel: "silent",
  });
}
