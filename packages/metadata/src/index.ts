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
export type { FileLocation, Finding, Severity, ValidationResult } from "./finding.js";
export { validateMetadata } from "./validate-metadata.js";
export { checkMetadataText } from "./check-metadata-text.js";
export type { MetadataTextCheck } from "./check-metadata-text.js";
export { readExtensionDir } from "./read-extension-dir.js";
export type { ExtensionDir } from "./read-extension-dir.js";
export { validateExtensionDir } from "./validate-extension-dir.js";
export type { ExtensionDirOptions, ExtensionReport } from "./validate-extension-dir.js";
export { validateLabels } from "./validate-labels.js";
export type { LabelLocation, LabelSet, LabelValue } from "./validate-labels.js";
export { ALL_LABELS, CATEGORIES, LABELS, REQUIRED_LABELS } from "./extension-labels.js";
export type { ExtensionLabel } from "./extension-labels.js";
export { isSemverOrRange } from "./semver-range.js";
export type { DockerfileLabel } from "./dockerfile-labels.js";
export { checkImage, imageLabelSet } from "./image-labels.js";
export type { ImageCheck } from "./image-labels.js";
export { dockerImageInspect, runCommand } from "./docker-cli.js";
export type { CommandResult, CommandRunner } from "./docker-cli.js";
export { migrateLegacyMetadata } from "./migrate-legacy.js";
export type { Migration } from "./migrate-legacy.js";
export { DEFAULT_API_RANGE, formatLabelBlock, quoteLabelValue, suggestLabels } from "./label-block.js";
export type { LabelLine, LabelSuggestionInput } from "./label-block.js";
export { DockerError, InputError, MetadataReadError, MigrateError, UsageError } from "./errors.js";
export type { DockerErrorCode, InputErrorCode, MetadataReadErrorCode, MigrateErrorCode } from "./errors.js";
export type { JsonPosition } from "./json-position.js";
export { EXTENSION_IMAGE_VARIABLE } from "./validate-vm.js";
export { GUEST_SERVICES_DIR, MAX_SOCKET_PATH_BYTES } from "./socket-name.js";
// One safe reader for every tool that reads an extension's files (the local host too).
export { readRegularText } from "./read-regular-file.js";
export { MAX_COMPOSE_BYTES, MAX_DOCKERFILE_BYTES, MAX_METADATA_BYTES } from "./input-limits.js";
