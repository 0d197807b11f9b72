import { posix } from "node:path";
import { append } from "./append.ts";
import { error, warning } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { childPath } from "./json-path.ts";
import { describeValue, readObject, readString } from "./json-value.ts";
import { unknownKeyFindings } from "./object-keys.ts";
import type { HostPlatform } from "./types.ts";

const PLATFORMS: readonly HostPlatform[] = ["darwin", "windows", "linux"];
const WINDOWS_RUNNABLE = /\.(exe|cmd|bat|ps1)$/i;
const BINARIES_EXAMPLE =
  '"binaries": [{"darwin": [{"path": "/darwin/tool"}], "windows": [{"path": "/windows/tool.exe"}], ' +
  '"linux": [{"path": "/linux/tool"}]}]';

// Node's platform names and common nicknames, which authors write by habit.
const PLATFORM_HINTS: Readonly<Record<string, string>> = {
  win32: 'Rename it to "windows".',
  win: 'Rename it to "windows".',
  mac: 'Rename it to "darwin".',
  macos: 'Rename it to "darwin".',
  osx: 'Rename it to "darwin".',
};

/** Checks `host.binaries`: files Desktop copies from the image to the user's machine. */
export function validateHost(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  const host = readObject(value, path, findings, "host", `Write "host": {${BINARIES_EXAMPLE}}.`);
  if (host === undefined) return findings;
  append(findings, unknownKeyFindings(host, path, { where: "host", allowed: ["binaries"], severity: "warning" }));

  const binariesPath = childPath(path, "binaries");
  if (!Array.isArray(host.binaries)) {
    findings.push(
      error(
        binariesPath,
        `host.binaries must be an array, found ${describeValue(host.binaries)}`,
        `Write ${BINARIES_EXAMPLE}.`,
      ),
    );
    return findings;
  }

  const seen = new Map<string, string>();
  host.binaries.forEach((entry: unknown, index) => {
    append(findings, entryFindings(entry, childPath(binariesPath, index), seen));
  });
  return findings;
}

/** `seen` maps "platform/file name" to the path of its first declaration, across entries. */
function entryFindings(value: unknown, path: string, seen: Map<string, string>): Finding[] {
  const findings: Finding[] = [];
  const fix = 'Write {"darwin": [{"path": "/darwin/tool"}]}.';
  const entry = readObject(value, path, findings, "Each host.binaries entry", fix);
  if (entry === undefined) return findings;

  findings.push(
    ...unknownKeyFindings(entry, path, {
      where: "a host.binaries entry",
      allowed: PLATFORMS,
      // Desktop reads the three platforms it knows (inferred); the schema of docker extension
      // validate allows no other key.
      severity: "marketplace",
      hints: PLATFORM_HINTS,
    }),
  );
  if (!PLATFORMS.some((platform) => Object.hasOwn(entry, platform))) {
    findings.push(
      warning(
        path,
        "This entry lists no darwin, windows or linux binaries, so it installs nothing",
        "Add the platforms or remove the entry.",
      ),
    );
  }

  for (const platform of PLATFORMS) {
    if (!Object.hasOwn(entry, platform)) continue;
    const listPath = childPath(path, platform);
    const list = entry[platform];
    if (!Array.isArray(list)) {
      findings.push(
        error(
          listPath,
          `${platform} must be an array of {"path": …}, found ${describeValue(list)}`,
          `Write "${platform}": [{"path": "/${platform}/tool"}].`,
        ),
      );
      continue;
    }
    list.forEach((binary: unknown, index) => {
      append(findings, binaryFindings(binary, childPath(listPath, index), platform, seen));
    });
  }
  return findings;
}

function binaryFindings(value: unknown, path: string, platform: HostPlatform, seen: Map<string, string>): Finding[] {
  const findings: Finding[] = [];
  const example = `{"path": "/${platform}/${platform === "windows" ? "tool.exe" : "tool"}"}`;
  const binary = readObject(value, path, findings, "Each binary", `Write ${example}.`);
  if (binary === undefined) return findings;
  append(findings, unknownKeyFindings(binary, path, { where: "a binary", allowed: ["path"], severity: "warning" }));

  const filePath = childPath(path, "path");
  const file = readString(binary.path, filePath, findings, "The binary path", `Write ${example}.`);
  if (file === undefined) return findings;

  if (!file.startsWith("/")) {
    // Desktop copies the binaries out of a container of the image, where a path is read from
    // "/" as docker cp reads it (inferred: no published extension seen writes it this way).
    findings.push(
      warning(
        filePath,
        `"${file}" is relative; Docker Desktop reads it from the image root, as ${posix.resolve("/", file)}`,
        `Write "${posix.resolve("/", file)}" so it reads as the path in the image it is.`,
      ),
    );
  }
  if (platform === "windows" && !WINDOWS_RUNNABLE.test(file)) {
    findings.push(
      error(
        filePath,
        `"${file}" does not end in .exe, .cmd, .bat or .ps1, so Docker Desktop on Windows cannot run it`,
        "Point to the Windows build of the tool, e.g. /windows/tool.exe.",
      ),
    );
  }

  // The UI runs host binaries by file name, so two files with one name on a platform collide.
  const name = file.slice(file.lastIndexOf("/") + 1);
  const key = `${platform}/${name}`;
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, filePath);
  } else {
    findings.push(
      warning(
        filePath,
        `A second ${platform} binary named "${name}" (first at ${first}); the UI runs binaries by file name, so one replaces the other`,
        "Give each binary its own name; for per-CPU builds, pick the file by TARGETARCH in the Dockerfile instead.",
      ),
    );
  }
  return findings;
}
