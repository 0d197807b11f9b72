/** A place in a text: `offset` counts UTF-16 units from 0, `line` and `column` count from 1. */
export interface JsonPosition {
  offset: number;
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): JsonPosition {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  return { offset, line, column };
}
