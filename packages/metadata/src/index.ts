export type {
  DashboardTab,
  ExtensionMetadata,
  HostBinaries,
  HostBinary,
  HostPlatform,
  HostSection,
  SocketRef,
  UiSection,
  VmCompose,
  VmImage,
  VmSection,
} from "./types.js";
export type { Finding, Severity, ValidationResult } from "./finding.js";
export { validateMetadata } from "./validate-metadata.js";
export { readExtensionDir } from "./read-extension-dir.js";
export type { ExtensionDir } from "./read-extension-dir.js";
export { MetadataReadError, UsageError } from "./errors.js";
export type { MetadataReadErrorCode } from "./errors.js";
export type { JsonPosition } from "./json-position.js";
export { EXTENSION_IMAGE_VARIABLE } from "./validate-vm.js";
export { GUEST_SERVICES_DIR, MAX_SOCKET_PATH_BYTES } from "./socket-name.js";
