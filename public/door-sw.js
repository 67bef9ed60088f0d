// The door's service worker (scope /staff/door): the scanner page keeps loading without a network.
// The page itself: network first, the last copy when offline. Next's built files (their names
// change with each build): from the cache first. Everything else, the API included, is not touched.
const CACHE = "door-v1";
const PAGE = "/staff/door";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && url.pathname === PAGE) event.respondWith(pageFirstFromNetwork(request));
  else if (url.pathname.startsWith("/_next/static/")) event.respondWith(fromCacheFirst(request));
});

async function pageFirstFromNetwork(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // A redirect (to sign in), an error or a refusal is not the scanner: keep the last good copy.
    if (response.ok && !response.redirected && !(await isRefusal(response))) await cache.put(PAGE, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(PAGE);
    if (kept) return kept;
    throw error;
  }
}

// An account that may not use the door (signed in on a shared device) gets the console's refusal,
// with 200: kept, it would replace the scanner that a door account needs offline.
async function isRefusal(response) {
  return (await response.clone().text()).includes('data-testid="staff-refused"');
}

async function fromCacheFirst(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
