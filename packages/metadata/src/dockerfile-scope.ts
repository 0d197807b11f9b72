/** The variables visible at one instruction; `null` marks an ARG declared without a value. */
export class Scope {
  private readonly args: ReadonlyMap<string, string | null>;
  private readonly env: ReadonlyMap<string, string>;

  constructor(args: ReadonlyMap<string, string | null>, env: ReadonlyMap<string, string>) {
    this.args = args;
    this.env = env;
  }

  /** ENV always wins over an ARG of the same name, as in Docker. */
  readonly lookup = (name: string): string | undefined => this.env.get(name) ?? this.args.get(name) ?? undefined;

  /** The ENV values, which a container of the image starts with. */
  environment(): Record<string, string> {
    return Object.fromEntries(this.env);
  }

  declares(name: string): boolean {
    return this.env.has(name) || this.args.has(name);
  }

  withArg(name: string, value: string | null): Scope {
    return new Scope(new Map(this.args).set(name, value), this.env);
  }

  withEnv(name: string, value: string): Scope {
    return new Scope(this.args, new Map(this.env).set(name, value));
  }

  /** A new stage keeps the ENV of the stage it is built FROM, but no ARG. */
  forChildStage(): Scope {
    return new Scope(new Map(), this.env);
  }
}
