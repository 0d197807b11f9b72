// The host's stand-in for the native open dialog Desktop shows for desktopUI.dialog.showOpenDialog.
import { element } from "./element.ts";
import { filterLabel, matchesFilter, readOpenDialogOptions } from "./open-dialog-options.ts";
import type { FolderListing } from "../protocol/index.ts";
import type { OpenDialogOptions } from "./open-dialog-options.ts";

export interface OpenDialogResult {
  canceled: boolean;
  filePaths: string[];
}

type Entry = FolderListing["entries"][number];

// The dialog's markup is the dashboard's own (dashboard-html.ts): these elements are always there.
const byId = (id: string) => document.getElementById(id) as HTMLElement;

/** What the person sees: folders always (to move through them), files only in a file dialog and when the chosen type matches. */
function shown(
  entry: Entry,
  options: OpenDialogOptions,
  filter: OpenDialogOptions["filters"][number] | undefined,
): boolean {
  if (!options.hidden && entry.name.startsWith(".")) return false;
  if (entry.kind === "folder") return true;
  return options.files && matchesFilter(entry.name, filter);
}

function choosable(entry: Entry, options: OpenDialogOptions): boolean {
  return entry.kind === "folder" ? options.folders : options.files;
}

/**
 * Shows the dialog for one call and resolves with Desktop's result: `{canceled: false, filePaths}`
 * with the absolute paths picked, or `{canceled: true, filePaths: []}`. A folder dialog with
 * nothing selected picks the folder it shows.
 */
export function showOpenDialog(
  rawOptions: unknown,
  listFolder: (path: string | undefined) => Promise<FolderListing>,
): Promise<OpenDialogResult> {
  const options = readOpenDialogOptions(rawOptions);
  const dialog = byId("open-dialog") as HTMLDialogElement;
  const folderInput = byId("open-dialog-folder") as HTMLInputElement;
  const list = byId("open-dialog-entries");
  const note = byId("open-dialog-note");
  const filterSelect = byId("open-dialog-filter") as HTMLSelectElement;
  const ok = byId("open-dialog-ok") as HTMLButtonElement;
  byId("open-dialog-title").textContent = options.title ?? (options.files ? "Open" : "Choose a folder");
  byId("open-dialog-message").textContent = options.message ?? "";
  ok.textContent = options.buttonLabel ?? "Open";
  filterSelect.replaceChildren(
    ...options.filters.map((filter, index) =>
      element("option", { value: String(index), textContent: filterLabel(filter) }),
    ),
  );
  byId("open-dialog-filter-label").hidden = options.filters.length === 0 || !options.files;
  list.setAttribute("aria-multiselectable", String(options.multiple));

  let listing: FolderListing | undefined;
  const selected = new Set<string>();

  const canOpen = () => selected.size > 0 || (options.folders && listing !== undefined);
  const render = () => {
    const filter = options.filters[Number(filterSelect.value)];
    const visible = listing?.entries.filter((entry) => shown(entry, options, filter)) ?? [];
    for (const path of selected) if (!visible.some((entry) => entry.path === path)) selected.delete(path);
    list.replaceChildren(
      ...visible.map((entry) => {
        const option = element("button", {
          type: "button",
          textContent: entry.kind === "folder" ? `${entry.name}/` : entry.name,
        });
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", String(selected.has(entry.path)));
        option.dataset.kind = entry.kind;
        option.dataset.path = entry.path;
        option.addEventListener("click", () => {
          // In a file dialog a folder is only a way through: one click goes in.
          if (!choosable(entry, options)) return void open(entry.path);
          if (!options.multiple) selected.clear();
          if (selected.has(entry.path) && options.multiple) selected.delete(entry.path);
          else selected.add(entry.path);
          render();
        });
        if (entry.kind === "folder") option.addEventListener("dblclick", () => void open(entry.path));
        return option;
      }),
    );
    note.textContent =
      listing?.truncated === true
        ? "This folder has more entries than the dialog shows."
        : visible.length === 0
          ? "Nothing to show here."
          : "";
    ok.disabled = !canOpen();
  };
  const open = async (path: string | undefined) => {
    try {
      listing = await listFolder(path);
      folderInput.value = listing.path;
      selected.clear();
      if (listing.selected !== undefined && options.files) selected.add(listing.selected);
    } catch (error) {
      note.textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    render();
  };

  const controller = new AbortController();
  const { signal } = controller;
  (byId("open-dialog-up") as HTMLButtonElement).addEventListener(
    "click",
    () => {
      if (listing?.parent !== undefined) void open(listing.parent);
    },
    { signal },
  );
  folderInput.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Enter") return;
      // Enter in the folder field goes there; it must not submit the form.
      event.preventDefault();
      void open(folderInput.value.trim());
    },
    { signal },
  );
  filterSelect.addEventListener("change", render, { signal });

  dialog.returnValue = "";
  folderInput.value = "";
  note.textContent = "";
  list.replaceChildren();
  // Until the first folder is listed there is nothing to open: the button must not keep the state
  // the previous dialog left it in (a click then closed this one as canceled).
  ok.disabled = true;
  void open(options.defaultPath);
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener(
      "close",
      () => {
        controller.abort();
        const picked =
          selected.size > 0 ? [...selected] : options.folders && listing !== undefined ? [listing.path] : [];
        const canceled = dialog.returnValue !== "ok" || picked.length === 0;
        resolve({ canceled, filePaths: canceled ? [] : picked });
      },
      { once: true, signal },
    );
  });
}
