import { MemoryStore } from "../../src/storage/memory.ts";
import { donationsContract } from "../contract/donations.ts";

donationsContract("MemoryStore", async () => new MemoryStore());
