import { readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendFile } from "./static-file.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dext-static-"));
  await writeFile(join(dir, "app.js"), "console.log(1);\n".repeat(4096));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const openFiles = () => readdirSync("/proc/self/fd").length;

/** A response whose browser has gone: the tab closed while the host was opening the file. */
function goneResponse(): ServerResponse {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  response.destroy();
  return response;
}

describe.runIf(process.platform === "linux")("sendFile", () => {
  it("closes the file when the response is gone before it is sent, leaving nothing for the GC", async () => {
    const before = openFiles();
    for (let i = 0; i < 20; i += 1) await expect(sendFile(goneResponse(), join(dir, "app.js"))).resolves.toBe(true);
    expect(openFiles()).toBe(before);
  });

  it("answers false for a folder, and closes what it opened to find out", async () => {
    const before = openFiles();
    await expect(sendFile(goneResponse(), dir)).resolves.toBe(false);
    expect(openFiles()).toBe(before);
  });
});
