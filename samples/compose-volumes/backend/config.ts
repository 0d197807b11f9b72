/** What the backend reads from its environment; compose sets each of these (see docker-compose.yaml). */
export interface BackendConfig {
  /** The Docker Engine API socket: the engine proxy's in the compose stack, the engine's itself in tests. */
  engineSocket: string;
  /** The image helper containers run: the extension's own, `${DESKTOP_PLUGIN_IMAGE}` in compose. */
  extensionImage: string | undefined;
  /** Where the state file lives: the named volume mounted in the backend service. */
  stateDir: string;
}

export function readConfig(env: Readonly<Record<string, string | undefined>> = process.env): BackendConfig {
  const image = env.EXTENSION_IMAGE;
  return {
    engineSocket: env.ENGINE_SOCKET ?? "/var/run/docker.sock",
    // An unreplaced "${DESKTOP_PLUGIN_IMAGE}" names no image: treat it as unset, and say so when it matters.
    extensionImage: image === undefined || image === "" || image.includes("${") ? undefined : image,
    stateDir: env.STATE_DIR ?? "/state",
  };
}
