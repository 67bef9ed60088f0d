"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import type { Availability } from "@/domain/availability/slot-availability";
import type { Cart, CartItem } from "@/domain/cart/cart-view";
import { cartRequest } from "./api";

type Listener = (availability: Availability) => void;

type CartContextValue = {
  cart: Cart;
  /** Replaces the cart with the server's answer. */
  setCart: (cart: Cart) => void;
  /** Shows lines at once while `work` asks the server; they vanish again unless the server keeps them. */
  withPendingLines: (lines: CartItem[], work: () => Promise<void>) => void;
  pending: boolean;
  /** Slots whose availability this page wants pushed; `onAvailability` hears about them. */
  watchSlots: (slotIds: string[]) => void;
  onAvailability: (listener: Listener) => () => void;
};

const CartContext = createContext<CartContextValue | null>(null);

export function useCart(): CartContextValue {
  const value = useContext(CartContext);
  if (!value) throw new Error("useCart needs a CartProvider");
  return value;
}

const withLines = (cart: Cart, lines: CartItem[]): Cart => ({
  ...cart,
  items: [...cart.items, ...lines],
  itemCount: cart.itemCount + lines.reduce((sum, line) => sum + line.quantity, 0),
});

export function CartProvider({ initialCart, children }: { initialCart: Cart; children: React.ReactNode }) {
  const [cart, setCart] = useState(initialCart);
  const [shown, addPending] = useOptimistic(cart, withLines);
  const [pending, startTransition] = useTransition();
  const [watched, setWatched] = useState("");
  const listeners = useRef(new Set<Listener>());
  const router = useRouter();

  // A page shown again from the back/forward cache shows the cart and orders as they were when it
  // was left (Back from the payment page: before checkout emptied the cart): ask for both again.
  useEffect(() => {
    const restored = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      router.refresh();
      void fetch("/api/cart")
        .then((response) => response.json() as Promise<{ cart?: Cart }>)
        .then(({ cart }) => cart && setCart(cart), () => undefined);
    };
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, [router]);

  // A page shown again by Back or Forward (kept whole in the back/forward cache, or reloaded from
  // the browser's cache) was rendered with the cart as it was then: ask for the cart as it is now.
  const [shownAgain, setShownAgain] = useState(0);
  useEffect(() => {
    const refresh = () => cartRequest("GET", "/api/cart").then(setCart, () => {});
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    if (navigation?.type === "back_forward") void refresh();
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      setShownAgain((count) => count + 1);
      void refresh();
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, []);

  // One stream per page: the cart (from any tab or device) and the watched slots. It is opened
  // again once a first add has given this visitor a cart, and browsers reconnect it by themselves.
  // It is closed while the page sits in the back/forward cache and opened again (sending the
  // current state first) when the page is shown.
  const hasCart = cart.id !== null;
  useEffect(() => {
    const source = new EventSource(`/api/events${watched ? `?slots=${watched}` : ""}`);
    source.addEventListener("cart", (event) => setCart((JSON.parse((event as MessageEvent<string>).data) as { cart: Cart }).cart));
    source.addEventListener("availability", (event) => {
      const availability = JSON.parse((event as MessageEvent<string>).data) as Availability;
      for (const listener of listeners.current) listener(availability);
    });
    const close = () => source.close();
    window.addEventListener("pagehide", close);
    return () => {
      window.removeEventListener("pagehide", close);
      source.close();
    };
  }, [watched, hasCart, shownAgain]);

  const withPendingLines = useCallback(
    (lines: CartItem[], work: () => Promise<void>) =>
      startTransition(async () => {
        addPending(lines);
        await work();
      }),
    [addPending],
  );
  const watchSlots = useCallback((slotIds: string[]) => setWatched([...slotIds].sort().join(",")), []);
  const onAvailability = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => void listeners.current.delete(listener);
  }, []);

  const value = useMemo(() => ({ cart: shown, setCart, withPendingLines, pending, watchSlots, onAvailability }), [shown, withPendingLines, pending, watchSlots, onAvailability]);
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}
