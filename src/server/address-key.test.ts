import { describe, expect, it } from "vitest";
import { addressKey, storedAddress } from "./address-key";

describe("a client address as limits count it", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::ffff:cb00:7107", "203.0.113.7"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:0:0:0:ffff", "2001:db8:1:2::/64"],
    ["[2001:db8:1:2::5]", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["64:ff9b::192.0.2.1", "64:ff9b:0:0::/64"],
    ["", "unknown"],
    ["unknown", "unknown"],
  ])("%s → %s", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it("puts every address of one /64 together and the next /64 apart", () => {
    expect(addressKey("2001:db8:1:2::1")).toBe(addressKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(addressKey("2001:db8:1:2::1")).not.toBe(addressKey("2001:db8:1:3::1"));
  });

  it("is stored as a MAC, not as the address", () => {
    const stored = storedAddress("203.0.113.7");
    expect(stored).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(stored).toBe(storedAddress("203.0.113.7"));
    expect(stored).not.toBe(storedAddress("203.0.113.8"));
  });
});
