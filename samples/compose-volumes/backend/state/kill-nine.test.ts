import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleBackend } from "@dext/backend/build";
import { propertyRuns } from "@dext/vitest-config/property-runs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stateSchema } from "../../shared/state.ts";
import { makeSocketDir } from "@dext/backend/testing";
import type { SocketDir } from "@dext/backend/testing";
import { openStateStore, stateFileName } from "./state-store.ts";

// Writer processes killed with SIGKILL at generated moments while they save. Whatever the moment,
// every write a writer acknowledged must be in the file, and the file must always parse.
// 60 by default: enough that kills land inside a save (a temporary file left behind; about a third
// to a half of them do, and the test requires at least one), in under a third of the 200-kill soak's
// time. DEXT_KILL9_COUNT=200 runs that soak; new-extension's test of generated copies, where
// durability is not the point, sets 20.
const kills = Number(process.env.DEXT_KILL9_COUNT ?? 60);
/** Writers run side by side, each on its own state folder, to keep the test short on two cores. */
const lanes = 4;

let work: SocketDir;
let writer = "";

beforeAll(async () => {
  work = await makeSocketDir();
  // Bundled once, so each start costs a plain `node file.mjs`, not a TypeScript loader.
  writer = join(work.dir, "state-writer.mjs");
  await bundleBackend({
    entryPoints: [fileURLToPath(new URL("../testing/state-writer.ts", import.meta.url))],
    outfile: writer,
    logLevel: "silent",
  });
});

afterAll(() => work.remove());

/**
 * How long after its first acknowledged write a writer is killed. Timed from that write, so the
 * kill always lands while the writer is saving, however slow a busy machine makes its start.
 * Unbiased: every moment of the 25 ms as likely as any other, not mostly the first few.
 */
const killDelayMs = fc.noBias(fc.integer({ min: 0, max: 24 }));

/** Runs the writer, kills it `delayMs` after its first acknowledged write, returns the last value it acknowledged. */
function killWhileWriting(dir: string, volume: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, volume], { stdio: ["ignore", "pipe", "pipe"] });
    let lastAck = 0;
    let pending = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("ack ")) continue;
        if (lastAck === 0) setTimeout(() => child.kill("SIGKILL"), delayMs);
        lastAck = Number(line.slice(4));
      }
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(lastAck);
      else reject(new Error(`writer exited ${String(code)} before the kill: ${stderr}`));
    });
  });
}

/** The file as a reader finds it right after the kill: it must parse, whole. */
async function readStateFile(dir: string) {
  const text = await readFile(join(dir, stateFileName), "utf8");
  return stateSchema.parse((JSON.parse(text) as { state: unknown }).state);
}

describe(`${kills} kill -9 of a writer during writes`, () => {
  it("lose no acknowledged write and never leave a file that does not parse", { timeout: 120_000 }, async () => {
    const started = Date.now();
    // One run kills one writer in each lane, side by side; the delays are the generated input.
    const runs = propertyRuns(Math.ceil(kills / lanes), { budgetMs: 110_000 });
    const acks = Array.from({ length: lanes }, () => new Map<string, number>());
    let round = 0;
    let acknowledged = 0;
    // Kills that found a save half-done: its temporary file written but not yet renamed into place.
    let midSave = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(killDelayMs, { minLength: lanes, maxLength: lanes }), async (delays) => {
        round++;
        // Settled, not raced: a lane that fails must not leave another lane's writer running into
        // the next run, which would put two writers in one folder.
        const lanesDone = await Promise.allSettled(
          delays.map(async (delayMs, lane) => {
            const dir = join(work.dir, `lane${lane}`);
            const laneAcks = acks[lane]!;
            // A new volume each round: earlier rounds' notes must survive later writers too.
            const volume = `vol-${lane}-${round}`;
            const lastAck = await killWhileWriting(dir, volume, delayMs);
            laneAcks.set(volume, lastAck);
            acknowledged += lastAck;
            // The writer cleared older leftovers when it started, so any here are this kill's.
            if ((await readdir(dir)).some((name) => name.endsWith(".tmp"))) midSave++;
            const state = await readStateFile(dir);
            // A write may land without its ack reaching us (killed in between): more is fine, less is loss.
            return [...laneAcks]
              .filter(([name, ack]) => Number(state.notes[name] ?? 0) < ack)
              .map(
                ([name, ack]) =>
                  `${name}: acknowledged ${ack}, file has ${String(state.notes[name] ?? 0)} after round ${round}`,
              );
          }),
        );
        for (const done of lanesDone) if (done.status === "rejected") throw done.reason;
        expect(lanesDone.flatMap((done) => (done.status === "fulfilled" ? done.value : []))).toEqual([]);
      }),
      runs,
    );
    // The next start clears what the killed writers left half-done and reads every note back.
    for (const [lane, laneAcks] of acks.entries()) {
      const dir = join(work.dir, `lane${lane}`);
      const reopened = (await openStateStore(dir)).current();
      const lost = [...laneAcks].filter(([name, ack]) => Number(reopened.notes[name] ?? 0) < ack);
      expect(lost.map(([name, ack]) => `${name}: acknowledged ${ack}, lost on reopening`)).toEqual([]);
      expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    }
    // Not vacuous: the kills did land while writes were being acknowledged (not when replaying one case).
    // Some landed inside a save, the moment the atomic write exists for, and left a temporary file
    // that the next start removed.
    if (runs.path === undefined) {
      expect(acknowledged).toBeGreaterThanOrEqual(kills);
      expect(midSave).toBeGreaterThan(0);
    }
    console.log(
      `${round * lanes} kills (${midSave} inside a save), ${acknowledged} acknowledged writes checked, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
