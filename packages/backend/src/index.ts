// Node entry: the server runtime. Browser code imports "@dext/backend/client" instead.
export * from "./client/index.js";
export { createBackendApp } from "./create-backend-app.js";
export type { BackendApp, BackendAppOptions, HandlerContext, Handlers, RouteHandler } from "./create-backend-app.js";
export { JobCancelledError, RouteError, SocketListenError } from "./errors.js";
export type { SocketErrorCode } from "./errors.js";
export { createJobRegistry } from "./job-registry.js";
export type { JobContext, JobRegistry, JobRegistryOptions, JobRunner } from "./job-registry.js";
export { checkSocketPath, guestServicesDir, maxSocketPathBytes, resolveListenOptions } from "./listen-options.js";
export type { ListenOptions, ResolveListenOptions } from "./listen-options.js";
export { createLogger, silentLogger, withFields } from "./logger.js";
export { parseByteLimit } from "./read-json-body.js";
export type { LogLevel, Logger } from "./logger.js";
export { runBackend } from "./run-backend.js";
export type { RunBackendOptions } from "./run-backend.js";
export { serve, serveOnSocket } from "./serve-on-socket.js";
export type { RunningServer, ServeOptions } from "./serve-on-socket.js";
export { createSocketTransport } from "./socket-transport.js";
