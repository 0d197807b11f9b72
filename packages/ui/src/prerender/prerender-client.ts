import type { DesktopClient } from "../desktop-client.ts";

/** Thrown when code calls Desktop while its first view is rendered at build time. */
export class PrerenderCallError extends Error {
  override readonly name = "PrerenderCallError";
  readonly code = "prerender_call";
}

/**
 * The client a first view renders with at build time. Rendering may read it and keep it (hooks
 * do), but a call is a bug: nothing runs effects then, so a call during render would also run on
 * every render in Desktop. The host fields are placeholders: a first view that prints the host's
 * platform is rendered again on the client, where React replaces the prerendered text.
 */
export function createPrerenderClient(): DesktopClient {
  const refuse = (path: string): unknown =>
    new Proxy(() => undefined, {
      // Not a thenable: awaiting the client, or a value read from it, must not call anything.
      get: (_target, key) => (typeof key === "symbol" || key === "then" ? undefined : refuse(`${path}.${key}`)),
      apply: () => {
        throw new PrerenderCallError(
          `${path}() was called while the first view was prerendered: call Desktop from an effect or an event handler, not during render`,
        );
      },
    });
  const client = refuse("ddClient") as Record<string, unknown>;
  return new Proxy(client, {
    get: (target, key) =>
      key === "host"
        ? { platform: "linux", arch: "x64", hostname: "", openExternal: refuse("ddClient.host.openExternal") }
        : (Reflect.get(target, key) as unknown),
  }) as unknown as DesktopClient;
}
