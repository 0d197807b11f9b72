/** The image labels Docker Desktop and the Marketplace read, in the order docs list them. */
export const LABELS = {
  title: "org.opencontainers.image.title",
  description: "org.opencontainers.image.description",
  vendor: "org.opencontainers.image.vendor",
  apiVersion: "com.docker.desktop.extension.api.version",
  icon: "com.docker.desktop.extension.icon",
  screenshots: "com.docker.extension.screenshots",
  detailedDescription: "com.docker.extension.detailed-description",
  publisherUrl: "com.docker.extension.publisher-url",
  changelog: "com.docker.extension.changelog",
  additionalUrls: "com.docker.extension.additional-urls",
  accountInfo: "com.docker.extension.account-info",
  categories: "com.docker.extension.categories",
} as const;

export type ExtensionLabel = (typeof LABELS)[keyof typeof LABELS];

/** `docker extension validate` reports each of these as a "mandatory image label" when missing. */
export const REQUIRED_LABELS: readonly ExtensionLabel[] = [
  LABELS.title,
  LABELS.description,
  LABELS.vendor,
  LABELS.apiVersion,
  LABELS.icon,
  LABELS.screenshots,
  LABELS.detailedDescription,
  LABELS.publisherUrl,
  LABELS.changelog,
];

/**
 * The labels Docker Desktop itself reads to install and list an extension: Docker's first
 * extension documents called exactly these required and said Desktop considers an extension
 * without them invalid. The other required labels are the Marketplace's listing.
 */
export const DESKTOP_LABELS: readonly string[] = [LABELS.title, LABELS.description, LABELS.vendor, LABELS.apiVersion];

/** Every label of the table, required first, for printing a complete LABEL block. */
export const ALL_LABELS: readonly ExtensionLabel[] = Object.values(LABELS);

/** The Marketplace categories accepted in `com.docker.extension.categories`. */
export const CATEGORIES = [
  "ci-cd",
  "container-orchestration",
  "cloud-deployment",
  "cloud-development",
  "database",
  "kubernetes",
  "networking",
  "image-registry",
  "security",
  "testing-tools",
  "utility-tools",
  "volumes",
] as const;

/** What `dext labels` writes for a value nobody has filled in; `dext validate --marketplace` refuses it. */
export const PLACEHOLDER = /<fill in:[^>]*>/;

export function placeholder(what: string): string {
  return `<fill in: ${what}>`;
}
