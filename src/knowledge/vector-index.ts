/**
 * The persisted HNSW index with a manifest recording what built it: the
 * content hash of the knowledge folder and the embedder id. A mismatch
 * rebuilds; otherwise the index loads from disk.
 *
 * The index is built and saved by LangChain's HNSWLib (hnswlib.index,
 * docstore.json, args.json: loadable with `HNSWLib.load`). A normal start
 * reads hnswlib.index with hnswlib-node directly: importing LangChain costs
 * about a second, and the unit metadata is rebuilt from the knowledge files.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import hnswlib from "hnswlib-node";
import type { Embedder } from "../core/ports.ts";
import type { Unit, VectorSearch } from "./kb.ts";

const FORMAT = 1;
const EMBED_BATCH = 256;

/** What built an index. */
export interface Manifest {
  readonly format: number;
  readonly knowledgeHash: string;
  readonly embedder: string;
  readonly units: number;
  readonly dims: number;
  readonly builtAt: string;
}

function readManifest(dir: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

function norm(v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] ?? 0) ** 2;
  return Math.sqrt(s) || 1;
}

/** Vector search over an HNSW index whose labels are the unit numbers. */
class HnswSearch implements VectorSearch {
  /** Unit vectors read back from the index (normalised), kept once read. */
  private readonly points = new Map<number, Float32Array>();
  private lastQuery: readonly number[] | undefined;
  private lastNorm = 1;

  constructor(private readonly index: hnswlib.HierarchicalNSW) {
    index.setEf(64);
  }

  async search(vector: readonly number[], k: number): Promise<{ unit: number; cosine: number }[]> {
    const n = Math.min(k, this.index.getCurrentCount());
    if (n === 0) return [];
    // (hnswlib-node copies the query into its own vector; the caller's array is not changed.)
    const { neighbors, distances } = this.index.searchKnn(vector as number[], n);
    return neighbors.map((unit, i) => ({ unit, cosine: 1 - (distances[i] ?? 1) }));
  }

  cosine(vector: readonly number[], unit: number): number {
    let p = this.points.get(unit);
    if (!p) {
      const raw = this.index.getPoint(unit);
      const n = norm(raw);
      p = Float32Array.from(raw, (x) => x / n);
      this.points.set(unit, p);
    }
    if (vector !== this.lastQuery) {
      this.lastQuery = vector;
      this.lastNorm = norm(vector);
    }
    let dot = 0;
    for (let i = 0; i < p.length; i++) dot += (p[i] ?? 0) * (vector[i] ?? 0);
    return dot / this.lastNorm;
  }
}

/** Options of {@link openVectorIndex}. */
export interface VectorIndexOptions {
  readonly dir: string;
  readonly units: readonly Unit[];
  readonly embedder: Embedder & { readonly id: string };
  readonly knowledgeHash: string;
  readonly rebuild?: boolean;
  readonly progress: (msg: string) => void;
}

/** Loads the index from `dir` when its manifest matches, else builds and saves it. */
export async function openVectorIndex(
  opts: VectorIndexOptions,
): Promise<{ search: VectorSearch; builtFresh: boolean; manifest: Manifest }> {
  const { dir, units, embedder, knowledgeHash, progress } = opts;
  const old = readManifest(dir);
  const fresh =
    !opts.rebuild &&
    old?.format === FORMAT &&
    old.knowledgeHash === knowledgeHash &&
    old.embedder === embedder.id &&
    old.units === units.length &&
    existsSync(join(dir, "hnswlib.index"));
  if (fresh && old) {
    try {
      const index = new hnswlib.HierarchicalNSW("cosine", old.dims);
      await index.readIndex(join(dir, "hnswlib.index"));
      if (index.getCurrentCount() === units.length && existsSync(join(dir, "docstore.json"))) {
        progress(`loaded index of ${units.length} units from ${dir}`);
        return { search: new HnswSearch(index), builtFresh: false, manifest: old };
      }
    } catch (e) {
      progress(`index in ${dir} unreadable (${String(e)}); rebuilding`);
    }
  }
  progress(`building index of ${units.length} units with ${embedder.id}…`);
  const vectors: number[][] = [];
  for (let i = 0; i < units.length; i += EMBED_BATCH) {
    vectors.push(...(await embedder.embedDocuments(units.slice(i, i + EMBED_BATCH).map((u) => u.text))));
    progress(`embedded ${Math.min(i + EMBED_BATCH, units.length)}/${units.length}`);
  }
  const dims = vectors[0]?.length ?? 0;
  if (dims === 0) throw new Error("the knowledge folder has nothing to index");
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  const { Document } = await import("@langchain/core/documents");
  const store = new HNSWLib(embedder, { space: "cosine", numDimensions: dims });
  await store.addVectors(
    vectors,
    units.map(
      (u, i) => new Document({ pageContent: u.text, metadata: { u: i, kind: u.kind, ref: u.ref, lang: u.lang } }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await store.save(dir);
  const manifest: Manifest = {
    format: FORMAT,
    knowledgeHash,
    embedder: embedder.id,
    units: units.length,
    dims,
    builtAt: new Date().toISOString(),
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  progress(`saved index to ${dir}`);
  return { search: new HnswSearch(store.index), builtFresh: true, manifest };
}
