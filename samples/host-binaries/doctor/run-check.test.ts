import { afterEach, describe, expect, it } from "vitest";
import { doctorLineSchema } from "../shared/doctor-line-schema.ts";
import { makeFakeTools } from "../test/fake-tools.ts";
import { formatLine, runCheck } from "./run-check.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function check(options: { require?: string[]; json?: boolean; kubectlDelayMs?: number } = {}) {
  const tools = await makeFakeTools(options);
  cleanups.push(tools.remove);
  const lines: string[] = [];
  const code = await runCheck({
    json: options.json ?? true,
    require: options.require ?? [],
    env: tools.env,
    write: (line) => lines.push(line),
  });
  return { code, lines };
}

describe("runCheck", () => {
  it("reports each tool with its version, the Docker contexts and a summary, as JSON lines the UI's schema accepts", async () => {
    const { code, lines } = await check();
    const parsed = lines.map((line) => doctorLineSchema.parse(JSON.parse(line)));
    expect(code).toBe(0);
    expect(parsed).toEqual(
      expect.arrayContaining([
        {
          type: "tool",
          name: "docker",
          found: true,
          version: "27.3.1",
          detail: "Docker version 27.3.1, build ce12230",
        },
        { type: "tool", name: "kubectl", found: true, version: "1.31.2", detail: "Client Version: v1.31.2" },
        { type: "tool", name: "git", found: true, version: "2.47.0", detail: "git version 2.47.0" },
        { type: "tool", name: "node", found: false, detail: "not found on PATH" },
        { type: "context", name: "default", current: true, endpoint: "unix:///var/run/docker.sock" },
        { type: "context", name: "remote", current: false, endpoint: "tcp://10.0.0.5:2376" },
      ]),
    );
    expect(parsed.at(-1)).toEqual({
      type: "summary",
      found: ["docker", "kubectl", "git"],
      missing: ["node"],
      missingRequired: [],
    });
  });

  it("writes a fast tool's line before a slow tool has answered", async () => {
    const { lines } = await check({ kubectlDelayMs: 600 });
    const names = lines.map((line) => (JSON.parse(line) as { name?: string }).name);
    expect(names.indexOf("docker")).toBeLessThan(names.indexOf("kubectl"));
    expect(names.indexOf("git")).toBeLessThan(names.indexOf("kubectl"));
  });

  it("exits 1 when a required tool is missing, and names it in the summary", async () => {
    const { code, lines } = await check({ require: ["docker", "node"] });
    expect(code).toBe(1);
    expect(JSON.parse(lines.at(-1) ?? "")).toMatchObject({ type: "summary", missingRequired: ["node"] });
  });

  it("prints plain ASCII text for a terminal", async () => {
    const { lines } = await check({ json: false, require: ["node"] });
    expect(lines).toContain("[ok] docker 27.3.1: Docker version 27.3.1, build ce12230");
    expect(lines).toContain("[--] node: not found on PATH");
    expect(lines).toContain("context default (current): unix:///var/run/docker.sock");
    expect(lines.at(-1)).toBe("3 of 4 tools found; required but missing: node");
    expect(lines.join("\n")).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it("formats a tool that is installed but fails as found, with the reason", () => {
    expect(
      formatLine({
        type: "tool",
        name: "kubectl",
        found: true,
        detail: "installed, but `kubectl version --client` failed: boom",
      }),
    ).toBe("[ok] kubectl: installed, but `kubectl version --client` failed: boom");
  });
});
