import { z } from "zod";
import { findCartId } from "@/domain/cart/cart-lock";
import { daySlotIds } from "@/domain/catalog/day-sheet";
import { cartOwnerOf } from "@/server/auth/session";
import { parseQuery } from "@/server/http/query";
import { addressKeyOf } from "@/server/http/rate-limit";
import { route } from "@/server/http/route";
import { venueDay } from "@/server/http/schemas";
import { staffSession } from "@/server/http/staff-route";
import { hub } from "@/server/realtime/hub";
import { openStream } from "@/server/realtime/stream-limits";

export const dynamic = "force-dynamic";

const MAX_SLOTS = 200;
const HEARTBEAT_MS = 15_000;

const query = z.object({
  slots: z
    .string()
    .optional()
    .transform((value) => (value ? [...new Set(value.split(","))] : []))
    .pipe(z.array(z.uuid("must be slot ids separated by commas")).max(MAX_SLOTS, `must name at most ${MAX_SLOTS} slots`)),
  staffDay: venueDay().optional(),
});

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Server-Sent Events: `availability` for the listed slots and `cart` for the caller's cart,
 * whenever they change, from any server process; with `staffDay` (door and up), `slot` for each
 * of that venue day's slots with its counts, on every sale, hold, change and check-in. The current
 * state is sent first, so a reconnecting page is never behind. Streams are capped per client
 * address and per process.
 *
 * The day's slots are the ones it has when the stream opens: a slot added to the day later is
 * sent from the next reconnect (or reload) on, which is rare enough not to watch every slot's insert.
 */
export const GET = route(async ({ request, ctx }) => {
  const { slots: slotIds, staffDay } = parseQuery(request, query);
  const sheetSlotIds = staffDay ? await daySlotIds({ ctx: (await staffSession(request, ctx, "door")).ctx, input: { date: staffDay } }) : [];
  const owner = await cartOwnerOf(request.headers);
  const cartId = owner && (await findCartId(ctx.db, owner));
  const encoder = new TextEncoder();
  const release = openStream(addressKeyOf(request.headers));

  let cleanup = release;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const close = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      // Listen for the browser leaving before the await below, so a quick goodbye cannot leak a subscription.
      request.signal.addEventListener("abort", close);
      write("retry: 2000\n\n");
      try {
        // The hub sends the current state first, in order with every change after it.
        const unsubscribe = await hub().subscribe({ send: (event, data) => write(frame(event, data)), close }, { slotIds, cartId, sheetSlotIds });
        const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
        cleanup = () => {
          clearInterval(heartbeat);
          unsubscribe();
          release();
        };
        if (request.signal.aborted) close();
      } catch (error) {
        // A stream that failed to start is not left counted as open.
        cleanup();
        throw error;
      }
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
