import { spawn } from "node:child_process";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createLogger, withFields } from "./logger.ts";
import type { LogLevel } from "./logger.ts";

function capturedLogger(level?: LogLevel) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({ name: "orders", stream, ...(level === undefined ? {} : { level }) });
  const lines = () =>
    chunks
      .join("")
      .split("\n")
      .filter((line) => line !== "");
  return { logger, chunks, lines, entries: () => lines().map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON line per event: level by name, ISO time, name and msg, then the fields", () => {
    const { logger, chunks, entries } = capturedLogger();
    logger.info("order placed", { orderId: "o-1", items: 2 });
    logger.warn("stock low", { sku: "s-9" });

    expect(chunks).toHaveLength(2);
    expect(chunks.every((chunk) => chunk.endsWith("}\n") && chunk.indexOf("\n") === chunk.length - 1)).toBe(true);
    const [placed, low] = entries();
    expect(Object.keys(placed ?? {})).toEqual(["level", "time", "name", "msg", "orderId", "items"]);
    expect(placed).toMatchObject({ level: "info", name: "orders", msg: "order placed", orderId: "o-1", items: 2 });
    expect(placed?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(Date.parse(String(placed?.time)) - Date.now())).toBeLessThan(60_000);
    expect(low).toMatchObject({ level: "warn", msg: "stock low", sku: "s-9" });
  });

  it("keeps msg ahead of the fields, so a line can be matched as text", () => {
    const { logger, lines } = capturedLogger();
    logger.error("job failed", { jobId: "j-1" });

    expect(lines()[0]).toContain('"msg":"job failed","jobId":"j-1"');
  });

  it("writes an error in any field as its name, message and stack", () => {
    const { logger, entries } = capturedLogger();
    const cause = new TypeError("bad total");
    logger.error("request failed", { err: cause, reason: new RangeError("too many") });

    const [entry] = entries();
    expect(entry?.err).toEqual({ name: "TypeError", message: "bad total", stack: cause.stack });
    expect(entry?.reason).toMatchObject({ name: "RangeError", message: "too many" });
  });

  it("drops lines below its level: info by default, debug when asked", () => {
    const quiet = capturedLogger();
    quiet.logger.debug("detail");
    quiet.logger.info("shown");
    expect(quiet.entries().map((entry) => entry.msg)).toEqual(["shown"]);

    const chatty = capturedLogger("debug");
    chatty.logger.debug("detail");
    expect(chatty.entries()).toMatchObject([{ level: "debug", msg: "detail" }]);

    const errorsOnly = capturedLogger("error");
    errorsOnly.logger.warn("hidden");
    errorsOnly.logger.error("shown");
    expect(errorsOnly.entries().map((entry) => entry.msg)).toEqual(["shown"]);
  });

  it("writes circular fields instead of throwing", () => {
    const { logger, entries } = capturedLogger();
    const loop: Record<string, unknown> = { id: 1 };
    loop.self = loop;
    logger.info("loop", { loop });

    expect(entries()[0]).toMatchObject({ msg: "loop", loop: { id: 1 } });
  });

  it("has every line out on stdout before a process killed right after logging dies", async () => {
    const lines = 500;
    const child = spawn(
      process.execPath,
      ["--conditions=@dext/source", fileURLToPath(new URL("testing/log-then-die.ts", import.meta.url))],
      {
        env: { ...process.env, LINES: String(lines) },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("close", (_code, killed) => resolve(killed)),
    );

    expect(signal).toBe("SIGKILL");
    const indexes = out
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { index: number }).index);
    expect(indexes).toEqual(Array.from({ length: lines }, (_, index) => index));
  });
});

describe("withFields", () => {
  it("adds its fields to every line, ahead of the call's own", () => {
    const { logger, lines } = capturedLogger();
    withFields(logger, { extension: "minimal-backend" }).info("UI changed", { path: "ui/index.html" });

    expect(JSON.parse(lines()[0] ?? "{}")).toMatchObject({
      name: "orders",
      msg: "UI changed",
      extension: "minimal-backend",
      path: "ui/index.html",
    });
    expect(lines()[0]).toContain('"msg":"UI changed","extension":"minimal-backend","path":"ui/index.html"');
  });
});
