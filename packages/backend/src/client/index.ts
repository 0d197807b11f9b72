// Browser-safe entry: the contract, the error shape and the typed client. No Node or server code.
export { buildPath, defineContract, defineRoute } from "./contract.js";
export type {
  Contract,
  HttpMethod,
  RouteCallInput,
  RouteDefinition,
  RouteInput,
  RouteOutput,
} from "./contract.js";
export { errorBodySchema } from "./error-body.js";
export type { ErrorBody, ErrorIssue } from "./error-body.js";
export { errorCodes, statusByCode } from "./error-codes.js";
export type { ErrorCode } from "./error-codes.js";
export { BackendClientError, kindForCode, kindForStatus } from "./backend-client-error.js";
export type { BackendClientErrorDetails, BackendErrorKind } from "./backend-client-error.js";
export { createFetchTransport, errorFromResponse, parseErrorBody } from "./transport.js";
export type { Transport, TransportRequest } from "./transport.js";
export { createDesktopServiceTransport, errorFromDesktopRejection } from "./desktop-service-transport.js";
export type { DesktopHttpService } from "./desktop-service-transport.js";
export { createBackendClient } from "./create-backend-client.js";
export type { BackendClient, BackendClientOptions, RetryOptions } from "./create-backend-client.js";
export { defineJob, jobIdParamsSchema, jobStatusSchema } from "./job.js";
export type { JobDefinition, JobInput, JobResult, JobRoutes, JobStatus, JobStatusSchema } from "./job.js";
export { isFinishedState, jobStates } from "./job-state.js";
export type { JobState } from "./job-state.js";
export { createJobClient, settleJobStatus } from "./job-client.js";
export type { JobClient, WaitForJobOptions } from "./job-client.js";
