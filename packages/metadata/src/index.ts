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
} from "./types.ts";
export type { FileLocation, Finding, Severity, ValidationResult } from "./finding.ts";
export { validateMetadata } from "./validate-metadata.ts";
export { checkMetadataText } from "./check-metadata-text.ts";
export type { MetadataTextCheck } from "./check-metadata-text.ts";
export { readExtensionDir } from "./read-extension-dir.ts";
export type { ExtensionDir } from "./read-extension-dir.ts";
export { validateExtensionDir } from "./validate-extension-dir.ts";
// One reading of a Dockerfile for every tool: which file of the build context lands where in the image.
export { readDockerfile } from "./dockerfile-model.ts";
export type { DockerfileModel } from "./dockerfile-model.ts";
export { imageLayout, landingAt } from "./image-layout.ts";
export type { ImageLayout, LandedEntry, Landing } from "./image-layout.ts";
export { machinePlatform } from "./build-platform.ts";
export type { ExtensionDirOptions, ExtensionReport } from "./validate-extension-dir.ts";
export { validateLabels } from "./validate-labels.ts";
export type { LabelLocation, LabelSet, LabelValue } from "./validate-labels.ts";
export { ALL_LABELS, CATEGORIES, LABELS, REQUIRED_LABELS } from "./extension-labels.ts";
export type { ExtensionLabel } from "./extension-labels.ts";
export { isSemverOrRange } from "./semver-range.ts";
export { dockerfileLabels, labelsDesktopRefuses } from "./dockerfile-labels.ts";
export type { DockerfileLabel } from "./dockerfile-labels.ts";
export { checkImage, imageLabelSet } from "./image-labels.ts";
export type { ImageCheck } from "./image-labels.ts";
export { dockerImageInspect, runCommand } from "./docker-cli.ts";
export type { CommandResult, CommandRunner } from "./docker-cli.ts";
export { migrateLegacyMetadata } from "./migrate-legacy.ts";
export type { Migration } from "./migrate-legacy.ts";
export { DEFAULT_API_RANGE, formatLabelBlock, quoteLabelValue, suggestLabels } from "./label-block.ts";
export type { LabelLine, LabelSuggestionInput } from "./label-block.ts";
export { DockerError, InputError, MetadataReadError, MigrateError, UsageError } from "./errors.ts";
export type { DockerErrorCode, InputErrorCode, MetadataReadErrorCode, MigrateErrorCode } from "./errors.ts";
export type { JsonPosition } from "./json-position.ts";
export { EXTENSION_IMAGE_VARIABLE } from "./validate-vm.ts";
// One safe reader for every tool that reads an extension's files (the local host too).
export { readRegularText } from "./read-regular-file.ts";
export { MAX_COMPOSE_BYTES, MAX_DOCKERFILE_BYTES, MAX_METADATA_BYTES } from "./input-limits.ts";
