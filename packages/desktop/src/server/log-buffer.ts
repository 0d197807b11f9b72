/** The last lines a process printed, for the dashboard and for error messages. */
export class LogBuffer {
  private readonly lines: string[] = [];
  private partial = "";

  constructor(
    private readonly limit = 200,
    private readonly onLine?: (line: string) => void,
  ) {}

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
