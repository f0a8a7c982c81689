import { describe, expect, it } from "vitest";
import { cosine, dotOfUnits, unitVector } from "../../src/core/vectors.ts";

describe("vectors", () => {
  it("gives the cosine as the dot product of unit vectors, and 0 for empty or zero ones", () => {
    const pairs: [number[], number[]][] = [
      [
        [3, 4, 0],
        [4, 3, 0],
      ],
      [
        [1, -2, 0.5],
        [-2, 4, -1],
      ],
      [
        [0.2, 0, 7],
        [0, 1, 0],
      ],
    ];
    for (const [a, b] of pairs) expect(dotOfUnits(unitVector(a), unitVector(b))).toBeCloseTo(cosine(a, b), 12);
    const [x, y] = unitVector([3, 4]);
    expect(x).toBeCloseTo(0.6, 12);
    expect(y).toBeCloseTo(0.8, 12);
    expect(unitVector([0, 0])).toHaveLength(0);
    expect(dotOfUnits(unitVector([0, 0]), unitVector([0, 0]))).toBe(0);
    expect(dotOfUnits(unitVector([1, 0]), unitVector([1, 0, 0]))).toBe(0);
  });
});
