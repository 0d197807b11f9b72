// A stand-in for what Desktop injects into a tab, for loading a built UI outside any host (the
// tab-open bench's "outside" mode): Docker's theme globals and a client whose calls answer at once
// from fixed data. Nothing here reaches a VM or this machine; a page that needs real answers belongs
// in the host.
import { installThemeGlobals } from "./theme-globals.ts";
import type { v1 } from "@docker/extension-api-client-types";

declare global {
  /** Answers for `vm.service` calls, keyed "METHOD /path" (query strings ignored); set before this script runs. */
  var __dextStubAnswers: Record<string, unknown> | undefined;
}

function answerFor(method: string, url: string): Promise<unknown> {
  const key = `${method} ${url.split("?")[0] ?? url}`;
  const answers = globalThis.__dextStubAnswers ?? {};
  if (key in answers) return Promise.resolve(answers[key]);
  return Promise.reject(new Error(`stub Desktop: no answer for ${key}`));
}

const execResult: v1.ExecResult = {
  stdout: "",
  stderr: "",
  code: 0,
  lines: () => [],
  parseJsonLines: () => [],
  parseJsonObject: () => ({}),
};
const exec = { exec: () => Promise.resolve(execResult) } as unknown as v1.ExtensionCli;
const toast: v1.Toast = { success: () => undefined, warning: () => undefined, error: () => undefined };
const service: v1.HttpService = {
  get: (url) => answerFor("GET", url),
  post: (url) => answerFor("POST", url),
  put: (url) => answerFor("PUT", url),
  patch: (url) => answerFor("PATCH", url),
  delete: (url) => answerFor("DELETE", url),
  head: (url) => answerFor("HEAD", url),
  request: (config) => answerFor(config.method, config.url),
};

const client = {
  extension: { vm: { cli: exec, service }, host: { cli: exec }, image: "stub/extension:latest", id: "stub" },
  desktopUI: {
    toast,
    dialog: { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) },
    navigate: {},
  },
  host: { platform: "linux", arch: "x64", hostname: "stub", openExternal: () => undefined },
  docker: { cli: exec, listContainers: () => Promise.resolve([]), listImages: () => Promise.resolve([]) },
};

installThemeGlobals();
Reflect.set(window, "ddClient", client);
