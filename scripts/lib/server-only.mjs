// Preloaded by every tsx script (`tsx --import ./scripts/lib/server-only.mjs ...`): lets scripts import lib/ modules
// that start with `import "server-only"`. Outside a React Server build that marker package throws by design; a
// script is server code by definition, so it gets the marker's empty variant instead.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true, format: "module" };
        return next(specifier, context);
      }`,
    ),
);
