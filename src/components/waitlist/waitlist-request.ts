/** Posts to a waiting-list route: the parsed answer, or the message for people when there is none. */
export async function waitlistRequest<T>(path: string, body: unknown, messages: { network: string; generic: string }): Promise<{ ok: true; answer: T } | { ok: false; message: string; fields?: Record<string, string> }> {
  try {
    const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const answer = (await response.json().catch(() => ({}))) as T & { error?: { message: string; fields?: Record<string, string> } };
    if (response.ok) return { ok: true, answer };
    return { ok: false, message: answer.error?.message ?? messages.generic, fields: answer.error?.fields };
  } catch {
    return { ok: false, message: messages.network };
  }
}
