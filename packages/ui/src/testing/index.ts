// Test-only entry ("@dext/ui/testing"): a fake Docker Desktop client and exec helpers.
export type { FakeApi, FakeCall, FakeExecApi } from "./call-log.js";
export { ExecFailure, execFailure, execResult } from "./exec-result.js";
export { createFakeDesktopClient, installFakeDesktopClient } from "./fake-desktop-client.js";
export type {
  FakeCliOverrides,
  FakeDesktopClient,
  FakeDesktopClientOverrides,
  FakeExtension,
} from "./fake-desktop-client.js";
export type { FakeExecHandler } from "./fake-exec.js";
export { createFakeProcess, FakeProcess } from "./fake-process.js";
export { createFakeJobBackend, FakeHttpRejection } from "./fake-job-backend.js";
export type { FakeJobBackend, FakeJobStatus } from "./fake-job-backend.js";
export { colorSchemes, preferColorScheme } from "./color-scheme.js";
export type { ColorScheme } from "./color-scheme.js";
