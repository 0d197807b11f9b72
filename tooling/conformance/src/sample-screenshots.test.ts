// Each sample's committed Marketplace screenshots (`pnpm --filter <sample> screenshots`): the size
// Docker asks for, light and dark really different, and the label the release sets naming them.
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { pngSize, readScreenshotsLabel, screenshotsLabelProblems } from "@dext/desktop";
import { describe, expect, it } from "vitest";

const samplesDir = fileURLToPath(new URL("../../../samples", import.meta.url));
const samples = readdirSync(samplesDir)
  .filter((name) => existsSync(join(samplesDir, name, "metadata.json")))
  .sort();

describe.each(samples)("%s's docs/screenshots", (name) => {
  const dir = join(samplesDir, name, "docs", "screenshots");

  it("holds the first view in light and dark, every PNG exactly 2400x1600, each state's light and dark different", async () => {
    const files = readdirSync(dir).filter((file) => file.endsWith(".png"));
    expect(files).toEqual(expect.arrayContaining(["first-view-light.png", "first-view-dark.png"]));
    for (const file of files)
      expect(pngSize(await readFile(join(dir, file))), file).toEqual({ width: 2400, height: 1600 });
    for (const light of files.filter((file) => file.endsWith("-light.png"))) {
      const dark = light.replace(/-light\.png$/, "-dark.png");
      expect(files, `${light} has no dark twin`).toContain(dark);
      expect((await readFile(join(dir, light))).equals(await readFile(join(dir, dark))), `${light} and ${dark}`).toBe(
        false,
      );
    }
  });

  it("matches the screenshots label as the release builds it (SCREENSHOT_URL at the tag's first-view-light.png)", async () => {
    const url = `https://example.com/owner/dext/raw/v1.0.0/samples/${name}/docs/screenshots/first-view-light.png`;
    const label = await readScreenshotsLabel({
      kind: "folder",
      folder: join(samplesDir, name),
      buildArgs: { SCREENSHOT_URL: url },
    });
    await expect(screenshotsLabelProblems(label, dir)).resolves.toEqual([]);
  });
});
