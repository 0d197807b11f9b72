// The engine proxy: the compose file's second service. It alone mounts the engine's socket
// (/var/run/docker.sock.raw in the Desktop VM, at /var/run/docker.sock here) and serves a filtered
// Engine API on a socket in a named volume it shares with the backend.
import { createLogger, serve } from "@dext/backend";
import { createEngineProxy } from "./engine-proxy.ts";

const logger = createLogger({ name: "engine-proxy" });
const listenOn = process.env.PROXY_SOCKET ?? "/run/engine-proxy/engine.sock";
const upstream = process.env.ENGINE_SOCKET ?? "/var/run/docker.sock";
const configured = process.env.EXTENSION_IMAGE;
// An unreplaced "${DESKTOP_PLUGIN_IMAGE}" names no image: treat it as unset.
const image = configured === undefined || configured === "" || configured.includes("${") ? undefined : configured;

const running = await serve(createEngineProxy({ upstream, image, logger }), { kind: "socket", path: listenOn });
logger.info("listening", { address: running.address, upstream, helperImage: image ?? null });

let stopping = false;
const stop = (signal: NodeJS.Signals): void => {
  if (stopping) return;
  stopping = true;
  logger.info("stopping", { signal });
  // Under Docker's 10 s between SIGTERM and SIGKILL, with time left to remove the socket.
  void running.close(5_000).then(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
