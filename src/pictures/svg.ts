/**
 * Bar charts as SVG text, drawn the same way for the dashboard's pages (inline
 * SVG) and for the pictures the bot posts in chats (rasterised by resvg).
 * Every text is XML-escaped: titles and labels may come from members.
 */

/** One series of a bar chart. */
export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly number[];
}

/** A grouped (or stacked) bar chart. */
export interface BarChart {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  /** Stacked bars (a day's answered + declined) rather than side by side. */
  readonly stacked?: boolean;
  readonly width?: number;
  readonly height?: number;
}

/** Escapes text for SVG/XML. */
export function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Shortens a label to `n` characters with an ellipsis. */
function short(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

const FONT = `font-family="DejaVu Sans, WenQuanYi Micro Hei, Noto Sans CJK TC, Liberation Sans, Arial, sans-serif"`;

/** A vertical bar chart with a legend; the largest value sets the scale. */
export function barChartSvg(c: BarChart): string {
  const w = c.width ?? 640;
  const h = c.height ?? 280;
  const top = 40;
  const bottom = 50;
  const left = 40;
  const plotH = h - top - bottom;
  const plotW = w - left - 10;
  const n = Math.max(1, c.categories.length);
  const totals = c.categories.map((_, i) =>
    c.stacked
      ? c.series.reduce((s, x) => s + (x.values[i] ?? 0), 0)
      : Math.max(0, ...c.series.map((x) => x.values[i] ?? 0)),
  );
  const max = Math.max(1, ...totals);
  const slot = plotW / n;
  const groups = c.stacked ? 1 : Math.max(1, c.series.length);
  const barW = Math.max(2, (slot * 0.8) / groups);
  const bars: string[] = [];
  c.categories.forEach((_, i) => {
    let base = 0;
    c.series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const bh = (v / max) * plotH;
      const x = left + i * slot + slot * 0.1 + (c.stacked ? 0 : j * barW);
      const y = top + plotH - bh - (c.stacked ? base : 0);
      if (c.stacked) base += bh;
      if (v > 0)
        bars.push(
          `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${bh.toFixed(1)}" fill="${xml(s.color)}"><title>${xml(`${s.name}: ${v}`)}</title></rect>`,
        );
    });
  });
  const every = Math.ceil(n / 12);
  const labels = c.categories
    .map((cat, i) =>
      i % every === 0
        ? `<text x="${(left + i * slot + slot / 2).toFixed(1)}" y="${h - bottom + 16}" font-size="11" text-anchor="middle" ${FONT}>${xml(short(cat, 14))}</text>`
        : "",
    )
    .join("");
  const legend = c.series
    .map(
      (s, j) =>
        `<rect x="${left + j * 150}" y="${h - 18}" width="12" height="12" fill="${xml(s.color)}"/><text x="${left + j * 150 + 16}" y="${h - 8}" font-size="12" ${FONT}>${xml(short(s.name, 18))}</text>`,
    )
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${xml(c.title)}">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<text x="${left}" y="24" font-size="16" font-weight="bold" ${FONT}>${xml(short(c.title, 70))}</text>`,
    `<line x1="${left}" y1="${top + plotH}" x2="${w - 10}" y2="${top + plotH}" stroke="#888"/>`,
    `<text x="${left - 6}" y="${top + 10}" font-size="11" text-anchor="end" ${FONT}>${max}</text>`,
    `<text x="${left - 6}" y="${top + plotH}" font-size="11" text-anchor="end" ${FONT}>0</text>`,
    ...bars,
    labels,
    legend,
    "</svg>",
  ].join("");
}

/** Horizontal bars with their labels and values: poll results, themes, statuses. */
export function hbarChartSvg(title: string, rows: readonly { label: string; value: number }[], width = 640): string {
  const rowH = 28;
  const top = 40;
  const h = top + Math.max(1, rows.length) * rowH + 12;
  const labelW = Math.round(width * 0.42);
  const barMax = width - labelW - 60;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const body = rows
    .map((r, i) => {
      const y = top + i * rowH;
      const bw = (r.value / max) * barMax;
      return [
        `<text x="${labelW - 8}" y="${y + 17}" font-size="13" text-anchor="end" ${FONT}>${xml(short(r.label, 40))}</text>`,
        `<rect x="${labelW}" y="${y + 4}" width="${bw.toFixed(1)}" height="${rowH - 8}" fill="#2f6fb3"><title>${xml(`${r.label}: ${r.value}`)}</title></rect>`,
        `<text x="${labelW + bw + 6}" y="${y + 17}" font-size="13" ${FONT}>${r.value}</text>`,
      ].join("");
    })
    .join("");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" role="img" aria-label="${xml(title)}">`,
    `<rect width="${width}" height="${h}" fill="#ffffff"/>`,
    `<text x="10" y="24" font-size="16" font-weight="bold" ${FONT}>${xml(short(title, 70))}</text>`,
    body,
    "</svg>",
  ].join("");
}
