import { config } from "../config";
import { HttpError } from "../http/http-error";
import { processSingleton } from "../shared";

// Browsers retry a refused EventSource only when told; a page works without live updates meanwhile.
const RETRY_AFTER_SECONDS = "30";

/**
 * Counts an event stream as open for this process, per client address and in all, or refuses it:
 * each open stream holds a connection and memory for as long as it lasts, so one client must not
 * be able to open thousands (429), nor all clients together more than the process can carry (503).
 * Returns the release, safe to call more than once.
 */
export function openStream(address: string): () => void {
  const open = processSingleton("event-streams", () => ({ total: 0, byAddress: new Map<string, number>() }));
  const { maxEventStreams, maxEventStreamsPerAddress } = config();
  const mine = open.byAddress.get(address) ?? 0;
  if (mine >= maxEventStreamsPerAddress) {
    throw new HttpError("rate_limited", `Your network already has ${mine} live update streams open; close some tabs and try again.`, { "retry-after": RETRY_AFTER_SECONDS });
  }
  if (open.total >= maxEventStreams) {
    throw new HttpError("busy", "The server is following as many pages live as it can; this page will update when you reload it.", { "retry-after": RETRY_AFTER_SECONDS });
  }
  open.total++;
  open.byAddress.set(address, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    open.total--;
    const left = open.byAddress.get(address)! - 1;
    if (left === 0) open.byAddress.delete(address);
    else open.byAddress.set(address, left);
  };
}
