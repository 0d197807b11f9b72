import { NewExtensionError } from "./errors.ts";

/**
 * The longest name that still fits everywhere it goes: the package name, the image name, and the
 * socket `/run/guest-services/<name>.sock`, whose path may be at most 103 bytes (macOS's limit, as
 * `maxSocketPathBytesWithoutNul` of @dext/desktop-facts says).
 */
const MAX_NAME_LENGTH = 50;

/**
 * A new extension's name becomes its folder, package name, image repository, compose project and
 * socket file name. Lowercase letters and digits in dash-separated words satisfy all of them:
 * Docker's repository rules, npm's package rules and a portable file name.
 */
export function checkExtensionName(name: string): void {
  const fail = (why: string) => {
    throw new NewExtensionError(
      "INVALID_NAME",
      `"${name}" cannot name an extension: ${why}. Use lowercase letters and digits in dash-separated words, e.g. my-extension.`,
    );
  };
  if (name === "") fail("it is empty");
  if (name.length > MAX_NAME_LENGTH)
    fail(`it is ${String(name.length)} characters long; the limit is ${String(MAX_NAME_LENGTH)}`);
  if (/[A-Z]/.test(name)) fail("Docker image names and npm package names must be lowercase");
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name))
    fail("it has characters other than a-z, 0-9 and single dashes between words");
}

/** A tab title for `--title`: the Marketplace's rules, checked before anything is written. */
export function checkTitle(title: string): void {
  if (title.trim() === "") throw new NewExtensionError("USAGE", "--title cannot be empty");
  if (/extension/i.test(title))
    throw new NewExtensionError(
      "USAGE",
      `--title "${title}": the Marketplace refuses titles with the word "extension" in them; leave it out`,
    );
}

/** An image repository for `--image`: Docker's rules for a path of lowercase components. */
export function checkImageName(image: string): void {
  const component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  if (!new RegExp(`^${component}(?:/${component})*$`).test(image) || image.length > 255) {
    throw new NewExtensionError(
      "INVALID_NAME",
      `"${image}" is not a valid image repository (no tag): lowercase components separated by "/", e.g. my-org/my-extension`,
    );
  }
}

/**
 * "volume-inspector" → "Volume inspector": a readable default tab title. The Marketplace refuses a
 * title with the word "extension" in it (`dext validate` says so too), so "team-extension" gives
 * "Team", not "Team extension".
 */
export function titleFromName(name: string): string {
  const kept = name.split("-").filter((word) => !/^extensions?$/.test(word));
  const words = kept.length > 0 ? kept : name.split("-");
  const [first = "", ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(" ");
}
