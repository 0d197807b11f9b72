// The wire format between an extension page (the injected client) and the host server. Browser-safe.

export type ExecTarget = "vm" | "host" | "docker";

export interface ExecRequest {
  target: ExecTarget;
  cmd: string;
  args: string[];
  /** `ExecOptions.cwd`: a path in the container (vm) or on this machine (host, docker). */
  cwd?: string;
  /** `ExecOptions.env`: added to the command's environment; values are strings only. */
  env?: Record<string, string>;
}

/** One line of the NDJSON answer to an exec: output as it comes, then exactly one `exit` or `error`. */
export type ExecEvent =
  | { type: "stdout"; data: string }
  | { type: "stderr"; data: string }
  | { type: "exit"; code: number | null; signal: string | null }
  | { type: "error"; message: string; code?: string };

export interface ServiceRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  data: unknown;
}

/** What the backend answered, untouched; the client turns it into Desktop's resolve or reject. */
export type ServiceResponse =
  | { ok: true; status: number; contentType: string; body: string }
  | { ok: false; message: string; code: string | undefined };

/** What the host tells a page about itself, inlined before the page's own scripts. */
export interface PageConfig {
  extensionId: string;
  image: string;
  apiBase: string;
  /** This extension's secret for this host run: every API call carries it in the `tokenHeader`. */
  token: string;
  /** The origins the dashboard may be opened at; the page talks to its parent only there. */
  chromeOrigins: string[];
  host: { platform: string; arch: string; hostname: string };
  colorScheme: "light" | "dark" | "system";
}

export interface ExtensionSummary {
  id: string;
  title: string;
  /** Each extension has an origin of its own (a port of its own), as each has its own webview in Desktop. */
  port: number | undefined;
  /** Paths on the extension's origin. */
  uiPath: string | undefined;
  iconPath: string | undefined;
  source: string;
  vm: { state: "none" | "starting" | "running" | "exited"; detail: string | undefined };
  problems: string[];
}

/** Messages from an extension page to the dashboard around it. */
export type PageToChrome =
  | {
      kind: "dext:call";
      extensionId: string;
      api: string;
      args: unknown[];
      outcome: "ok" | "error";
      detail: string;
      ms: number;
    }
  | { kind: "dext:toast"; extensionId: string; level: "success" | "warning" | "error"; message: string }
  | { kind: "dext:navigate"; extensionId: string; intent: string; args: unknown[] }
  | { kind: "dext:open-external"; extensionId: string; url: string }
  | { kind: "dext:dialog"; extensionId: string; requestId: string; options: unknown };

/** Messages from the dashboard to an extension page. */
export type ChromeToPage =
  | { kind: "dext:color-scheme"; scheme: "light" | "dark" }
  | { kind: "dext:dialog-result"; requestId: string; result: { canceled: boolean; filePaths: string[] } };

export const pageConfigGlobal = "__dextPageConfig";
/**
 * Where the page runs, read by @dext/ui's currentHostRuntime (its hostRuntimeGlobal): the kit's
 * advice then names this host instead of telling the user to restart Docker Desktop.
 */
export const hostRuntimeGlobal = "__dextHostRuntime";
export const hostRuntime = {
  name: "the dext local host",
  restartAdvice:
    "restart the dext local host (Ctrl+C in its terminal, which also shows the backend's log, then start it again)",
} as const;
export const dashboardConfigGlobal = "__dextDashboardConfig";

/** The request header that carries a page's (or the dashboard's) secret. */
export const tokenHeader = "x-dext-token";

/** A folder of this machine as the dashboard's open dialog shows it (`GET /__dext/folder?path=`, dashboard only). */
export interface FolderListing {
  path: string;
  /** The folder above, or undefined at the root. */
  parent: string | undefined;
  entries: { name: string; path: string; kind: "file" | "folder" }[];
  /** The file the asked path named, when it named a file: the dialog opens its folder with it selected. */
  selected: string | undefined;
  /** More entries than the dialog is sent. */
  truncated: boolean;
}

export interface DashboardConfig {
  token: string;
}
