/**
 * Simplified and Traditional Chinese through opencc-js (OpenCC's dictionaries):
 * a Simplified question is converted to Hong Kong Traditional before it is
 * read, and the answers go back in Simplified. The dictionaries cost about
 * 150 ms and 50 MB to load, so they load in the background after start and
 * a first Chinese message waits for them.
 */
import type { Script } from "../core/ports.ts";

type Convert = (text: string) => string;

interface Converters {
  readonly toHant: Convert;
  readonly toHans: Convert;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

async function load(): Promise<Converters> {
  const [core, fromCn, toHk, fromHk, toCn] = await Promise.all([
    import("opencc-js/core"),
    import("opencc-js/from/cn"),
    import("opencc-js/to/hk"),
    import("opencc-js/from/hk"),
    import("opencc-js/to/cn"),
  ]);
  return {
    toHant: core.ConverterFactory(fromCn.default, toHk.default),
    toHans: core.ConverterFactory(fromHk.default, toCn.default),
  };
}

/** Counts the characters that differ between two strings of the same code points. */
function changed(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length !== y.length) return Math.abs(x.length - y.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) n++;
  return n;
}

/**
 * The converters, loaded once per process: the dictionaries never change, and a bot built again in
 * the same process (tests, benchmarks, a restart of the app) would otherwise block its event loop
 * for the 150 ms of parsing again while it serves members.
 */
let shared: Promise<Converters> | undefined;

/** Script detection and conversion. */
export class ChineseScripts {
  /** Starts loading the dictionaries (idempotent). */
  warm(): Promise<void> {
    return this.get().then(() => undefined);
  }

  private async get(): Promise<Converters> {
    shared ??= load().catch((e: unknown) => {
      shared = undefined;
      throw e;
    });
    return shared;
  }

  /** Whether a text has Chinese characters. */
  static hasHan(text: string): boolean {
    return HAN.test(text);
  }

  /**
   * The script of a text: Simplified when more of its characters change on the way to
   * Traditional than on the way to Simplified. Characters common to both say nothing.
   */
  async script(text: string): Promise<Script | undefined> {
    if (!HAN.test(text)) return undefined;
    const c = await this.get();
    const simplifiedChars = changed(text, c.toHant(text));
    const traditionalChars = changed(text, c.toHans(text));
    // Characters alike in both scripts ("每年大概能收到多少件？") say neither.
    if (simplifiedChars === traditionalChars) return undefined;
    return simplifiedChars > traditionalChars ? "hans" : "hant";
  }

  /** Hong Kong Traditional. */
  async toTraditional(text: string): Promise<string> {
    if (!HAN.test(text)) return text;
    return (await this.get()).toHant(text);
  }

  /** Mainland Simplified. */
  async toSimplified(text: string): Promise<string> {
    if (!HAN.test(text)) return text;
    return (await this.get()).toHans(text);
  }
}
