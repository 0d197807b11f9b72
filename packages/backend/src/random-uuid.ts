/**
 * A random UUID, for request and job ids. Taken from the Web Crypto global, not imported from
 * `node:crypto`: the import loads Node's crypto modules while the backend starts (about 8 ms of CPU
 * before the socket listens, docs/benchmarks.md); the global loads them on the first id, once the
 * socket already accepts.
 */
export function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}
