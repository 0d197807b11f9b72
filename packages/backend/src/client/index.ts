// Browser-safe entry: the contract, the error shape and the typed client. No Node or server code.
export { buildPath, defineContract, defineRoute } from "./contract.ts";
export type {
  Contract,
  HttpMethod,
  RouteCallInput,
  RouteDefinition,
  RouteInput,
  RouteOutput,
} from "./contract.ts";
export { errorBodySchema } from "./error-body.ts";
export type { ErrorBody, ErrorIssue } from "./error-body.ts";
export { errorCodes, statusByCode } from "./error-codes.ts";
export type { ErrorCode } from "./error-codes.ts";
export { BackendClientError, kindForCode, kindForStatus } from "./backend-client-error.ts";
export type { BackendClientErrorDetails, BackendErrorKind } from "./backend-client-error.ts";
export { createFetchTransport, errorFromResponse, parseErrorBody } from "./transport.ts";
export type { Transport, TransportRequest } from "./transport.ts";
export { createDesktopServiceTransport, errorFromDesktopRejection } from "./desktop-service-transport.ts";
export type { DesktopHttpService } from "./desktop-service-transport.ts";
export { createBackendClient } from "./create-backend-client.ts";
export type { BackendClient, BackendClientOptions, RetryOptions } from "./create-backend-client.ts";
export { defineJob, jobIdParamsSchema, jobStatusSchema } from "./job.ts";
export type { JobDefinition, JobInput, JobResult, JobRoutes, JobStatus, JobStatusSchema } from "./job.ts";
export { isFinishedState, jobStates } from "./job-state.ts";
export type { JobState } from "./job-state.ts";
export { createJobClient, settleJobStatus } from "./job-client.ts";
export type { JobClient, WaitForJobOptions } from "./job-client.ts";
