// The host's chrome around extension tabs: what Desktop's Dashboard shows around an extension.
import type { ChromeToPage, ExtensionSummary, PageToChrome } from "../protocol/index.js";

type Scheme = "light" | "dark";

const tabs = document.getElementById("tabs") as HTMLElement;
const view = document.getElementById("view") as HTMLElement;
const calls = document.getElementById("calls") as HTMLOListElement;
const toasts = document.getElementById("toasts") as HTMLElement;
const schemeSelect = document.getElementById("scheme") as HTMLSelectElement;
const dialog = document.getElementById("open-dialog") as HTMLDialogElement;
const dialogPath = document.getElementById("open-dialog-path") as HTMLInputElement;

let frame: HTMLIFrameElement | undefined;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

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
  frame?.contentWindow?.postMessage(message, window.location.origin);
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
  for (const button of tabs.querySelectorAll("button")) button.setAttribute("aria-selected", String(button.dataset.id === extension.id));
  view.replaceChildren();
  if (extension.problems.length > 0) view.append(element("p", { className: "problems", textContent: extension.problems.join("\n") }));
  if (extension.uiUrl === undefined) {
    view.append(element("p", { className: "empty", textContent: `${extension.title} has no UI tab.` }));
    frame = undefined;
    return;
  }
  frame = element("iframe", { src: extension.uiUrl, title: extension.title });
  frame.style.height = extension.problems.length > 0 ? "calc(100% - 3em)" : "100%";
  view.append(frame);
  if (window.location.hash !== `#${extension.id}`) history.replaceState(null, "", `#${extension.id}`);
}

function onPageMessage(event: MessageEvent<unknown>): void {
  if (event.origin !== window.location.origin || frame === undefined || event.source !== frame.contentWindow) return;
  const message = event.data as PageToChrome;
  switch (message.kind) {
    case "dext:call":
      logCall(`${message.extensionId} ${message.api}(${message.args.map((arg) => JSON.stringify(arg)).join(", ")}) → ${message.outcome} ${message.detail} [${message.ms} ms]`, message.outcome);
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
      dialogPath.value = "";
      dialog.returnValue = "";
      dialog.showModal();
      dialog.addEventListener(
        "close",
        () => {
          const canceled = dialog.returnValue !== "ok" || dialogPath.value.trim() === "";
          postToPage({ kind: "dext:dialog-result", requestId: message.requestId, result: { canceled, filePaths: canceled ? [] : [dialogPath.value.trim()] } });
        },
        { once: true },
      );
      break;
    }
  }
}

async function start(): Promise<void> {
  applyScheme(currentScheme());
  schemeSelect.addEventListener("change", () => applyScheme(schemeSelect.value === "dark" ? "dark" : "light"));
  window.addEventListener("message", onPageMessage);
  // The host reports UI rebuilds; the open tab reloads, as after `docker extension update`.
  new EventSource("/__dext/events").addEventListener("message", (event: MessageEvent<string>) => {
    const data = JSON.parse(event.data) as { type: string; extensionId: string };
    if (data.type === "reload" && frame !== undefined && frame.src.includes(`/x/${data.extensionId}/`)) frame.contentWindow?.location.reload();
  });
  const extensions = (await (await fetch("/__dext/extensions")).json()) as ExtensionSummary[];
  if (extensions.length === 0) {
    view.replaceChildren(element("p", { className: "empty", textContent: "No extension is installed." }));
    return;
  }
  for (const extension of extensions) {
    const button = element("button", { type: "button", onclick: () => show(extension) });
    button.setAttribute("role", "tab");
    button.dataset.id = extension.id;
    if (extension.iconUrl !== undefined) button.append(element("img", { src: extension.iconUrl, alt: "" }));
    const state = element("span", { className: "state", title: `VM service: ${extension.vm.state}` });
    state.dataset.state = extension.vm.state;
    button.append(extension.title, state);
    tabs.append(button);
  }
  const wanted = extensions.find((extension) => `#${extension.id}` === window.location.hash) ?? extensions[0];
  if (wanted !== undefined) show(wanted);
}

void start();
