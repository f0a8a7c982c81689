#!/usr/bin/env node
/**
 * Completes package-lock.json with the other platforms' optional binaries.
 *
 * The registry this project installs from serves only some platforms' builds
 * of packages such as @biomejs/cli-* and @rollup/rollup-*. `npm install` then
 * leaves the others out of the lockfile, and `npm ci` refuses that lockfile
 * ("Missing: @rollup/rollup-darwin-arm64@ from lock file"). Recording them as
 * optional entries with their os/cpu/libc (read from the package name, as
 * these packages are named) satisfies `npm ci`, which never fetches a
 * package built for another platform. Run it after changing dependencies:
 *
 *   npm install && node scripts/complete-lockfile.mjs
 */
import { readFileSync, writeFileSync } from "node:fs";

const OS = ["android", "darwin", "freebsd", "linux", "openbsd", "win32", "openharmony", "netbsd", "sunos", "aix"];
const CPU = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

/** os, cpu and libc of a platform package, from its name (e.g. rollup-linux-arm-musleabihf). */
function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!os || !cpu) return undefined;
  const libc = parts.some((p) => p.startsWith("musl"))
    ? "musl"
    : os === "linux" && parts.some((p) => p.startsWith("gnu"))
      ? "glibc"
      : undefined;
  return { os, cpu, libc };
}

const path = "package-lock.json";
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;
let added = 0;
for (const [key, pkg] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const at = `${key ? `${key}/` : ""}node_modules/${dep}`;
    if (packages[at] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    packages[`node_modules/${dep}`] = {
      version: spec,
      cpu: [platform.cpu],
      ...(pkg.dev ? { dev: true } : {}),
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      optional: true,
      os: [platform.os],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
