"use client";

import { doorStorage } from "./door-storage";

const CACHE = "door-v1";

/**
 * Installs the door's service worker (public/door-sw.js) and stores the page and the scripts it
 * loaded now: the worker only sees requests made after it took control, and a reload without a
 * network needs this very page's files. True once both are in place: until then a reload without a
 * network finds no page, so the scanner says so rather than let staff believe it is ready.
 */
export async function keepDoorOffline(): Promise<boolean> {
  if (!("serviceWorker" in navigator) || !("caches" in window)) return false;
  await navigator.serviceWorker.register("/door-sw.js", { scope: "/staff/door" });
  const assets = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith("/_next/static/"))
    .map((url) => url.pathname + url.search);
  const cache = await caches.open(CACHE);
  await Promise.all([cache.add(location.pathname), ...[...new Set(assets)].map((asset) => cache.match(asset).then((hit) => (hit ? undefined : cache.add(asset))))]);
  await navigator.serviceWorker.ready;
  return true;
}

/**
 * Forgets, at sign-out, what this device kept of the door: the page (offline, the worker would show
 * it to the next person, with no session) and the day's lists with the key, so a scanner signed out
 * cannot admit anyone. Scans admitted offline and not yet uploaded stay: they are admissions, and
 * the next door account to sign in here uploads them.
 */
export async function forgetDoorDevice() {
  doorStorage.forgetLists();
  if ("caches" in globalThis) await caches.delete(CACHE);
}
