import { join } from "node:path";
import { access } from "node:fs/promises";
import { parse } from "yaml";
import { BackendProcess } from "../backend-process.ts";
import { addFindings, validatorErrors } from "../validate.ts";
import type { Lab, LabContext } from "../lab.ts";

interface ComposeService {
  environment?: Record<string, unknown> | string[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
}

function environmentValue(service: ComposeService, name: string): string | undefined {
  const { environment } = service;
  if (Array.isArray(environment))
    return environment.find((entry) => entry.startsWith(`${name}=`))?.slice(name.length + 1);
  const value = environment?.[name];
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

function namedVolumeAt(service: ComposeService, target: string, declared: Set<string>): string | undefined {
  for (const volume of service.volumes ?? []) {
    const [source, mountedAt] = typeof volume === "string" ? volume.split(":") : [volume.source, volume.target];
    if (mountedAt === target && source !== undefined && declared.has(source)) return source;
  }
  return undefined;
}

/** metadata.json names a compose file whose first service keeps STATE_DIR on a named volume. */
async function checkCompose({ files, problems }: LabContext): Promise<void> {
  const metadata = (await files.json("metadata.json")) as
    { vm?: { composefile?: unknown; image?: unknown } } | undefined;
  const composefile = metadata?.vm?.composefile;
  if (typeof composefile !== "string") {
    problems.add(
      "metadata.json",
      'vm has no "composefile": replace "image" with "composefile": "docker-compose.yaml" (a plain vm.image cannot mount a volume)',
    );
    return;
  }
  // Metadata and compose errors, and the Dockerfile's, which include "the final stage never copies the compose file".
  const errors = (await validatorErrors(files.dir)).filter(
    (finding) =>
      finding.path.startsWith("$") ||
      finding.file?.endsWith(composefile) === true ||
      finding.message.includes("compose"),
  );
  addFindings(problems, files.dir, errors);
  const text = await files.text(composefile);
  if (text === undefined) return; // the validator has said so
  const compose = parse(text) as {
    services?: Record<string, ComposeService>;
    volumes?: Record<string, unknown>;
  } | null;
  const [name, first] = Object.entries(compose?.services ?? {})[0] ?? [];
  if (first === undefined) return;
  const stateDir = environmentValue(first, "STATE_DIR");
  if (stateDir === undefined) {
    problems.add(
      composefile,
      `the first service ("${String(name)}", the one Desktop talks to) sets no STATE_DIR: add \`environment: { STATE_DIR: /state }\``,
    );
    return;
  }
  if (namedVolumeAt(first, stateDir, new Set(Object.keys(compose?.volumes ?? {}))) === undefined) {
    problems.add(
      composefile,
      `nothing durable is mounted at STATE_DIR (${stateDir}) in "${String(name)}": add \`volumes: [visits:${stateDir}]\` and declare \`visits:\` under the top-level volumes`,
    );
  }
}

/** The counts survive a stop and a start of the backend with the same STATE_DIR: what the volume gives it. */
async function checkPersistence({ files, problems, workDir }: LabContext): Promise<void> {
  const stateDir = join(workDir, "state");
  const env = { STATE_DIR: stateDir };
  const first = await BackendProcess.start(files.dir, workDir, env);
  const before: unknown[] = [];
  try {
    for (let i = 0; i < 2; i++)
      before.push(((await first.call("POST", "/visits", { name: "Moby" })).body as { visits?: unknown }).visits);
  } finally {
    const code = await first.stop();
    if (code !== 0) problems.add("backend/main.ts", `the backend exited ${String(code)} on SIGTERM; expected 0`);
  }
  if (JSON.stringify(before) !== "[1,2]") {
    problems.add(
      "backend/handlers.ts",
      `signing as Moby twice gave visits ${JSON.stringify(before)}; expected [1,2] (lab 1's route)`,
    );
    return;
  }
  const second = await BackendProcess.start(files.dir, workDir, env);
  try {
    const after = ((await second.call("POST", "/visits", { name: "Moby" })).body as { visits?: unknown }).visits;
    if (after !== 3) {
      const saved = await access(join(stateDir, "visits.json")).then(
        () => "it wrote",
        () => "nothing was written to",
      );
      problems.add(
        "backend/visits.ts",
        `after a restart with the same STATE_DIR, Moby's next visit was ${JSON.stringify(after)}, not 3: the counts were lost (${saved} $STATE_DIR/visits.json). Load them at start and save them on every visit`,
      );
    }
  } finally {
    await second.stop();
  }
}

export const lab3: Lab = {
  number: 3,
  title: "Keep state in a volume",
  proves:
    "metadata.json runs a compose file that dext validate accepts, whose first service mounts a named volume at STATE_DIR; your backend keeps the visit counts in STATE_DIR across a SIGTERM and a restart",
  async check(context) {
    await checkCompose(context);
    await checkPersistence(context);
  },
};
