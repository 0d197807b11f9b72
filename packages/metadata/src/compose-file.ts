import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node, Pair } from "yaml";
import { findingAt } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { MAX_COMPOSE_DEPTH } from "./input-limits.ts";
import { tooDeepOffset } from "./json-depth.ts";
import { isRecord } from "./json-value.ts";

/** One compose service with the 1-based lines of what the checks point at. */
export interface ComposeService {
  name: string;
  line: number;
  /** The service's settings as plain values (aliases and `<<` merges resolved). */
  config: Record<string, unknown>;
  /** Line of one of the service's keys, or of the service when the key is absent or merged in. */
  lineOf(key: string): number;
  /** Line of the index-th item of a list setting such as `volumes`. */
  itemLine(key: string, index: number): number;
}

export interface ComposeFile {
  file: string;
  services: ComposeService[];
  /** Top-level `volumes`, by name. */
  volumes: Record<string, unknown>;
  /** Syntax errors, or a file that is not a compose file. */
  findings: Finding[];
}

/** Parses a compose file with the `yaml` package, keeping source lines for findings. */
export function readComposeFile(text: string, file: string): ComposeFile {
  const result: ComposeFile = { file, services: [], volumes: {}, findings: [] };
  const lines = new LineCounter();
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lines.linePos(offset).line);
  let value: unknown;
  const deep = tooDeepOffset(text, MAX_COMPOSE_DEPTH, false);
  if (deep !== undefined) {
    result.findings.push(
      findingAt(
        "error",
        { file, line: lineOf(text, deep) },
        `The compose file nests [ and { deeper than ${MAX_COMPOSE_DEPTH} levels here, so dext did not parse it`,
        "Remove the nesting; a compose file needs a few levels.",
      ),
    );
    return result;
  }
  try {
    const doc = parseDocument(text, { lineCounter: lines, merge: true, prettyErrors: false });
    const [syntax] = doc.errors;
    if (syntax !== undefined) {
      result.findings.push(
        findingAt(
          "error",
          { file, line: lineAt(syntax.pos[0]) },
          `The compose file is not valid YAML: ${syntax.message.split("\n")[0] ?? ""}`,
          "Fix the YAML syntax; docker compose config shows the same error.",
        ),
      );
      return result;
    }
    value = doc.toJS({ maxAliasCount: 1000 });
    const servicesNode = doc.get("services", true);
    const services = isRecord(value) ? value.services : undefined;
    if (!isRecord(services) || !isMap(servicesNode)) {
      result.findings.push(
        findingAt(
          "error",
          { file, line: 1 },
          "The compose file has no services map",
          "Add services: with one service that uses image: ${DESKTOP_PLUGIN_IMAGE}.",
        ),
      );
      return result;
    }
    for (const pair of servicesNode.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const config = name === undefined ? undefined : services[name];
      if (name === undefined || name === "<<") continue;
      result.services.push(service(name, isRecord(config) ? config : {}, pair, lineAt));
    }
    if (isRecord(value) && isRecord(value.volumes)) result.volumes = value.volumes;
  } catch (thrown) {
    // Hostile input (deep nesting, alias bombs) must become a finding, never a crash.
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    result.findings.push(
      findingAt(
        "error",
        { file, line: 1 },
        `The compose file could not be read: ${reason}`,
        "Check it with docker compose config.",
      ),
    );
  }
  return result;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function service(
  name: string,
  config: Record<string, unknown>,
  pair: Pair,
  lineAt: (offset: number | undefined) => number,
): ComposeService {
  const keyNode = pair.key as Node | null;
  const line = lineAt(keyNode?.range?.[0]);
  const body = isMap(pair.value) ? pair.value : undefined;
  const settingNode = (key: string): Node | undefined => {
    const found = body?.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    return found === undefined ? undefined : ((found.key as Node | null) ?? undefined);
  };
  return {
    name,
    line,
    config,
    lineOf: (key) => lineAt(settingNode(key)?.range?.[0] ?? keyNode?.range?.[0]),
    itemLine: (key, index) => {
      const list = body?.get(key, true);
      const item = isSeq(list) ? (list.items[index] as Node | undefined) : undefined;
      return lineAt(item?.range?.[0] ?? settingNode(key)?.range?.[0] ?? keyNode?.range?.[0]);
    },
  };
}
