/** One problem in a workflow file, located as editors and GitHub annotations expect (1-based). */
export interface Finding {
  file: string;
  line: number;
  column: number;
  /** actionlint's rule name (`expression`, `job-needs`, `syntax-check`...) or one of dext's `dext-*`. */
  kind: string;
  message: string;
}

export function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind);
}
