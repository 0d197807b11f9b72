/**
 * `showOpenDialog(options)` as the host's dialog reads it. Desktop hands the options to Electron's
 * `dialog.showOpenDialog` (Docker's reference links Electron's), so these are Electron's fields:
 * `title`, `defaultPath`, `buttonLabel`, `message` (macOS), `filters`, `properties`. Anything else
 * (and anything of the wrong type) is ignored, as Electron ignores it.
 */
export interface OpenDialogOptions {
  title: string | undefined;
  message: string | undefined;
  buttonLabel: string | undefined;
  defaultPath: string | undefined;
  /** `openFile`, or neither `openFile` nor `openDirectory` (Electron's default is a file chooser). */
  files: boolean;
  folders: boolean;
  multiple: boolean;
  hidden: boolean;
  filters: { name: string; extensions: string[] }[];
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function readOpenDialogOptions(value: unknown): OpenDialogOptions {
  const raw = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const properties = Array.isArray(raw.properties)
    ? raw.properties.filter((item): item is string => typeof item === "string")
    : [];
  const filters = (Array.isArray(raw.filters) ? raw.filters : []).flatMap((filter: unknown) => {
    const { name, extensions } = (typeof filter === "object" && filter !== null ? filter : {}) as {
      name?: unknown;
      extensions?: unknown;
    };
    const list = Array.isArray(extensions)
      ? extensions.filter((item): item is string => typeof item === "string" && item !== "")
      : [];
    return typeof name === "string" && list.length > 0 ? [{ name, extensions: list }] : [];
  });
  const folders = properties.includes("openDirectory");
  return {
    title: text(raw.title),
    message: text(raw.message),
    buttonLabel: text(raw.buttonLabel),
    defaultPath: text(raw.defaultPath),
    files: properties.includes("openFile") || !folders,
    folders,
    multiple: properties.includes("multiSelections"),
    hidden: properties.includes("showHiddenFiles"),
    filters,
  };
}

/** A filter's extensions are names' endings without the dot (`png`, `tar.gz`); `*` is every file. Case is ignored. */
export function matchesFilter(name: string, filter: OpenDialogOptions["filters"][number] | undefined): boolean {
  if (filter === undefined) return true;
  const lower = name.toLowerCase();
  return filter.extensions.some((extension) => extension === "*" || lower.endsWith(`.${extension.toLowerCase()}`));
}

/** How a filter is labelled in the dialog's list of types: `Images (*.png, *.jpg)`. */
export function filterLabel(filter: OpenDialogOptions["filters"][number]): string {
  return `${filter.name} (${filter.extensions.map((extension) => (extension === "*" ? "*" : `*.${extension}`)).join(", ")})`;
}
