// The VM service, the compose file's first service: Desktop proxies vm.service calls to the
// socket it listens on, /run/guest-services/compose-volumes.sock (metadata.json's vm.exposes.socket).
import { createLogger, runBackend } from "@dext/backend";
import { readConfig } from "./config.ts";
import { createEngineClient } from "./engine/engine-client.ts";
import { createExpressApp } from "./express-app.ts";
import { sweepStaleHelpers } from "./engine/helper-container.ts";
import { createHandlers } from "./handlers.ts";
import { openStateStore } from "./state/state-store.ts";
import { createVolumeInspector } from "./volume-inspector.ts";

const name = "compose-volumes";
const logger = createLogger({ name });
const config = readConfig();
const engine = createEngineClient(config.engineSocket);
const store = await openStateStore(config.stateDir, { logger });
const { handlers, scans } = createHandlers({
  engine,
  inspector: createVolumeInspector(engine, config.extensionImage),
  store,
});

// `jobs`: a running size scan is cancelled on SIGTERM, which stops and removes its helper container.
const running = await runBackend({ name, listener: createExpressApp({ handlers, logger }), logger, jobs: [scans] });
if (running !== undefined) {
  logger.info("configured", {
    engineSocket: config.engineSocket,
    helperImage: config.extensionImage ?? null,
    stateFile: store.path,
  });
  // Not awaited: the engine (or its proxy) may come up after the backend; that is no reason not to serve.
  sweepStaleHelpers(engine).then(
    (removed) => {
      if (removed > 0) logger.info("removed stale helper containers", { removed });
    },
    (error: unknown) =>
      logger.warn("could not look for stale helper containers", {
        reason: error instanceof Error ? error.message : String(error),
      }),
  );
}
