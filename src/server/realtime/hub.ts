import pg from "pg";
import { loadCart } from "@/domain/cart/cart-view";
import { slotAvailability } from "@/domain/availability/slot-availability";
import { databaseHandle } from "../database";
import { logger } from "../logger";
import { requestContext } from "../request-context";
import { processSingleton } from "../shared";

export type Subscriber = { send: (event: "availability" | "cart", data: unknown) => void; close: () => void };

const BATCH_MS = 25;
const RECONNECT_MS = 1_000;

/**
 * One LISTEN connection per process. Notifications (raised by triggers on every slot and cart
 * change, from any process) are gathered for a few milliseconds, then only what some subscriber
 * watches is read again and pushed to it.
 */
class Hub {
  private readonly slots = new Map<string, Set<Subscriber>>();
  private readonly carts = new Map<string, Set<Subscriber>>();
  private readonly dueSlots = new Set<string>();
  private readonly dueCarts = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private client: pg.Client | undefined;
  private listening: Promise<void> | undefined;
  private stopped = false;

  /**
   * Watches slots and a cart. Resolves once notifications are being received, so that a snapshot
   * read afterwards and the events that follow leave no gap between them.
   */
  async subscribe(subscriber: Subscriber, watch: { slotIds: string[]; cartId: string | undefined }): Promise<() => void> {
    const entries: [Map<string, Set<Subscriber>>, string][] = watch.slotIds.map((id) => [this.slots, id]);
    if (watch.cartId) entries.push([this.carts, watch.cartId]);
    for (const [map, id] of entries) map.set(id, (map.get(id) ?? new Set()).add(subscriber));
    await (this.listening ??= this.listen());
    return () => {
      for (const [map, id] of entries) {
        map.get(id)?.delete(subscriber);
        if (map.get(id)?.size === 0) map.delete(id);
      }
    };
  }

  /** Ends every stream (browsers reconnect by themselves, to this or another process) and stops listening. */
  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const map of [this.slots, this.carts]) for (const subscribers of map.values()) for (const subscriber of subscribers) subscriber.close();
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client(databaseHandle().pool.options);
    this.client = client;
    client.on("notification", ({ channel, payload }) => {
      if (!payload) return;
      if (channel === "slot_changed" && this.slots.has(payload)) this.dueSlots.add(payload);
      if (channel === "cart_changed" && this.carts.has(payload)) this.dueCarts.add(payload);
      this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
    });
    client.on("error", (error) => {
      if (this.client !== client) return;
      logger().warn({ err: error }, "live updates lost their database connection; reconnecting");
      this.client = undefined;
      client.end().catch(() => undefined);
      if (!this.stopped) setTimeout(() => void (this.listening = this.listen()), RECONNECT_MS);
    });
    try {
      await client.connect();
      await client.query("LISTEN slot_changed; LISTEN cart_changed");
    } catch (error) {
      client.emit("error", error);
      return;
    }
    // Whatever changed while no one was listening: send everything watched again.
    for (const id of this.slots.keys()) this.dueSlots.add(id);
    for (const id of this.carts.keys()) this.dueCarts.add(id);
    if (this.dueSlots.size + this.dueCarts.size > 0) this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  }

  private async flush() {
    this.timer = undefined;
    const slotIds = [...this.dueSlots];
    const cartIds = [...this.dueCarts];
    this.dueSlots.clear();
    this.dueCarts.clear();
    try {
      const ctx = requestContext();
      for (const availability of await slotAvailability({ ctx, input: { slotIds } })) {
        for (const subscriber of this.slots.get(availability.slotId) ?? []) subscriber.send("availability", availability);
      }
      for (const cartId of cartIds) {
        const cart = await loadCart(ctx.db, cartId, ctx.settings, ctx.now());
        for (const subscriber of this.carts.get(cartId) ?? []) subscriber.send("cart", { cart });
      }
    } catch (error) {
      logger().error({ err: error }, "live updates could not be read");
    }
  }
}

export function hub(): Hub {
  return processSingleton("realtime-hub", () => new Hub());
}
