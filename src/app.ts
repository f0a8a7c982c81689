/**
 * Composition root: config -> logging -> storage -> knowledge -> features ->
 * bot. Adapters are attached by main.ts; tests build the same app.
 */
import { join } from "node:path";
import type { Config } from "./config/index.ts";
import { agenda } from "./core/agenda/index.ts";
import { AuditLog } from "./core/audit.ts";
import { Bot } from "./core/bot.ts";
import { DashboardAuth, dashboard } from "./core/dashboard/index.ts";
import { joinCounter, QuestionStats } from "./core/dashboard/stats.ts";
import { donations } from "./core/donations/index.ts";
import { CuratedKnowledge } from "./core/faq/curated.ts";
import { type FaqHooks, faq } from "./core/faq/index.ts";
import type { Feature, Services } from "./core/feature.ts";
import { Identities } from "./core/identity/identities.ts";
import { link } from "./core/identity/link.ts";
import { MemberLanguages } from "./core/language.ts";
import { NotifierHub } from "./core/notify.ts";
import { onboarding } from "./core/onboarding/onboarding.ts";
import { organiserPolicy } from "./core/policy.ts";
import type { Clock, Logger, Store } from "./core/ports.ts";
import { privacy } from "./core/privacy/privacy.ts";
import type { Records } from "./core/records.ts";
import { SessionStore } from "./core/session.ts";
import { CuratedJsonFile } from "./dashboard/curated-file.ts";
import { exportDir, purgeOldExports } from "./exports.ts";
import type { Tuning } from "./knowledge/kb.ts";
import { knowledgeSettings } from "./knowledge/settings.ts";
import type { KnowledgeThread } from "./knowledge/thread.ts";
import { ChartPictures } from "./pictures/render.ts";
import { openKnowledgeThread } from "./start.ts";
import { createStore } from "./storage/index.ts";
import { openRecords } from "./storage/sql/index.ts";

/** A built application, ready for adapters. */
export interface App {
  readonly bot: Bot;
  readonly services: Services;
  readonly notifier: NotifierHub;
  readonly config: Config;
  /** Sign-in to the organisers' dashboard (links and sessions); the server is in src/dashboard. */
  readonly dashboard: DashboardAuth;
  /** Questions answered and declined per day (the dashboard's overview and metrics). */
  readonly questionStats: QuestionStats;
  /** The organisers' curated answers, asked before the documents. */
  readonly curated: CuratedKnowledge;
  /** Runs periodic jobs (retention); returns a function that stops them. */
  startJobs(): () => void;
  close(): Promise<void>;
}

/** Options for tests: a store or clock to use instead of the configured ones. */
export interface AppOverrides {
  readonly store?: Store;
  /** The SQL records to use; a test that injects a store and no records keeps every record in that store. */
  readonly records?: Records;
  readonly clock?: Clock;
  /** Told what was done with each free-text message (`npm run ask`, the evaluation). */
  readonly onOutcome?: FaqHooks["onOutcome"];
  /** Overrides the calibrated answer tuning (eval/tune.ts). */
  readonly answerTuning?: Partial<Tuning>;
  /** Overrides the calibrated intent tuning (eval/tune.ts). */
  readonly intentTuning?: FaqHooks["tuning"];
  /**
   * Opens the knowledge in a worker thread of its own (the running bot: see knowledge/thread.ts),
   * unless a language model answers, whose retrieval runs in this thread; or the thread already
   * starting (see start.ts).
   */
  readonly knowledgeThread?: boolean | Promise<KnowledgeThread>;
}

