import { append } from "./append.ts";
import type { ComposeFile, ComposeService } from "./compose-file.ts";
import { isDockerSocket, isRelativeBind, parseMount } from "./compose-volumes.ts";
import { findingAt } from "./finding.ts";
import type { Finding, Severity } from "./finding.ts";
import { isRecord } from "./json-value.ts";
import type { MetadataRefs } from "./metadata-refs.ts";
import { EXTENSION_IMAGE_VARIABLE } from "./validate-vm.ts";

export interface ComposeCheck {
  findings: Finding[];
  /** Services that run the extension image with the image's own CMD. */
  servicesNeedingCmd: string[];
}

/** Checks the compose file metadata.json names under vm.composefile. */
export function checkCompose(compose: ComposeFile, refs: MetadataRefs): ComposeCheck {
  const findings = [...compose.findings];
  const at = (severity: Severity, line: number, message: string, fix: string): void => {
    findings.push(findingAt(severity, { file: compose.file, line }, message, fix));
  };
  const { services } = compose;
  const reportedVolumes = new Set<string>();

  for (const service of services) {
    imageFindings(service, at);
    const { config } = service;
    if (config.privileged === true || config.privileged === "true") {
      at(
        "warning",
        service.lineOf("privileged"),
        `Service "${service.name}" runs privileged, with full control of the Desktop VM`,
        "Drop privileged: true and add only the cap_add capabilities it needs.",
      );
    }
    if (config.network_mode === "host") {
      at(
        "warning",
        service.lineOf("network_mode"),
        `Service "${service.name}" uses the VM's host network, so its ports can clash with the user's containers`,
        "Remove network_mode: host; the UI reaches the backend through the extension socket.",
      );
    }
    const volumes = Array.isArray(config.volumes) ? (config.volumes as unknown[]) : [];
    volumes.forEach((entry, index) => {
      const mount = parseMount(entry);
      if (mount === undefined) return;
      const line = service.itemLine("volumes", index);
      if (isRelativeBind(mount)) {
        at(
          "error",
          line,
          `Service "${service.name}" bind-mounts the relative path "${mount.source}", but Desktop runs compose from its own folder, so it does not point at your files`,
          "Use a named volume, or an absolute or ~-based host path.",
        );
      } else if (isDockerSocket(mount)) {
        at(
          "warning",
          line,
          `Service "${service.name}" mounts ${mount.source}, which has permission problems from inside the Desktop VM`,
          `Mount /var/run/docker.sock.raw:${mount.target || "/var/run/docker.sock"} instead.`,
        );
      } else if (
        mount.kind === "volume" &&
        !reportedVolumes.has(mount.source) &&
        !isExternal(compose.volumes[mount.source])
      ) {
        reportedVolumes.add(mount.source);
        at(
          "warning",
          line,
          `The named volume "${mount.source}" is deleted when the extension is uninstalled (and on update, which reinstalls)`,
          "Keep data users must not lose elsewhere too: offer an export, or declare the volume external: true and create it yourself.",
        );
      }
    });
  }

  const usesOwnImage = services.filter((service) => service.config.image === EXTENSION_IMAGE_VARIABLE);
  // A misspelt variable already has its own error; it still shows the intent to run the extension image.
  const meantOwnImage = services.some(
    (service) => typeof service.config.image === "string" && service.config.image.includes("DESKTOP_PLUGIN_IMAGE"),
  );
  const first = services[0];
  if (first !== undefined && !meantOwnImage) {
    at(
      "warning",
      first.lineOf("image"),
      `No service uses ${EXTENSION_IMAGE_VARIABLE}, so none of the backend ships and updates with the extension image`,
      `Run your backend with image: ${EXTENSION_IMAGE_VARIABLE}.`,
    );
  }
  append(findings, firstServiceFindings(compose, refs));
  const servicesNeedingCmd = usesOwnImage
    .filter((service) => service.config.command === undefined && service.config.entrypoint === undefined)
    .map((service) => service.name);
  return { findings, servicesNeedingCmd };
}

type Report = (severity: Severity, line: number, message: string, fix: string) => void;

function imageFindings(service: ComposeService, at: Report): void {
  const { image, build } = service.config;
  if (build !== undefined) {
    at(
      "error",
      service.lineOf("build"),
      `Service "${service.name}" has build:, but Desktop never builds compose services; it needs a ready image`,
      `Build the backend into the extension image and use image: ${EXTENSION_IMAGE_VARIABLE}.`,
    );
    return;
  }
  if (typeof image !== "string" || image.trim() === "") {
    at(
      "error",
      service.lineOf("image"),
      `Service "${service.name}" has no image`,
      `Add image: ${EXTENSION_IMAGE_VARIABLE} (the extension's own image).`,
    );
    return;
  }
  if (image === EXTENSION_IMAGE_VARIABLE) return;
  if (image.includes("DESKTOP_PLUGIN_IMAGE")) {
    at(
      "error",
      service.lineOf("image"),
      `Service "${service.name}" uses "${image}", which is not exactly ${EXTENSION_IMAGE_VARIABLE}, so Desktop does not replace it`,
      `Write image: ${EXTENSION_IMAGE_VARIABLE}, with no tag.`,
    );
    return;
  }
  const tag = /@sha256:|:[^/:]+$/.exec(image)?.[0];
  if (tag === undefined || tag === ":latest") {
    at(
      "warning",
      service.lineOf("image"),
      `Service "${service.name}" uses ${image} without a fixed version, so it can change under the extension`,
      `Pin a version, e.g. ${image.replace(/:latest$/, "")}:1.2.3.`,
    );
  }
}

/** The SDK talks to the first service; heuristically, the socket server is the one that names the socket, else the one running the extension image. */
function firstServiceFindings(compose: ComposeFile, refs: MetadataRefs): Finding[] {
  const [first, ...others] = compose.services;
  const socket = refs.socket?.value;
  if (first === undefined || socket === undefined || others.length === 0) return [];
  const namesSocket = (service: ComposeService): boolean => {
    const text = JSON.stringify([service.config.command, service.config.entrypoint, service.config.environment]);
    return text.includes(socket) || text.includes("/run/guest-services");
  };
  const runsOwnImage = (service: ComposeService): boolean => service.config.image === EXTENSION_IMAGE_VARIABLE;
  if (namesSocket(first)) return [];
  const server = others.find(namesSocket) ?? (runsOwnImage(first) ? undefined : others.find(runsOwnImage));
  if (server === undefined) return [];
  const why = namesSocket(server) ? `names ${socket}` : `runs ${EXTENSION_IMAGE_VARIABLE}`;
  return [
    findingAt(
      "error",
      { file: compose.file, line: first.line },
      `Desktop sends vm.service calls for ${socket} (and runs vm.cli.exec) in the first service, "${first.name}", but "${server.name}" ${why} and looks like the server`,
      `Move "${server.name}" to the top of services.`,
    ),
  ];
}

function isExternal(volume: unknown): boolean {
  return isRecord(volume) && (volume.external === true || isRecord(volume.external));
}
