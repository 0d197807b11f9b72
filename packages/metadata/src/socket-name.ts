import { error, warning } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { readString } from "./json-value.ts";

export const GUEST_SERVICES_DIR = "/run/guest-services/";

/** macOS's sockaddr_un.sun_path holds 104 bytes including the final NUL; Linux allows 108. */
export const MAX_SOCKET_PATH_BYTES = 104;

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
        `The socket "${name}" is a path, but Desktop expects a file name and creates it in ${GUEST_SERVICES_DIR}`,
        `Use "${base}" and have the backend listen on ${GUEST_SERVICES_DIR}${base}.`,
      ),
    );
    return findings;
  }

  const fullPath = GUEST_SERVICES_DIR + name;
  // TextEncoder rather than Buffer keeps validation usable in a browser bundle.
  const bytes = new TextEncoder().encode(fullPath).length;
  if (bytes >= MAX_SOCKET_PATH_BYTES) {
    const room = MAX_SOCKET_PATH_BYTES - 1 - GUEST_SERVICES_DIR.length;
    findings.push(
      error(
        path,
        `The socket path ${fullPath} is ${bytes} bytes; Unix socket paths must stay under ${MAX_SOCKET_PATH_BYTES} bytes or binding fails on macOS`,
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
