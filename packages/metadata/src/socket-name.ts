import {
  guestServicesDir,
  guestServicesSocketPath,
  maxSocketPathBytesWithoutNul,
  socketPathBytes,
  socketPathFits,
} from "@dext/desktop-facts";
import { error, warning } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { readString } from "./json-value.ts";

/**
 * Checks a socket named in metadata (`vm.exposes.socket`, `dashboard-tab.backend.socket`):
 * Desktop wants a bare file name and creates it in /run/guest-services/.
 */
export function socketNameFindings(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  const name = readString(value, path, findings, "The socket", 'Name the socket file, e.g. "backend.sock".');
  if (name === undefined) return findings;

  if (/[/\\]/.test(name)) {
    const base =
      name
        .split(/[/\\]/)
        .filter((part) => part !== "")
        .pop() ?? "backend.sock";
    findings.push(
      error(
        path,
        `The socket "${name}" is a path, but Desktop expects a file name and creates it in ${guestServicesDir}/`,
        `Use "${base}" and have the backend listen on ${guestServicesSocketPath(base)}.`,
      ),
    );
    return findings;
  }

  const fullPath = guestServicesSocketPath(name);
  if (!socketPathFits(fullPath)) {
    const room = maxSocketPathBytesWithoutNul - socketPathBytes(guestServicesSocketPath(""));
    findings.push(
      error(
        path,
        `The socket path ${fullPath} is ${socketPathBytes(fullPath)} bytes; Unix socket paths may be at most ${maxSocketPathBytesWithoutNul} bytes or binding fails on macOS`,
        `Shorten the name to at most ${room} bytes, e.g. "backend.sock".`,
      ),
    );
  }

  if (!name.endsWith(".sock")) {
    findings.push(
      warning(
        path,
        `The socket "${name}" does not end in .sock; it works, but .sock is what readers and tools expect`,
        `Rename it to "${name}.sock" here and in the backend.`,
      ),
    );
  }
  return findings;
}
