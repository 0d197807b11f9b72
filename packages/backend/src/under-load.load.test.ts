import { Agent, request } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import autocannon from "autocannon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startBackendProcess, waitForListening } from "./testing/backend-process.ts";
import { makeSocketDir } from "./testing/temp-dir.ts";
import type { BackendProcess } from "./testing/backend-process.ts";

// Runs in its own vitest project after every other test file (see vitest.config.js), so the load
// competes with nothing and nothing timing-sensitive competes with it.

const REQUESTS = 100_000;

let temp: Awaited<ReturnType<typeof makeSocketDir>>;
let backend: BackendProcess | undefined;
beforeEach(async () => {
  temp = await makeSocketDir();
});
afterEach(async () => {
  if (backend?.child.exitCode === null) backend.child.kill("SIGKILL");
  await temp.remove();
});

async function launch(env: Record<string, string> = {}): Promise<BackendProcess> {
  backend = startBackendProcess(["--socket", temp.socket()], env);
  await waitForListening(backend);
  return backend;
}

/** What became of one request of the SIGTERM run, from the client's side. */
interface Attempt {
  /** When the whole request was handed to the connection (`req.end()`), before the bytes left. */
  sentAt: number;
  /** The bytes reached the socket; false when the connection was refused. */
  written: boolean;
  endedAt: number;
  outcome: "answered" | "non_2xx" | "refused" | "closed_before_answer" | "broken_answer";
}

function attempt(agent: Agent, socketPath: string, path: string): Promise<Attempt> {
  return new Promise((resolve) => {
    let written = false;
    let answerStarted = false;
    const sentAt = Date.now();
    const end = (outcome: Attempt["outcome"]) => resolve({ sentAt, written, endedAt: Date.now(), outcome });
    const req = request({ socketPath, agent, path }, (res) => {
      answerStarted = true;
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("error", () => end("broken_answer"));
      res.on("end", () => {
        if (!res.complete) end("broken_answer");
        else if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) end("non_2xx");
        else end(JSON.parse(body) === null ? "broken_answer" : "answered");
      });
    });
    req.on("finish", () => (written = true));
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (answerStarted) end("broken_answer");
      // Nothing listens any more: the request was never accepted.
      else if (!written && (error.code === "ECONNREFUSED" || error.code === "ENOENT")) end("refused");
      else end("closed_before_answer");
    });
    req.end();
  });
}

describe("a backend process under load", () => {
  // A number of requests, not a duration: every machine proves the same thing, and a slow or busy
  // one takes longer instead of sending fewer. Each of them must come back a 2xx.
  it(`answers ${REQUESTS.toLocaleString("en")} requests on 100 connections, every one a 2xx: 0 errors, 0 timeouts`, async () => {
    await launch();
    const result = await autocannon({
      url: "http://localhost",
      socketPath: temp.socket(),
      connections: 100,
      amount: REQUESTS,
      requests: [
        { method: "GET", path: "/hello?name=load" },
        {
          method: "POST",
          path: "/echo",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: "ab", times: 3 }),
        },
      ],
    });

    expect(result["2xx"]).toBe(REQUESTS);
    expect({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
  }, 30_000);

  it("loses no accepted request when SIGTERM arrives in the middle of the load", async () => {
    const process = await launch({ GRACE_MS: "5000" });
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const attempts: Attempt[] = [];
    let sigtermAt = Number.POSITIVE_INFINITY;
    let stop = false;

    // 64 callers in a loop, half of them on a route that takes 30 ms, so requests are in flight at any moment.
    const callers = Array.from({ length: 64 }, async (_, index) => {
      const path = index % 2 === 0 ? "/hello?name=load" : "/slow?ms=30";
      while (!stop) {
        const done = await attempt(agent, temp.socket(), path);
        attempts.push(done);
        if (done.outcome === "refused") return;
      }
    });
    await delay(1_500);
    sigtermAt = Date.now();
    process.child.kill("SIGTERM");
    const exit = await process.exit;
    await Promise.race([Promise.all(callers), delay(3_000)]);
    stop = true;
    await Promise.all(callers);
    agent.destroy();

    // Conservative: a request counts as sent before SIGTERM from the moment it was handed over,
    // even if its bytes left a little later; only a refused connection proves it was never sent.
    const writtenBefore = attempts.filter((a) => a.sentAt < sigtermAt && a.outcome !== "refused");
    const inFlightAtSigterm = writtenBefore.filter((a) => a.endedAt >= sigtermAt);
    const after = attempts.filter((a) => !writtenBefore.includes(a));
    const tally = (list: Attempt[]) =>
      list.reduce<Record<string, number>>(
        (counts, a) => ({ ...counts, [a.outcome]: (counts[a.outcome] ?? 0) + 1 }),
        {},
      );

    expect(exit).toEqual({ code: 0, signal: null });
    // The run proves something only if requests were really in flight and new ones were really refused.
    expect(inFlightAtSigterm.length).toBeGreaterThan(10);
    expect(tally(after).refused).toBeGreaterThan(0);
    // Every request sent before SIGTERM got its whole 2xx answer.
    expect(tally(writtenBefore)).toEqual({ answered: writtenBefore.length });
    // After SIGTERM a request is answered, or never reaches the server (refused, or written onto a
    // connection the server closed as idle); it never gets a partial or failed answer.
    expect(Object.keys(tally(after)).filter((outcome) => outcome === "non_2xx" || outcome === "broken_answer")).toEqual(
      [],
    );
  }, 30_000);
});
