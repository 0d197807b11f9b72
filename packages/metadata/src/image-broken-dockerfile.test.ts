// The image stage's validation is not a no-op: a valid extension's Dockerfile (fixtures/image-build)
// broken on purpose (a required label dropped; metadata.json copied somewhere other than /), built on
// a real engine, must make `dext validate --image` exit 1 with a finding that names the problem, while
// the unbroken Dockerfile, built and checked the same way, passes. It needs an engine, so it runs only
// in the image stage (tooling/docker/test-images.sh sets DEXT_IMAGE_TESTS=1); `pnpm test` skips it.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDocker } from "@dext/desktop-facts/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./testing/fixture-cases.ts";
import { runCli } from "./testing/run-cli.ts";

const required = process.env.DEXT_IMAGE_TESTS === "1";
/** The extension folder, which is also its build context. */
const extension = join(FIXTURES, "image-build");
const context = extension;
/** Each test builds an image: seconds once the base image is there. */
const BUILD_TEST_TIMEOUT = 5 * 60_000;

/** The docker client's stdout; a failure names the command and ends with its output. */
async function docker(args: string[], timeoutMs = 60_000): Promise<string> {
  return (await runDocker(args, { timeoutMs })).stdout;
}

/** Replaces exactly one match, so a change to the fixture's Dockerfile fails here instead of testing nothing. */
function breakOnce(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace("g", "")}g`)) ?? [];
  if (matches.length !== 1)
    throw new Error(`expected one match of ${String(pattern)} in the fixture's Dockerfile, found ${matches.length}`);
  return text.replace(pattern, replacement);
}

const dext = (argv: string[]) => runCli(argv);

describe.skipIf(!required)("a valid extension's Dockerfile broken on purpose, built on a real engine", () => {
  let dir = "";
  let original = "";
  const built: string[] = [];

  /** Builds `text` as the Dockerfile, with the extension's build context, and returns the image and the file. */
  async function build(name: string, text: string): Promise<{ ref: string; dockerfile: string }> {
    const dockerfile = join(dir, `${name}.Dockerfile`);
    await writeFile(dockerfile, text);
    const ref = `dext-broken/${name}:0.1.0`;
    // --network host: tooling/docker's engine has no bridge network.
    await docker(["build", "--network", "host", "-f", dockerfile, "-t", ref, context], 15 * 60_000);
    built.push(ref);
    return { ref, dockerfile };
  }

  /** What the image stage runs for each sample, here on the fixture: the folder, this Dockerfile, and the image's labels. */
  function validateAsTheStageDoes(dockerfile: string, ref: string): ReturnType<typeof dext> {
    return dext(["validate", extension, "--dockerfile", dockerfile, "--context", context, "--image", ref]);
  }

  beforeAll(async () => {
    await docker(["info", "--format", "{{.ServerVersion}}"], 15_000).catch((error: unknown) => {
      throw new Error(
        `DEXT_IMAGE_TESTS=1 but no Docker engine answers at DOCKER_HOST=${process.env.DOCKER_HOST ?? "(unset)"}`,
        { cause: error },
      );
    });
    // Outside the repository: the build context stays unchanged.
    dir = await mkdtemp(join(tmpdir(), "dext-broken-dockerfile-"));
    original = await readFile(join(extension, "Dockerfile"), "utf8");
  });

  afterAll(async () => {
    for (const ref of built) await docker(["image", "rm", ref]).catch(() => undefined);
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it(
    "the unbroken Dockerfile, built and checked the same way, passes (so what fails below is the breakage)",
    async () => {
      const { ref, dockerfile } = await build("unbroken", original);
      expect(await dext(["validate", "--image", ref])).toMatchObject({ code: 0, stderr: "" });
      const folder = await validateAsTheStageDoes(dockerfile, ref);
      expect(folder.stdout).toMatch(
        /: valid for Docker Desktop, no findings \(metadata\.json, Dockerfile with context .*, image labels\)\n$/,
      );
      expect(folder.code).toBe(0);
    },
    BUILD_TEST_TIMEOUT,
  );

  it(
    "a missing Marketplace label: a warning naming it at $[0].Config.Labels, an error with --marketplace",
    async () => {
      // A middle line of the LABEL instruction, so its line continuations stay intact.
      const text = breakOnce(original, /^\s*com\.docker\.extension\.publisher-url=.*\\\n/m, "");
      const { ref, dockerfile } = await build("missing-label", text);
      const labels = JSON.parse(
        await docker(["image", "inspect", "--format", "{{json .Config.Labels}}", ref]),
      ) as Record<string, string>;
      expect(labels).not.toHaveProperty(["com.docker.extension.publisher-url"]);
      const finding = "$[0].Config.Labels: The label com.docker.extension.publisher-url is missing;";

      // Desktop installs an image without it; the Marketplace does not list one.
      const image = await dext(["validate", "--image", ref]);
      expect(image.code).toBe(0);
      expect(image.stdout).toContain(`warning [marketplace] ${finding}`);
      const listed = await dext(["validate", "--image", ref, "--marketplace"]);
      expect(listed.code).toBe(1);
      expect(listed.stdout).toContain(`error [marketplace] ${finding}`);
      expect(listed.stdout).toContain(`image ${ref}: invalid for Docker Desktop and the Marketplace, 1 error (labels)`);

      const folder = await validateAsTheStageDoes(dockerfile, ref);
      expect(folder.code).toBe(0);
      expect(folder.stdout).toContain(`warning [marketplace] ${finding}`);
    },
    BUILD_TEST_TIMEOUT,
  );

  it(
    "metadata.json not at /: exits 1 naming /metadata.json, which the image indeed lacks",
    async () => {
      const text = breakOnce(
        original,
        /^COPY metadata\.json docker\.svg \/$/m,
        "COPY metadata.json /extension/\nCOPY docker.svg /",
      );
      const { ref, dockerfile } = await build("metadata-not-at-root", text);
      // The finding is true of the built image: no /metadata.json, the file one folder down.
      const where = await docker([
        "run",
        "--rm",
        "--network",
        "none",
        ref,
        "sh",
        "-c",
        "ls /metadata.json /extension/metadata.json 2>&1; true",
      ]);
      expect(where).toMatch(/\/metadata\.json: No such file or directory/);
      expect(where).toContain("/extension/metadata.json\n");

      const { code, stdout } = await validateAsTheStageDoes(dockerfile, ref);
      expect(code).toBe(1);
      expect(stdout).toContain(
        "metadata.json must be at /metadata.json in the image, but the final stage never copies it there",
      );
      expect(stdout).toContain(`${dockerfile}:`);
      expect(stdout).toMatch(/invalid for Docker Desktop, 1 error/);
    },
    BUILD_TEST_TIMEOUT,
  );
});
