/**
 * Replies that are easier to look at than to read (a poll's result, /impact)
 * go out as a picture with their text kept: drawn through the {@link Pictures}
 * port when the app has one; the text alone otherwise, or if drawing fails.
 */
import type { Services } from "./feature.ts";
import type { ChartRow } from "./ports.ts";
import type { Reply, TextReply } from "./replies.ts";

/** A chart to draw: its title and bars (labels in English: the pictures' fonts have no Chinese). */
export interface ChartSpec {
  readonly title: string;
  readonly rows: readonly ChartRow[];
  readonly filename: string;
}

/** The text reply as a picture with that text, or the text reply itself. */
export async function withPicture(
  services: Pick<Services, "pictures" | "logger">,
  reply: TextReply,
  chart: ChartSpec,
): Promise<Reply> {
  // A picture carries no buttons: a reply with buttons stays text.
  if (!services.pictures || chart.rows.length === 0 || reply.buttons?.length) return reply;
  try {
    const data = await services.pictures.bars(chart.title, chart.rows);
    return {
      type: "image",
      filename: chart.filename,
      mimeType: "image/png",
      data,
      text: reply.text,
      ...(reply.private ? { private: true } : {}),
    };
  } catch (e) {
    services.logger.warn("picture not drawn; text sent", { error: e instanceof Error ? e.message : String(e) });
    return reply;
  }
}
