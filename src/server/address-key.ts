import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { derivedKey } from "./config";

/** The eight 16-bit groups of an IPv6 address, "::" expanded and a dotted IPv4 tail turned into two groups. */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(address)?.[1];
  let text = address;
  if (dotted) {
    const [a, b, c, d] = dotted.split(".").map(Number) as [number, number, number, number];
    text = `${address.slice(0, -dotted.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::") as [string, string | undefined];
  const part = (side: string | undefined) => (side ? side.split(":").map((group) => parseInt(group, 16)) : []);
  const front = part(head);
  const back = part(tail);
  return tail === undefined ? front : [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * Who a client is, for counting: an IPv4 address as it is; an IPv6 address by its /64, because
 * one subscriber is routinely given a whole /64 and could otherwise take a fresh address for every
 * request. An IPv4 address written as IPv6 (::ffff:a.b.c.d) counts as that IPv4 address.
 */
export function addressKey(address: string): string {
  const bare = address.trim().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return bare || "unknown";
  const groups = ipv6Groups(bare.toLowerCase());
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}

/**
 * An addressKey as the database keeps it, to count what one address holds: a MAC, so that
 * the table of carts is not a log of visitors' addresses, and the same in every server process.
 */
export const storedAddress = (key: string): string => createHmac("sha256", derivedKey("client-address")).update(key).digest("base64url").slice(0, 22);
