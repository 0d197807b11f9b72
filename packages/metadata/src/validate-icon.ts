import { warning } from "./finding.ts";
import type { Finding } from "./finding.ts";
import { readString } from "./json-value.ts";

const IMAGE_FILE = /\.(svg|png|jpe?g)$/i;
const URL_LIKE = /^[a-z][a-z\d+.-]*:\/\//i;

/** Checks `icon`: a file inside the image that the Dashboard shows. */
export function validateIcon(value: unknown, path: string): Finding[] {
  const findings: Finding[] = [];
  const fix = 'Name an image file in the extension image, e.g. "icon": "docker.svg".';
  const icon = readString(value, path, findings, "icon", fix);
  if (icon === undefined) return findings;

  if (URL_LIKE.test(icon)) {
    findings.push(
      warning(
        path,
        `icon "${icon}" looks like a URL, but it names a file inside the extension image`,
        "Copy the icon into the image and name that file; the URL belongs in the com.docker.desktop.extension.icon label.",
      ),
    );
  } else if (!IMAGE_FILE.test(icon)) {
    findings.push(
      warning(
        path,
        `icon "${icon}" is not an .svg, .png, .jpg or .jpeg file, which the Dashboard may not display`,
        'Use an SVG or PNG icon, e.g. "docker.svg".',
      ),
    );
  }
  return findings;
}
