// The tab-open benches' peer: the shape of Docker's samples/react tab (React 17, MUI 5, one
// minified deferred script), built beside the project, never into it, from its own lockfile.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { access, cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { desktopLabels } from "../testing/desktop-labels.ts";

const run = promisify(execFile);

/** Where the peers live next to a checkout of this repository (`../shared/peers`), unless named. */
export const defaultPeerSource = fileURLToPath(
  new URL("../../../../../shared/peers/react17-mui5-tab", import.meta.url),
);

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Builds the peer in a folder of the temp dir keyed by its lockfile and sources, and answers its
 * built UI folder (index.html + static/js/main.js). A second call with nothing changed reuses it.
 */
export async function buildTabPeer(source = defaultPeerSource): Promise<string> {
  if (!(await exists(join(source, "package-lock.json"))))
    throw new Error(`No tab peer at ${source} (package-lock.json missing). Pass --peer <folder of react17-mui5-tab>.`);
  const hash = createHash("sha256");
  for (const file of ["package-lock.json", "src/index.jsx", "src/index.html"])
    hash.update(await readFile(join(source, file)));
  const work = join(tmpdir(), `dext-tab-peer-${hash.digest("hex").slice(0, 12)}`);
  const dist = join(work, "dist");
  if (await exists(join(dist, "static/js/main.js"))) return dist;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await cp(source, work, { recursive: true, filter: (path) => !path.includes("node_modules") });
  const options = { cwd: work, maxBuffer: 16 * 1024 * 1024 };
  await run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], options);
  await run("npm", ["run", "build"], options);
  return dist;
}

/**
 * The peer as an extension folder the host can install: its built UI as the tab, nothing else.
 * Written next to the build, so the project's tree is never touched.
 */
export async function tabPeerExtension(dist: string): Promise<string> {
  const folder = join(dist, "..", "react17-mui5-tab");
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await cp(dist, join(folder, "ui"), { recursive: true });
  await writeFile(
    join(folder, "metadata.json"),
    JSON.stringify({
      icon: "docker.svg",
      ui: { "dashboard-tab": { title: "React peer", root: "/ui", src: "index.html" } },
    }),
  );
  await writeFile(
    join(folder, "docker.svg"),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>',
  );
  await writeFile(
    join(folder, "Dockerfile"),
    `FROM scratch\n${desktopLabels}COPY metadata.json docker.svg /\nCOPY ui /ui\n`,
  );
  return folder;
}
