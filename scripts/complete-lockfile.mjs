// Completes package-lock.json with the platform packages this machine's registry does not serve.
//
// Packages such as next, @swc/core, @tailwindcss/oxide and unrs-resolver list one optional native package per
// platform. The registry reachable from our machines only serves some of them (linux-x64), so `npm install`
// writes a lock without entries for the others, and `npm ci` then refuses the lock ("Missing: ... from lock
// file"), here and on every other machine. This script adds the missing entries, marked optional and with the
// os/cpu/libc read from the package name, so npm skips them on non-matching platforms and fetches them by
// version elsewhere. Run it after any `npm install` that changes package-lock.json (see docs/decisions/0009).
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages;

const OS = ["darwin", "linux", "win32", "android", "freebsd", "openbsd", "netbsd", "sunos", "aix"];
const CPU = ["x64", "arm64", "arm", "ia32", "ppc64", "s390x", "riscv64", "loong64", "wasm32", "mips64el"];

function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.find((t) => CPU.includes(t));
  const libc = tokens.some((t) => t === "musl") ? "musl" : tokens.some((t) => t.startsWith("gnu")) ? "glibc" : undefined;
  return { os, cpu, libc };
}

/** Where npm would look for `dep` required by the package at `from` (walks up node_modules folders). */
function isResolvable(from, dep) {
  let base = from;
  for (;;) {
    if (packages[`${base ? `${base}/` : ""}node_modules/${dep}`]) return true;
    if (!base) return false;
    const i = base.lastIndexOf("/node_modules/");
    base = i === -1 ? "" : base.slice(0, i);
  }
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (isResolvable(location, dep)) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!cpu && !os) {
      console.warn(`[lock] ${dep} (optional dependency of ${location || "the project"}) is missing and is not a platform package`);
      continue;
    }
    packages[`node_modules/${dep}`] = {
      version,
      optional: true,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os ? { os: [os] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(added ? `[lock] added ${added} platform package entries` : "[lock] complete");
