// The dext target started through V8's code cache: this loader, bundled as CommonJS, runs
// `dext-hello.ts` bundled as a script (`dext-hello-script.js` beside it), and writes the cache on
// its first start.
import { dirname, join } from "node:path";
import { startWithCodeCache } from "../../code-cache/start-with-code-cache.ts";

startWithCodeCache({ bundle: join(dirname(process.argv[1] ?? "."), "dext-hello-script.js") });
