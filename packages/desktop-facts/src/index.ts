// What Docker Desktop does that every dext package must agree on. No dependencies, no Node built-ins.
export {
  CommandLineError,
  desktopArguments,
  desktopCommandWords,
  quoteForDesktop,
  splitCommandLine,
} from "./command-line.ts";
export {
  guestServicesDir,
  guestServicesSocketPath,
  maxSocketPathBytesWithoutNul,
  socketPathBytes,
  socketPathFits,
} from "./guest-services.ts";
