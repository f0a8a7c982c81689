(globalThis as any).__T = 1;
await import("./_cv.ts");
