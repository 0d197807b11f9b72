// Test helpers for extensions run in the dext host: a Chromium that works on closed networks, and tab navigation.
export { chromiumPath, launchChromium } from "./launch-chromium.ts";
export { openExtensionFrame, openExtensionTab } from "./open-extension.ts";
export { captureLog } from "./captured-log.ts";
// The docker client and engine this machine has in Desktop's place, for tests on a real engine.
export { describeDockerHost, docker, uniqueName } from "./docker.ts";
export { composeCliPath, dockerCliPath, engineSocketPath, engineVersion, runProgram } from "@dext/desktop-facts/node";
export { startDesktopHost } from "../server/desktop-host.ts";
// The host takes @dext/backend's logger; re-exported so a sample that does not depend on it can quiet the host.
export { silentLogger } from "@dext/backend";
export type { CapturedLog } from "./captured-log.ts";
export type { ProgramOutput, RunProgramOptions } from "@dext/desktop-facts/node";
export type { DesktopHost, DesktopHostOptions } from "../server/desktop-host.ts";
