/** A small structured logger writing one JSON object per line to stderr (stdout belongs to the console chat). */
import type { Logger } from "./core/ports.ts";

const LEVELS = ["debug", "info", "warn", "error"] as const;
type Level = (typeof LEVELS)[number];

/** A logger that writes lines at `min` level and above; `silent` writes nothing. */
export function createLogger(
  min: Level | "silent",
  write: (line: string) => void = (l) => process.stderr.write(l),
): Logger {
  const threshold = min === "silent" ? LEVELS.length : LEVELS.indexOf(min);
  const at =
    (level: Level) =>
    (msg: string, data?: Record<string, unknown>): void => {
      if (LEVELS.indexOf(level) < threshold) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...data })}\n`);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
