// Test-only entry ("@dext/ui/testing"): a fake Docker Desktop client and exec helpers.
export type { FakeApi, FakeCall, FakeExecApi } from "./call-log.ts";
export { ExecFailure, execFailure, execResult } from "./exec-result.ts";
export { createFakeDesktopClient, installFakeDesktopClient } from "./fake-desktop-client.ts";
export type {
  FakeCliOverrides,
  FakeDesktopClient,
  FakeDesktopClientOverrides,
  FakeExtension,
} from "./fake-desktop-client.ts";
export type { FakeExecHandler } from "./fake-exec.ts";
export { createFakeProcess, FakeProcess } from "./fake-process.ts";
export { createFakeJobBackend, FakeHttpRejection } from "./fake-job-backend.ts";
export type { FakeJobBackend, FakeJobStatus } from "./fake-job-backend.ts";
export { colorSchemes, preferColorScheme } from "./color-scheme.ts";
export type { ColorScheme } from "./color-scheme.ts";
