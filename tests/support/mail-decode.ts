import { mailText } from "./mail-files";

// RFC 2047 encoded words, adjacent ones joined first: a long subject is split into several, at byte boundaries.
function decodeWords(header: string): string {
  return header.replace(/(=\?utf-8\?[bq]\?[^?]*\?=[ \t]*)+/gi, (run) => {
    const bytes = [...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, encoding, text]) =>
      encoding!.toUpperCase() === "B" ? Buffer.from(text!, "base64") : Buffer.from(mailText(text!.replace(/_/g, " ")), "utf8"),
    );
    return Buffer.concat(bytes).toString("utf8") + (/[ \t]$/.test(run) ? " " : "");
  });
}

const decodeBody = (encoding: string | undefined, body: string) => (encoding?.toLowerCase() === "base64" ? Buffer.from(body.replace(/\s/g, ""), "base64").toString("utf8") : mailText(body));

/**
 * A mail file as a person reads it: its headers unfolded with encoded words decoded, then its text
 * (the message's own, or its first text/plain part) whatever transfer encoding nodemailer chose —
 * base64 for text mostly outside ASCII, such as Hindi or Kannada.
 */
export function decodedMail(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, " ");
  const rest = raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers = decodeWords(head);
  const encodingOf = (block: string) => /^Content-Transfer-Encoding:\s*(\S+)/im.exec(block)?.[1];
  if (/^Content-Type:\s*text\/plain/im.test(head)) return `${headers}\n\n${decodeBody(encodingOf(head), rest)}`;
  const part = /Content-Type:\s*text\/plain[^\n]*\r?\n((?:[^\r\n]+\r?\n)*?)\r?\n([\s\S]*?)\r?\n--/i.exec(rest);
  return `${headers}\n\n${part ? decodeBody(encodingOf(part[1]!), part[2]!) : rest}`;
}
