/**
 * Prometheus metrics (`prom-client`), served at `/metrics`: updates handled
 * and their latency (every inbound event through the bot), questions by
 * outcome, and the process's default metrics. Each server has its own
 * registry, so tests and several apps in one process don't collide.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Bot } from "../core/bot.ts";
import type { QuestionKind, QuestionStats } from "../core/dashboard/stats.ts";
import type { DeliveryStats } from "../core/delivery.ts";

/** The bot's metrics. */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly updates = new Counter({
    name: "bahk_updates_handled_total",
    help: "Inbound events handled by the bot, by platform and kind",
    labelNames: ["platform", "kind"] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: "bahk_handle_seconds",
    help: "Time the bot took to answer an inbound event (text events: the answer latency)",
    labelNames: ["kind"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly questions = new Counter({
    name: "bahk_questions_total",
    help: "Free-text questions by outcome: answer, decline, intent, social",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });

  constructor(opts: { defaults?: boolean } = {}) {
    if (opts.defaults !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Exposes the adapters' and the outbox's delivery counters and the outbox's depth, read at each scrape. */
  observeDeliveries(stats: DeliveryStats): void {
    new Counter({
      name: "bahk_deliveries_total",
      help: "Replies and notices sent, failed and retried, by platform",
      labelNames: ["platform", "kind", "outcome"] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const c of stats.snapshot()) this.inc({ platform: c.platform, kind: c.kind, outcome: c.outcome }, c.value);
      },
    });
    new Gauge({
      name: "bahk_outbox_depth",
      help: "Notices waiting in the outbox",
      registers: [this.registry],
      collect() {
        this.set(stats.queueDepth);
      },
    });
  }

  /** Counts question outcomes as the bot records them. */
  observeQuestions(stats: QuestionStats): void {
    stats.listen((kind: QuestionKind) => this.questions.inc({ outcome: kind }));
  }

  /**
   * Times every call of `bot.handle` and `bot.pollVote` (the entries adapters call). The bot is wrapped once,
   * outside the core, so adapters and core stay unaware of metrics.
   */
  instrument(bot: Bot): void {
    const handle = bot.handle.bind(bot);
    bot.handle = async (event) => {
      const end = this.latency.startTimer({ kind: event.kind });
      try {
        return await handle(event);
      } finally {
        end();
        this.updates.inc({ platform: event.member.platform, kind: event.kind });
      }
    };
    const pollVote = bot.pollVote.bind(bot);
    bot.pollVote = async (event) => {
      const end = this.latency.startTimer({ kind: "poll_vote" });
      try {
        await pollVote(event);
      } finally {
        end();
        this.updates.inc({ platform: event.platform, kind: "poll_vote" });
      }
    };
  }

  /** The exposition text and its content type. */
  async expose(): Promise<{ body: string; contentType: string }> {
    return { body: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
