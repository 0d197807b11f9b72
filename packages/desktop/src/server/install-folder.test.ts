// A folder that folder mode cannot serve whole, on a machine with no Docker engine: it still
// installs, and what it lacks is one of its problems, which the dashboard shows above its tab.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { silentLogger } from "@dext/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desktopLabels } from "../testing/desktop-labels.ts";
import { installFolder } from "./install-folder.ts";
import { ProcessGroups } from "./process-group.ts";

let dir: string;
const engineBefore = process.env.DOCKER_HOST;
beforeAll(async () => {
  dir = await mkdtemp("/tmp/dext-install-");
  // No engine answers here, whatever this machine runs.
  process.env.DOCKER_HOST = `unix://${join(dir, "no-engine.sock")}`;
});
afterAll(async () => {
  if (engineBefore === undefined) delete process.env.DOCKER_HOST;
  else process.env.DOCKER_HOST = engineBefore;
  await rm(dir, { recursive: true, force: true });
});

describe("installFolder without a Docker engine", () => {
  it("installs a UI a build stage makes in folder mode, with the reason it shows no page among its problems", async () => {
    const root = join(dir, "built-ui");
    await mkdir(join(root, "src"), { recursive: true });
    await writeFile(join(root, "src", "page.html"), "<p>source</p>");
    await writeFile(
      join(root, "metadata.json"),
      JSON.stringify({ ui: { "dashboard-tab": { title: "t", root: "/ui", src: "index.html" } } }),
    );
    await writeFile(
      join(root, "Dockerfile"),
      "FROM alpine AS build\nCOPY src /src\nRUN mkdir /dist && cp /src/page.html /dist/index.html\n" +
        `FROM alpine\n${desktopLabels}COPY metadata.json /\nCOPY --from=build /dist /ui\n`,
    );
    const groups = new ProcessGroups();
    const installed = await installFolder(
      root,
      { id: "built-ui", stateDir: join(dir, "state"), groups, logger: silentLogger },
      "auto",
    );
    try {
      expect(installed.problems).toEqual([
        "folder mode cannot run all of it: ui.dashboard-tab.root (/ui) comes from stage build (Dockerfile line 7), not from the folder: it needs a build. Start a Docker engine (DOCKER_HOST) and restart the host to build and run its image.",
      ]);
    } finally {
      await installed.stop();
      await groups.endAll();
    }
  });

  it("names a compose stack once, in folder mode's own words", async () => {
    const root = join(dir, "compose");
    await mkdir(root, { recursive: true });
    await writeFile(join(root, "metadata.json"), JSON.stringify({ vm: { composefile: "compose.yaml" } }));
    await writeFile(join(root, "compose.yaml"), "services:\n  backend:\n    image: ${DESKTOP_PLUGIN_IMAGE}\n");
    await writeFile(join(root, "Dockerfile"), `FROM alpine\n${desktopLabels}COPY metadata.json compose.yaml /\n`);
    const groups = new ProcessGroups();
    const installed = await installFolder(
      root,
      { id: "compose", stateDir: join(dir, "state-compose"), groups, logger: silentLogger },
      "auto",
    );
    try {
      expect(installed.problems).toEqual([
        expect.stringMatching(/^vm\.composefile: folder mode runs no compose services/),
      ]);
    } finally {
      await installed.stop();
      await groups.endAll();
    }
  });
});
