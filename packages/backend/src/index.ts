// Node entry: the server runtime. Browser code imports "@dext/backend/client" instead.
export * from "./client/index.ts";
export { createBackendApp } from "./create-backend-app.ts";
export type {
  BackendApp,
  BackendAppOptions,
  ContextWith,
  HandlerContext,
  Handlers,
  RouteHandler,
} from "./create-backend-app.ts";
export { sendRouteError } from "./error-response.ts";
export { JobCancelledError, RouteError, SocketListenError, SocketRequestError } from "./errors.ts";
export type { SocketErrorCode, SocketRequestErrorCode } from "./errors.ts";
export { createJobRegistry } from "./job-registry.ts";
export type { JobContext, JobRegistry, JobRegistryOptions, JobRunner } from "./job-registry.ts";
export { checkSocketPath, resolveListenOptions } from "./listen-options.ts";
export type { ListenOptions, ResolveListenOptions } from "./listen-options.ts";
export { createLogger, silentLogger, withFields } from "./logger.ts";
export { parseByteLimit } from "./read-json-body.ts";
export type { LogLevel, Logger } from "./logger.ts";
export { runBackend } from "./run-backend.ts";
export type { RunBackendOptions, RunListenerBackendOptions } from "./run-backend.ts";
export { serve, serveOnSocket } from "./serve-on-socket.ts";
export type { RunningServer, ServeOptions } from "./serve-on-socket.ts";
export { createSocketTransport } from "./socket-transport.ts";
export { requestOverSocket } from "./request-over-socket.ts";
export type { SocketRequest, SocketResponse } from "./request-over-socket.ts";
