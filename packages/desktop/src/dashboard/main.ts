// The host's chrome around extension tabs: what Desktop's Dashboard shows around an extension.
import { createBackendClient } from "@dext/backend/client";
import { dashboardApi, hostApiTransport } from "../protocol/host-api.ts";
import { dashboardConfigGlobal } from "../protocol/index.ts";
import { element } from "./element.ts";
import { showOpenDialog } from "./open-dialog.ts";
import type { ChromeToPage, DashboardConfig, ExtensionSummary, HostEvent, PageToChrome } from "../protocol/index.ts";

type Scheme = "light" | "dark";

const tabs = document.getElementById("tabs") as HTMLElement;
const view = document.getElementById("view") as HTMLElement;
const calls = document.getElementById("calls") as HTMLOListElement;
const toasts = document.getElementById("toasts") as HTMLElement;
const schemeSelect = document.getElementById("scheme") as HTMLSelectElement;

let frame: HTMLIFrameElement | undefined;
let dialogs: Promise<void> = Promise.resolve();
let frameOrigin: string | undefined;

const config = Reflect.get(window, dashboardConfigGlobal) as DashboardConfig | undefined;
const token = config?.token ?? "";

/** The host's dashboard API, with the dashboard's own secret (the host refuses /__dext/ calls without it). */
const api = createBackendClient(dashboardApi, hostApiTransport("/__dext", token));

/** An extension's origin: its own port on the host name this dashboard was opened with, so its cookies match. */
function extensionUrl(extension: ExtensionSummary, path: string): string {
  return `${window.location.protocol}//${window.location.hostname}:${extension.port ?? ""}${path}`;
}

/** The open dialog's view of a folder, from the host (only the dashboard may ask). */
const listFolder = (path: string | undefined) => api.folder({ query: { path } });

function currentScheme(): Scheme {
  const saved = /(?:^|;\s*)dext-scheme=(light|dark)/.exec(document.cookie)?.[1];
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

function applyScheme(scheme: Scheme): void {
  document.documentElement.dataset.scheme = scheme;
  schemeSelect.value = scheme;
  // The page reads the cookie on its next load, and is told now so it switches without a reload.
  document.cookie = `dext-scheme=${scheme}; path=/; SameSite=Strict`;
  postToPage({ kind: "dext:color-scheme", scheme });
}

function postToPage(message: ChromeToPage): void {
  if (frameOrigin !== undefined) frame?.contentWindow?.postMessage(message, frameOrigin);
}

function toast(level: "success" | "warning" | "error", text: string): void {
  const node = element("div", { className: "toast", textContent: text });
  node.dataset.level = level;
  toasts.append(node);
  setTimeout(() => node.remove(), 6_000);
}

function logCall(text: string, outcome: "ok" | "error"): void {
  const item = element("li", { textContent: `${new Date().toLocaleTimeString()} ${text}` });
  item.dataset.outcome = outcome;
  calls.prepend(item);
  while (calls.children.length > 300) calls.lastElementChild?.remove();
}

function show(extension: ExtensionSummary): void {
  for (const button of tabs.querySelectorAll("button"))
    button.setAttribute("aria-selected", String(button.dataset.id === extension.id));
  view.replaceChildren();
  if (extension.problems.length > 0)
    view.append(element("p", { className: "problems", textContent: extension.problems.join("\n") }));
  if (extension.uiPath === undefined || extension.port === undefined) {
    view.append(element("p", { className: "empty", textContent: `${extension.title} has no UI tab.` }));
    frame = undefined;
    frameOrigin = undefined;
    return;
  }
  const src = extensionUrl(extension, extension.uiPath);
  frameOrigin = new URL(src).origin;
  frame = element("iframe", { src, title: extension.title });
  frame.style.height = extension.problems.length > 0 ? "calc(100% - 3em)" : "100%";
  view.append(frame);
  if (window.location.hash !== `#${extension.id}`) history.replaceState(null, "", `#${extension.id}`);
}

function onPageMessage(event: MessageEvent<unknown>): void {
  // Only the open tab's page, from its own origin, may raise toasts, dialogs and log lines.
  if (frame === undefined || event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
  const message = event.data as PageToChrome;
  switch (message.kind) {
    case "dext:call":
      logCall(
        `${message.extensionId} ${message.api}(${message.args.map((arg) => JSON.stringify(arg)).join(", ")}) → ${message.outcome} ${message.detail} [${message.ms} ms]`,
        message.outcome,
      );
      break;
    case "dext:toast":
      toast(message.level, message.message);
      break;
    case "dext:navigate":
      toast("success", `Docker Desktop would open ${message.intent}(${message.args.map(String).join(", ")})`);
      break;
    case "dext:open-external":
      window.open(message.url, "_blank", "noopener,noreferrer");
      break;
    case "dext:dialog": {
      // The answer goes to the page that asked, even if another tab is open by then.
      const asker = event.source as Window;
      const origin = event.origin;
      // Modal, as Desktop's is: a second request waits for the first to close.
      dialogs = dialogs.then(async () => {
        const result = await showOpenDialog(message.options, listFolder);
        asker.postMessage(
          { kind: "dext:dialog-result", requestId: message.requestId, result } satisfies ChromeToPage,
          origin,
        );
      });
      break;
    }
  }
}

/** Host events as they happen, streamed by the host for as long as the dashboard is open. */
async function followEvents(onEvent: (event: HostEvent) => void): Promise<void> {
  for await (const event of await api.events()) onEvent(event);
}

async function start(): Promise<void> {
  applyScheme(currentScheme());
  schemeSelect.addEventListener("change", () => applyScheme(schemeSelect.value === "dark" ? "dark" : "light"));
  window.addEventListener("message", onPageMessage);
  // The host reports UI rebuilds; the open tab reloads, as after `docker extension update`.
  void followEvents((data) => {
    // Every host event is a reload (HostEvent has no other type yet).
    // The page is on another origin: setting src again reloads it (its location is not ours to touch).
    if (frame !== undefined && frame.src.includes(`/x/${data.extensionId}/`)) frame.setAttribute("src", frame.src);
  });
  const extensions: ExtensionSummary[] = await api.extensions();
  if (extensions.length === 0) {
    view.replaceChildren(element("p", { className: "empty", textContent: "No extension is installed." }));
    return;
  }
  for (const extension of extensions) {
    const button = element("button", { type: "button", onclick: () => show(extension) });
    button.setAttribute("role", "tab");
    button.dataset.id = extension.id;
    if (extension.iconPath !== undefined && extension.port !== undefined)
      button.append(element("img", { src: extensionUrl(extension, extension.iconPath), alt: "" }));
    const state = element("span", { className: "state", title: `VM service: ${extension.vm.state}` });
    state.dataset.state = extension.vm.state;
    button.append(extension.title, state);
    tabs.append(button);
  }
  const wanted = extensions.find((extension) => `#${extension.id}` === window.location.hash) ?? extensions[0];
  if (wanted !== undefined) show(wanted);
}

void start();
