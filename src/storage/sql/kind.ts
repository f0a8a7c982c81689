/** Which SQL dialect a records database speaks. */
export type SqlKind = "sqlite" | "postgres";
