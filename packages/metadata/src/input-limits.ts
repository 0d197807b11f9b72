/**
 * The caps dext puts on what it reads, in one place so that the README, the errors and the tests
 * agree. Each is far above what a real extension needs and low enough that hostile input (a
 * symlink to /dev/zero, a generated file, a variable that doubles on every line) stays cheap.
 */

const MiB = 1024 * 1024;

/** Desktop's own metadata.json is a few hundred bytes; a megabyte is only ever generated or hostile. */
export const MAX_METADATA_BYTES = 1 * MiB;

/**
 * buildx refuses Dockerfiles over 2 MB; an extension's is a few kilobytes, and parsing a megabyte
 * of short lines already takes dockerfile-ast seconds, so dext stops at half of buildx's limit.
 */
export const MAX_DOCKERFILE_BYTES = 1 * MiB;

/**
 * Instructions the Dockerfile model follows. Every ARG and ENV copies the scope, so the work
 * grows with the square of the count; real extension Dockerfiles have tens.
 */
export const MAX_DOCKERFILE_INSTRUCTIONS = 5000;

/** Compose documents no limit; real extension compose files are a few kilobytes. */
export const MAX_COMPOSE_BYTES = 1 * MiB;

/**
 * Desktop documents no icon limit; dext never opens the icon (it only looks it up), but an icon
 * this large slows every Dashboard that lists the extension, so it is worth a warning.
 */
export const MAX_ICON_BYTES = 5 * MiB;

/**
 * One expanded Dockerfile word (an ARG or ENV value, a label, a COPY path). `ARG A=$A$A` on
 * thirty lines would otherwise ask for a gigabyte string; a label of 64 Ki characters is already
 * far more than the Marketplace shows.
 */
export const MAX_EXPANDED_LENGTH = 64 * 1024;

/** All ARG and ENV values of one Dockerfile together, in characters; past it, values are left empty. */
export const MAX_EXPANDED_TOTAL = 4 * MiB;

/**
 * Nesting levels of metadata.json. Desktop's documents are six deep; JSON.stringify and any
 * recursive walk overflow the stack a few thousand levels down, so dext refuses well before.
 */
export const MAX_JSON_DEPTH = 1000;

/**
 * `[` and `{` nesting in a compose file. The yaml parser recurses per level, and V8 can abort the
 * whole process (not throw) when a RegExp is compiled near the stack's end; compose files use three.
 */
export const MAX_COMPOSE_DEPTH = 256;

/** How many folders context detection climbs at most, whatever the path looks like. */
export const MAX_CONTEXT_LEVELS = 64;

/** `1.0 MiB`, `2 KiB`: sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