/** Builds the bot from configuration. */
export async function buildApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const tuning = overrides.answerTuning ? { tuning: overrides.answerTuning } : {};
  // The knowledge opens in its thread while the store opens here (the model's retrieval needs it in this thread).
  const threaded =
    overrides.knowledgeThread instanceof Promise
      ? overrides.knowledgeThread
      : overrides.knowledgeThread
        ? openKnowledgeThread(config, logger, overrides.answerTuning)
        : undefined;
  // A store that fails to open leaves no thread running.
  threaded?.catch(() => undefined);
  const store =
    overrides.store ??
    (await createStore({ url: config.STORAGE_URL, dataDir: config.dataDir, logger }).catch(async (e: unknown) => {
      await (await threaded?.catch(() => undefined))?.close();
      throw e;
    }));
  const clock = overrides.clock ?? { now: () => new Date() };
  const thread = await threaded;
  // `local`: the knowledge base itself, when it is in this thread.
  const {
    knowledge: retrieved,
    embedder,
    understanding,
    local,
  } = thread
    ? { knowledge: thread.knowledge, embedder: thread.embedder, understanding: thread.understanding, local: undefined }
    : await import("./knowledge/index.ts")
        .then(({ openKnowledge }) => openKnowledge({ ...knowledgeSettings(config), ...tuning, logger }))
        .then((k) => ({ ...k, local: k.knowledge }));
  // Organisers' curated answers (knowledge/curated.json, written from the dashboard) come first.
  const knowledge = new CuratedKnowledge(
    retrieved,
    embedder,
    new CuratedJsonFile(join(config.knowledgeDir, "curated.json")),
    logger,
  );
  // With a language-model server, the FAQ asks the model after retrieval, checks it, and falls back (issue 11).
  const generator =
    config.OPENAI_API_KEY && config.OPENAI_CHAT_MODEL && local
      ? (await import("./knowledge/generate.ts")).createGenerator({
          apiKey: config.OPENAI_API_KEY,
          baseURL: config.OPENAI_BASE_URL,
          model: config.OPENAI_CHAT_MODEL,
          promptsDir: config.promptsDir,
          knowledgeDir: config.knowledgeDir,
          knowledge: local,
          commands: () => bot.commandList().map((c) => c.name),
          timeoutMs: config.OPENAI_CHAT_TIMEOUT_MS,
          logger,
        })
      : undefined;
  // Notices to platforms with durable deliveries go through an outbox kept in the store.
  const notifier = new NotifierHub(logger, { store });
  // The association's records live in SQL (PostgreSQL with a postgres STORAGE_URL, else DATA_DIR/records.sqlite).
  const records =
    overrides.records ??
    (overrides.store
      ? undefined
      : await openRecords({ url: config.STORAGE_URL, dataDir: config.dataDir }, { store, notifier, clock, logger }));
  const services: Services = {
    store,
    clock,
    notifier,
    logger,
    knowledge,
    embedder,
    understanding,
    languages: new MemberLanguages(store),
    policy: organiserPolicy({
      consoleOrganiser: config.CONSOLE_ORGANISER,
      telegramIds: config.TELEGRAM_ORGANISER_IDS,
      discordIds: config.DISCORD_ORGANISER_IDS,
      discordRoleIds: config.DISCORD_ORGANISER_ROLE_IDS,
    }),
    audit: records?.audit ?? new AuditLog(store, clock),
    sessions: new SessionStore(store, () => clock.now()),
    pictures: new ChartPictures(),
    ...(records ? { records } : {}),
  };

  const dashboardAuth = new DashboardAuth(store, clock, services.policy, services.audit, {
    linkTtlMs: config.DASHBOARD_LINK_TTL_MINUTES * 60_000,
    sessionTtlMs: config.DASHBOARD_SESSION_HOURS * 3_600_000,
  });

  const statsLost = (e: unknown) => logger.warn("question stats not counted", { error: String(e) });
  const questionStats = new QuestionStats(store, clock, records?.days, statsLost);
  const answers = faq(services, {
    runCommand: (ctx, name, args) => bot.runCommand(ctx, name, args),
    onOutcome: (ctx, outcome) => {
      overrides.onOutcome?.(ctx, outcome);
      void questionStats.record(outcome.kind, ctx.now);
    },
    ...(overrides.intentTuning ? { tuning: overrides.intentTuning } : {}),
    ...(generator ? { generator } : {}),
  });
  const offers = donations(services, {
    formTtlMs: config.DONATION_FORM_TTL_MINUTES * 60_000,
    retentionDays: config.DONATION_RETENTION_DAYS,
  });
  // onboarding lists every command and privacy reaches every feature: both read lazily.
  const features: Feature[] = [
    onboarding(() => bot.commandList()),
    answers.feature,
    agenda(services, {
      moderation: config.AGENDA_MODERATION,
      maxProposalsPerMember: config.AGENDA_MAX_PROPOSALS_PER_MEMBER,
    }),
    offers,
    joinCounter(questionStats),
    ...(config.DASHBOARD_PORT === undefined ? [] : [dashboard(dashboardAuth, dashboardUrl(config))]),
    link(records?.identities ?? new Identities(store), () => features),
    privacy(
      () => features,
      // After an erasure, SQLite's write-ahead log is truncated so no old page keeps what was erased.
      async (memberId) => {
        const n = await bot.forgetMember(memberId);
        await records?.compact();
        return n;
      },
      (memberId, lang) => bot.memberData(memberId, lang),
      records ? (memberId) => records.forgetMember(memberId) : undefined,
    ),
  ];
  const bot: Bot = new Bot(services, features, answers.fallback, { rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE });

  return {
    bot,
    services,
    notifier,
    config,
    dashboard: dashboardAuth,
    questionStats,
    curated: knowledge,
    startJobs() {
      const retention = async () => {
        try {
          const n = await offers.purgeClosedPersonalData(clock.now());
          if (n > 0) logger.info("retention purged personal data", { offers: n });
          const days = config.DONATION_RETENTION_DAYS;
          const questions = await answers.purgeOldQuestions(clock.now(), days);
          if (questions > 0) logger.info("retention removed old unanswered questions", { questions });
          const files = await purgeOldExports(exportDir(config), days * 24 * 60 * 60 * 1000, clock.now());
          if (files > 0) logger.info("retention removed old exports", { files });
        } catch (e) {
          logger.warn("retention job failed", { error: String(e) });
        }
      };
      void retention();
      const timer = setInterval(() => void retention(), 60 * 60 * 1000);
      timer.unref();
      // Notices that workflows committed but could not deliver (a crash, a platform error) go out again.
      const sweep = setInterval(() => {
        records?.outbox
          .deliverPending()
          .catch((e: unknown) => logger.warn("outbox sweep failed", { error: String(e) }));
      }, 60_000);
      sweep.unref();
      return () => {
        clearInterval(timer);
        clearInterval(sweep);
      };
    },
    close: async () => {
      await questionStats.flush().catch(statsLost);
      await notifier.stop();
      await records?.close();
      await store.close();
      await thread?.close();
    },
  };
}

/** The dashboard's public address: the configured one, else the local port. */
export function dashboardUrl(config: Config): string {
  return config.DASHBOARD_PUBLIC_URL ?? `http://${config.DASHBOARD_HOST}:${config.DASHBOARD_PORT ?? 0}`;
}
