/**
 * The `metadata.json` Docker Desktop reads from the root of an extension image.
 * Every part is optional; root keys other than these four are rejected by Desktop.
 */
export interface ExtensionMetadata {
  /** A file in the image (svg, png or jpg) shown next to the extension in the Dashboard. */
  icon?: string;
  ui?: UiSection;
  vm?: VmSection;
  host?: HostSection;
}

export interface UiSection {
  /** The only UI extension point Desktop uses: a tab of the Dashboard. */
  "dashboard-tab": DashboardTab;
}

export interface DashboardTab {
  title: string;
  /** Absolute folder in the image that Desktop copies out, e.g. `/ui`. */
  root: string;
  /** Entry page relative to `root`, e.g. `index.html`. */
  src: string;
  backend?: SocketRef;
}

export interface SocketRef {
  /** A file name; Desktop creates it in `/run/guest-services/`. */
  socket: string;
}

interface VmCommon {
  /** The socket the backend listens on, proxied for `ddClient.extension.vm.service`. */
  exposes?: SocketRef;
}

/** One container; `${DESKTOP_PLUGIN_IMAGE}` stands for the extension's own image. */
export interface VmImage extends VmCommon {
  image: string;
  composefile?: never;
}

/** A compose file in the image, for several containers or extra mounts. */
export interface VmCompose extends VmCommon {
  composefile: string;
  image?: never;
}

export type VmSection = VmImage | VmCompose;

export interface HostSection {
  binaries: HostBinaries[];
}

export type HostPlatform = "darwin" | "windows" | "linux";

export type HostBinaries = Partial<Record<HostPlatform, HostBinary[]>>;

export interface HostBinary {
  /** Absolute path of the file in the image; the UI later runs it by its file name. */
  path: string;
}
