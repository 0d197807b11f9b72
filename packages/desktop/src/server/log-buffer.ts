/** The last lines a process printed, for the dashboard and for error messages. */
export class LogBuffer {
  private readonly lines: string[] = [];
  private partial = "";

  private readonly limit: number;
  private readonly onLine: ((line: string) => void) | undefined;

  constructor(limit = 200, onLine?: (line: string) => void) {
    this.limit = limit;
    this.onLine = onLine;
  }

  push(chunk: string): void {
    const parts = (this.partial + chunk).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      this.lines.push(line);
      this.onLine?.(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }

  tail(count = 20): string[] {
    return this.lines.slice(-count);
  }
}
