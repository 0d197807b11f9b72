import { join } from "node:path";
import { createBackendClient, createJobClient, createSocketTransport, serveOnSocket } from "@dext/backend";
import { contract, sizeScanJob } from "../../shared/contract.ts";
import { createEngineClient } from "../engine/engine-client.ts";
import { createExpressApp } from "../express-app.ts";
import { createHandlers } from "../handlers.ts";
import { openStateStore } from "../state/state-store.ts";
import { createVolumeInspector } from "../volume-inspector.ts";
import type { BackendClient, JobClient } from "@dext/backend";
import type { Contract } from "../../shared/contract.ts";

export interface InProcessBackend {
  client: BackendClient<Contract>;
  scans: JobClient<typeof sizeScanJob>;
  socketPath: string;
  close(): Promise<void>;
}

/** The backend's app (Express, as main.ts serves it) on a socket in `dir`, in this process, against the engine at `engineSocket`. */
export async function startInProcessBackend(
  dir: string,
  engineSocket: string,
  image: string | undefined,
): Promise<InProcessBackend> {
  const engine = createEngineClient(engineSocket, { timeoutMs: 10_000, connectWaitMs: 200 });
  const store = await openStateStore(join(dir, "state"));
  const { handlers, scans } = createHandlers({ engine, inspector: createVolumeInspector(engine, image), store });
  const socketPath = join(dir, "backend.sock");
  const running = await serveOnSocket(createExpressApp({ handlers }), socketPath);
  const transport = createSocketTransport(socketPath);
  return {
    client: createBackendClient(contract, transport, { retry: { attempts: 1 } }),
    scans: createJobClient(sizeScanJob, transport, { retry: { attempts: 1 } }),
    socketPath,
    close: async () => {
      scans.cancelAll();
      await running.close(1_000);
    },
  };
}
