import { dashboardConfigGlobal } from "../protocol/index.ts";
import type { DashboardConfig } from "../protocol/index.ts";

/** The host's own page: a tab per extension, a light/dark switch, toasts, and the call log; it carries the dashboard's secret. */
export const dashboardHtml = (config: DashboardConfig): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dext – local Docker Desktop host</title>
<style>
  :root { color-scheme: light; --bg: #f4f4f6; --panel: #ffffff; --text: #17191e; --muted: #677285; --line: #dfe3eb; --accent: #1d63ed; --ok: #168a3a; --warn: #b35c00; --err: #c8102e; }
  :root[data-scheme="dark"] { color-scheme: dark; --bg: #17191e; --panel: #202c33; --text: #ffffff; --muted: #94abbc; --line: #2e3b44; --accent: #4b8ef5; --ok: #49c16b; --warn: #f6a650; --err: #ff6b6b; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: var(--bg); color: var(--text); display: grid; grid-template-columns: 240px 1fr; grid-template-rows: 48px 1fr auto; height: 100vh; }
  header { grid-column: 1 / 3; display: flex; align-items: center; gap: 12px; padding: 0 16px; background: var(--panel); border-bottom: 1px solid var(--line); }
  header h1 { font-size: 16px; margin: 0; flex: 1; }
  nav { background: var(--panel); border-right: 1px solid var(--line); overflow: auto; padding: 8px; }
  nav button { display: flex; gap: 8px; align-items: center; width: 100%; text-align: left; border: 0; background: none; color: var(--text); padding: 8px; border-radius: 6px; cursor: pointer; font: inherit; }
  nav button[aria-selected="true"] { background: color-mix(in srgb, var(--accent) 16%, transparent); color: var(--accent); }
  nav img { width: 20px; height: 20px; }
  nav .state { margin-left: auto; width: 8px; height: 8px; border-radius: 50%; background: var(--muted); }
  nav .state[data-state="running"] { background: var(--ok); }
  nav .state[data-state="exited"] { background: var(--err); }
  main { position: relative; overflow: hidden; }
  main iframe { border: 0; width: 100%; height: 100%; background: var(--bg); }
  .problems { margin: 0; padding: 8px 16px; background: color-mix(in srgb, var(--warn) 14%, var(--panel)); border-bottom: 1px solid var(--line); white-space: pre-wrap; }
  .empty { padding: 32px; color: var(--muted); }
  #log { grid-column: 1 / 3; max-height: 30vh; overflow: auto; background: var(--panel); border-top: 1px solid var(--line); font: 12px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
  #log summary { padding: 6px 12px; cursor: pointer; font-family: system-ui, sans-serif; color: var(--muted); }
  #log ol { margin: 0; padding: 0 12px 8px 12px; list-style: none; }
  #log li[data-outcome="error"] { color: var(--err); }
  #toasts { position: fixed; right: 16px; bottom: 16px; display: flex; flex-direction: column; gap: 8px; z-index: 10; }
  .toast { min-width: 240px; max-width: 420px; padding: 10px 14px; border-radius: 6px; color: #fff; box-shadow: 0 4px 12px rgb(0 0 0 / 25%); }
  .toast[data-level="success"] { background: var(--ok); } .toast[data-level="warning"] { background: var(--warn); } .toast[data-level="error"] { background: var(--err); }
  dialog { background: var(--panel); color: var(--text); border: 1px solid var(--line); border-radius: 8px; width: min(640px, 90vw); }
  dialog h2 { font-size: 16px; margin: 0 0 8px 0; }
  dialog input { flex: 1; font: inherit; padding: 6px; }
  .open-where { display: flex; gap: 8px; margin: 8px 0; }
  #open-dialog-entries { height: 40vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 4px; }
  #open-dialog-entries button { display: block; width: 100%; text-align: left; border: 0; background: none; color: var(--text); padding: 4px 8px; border-radius: 4px; font: inherit; cursor: pointer; }
  #open-dialog-entries button[data-kind="folder"] { font-weight: 600; }
  #open-dialog-entries button[aria-selected="true"] { background: color-mix(in srgb, var(--accent) 20%, transparent); color: var(--accent); }
  #open-dialog-note { color: var(--muted); min-height: 1.4em; margin: 4px 0; }
  dialog menu { display: flex; justify-content: flex-end; gap: 8px; padding: 0; margin: 8px 0 0 0; }
  select, dialog button { font: inherit; }
</style>
</head>
<body>
<header><h1>dext · local Docker Desktop host</h1><label>Theme <select id="scheme"><option value="light">Light</option><option value="dark">Dark</option></select></label></header>
<nav id="tabs" role="tablist" aria-label="Extensions"></nav>
<main id="view"><p class="empty">Loading extensions…</p></main>
<details id="log" open><summary>Client calls</summary><ol id="calls"></ol></details>
<div id="toasts" role="status" aria-live="polite"></div>
<dialog id="open-dialog" aria-labelledby="open-dialog-title"><form method="dialog">
<h2 id="open-dialog-title">Open</h2><p id="open-dialog-message"></p>
<div class="open-where"><button type="button" id="open-dialog-up" aria-label="Folder above">↑</button><input id="open-dialog-folder" aria-label="Folder" spellcheck="false"></div>
<div id="open-dialog-entries" role="listbox" aria-label="Files and folders"></div>
<p id="open-dialog-note" aria-live="polite"></p>
<label id="open-dialog-filter-label">Show <select id="open-dialog-filter"></select></label>
<menu><button value="cancel" id="open-dialog-cancel">Cancel</button> <button value="ok" id="open-dialog-ok">Open</button></menu>
</form></dialog>
<script>window.${dashboardConfigGlobal}=${JSON.stringify(config).replace(/</g, "\\u003c")};</script>
<script src="/__dext/dashboard.js"></script>
</body>
</html>
`;
