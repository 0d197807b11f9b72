/**
 * Where Desktop mounts the folder that holds extension sockets, in every VM service: metadata's
 * `vm.exposes.socket: "x.sock"` is the socket `/run/guest-services/x.sock`. No trailing slash.
 */
export const guestServicesDir = "/run/guest-services";

/**
 * The longest Unix socket path that binds on every Desktop host, in UTF-8 bytes, the final NUL not
 * counted: 103. macOS's `sockaddr_un.sun_path` holds 104 bytes including the NUL (Linux's 108),
 * and Desktop proxies to the socket from the host side too, so macOS's is the limit.
 */
export const maxSocketPathBytesWithoutNul = 103;

/** The socket Desktop's proxy reaches for a socket file name from metadata.json. */
export function guestServicesSocketPath(fileName: string): string {
  return `${guestServicesDir}/${fileName}`;
}

/**
 * A path's length in UTF-8 bytes, as the kernel counts it (a lone surrogate counts as the 3 bytes
 * of U+FFFD, as encoders write it). Counted here because this module has no TextEncoder or Buffer
 * in every runtime it is read in (its types carry neither the DOM's nor Node's globals).
 */
export function socketPathBytes(path: string): number {
  let bytes = 0;
  for (const char of path) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** True when `path` fits macOS's socket path limit (`maxSocketPathBytesWithoutNul`). */
export function socketPathFits(path: string): boolean {
  return socketPathBytes(path) <= maxSocketPathBytesWithoutNul;
}
