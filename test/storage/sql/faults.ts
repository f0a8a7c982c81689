/**
 * A Kysely plugin that cuts the database at a chosen point: before a
 * statement runs, or after it ran but before its answer arrives (as when
 * the connection drops mid-call). Points are counted from when it is armed.
 */
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";

/** Thrown at the cut point. */
export class Cut extends Error {
  override readonly name = "Cut";
}

/** Counts statement boundaries and throws at the armed one. */
export class FaultPlugin implements KyselyPlugin {
  private point = 0;
  private cutAt: number | undefined;
  /** How many boundaries passed since arming (two per statement). */
  seen = 0;

  /** Cuts at the `n`-th boundary from now (0: before the next statement; 1: after it; …); undefined disarms. */
  arm(n: number | undefined): void {
    this.point = 0;
    this.seen = 0;
    this.cutAt = n;
  }

  private kind: string | undefined;

  /** Cuts before the next statement of a kind (`InsertQueryNode`, `UpdateQueryNode`, `DeleteQueryNode`…). */
  armOn(kind: string): void {
    this.arm(undefined);
    this.kind = kind;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.kind && args.node.kind === this.kind) {
      this.kind = undefined;
      throw new Cut(`database cut before a ${args.node.kind}`);
    }
    this.pass();
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.pass();
    return args.result;
  }

  private pass(): void {
    const here = this.point++;
    this.seen++;
    if (this.cutAt !== undefined && here === this.cutAt) {
      this.cutAt = undefined;
      throw new Cut(`database cut at point ${here}`);
    }
  }
}

/** Delays every statement's answer by up to `maxMs`, so races between transactions show up. */
export class JitterPlugin implements KyselyPlugin {
  constructor(private readonly maxMs = 3) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    await new Promise((r) => setTimeout(r, Math.random() * this.maxMs));
    return args.result;
  }
}
