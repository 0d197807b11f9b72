import { posix } from "node:path";
import { childPath } from "./json-path.ts";
import { isRecord } from "./json-value.ts";

/** A string metadata.json names, with its JSON path. */
export interface NamedValue {
  value: string;
  path: string;
}

/**
 * What metadata.json refers to outside itself: files in the image, the backend, the socket.
 * `uiRoot` and `binaries` hold the path in the image, relative ones read from "/" as Desktop
 * reads them (`"root": "ui"` is `/ui`); `icon` and `composefile` hold the value as written.
 */
export interface MetadataRefs {
  icon?: NamedValue;
  uiRoot?: NamedValue;
  uiSrc?: NamedValue;
  vmImage?: NamedValue;
  composefile?: NamedValue;
  socket?: NamedValue;
  binaries: NamedValue[];
}

/**
 * Collects the references of a parsed metadata.json, valid or not: each cross-file check
 * works from whatever is well formed, so one mistake does not hide the others.
 */
export function metadataRefs(metadata: unknown): MetadataRefs {
  const refs: MetadataRefs = { binaries: [] };
  if (!isRecord(metadata)) return refs;
  const text = (value: unknown, path: string): NamedValue | undefined =>
    typeof value === "string" && value.trim() !== "" ? { value, path } : undefined;
  const set = (key: keyof Omit<MetadataRefs, "binaries">, value: NamedValue | undefined): void => {
    if (value !== undefined) refs[key] = value;
  };

  set("icon", text(metadata.icon, "$.icon"));
  const ui = metadata.ui;
  const tab = isRecord(ui) ? ui["dashboard-tab"] : undefined;
  if (isRecord(tab)) {
    const tabPath = '$.ui["dashboard-tab"]';
    set("uiRoot", inImage(text(tab.root, `${tabPath}.root`)));
    set("uiSrc", text(tab.src, `${tabPath}.src`));
  }
  const vm = metadata.vm;
  if (isRecord(vm)) {
    set("vmImage", text(vm.image, "$.vm.image"));
    set("composefile", text(vm.composefile, "$.vm.composefile"));
    if (isRecord(vm.exposes)) set("socket", text(vm.exposes.socket, "$.vm.exposes.socket"));
  }
  const host = metadata.host;
  if (isRecord(host) && Array.isArray(host.binaries)) {
    host.binaries.forEach((entry: unknown, index) => {
      if (!isRecord(entry)) return;
      for (const [platform, list] of Object.entries(entry)) {
        if (!Array.isArray(list)) continue;
        list.forEach((binary: unknown, position) => {
          const path = childPath(childPath(childPath("$.host.binaries", index), platform), position);
          const value = isRecord(binary) ? inImage(text(binary.path, childPath(path, "path"))) : undefined;
          if (value !== undefined) refs.binaries.push(value);
        });
      }
    });
  }
  return refs;
}

function inImage(named: NamedValue | undefined): NamedValue | undefined {
  return named === undefined ? undefined : { ...named, value: posix.resolve("/", named.value) };
}
