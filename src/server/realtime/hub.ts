import { inArray } from "drizzle-orm";
import pg from "pg";
import { timeSlots } from "@/db/schema";
import { slotAvailability, type Availability } from "@/domain/availability/slot-availability";
import { loadCarts, type Cart } from "@/domain/cart/cart-view";
import { sheetSlots, type SheetSlot } from "@/domain/catalog/day-sheet";
import { databaseHandle } from "../database";
import { logger } from "../logger";
import { requestContext } from "../request-context";
import { processSingleton } from "../shared";

export type Subscriber = { send: (event: "availability" | "cart" | "slot", data: unknown) => void; close: () => void };
/** Slots as visitors see them, a cart, and slots as the door sees them (counts, checked in): `sheetSlotIds`, for staff only. */
type Watch = { slotIds: string[]; cartId: string | undefined; sheetSlotIds?: string[] };
export type ReadState = (
  slotIds: string[],
  cartIds: string[],
  sheetSlotIds: string[],
) => Promise<{ availability: Availability[]; carts: Map<string, Cart>; sheets: SheetSlot[] }>;

const BATCH_MS = 25;
const RECONNECT_MS = 1_000;

/** The current availability of some slots, the current state of some carts, and the door's counts of some slots. */
export const readState: ReadState = async (slotIds, cartIds, sheetSlotIds) => {
  const ctx = requestContext();
  return {
    availability: await slotAvailability({ ctx, input: { slotIds } }),
    carts: await loadCarts(ctx.db, cartIds, ctx.settings, ctx.now()),
    sheets: sheetSlotIds.length === 0 ? [] : await sheetSlots(ctx, inArray(timeSlots.id, sheetSlotIds)),
  };
};

/**
 * One LISTEN connection per process. Notifications (raised by triggers on every slot and cart
 * change, from any process) are gathered for a few milliseconds, then only what some subscriber
 * watches is read again and pushed to it.
 *
 * `checkin_changed` (a ticket admitted or its admission undone) only makes the door's view of
 * the slot due, never the visitors' availability, which check-ins do not change.
 *
 * Reads run one at a time, each after the previous one's events were sent, and a new stream's
 * first state comes through the same queue: so no stream ever gets a slot or a cart older than
 * one it already has, which two overlapping reads (or a read racing the first state) could do.
 */
export class Hub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly slots = new Map<string, Set<Subscriber>>();
  private readonly carts = new Map<string, Set<Subscriber>>();
  private readonly sheets = new Map<string, Set<Subscriber>>();
  private readonly dueSlots = new Set<string>();
  private readonly dueCarts = new Set<string>();
  private readonly dueSheets = new Set<string>();
  /** Subscribers still waiting for the first state of everything they watch. */
  private readonly fresh = new Map<Subscriber, Watch>();
  private timer: NodeJS.Timeout | undefined;
  private reading = false;
  private client: pg.Client | undefined;
  private listening: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly read: ReadState = readState) {}

  /**
   * Watches slots and a cart, starting with their current state. Resolves once notifications are
   * being received, so that the first state and the events that follow leave no gap between them.
   */
  async subscribe(subscriber: Subscriber, watch: Watch): Promise<() => void> {
    const entries: [Map<string, Set<Subscriber>>, string][] = watch.slotIds.map((id) => [this.slots, id]);
    if (watch.cartId) entries.push([this.carts, watch.cartId]);
    for (const id of watch.sheetSlotIds ?? []) entries.push([this.sheets, id]);
    this.subscribers.add(subscriber);
    for (const [map, id] of entries) map.set(id, (map.get(id) ?? new Set()).add(subscriber));
    await (this.listening ??= this.listen());
    this.fresh.set(subscriber, watch);
    this.schedule();
    return () => {
      this.subscribers.delete(subscriber);
      this.fresh.delete(subscriber);
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
    // Every stream, also one that watches nothing, or the server would wait for it to end.
    for (const subscriber of this.subscribers) subscriber.close();
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
      if ((channel === "slot_changed" || channel === "checkin_changed") && this.sheets.has(payload)) this.dueSheets.add(payload);
      this.schedule();
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
      await client.query("LISTEN slot_changed; LISTEN cart_changed; LISTEN checkin_changed");
    } catch (error) {
      client.emit("error", error);
      return;
    }
    // Whatever changed while no one was listening: send everything watched again.
    for (const id of this.slots.keys()) this.dueSlots.add(id);
    for (const id of this.carts.keys()) this.dueCarts.add(id);
    for (const id of this.sheets.keys()) this.dueSheets.add(id);
    this.schedule();
  }

  /** A read soon, unless one is running: it schedules the next itself when done. */
  private schedule(delayMs = BATCH_MS) {
    if (this.timer || this.reading || this.stopped) return;
    if (this.dueSlots.size + this.dueCarts.size + this.dueSheets.size + this.fresh.size === 0) return;
    this.timer = setTimeout(() => void this.flush(), delayMs);
  }

  private async flush() {
    this.timer = undefined;
    this.reading = true;
    const dueSlots = new Set(this.dueSlots);
    const dueCarts = new Set(this.dueCarts);
    const dueSheets = new Set(this.dueSheets);
    const fresh = new Map(this.fresh);
    this.dueSlots.clear();
    this.dueCarts.clear();
    this.dueSheets.clear();
    this.fresh.clear();
    const slotIds = new Set([...dueSlots, ...[...fresh.values()].flatMap((watch) => watch.slotIds)]);
    const cartIds = new Set([...dueCarts, ...[...fresh.values()].flatMap((watch) => (watch.cartId ? [watch.cartId] : []))]);
    const sheetIds = new Set([...dueSheets, ...[...fresh.values()].flatMap((watch) => watch.sheetSlotIds ?? [])]);
    // Everyone watching gets what changed; a new subscriber also gets what did not.
    const recipients = (subscribers: Set<Subscriber> | undefined, changed: boolean) => [...(subscribers ?? [])].filter((subscriber) => changed || fresh.has(subscriber));
    let retryMs = BATCH_MS;
    try {
      const state = await this.read([...slotIds], [...cartIds], [...sheetIds]);
      for (const availability of state.availability) {
        for (const subscriber of recipients(this.slots.get(availability.slotId), dueSlots.has(availability.slotId))) subscriber.send("availability", availability);
      }
      for (const [cartId, cart] of state.carts) {
        for (const subscriber of recipients(this.carts.get(cartId), dueCarts.has(cartId))) subscriber.send("cart", { cart });
      }
      for (const sheet of state.sheets) {
        for (const subscriber of recipients(this.sheets.get(sheet.id), dueSheets.has(sheet.id))) subscriber.send("slot", sheet);
      }
    } catch (error) {
      logger().error({ err: error }, "live updates could not be read; trying again");
      for (const id of dueSlots) this.dueSlots.add(id);
      for (const id of dueCarts) this.dueCarts.add(id);
      for (const id of dueSheets) this.dueSheets.add(id);
      for (const [subscriber, watch] of fresh) if (this.subscribers.has(subscriber) && !this.fresh.has(subscriber)) this.fresh.set(subscriber, watch);
      retryMs = RECONNECT_MS;
    } finally {
      this.reading = false;
    }
    this.schedule(retryMs);
  }
}

export function hub(): Hub {
  return processSingleton("realtime-hub", () => new Hub());
}
