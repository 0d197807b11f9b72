import { posix } from "node:path";
import { append } from "./append.ts";
import { error, warning } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { childPath } from "./json-path.ts";
import { readObject, readString } from "./json-value.ts";
import { unknownKeyFindings } from "./object-keys.ts";
import { socketNameFindings } from "./socket-name.ts";

const TAB_EXAMPLE = '"dashboard-tab": {"title": "My extension", "root": "/ui", "src": "index.html"}';

/** Checks the `ui` section; Desktop only knows the `dashboard-tab` extension point. */
export function validateUi(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  const ui = readObject(value, path, findings, "ui", `Write "ui": {${TAB_EXAMPLE}}.`);
  if (ui === undefined) return findings;

  findings.push(
    ...unknownKeyFindings(ui, path, {
      where: "ui",
      allowed: ["dashboard-tab"],
      severity: "warning",
      hints: { dashboardtab: 'Rename it to "dashboard-tab".', dashboard_tab: 'Rename it to "dashboard-tab".' },
    }),
  );
  if (!Object.hasOwn(ui, "dashboard-tab")) {
    findings.push(
      error(
        path,
        "ui has no dashboard-tab, the only UI Desktop shows",
        `Add ${TAB_EXAMPLE}, or remove ui if the extension has no tab.`,
      ),
    );
    return findings;
  }
  append(findings, dashboardTabFindings(ui["dashboard-tab"], childPath(path, "dashboard-tab")));
  return findings;
}

function dashboardTabFindings(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  const tab = readObject(value, path, findings, "dashboard-tab", `Write ${TAB_EXAMPLE}.`);
  if (tab === undefined) return findings;

  findings.push(
    ...unknownKeyFindings(tab, path, {
      where: "dashboard-tab",
      allowed: ["title", "root", "src", "backend"],
      severity: "warning",
    }),
  );
  const titleFix = 'Name the tab, e.g. "title": "My extension".';
  readString(tab.title, childPath(path, "title"), findings, "The tab title", titleFix);

  const rootPath = childPath(path, "root");
  const rootFix = 'Name the UI folder in the image, e.g. "root": "/ui".';
  const root = readString(tab.root, rootPath, findings, "root", rootFix);
  if (root !== undefined && !root.startsWith("/")) {
    // Desktop copies root out of the image from "/": Docker's own multi-arch guide and published
    // extensions write "root": "ui", and Desktop installs them.
    findings.push(
      warning(
        rootPath,
        `root "${root}" is relative; Docker Desktop reads it from the image root, as ${posix.resolve("/", root)}`,
        `Write "${posix.resolve("/", root)}" so it reads as the folder in the image it is.`,
      ),
    );
  }

  const srcPath = childPath(path, "src");
  const srcFix = 'Name the entry page relative to root, e.g. "src": "index.html".';
  const src = readString(tab.src, srcPath, findings, "src", srcFix);
  if (src !== undefined) append(findings, srcFindings(src, srcPath));

  if (Object.hasOwn(tab, "backend")) {
    const backendPath = childPath(path, "backend");
    const backendFix = 'Write "backend": {"socket": "backend.sock"}.';
    const backend = readObject(tab.backend, backendPath, findings, "backend", backendFix);
    if (backend !== undefined) {
      const rules = { where: "backend", allowed: ["socket"], severity: "warning" } as const;
      append(findings, unknownKeyFindings(backend, backendPath, rules));
      append(findings, socketNameFindings(backend.socket, childPath(backendPath, "socket")));
    }
  }
  return findings;
}

function srcFindings(src: string, path: string): Finding[] {
  if (src.startsWith("/")) {
    return [error(path, `src "${src}" must be relative to root, not absolute`, `Use "${src.replace(/^\/+/, "")}".`)];
  }
  if (src.split(/[/\\]/).includes("..")) {
    return [
      error(
        path,
        `src "${src}" climbs out of root with ".."; Desktop only copies the root folder`,
        "Move the page inside the root folder and point src at it.",
      ),
    ];
  }
  return [];
}
