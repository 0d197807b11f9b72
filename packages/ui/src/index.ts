// Browser entry: Docker's theme in and out of Desktop, and a typed view of the Desktop client.
export { DesktopGate } from "./desktop-gate.js";
export type { DesktopGateProps } from "./desktop-gate.js";
export { detectDesktopClient, getDesktopClient, requireDesktopClient } from "./desktop-client.js";
export type { DesktopClient, DesktopClientState } from "./desktop-client.js";
export { DextProvider } from "./dext-provider.js";
export type { DextProviderProps } from "./dext-provider.js";
export { OutsideDesktopError, outsideDesktopReason } from "./errors.js";
export type { DextUiErrorCode } from "./errors.js";
export { OutsideDesktopNotice } from "./outside-desktop-notice.js";
export type { OutsideDesktopNoticeProps } from "./outside-desktop-notice.js";
export { ensureDockerThemeGlobals, packagedDockerThemes } from "./theme-globals.js";
export type { DockerThemeBag, DockerThemeGlobals, ThemeGlobalSource, ThemeGlobalsReport } from "./theme-globals.js";
export { JobProgress } from "./job-progress.js";
export type { JobProgressProps, JobProgressSource } from "./job-progress.js";
export { useBackendClient } from "./use-backend-client.js";
export { useDesktopClient } from "./use-desktop-client.js";
export { useJob } from "./use-job.js";
export type { JobView, UseJobOptions } from "./use-job.js";
