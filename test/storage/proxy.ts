/**
 * A TCP proxy on 127.0.0.1 in front of a real server, which a test stops and
 * starts to simulate the backend going away and coming back.
 */
import { connect, createServer, type Server, type Socket } from "node:net";

/** Forwards 127.0.0.1:`port` to 127.0.0.1:`target` while started. */
export class TcpProxy {
  port = 0;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** While set, bytes in both directions are dropped: a server that hangs without closing anything. */
  private blackholed = false;

  constructor(private readonly target: number) {}

  /** Starts listening (on the previous port after a stop); returns the port. */
  async start(): Promise<number> {
    const server = createServer((client) => {
      const upstream = connect({ port: this.target, host: "127.0.0.1" });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {
          client.destroy();
          upstream.destroy();
        });
      }
      const forward = (from: Socket, to: Socket) =>
        from.on("data", (chunk: Buffer) => {
          if (!this.blackholed) to.write(chunk);
        });
      forward(client, upstream);
      forward(upstream, client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    const address = server.address();
    if (address && typeof address === "object") this.port = address.port;
    this.server = server;
    return this.port;
  }

  /** Keeps every connection open but silently drops all traffic (until {@link stop}). */
  blackhole(): void {
    this.blackholed = true;
  }

  /** Stops listening and cuts every open connection. */
  async stop(): Promise<void> {
    this.blackholed = false;
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = address && typeof address === "object" ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
