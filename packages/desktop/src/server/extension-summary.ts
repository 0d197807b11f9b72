import type { ExtensionSummary } from "../protocol/index.ts";
import type { InstalledExtension } from "./installed-extension.ts";

/** What the dashboard shows of an installed extension; its VM state is read live, so a backend that dies shows on the next refresh. */
export function installedSummary(extension: InstalledExtension, port: number): ExtensionSummary {
  const tab = extension.metadata.ui?.["dashboard-tab"];
  const vm = extension.vm?.state() ?? { state: "none" as const, detail: undefined };
  return {
    id: extension.id,
    title: extension.title,
    port,
    uiPath: tab === undefined ? undefined : `/x/${extension.id}/ui/${tab.src}`,
    iconPath: extension.metadata.icon === undefined ? undefined : `/x/${extension.id}/icon`,
    source: extension.source,
    vm,
    problems:
      vm.state === "exited" ? [...extension.problems, `VM service stopped: ${vm.detail ?? ""}`] : extension.problems,
  };
}

/** An extension that could not be installed still gets a tab, which says why, so one bad folder does not hide it. */
export function failedSummary(id: string, source: string, reason: string): ExtensionSummary {
  return {
    id,
    title: id,
    port: undefined,
    uiPath: undefined,
    iconPath: undefined,
    source,
    vm: { state: "none", detail: undefined },
    problems: [`Not installed: ${reason}`],
  };
}
