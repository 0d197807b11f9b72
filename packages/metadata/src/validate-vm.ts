import { append } from "./append.ts";
import { error, warning } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { childPath } from "./json-path.ts";
import { readObject, readString } from "./json-value.ts";
import { unknownKeyFindings } from "./object-keys.ts";
import { socketNameFindings } from "./socket-name.ts";

export const EXTENSION_IMAGE_VARIABLE = "${DESKTOP_PLUGIN_IMAGE}";

const VM_EXAMPLE = `Write "vm": {"image": "${EXTENSION_IMAGE_VARIABLE}"} or "vm": {"composefile": "docker-compose.yaml"}.`;

/** Checks the `vm` section: one backend source (image or compose file) and an optional socket. */
export function validateVm(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  const vm = readObject(value, path, findings, "vm", VM_EXAMPLE);
  if (vm === undefined) return findings;

  findings.push(
    ...unknownKeyFindings(vm, path, {
      where: "vm",
      allowed: ["image", "composefile", "exposes"],
      severity: "warning",
      hints: { "compose-file": 'Rename it to "composefile".', socket: 'Move it into "exposes": {"socket": …}.' },
    }),
  );

  const hasImage = Object.hasOwn(vm, "image");
  const hasCompose = Object.hasOwn(vm, "composefile");
  if (hasImage && hasCompose) {
    findings.push(
      error(
        path,
        "vm declares both image and composefile; Desktop runs one or the other",
        "Keep image for a single container, or composefile when you need several services or extra mounts.",
      ),
    );
  } else if (!hasImage && !hasCompose) {
    findings.push(error(path, "vm needs an image or a composefile", VM_EXAMPLE));
  }

  if (hasImage) append(findings, imageFindings(vm.image, childPath(path, "image")));
  if (hasCompose) {
    const fix = 'Name a compose file in the image, e.g. "docker-compose.yaml".';
    readString(vm.composefile, childPath(path, "composefile"), findings, "vm.composefile", fix);
  }
  if (Object.hasOwn(vm, "exposes")) append(findings, exposesFindings(vm.exposes, childPath(path, "exposes")));
  return findings;
}

function imageFindings(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  const image = readString(value, path, findings, "vm.image", `Use "${EXTENSION_IMAGE_VARIABLE}".`);
  if (image === undefined || image === EXTENSION_IMAGE_VARIABLE) return findings;

  // Close misspellings are not substituted by Desktop, so they are worth a pointed message.
  const message = image.includes("DESKTOP_PLUGIN_IMAGE")
    ? `vm.image "${image}" is not exactly ${EXTENSION_IMAGE_VARIABLE}, so Desktop will not replace it with the extension image`
    : `vm.image hard-codes "${image}"; Desktop is allowed to run it, but extensions normally run their own image, which ships and updates with them`;
  findings.push(
    warning(
      path,
      message,
      `Use "${EXTENSION_IMAGE_VARIABLE}" (replaced by the extension image at install time) unless a separate image is intended.`,
    ),
  );
  return findings;
}

function exposesFindings(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  const exposes = readObject(value, path, findings, "vm.exposes", 'Write "exposes": {"socket": "backend.sock"}.');
  if (exposes === undefined) return findings;
  const rules = { where: "vm.exposes", allowed: ["socket"], severity: "warning" } as const;
  append(findings, unknownKeyFindings(exposes, path, rules));
  append(findings, socketNameFindings(exposes.socket, childPath(path, "socket")));
  return findings;
}
