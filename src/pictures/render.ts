/**
 * Charts as PNG pictures for the chats: the SVG of svg.ts rasterised by
 * resvg (Rust, no browser), with the system's fonts (DejaVu, Liberation on
 * Debian). Implements the core's {@link Pictures} port.
 */
import { createRequire } from "node:module";
import type { ChartRow, Pictures } from "../core/ports.ts";
import { hbarChartSvg } from "./svg.ts";

type ResvgModule = typeof import("@resvg/resvg-js");
let resvgModule: ResvgModule | undefined;
/** resvg's native binding, loaded at the first picture (a bot that never draws never pays for it). */
function resvgLib(): ResvgModule {
  resvgModule ??= createRequire(import.meta.url)("@resvg/resvg-js") as ResvgModule;
  return resvgModule;
}

/** Renders an SVG document to PNG bytes at twice its size (sharp on phones). */
export function svgToPng(svg: string): Buffer {
  const resvg = new (resvgLib().Resvg)(svg, {
    fitTo: { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}

/** The {@link Pictures} of the bot. */
export class ChartPictures implements Pictures {
  async bars(title: string, rows: readonly ChartRow[]): Promise<string> {
    return svgToPng(hbarChartSvg(title, rows)).toString("base64");
  }
}
