// @dext/backend/testing: public helpers for tests of a backend. The other files in this folder
// are this package's own fixtures and stay private.
export { BackendStartError, startBackend } from "./start-backend.ts";
export type {
  BackendExit,
  BackendProcess,
  BackendStartErrorCode,
  RunningBackend,
  SpawnBackendOptions,
  StartBackendOptions,
} from "./start-backend.ts";
export { makeSocketDir } from "./temp-dir.ts";
export type { SocketDir } from "./temp-dir.ts";
