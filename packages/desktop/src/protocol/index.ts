// The wire format between an extension page (the injected client) and the host server. Browser-safe.

export type {
  ExecEvent,
  ExecRequest,
  ExecTarget,
  ExtensionSummary,
  FolderListing,
  HostEvent,
  ServiceRequest,
  ServiceResponse,
} from "./host-api.ts";

/** What the host tells a page about itself, inlined before the page's own scripts. */
export interface PageConfig {
  extensionId: string;
  image: string;
  apiBase: string;
  /**
   * The module with the typed client of `apiBase` (@dext/backend's client and the API's schemas),
   * which the injected script imports on the first call instead of carrying it.
   */
  apiModuleUrl: string;
  /** This extension's secret for this host run: every API call carries it in the `tokenHeader`. */
  token: string;
  /** The origins the dashboard may be opened at; the page talks to its parent only there. */
  chromeOrigins: string[];
  host: { platform: string; arch: string; hostname: string };
  colorScheme: "light" | "dark" | "system";
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

export interface DashboardConfig {
  token: string;
}
