// The user's flow, end to end: the built image installed in the dext host (standing for Docker
// Desktop), which runs its compose stack on the engine, and the tab driven in Chromium: list,
// size scan with its progress bar, browse, pin, note, export and import.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  captureLog,
  docker,
  launchChromium,
  openExtensionTab,
  startDesktopHost,
  uniqueName,
} from "@dext/desktop/testing";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import { composeWithRawSocket } from "./compose-raw-socket.ts";
import { removeStackVolumes, seedVolume } from "./docker.ts";
import { imageTestContext } from "./provided.ts";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser, FrameLocator, Page } from "playwright-core";

const { engine, image, skipReason } = imageTestContext();
const volume = uniqueName("cvtest-ui-");
/** The host names an image's extension after the image: dext/compose-volumes:test → compose-volumes-image. */
const extensionId = "compose-volumes-image";

describe.skipIf(engine === undefined)(
  `compose-volumes in the dext host, in Chromium${engine === undefined ? `: skipped, ${skipReason}` : ""}`,
  () => {
    let host: DesktopHost;
    let browser: Browser;
    let page: Page;
    let tab: FrameLocator;
    let work: SocketDir;
    const hostLog = captureLog();

    beforeAll(async () => {
      work = await makeSocketDir();
      process.env.DEXT_COMPOSE_CLI = await composeWithRawSocket(work.dir);
      await docker(["volume", "create", volume]);
      await seedVolume(
        image,
        volume,
        "mkdir /data/logs && printf 'hello from the e2e test\\n' > /data/notes.txt && printf 'x' > /data/logs/a.log",
      );
      host = await startDesktopHost({ folders: [], images: [image], logger: hostLog.logger });
      browser = await launchChromium();
      page = await browser.newPage({ acceptDownloads: true });
      tab = await openExtensionTab(page, host.url, extensionId);
    }, 180_000);

    afterAll(async () => {
      await browser.close();
      await host.stop();
      await removeStackVolumes(extensionId, volume);
      delete process.env.DEXT_COMPOSE_CLI;
      await work.remove();
    });

    const row = () => tab.locator(`tr[data-volume="${volume}"]`);

    it("starts the compose stack's backend on the extension socket", () => {
      const installed = host.extensions.map((extension) => [
        extension.id,
        extension.vm?.state().state,
        extension.problems,
      ]);
      expect(installed, hostLog.lines.join("\n")).toEqual([[extensionId, "running", []]]);
    });

    it("lists the engine's volumes, a test volume among them, not yet sized", async () => {
      await tab.getByRole("heading", { name: "Volume inspector" }).waitFor();
      await row().getByText("not scanned").waitFor();
      await tab.getByText(/^Docker Engine /).waitFor();
    });

    it("scans sizes as a job with a progress bar and shows the engine's size and the file count", async () => {
      await tab.getByRole("button", { name: "Scan sizes" }).click();
      await tab.getByRole("progressbar", { name: "Size scan" }).waitFor();
      await tab.getByText(/^Done: \d+ volumes scanned/).waitFor({ timeout: 60_000 });
      // notes.txt (24 bytes) and a.log (1 byte).
      await row().getByText("25 B").waitFor();
      await row().getByText("2 files").waitFor();
    });

    it("browses the volume read-only and shows a file's text", async () => {
      await row()
        .getByRole("button", { name: `Browse ${volume}` })
        .click();
      const detail = tab.getByRole("region", { name: `Volume ${volume}` });
      await detail.getByText("📄 notes.txt").click();
      await detail.getByLabel("File content").filter({ hasText: "hello from the e2e test" }).waitFor();
      await detail.getByRole("navigation", { name: "Path" }).getByRole("button", { name: volume }).click();
      await detail.getByText("📁 logs").waitFor();
    });

    it("pins the volume and saves a note, both kept by the backend", async () => {
      await row()
        .getByRole("button", { name: `Pin ${volume}` })
        .click();
      await row()
        .getByRole("button", { name: `Unpin ${volume}` })
        .waitFor();
      const detail = tab.getByRole("region", { name: `Volume ${volume}` });
      await detail.getByLabel("Note").fill("kept across a reinstall by the export");
      await detail.getByRole("button", { name: "Save note" }).click();
      await detail.getByText("Saved", { exact: true }).waitFor();
      await row().getByText("📝 kept across a reinstall by the export").waitFor();
    });

    it("exports the state as a JSON download and imports a file that replaces it", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        tab.getByRole("button", { name: "Export state" }).click(),
      ]);
      const path = await download.path();
      const exported = JSON.parse(await readFile(path, "utf8")) as {
        state: { pinned: string[]; notes: Record<string, string> };
      };
      expect(exported.state.pinned).toContain(volume);
      expect(exported.state.notes[volume]).toBe("kept across a reinstall by the export");

      const replacement = { ...exported, state: { pinned: [], notes: { [volume]: "restored from a file" } } };
      await tab.getByLabel("State file to import").setInputFiles({
        name: "restore.json",
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(replacement)),
      });
      await tab.getByText("Imported 0 pinned, 1 notes from restore.json; they replace what was there").waitFor();
      await row()
        .getByRole("button", { name: `Pin ${volume}` })
        .waitFor();
      await row().getByText("📝 restored from a file").waitFor();
    });

    it("says which field is wrong when the imported file is not an export", async () => {
      await tab
        .getByLabel("State file to import")
        .setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"pinned":[]}') });
      await tab.getByText(/^Import failed: Invalid request: body\.format/).waitFor();
    });
  },
);
