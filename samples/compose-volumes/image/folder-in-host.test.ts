// `pnpm start` on a machine with a Docker engine: the host is given the sample's folder, sees that
// folder mode cannot run a compose stack, builds the image from the Dockerfile (BuildKit, the
// repository as context) and runs it as an installed image; the tab lists the engine's volumes.
import { fileURLToPath } from "node:url";
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
import { removeStackVolumes } from "./docker.ts";
import { imageTestContext } from "./provided.ts";
import type { DesktopHost } from "@dext/desktop/testing";
import type { Browser } from "playwright-core";

const { engine, skipReason } = imageTestContext();
const sampleDir = fileURLToPath(new URL("..", import.meta.url));
const volume = uniqueName("cvtest-folder-");

describe.skipIf(engine === undefined)(
  `compose-volumes from its folder, as pnpm start runs it${engine === undefined ? `: skipped, ${skipReason}` : ""}`,
  () => {
    let host: DesktopHost;
    let browser: Browser;
    let work: SocketDir;
    const hostLog = captureLog();

    beforeAll(async () => {
      work = await makeSocketDir();
      process.env.DEXT_COMPOSE_CLI = await composeWithRawSocket(work.dir);
      await docker(["volume", "create", volume]);
      host = await startDesktopHost({ folders: [sampleDir], logger: hostLog.logger });
      browser = await launchChromium();
    }, 600_000);

    afterAll(async () => {
      await browser.close();
      await host.stop();
      await removeStackVolumes("compose-volumes", volume);
      await docker(["image", "rm", "dext-local/compose-volumes:build"]).catch(() => undefined);
      delete process.env.DEXT_COMPOSE_CLI;
      await work.remove();
    });

    it("builds the image, runs its stack, and the tab lists the engine's volumes", async () => {
      const log = hostLog.lines.join("\n");
      expect(log).toMatch(/compose stack .*: building its image/);
      expect(
        host.extensions.map((extension) => [extension.id, extension.vm?.state().state]),
        log,
      ).toEqual([["compose-volumes", "running"]]);
      const tab = await openExtensionTab(await browser.newPage(), host.url, "compose-volumes");
      await tab.getByRole("heading", { name: "Volume inspector" }).waitFor();
      await tab.locator(`tr[data-volume="${volume}"]`).waitFor({ timeout: 30_000 });
    });
  },
);
