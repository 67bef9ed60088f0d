import { describe, expect, it } from "vitest";
import { messagesFor } from "./catalog";
import { LOCALES } from "./locales";

type Tree = { [key: string]: string | Tree };

/** Every message as "namespace.key" → its ICU arguments ("{count}", "{when}"), sorted. */
function keysAndArguments(tree: Tree, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(path, [...new Set(value.match(/\{\s*\w+/g)?.map((name) => name.replace(/[{\s]/g, "")) ?? [])].sort().join(","));
    else for (const [inner, args] of keysAndArguments(value, path)) found.set(inner, args);
  }
  return found;
}

describe("the message catalogue", () => {
  const english = keysAndArguments(messagesFor("en") as unknown as Tree);

  it.each(LOCALES.filter((locale) => locale !== "en"))("has in %s exactly English's messages, each with the same arguments", (locale) => {
    const translated = keysAndArguments(messagesFor(locale) as unknown as Tree);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, args] of english) expect({ key, args: translated.get(key) }).toEqual({ key, args });
  });

  it.each(LOCALES.filter((locale) => locale !== "en"))("leaves no %s message empty or still in English", (locale) => {
    const translated = keysAndArguments(messagesFor(locale) as unknown as Tree);
    const flat = (tree: Tree, path: string): string => path.split(".").reduce<string | Tree>((node, key) => (node as Tree)[key]!, tree) as string;
    for (const key of english.keys()) {
      const text = flat(messagesFor(locale) as unknown as Tree, key);
      expect(text.trim(), key).not.toBe("");
      // A message with any words in it is in the language's own script, not English copied over.
      if (/[A-Za-z]{3,}/.test(flat(messagesFor("en") as unknown as Tree, key).replace(/\{[^}]*\}/g, ""))) expect(text, key).toMatch(locale === "hi" ? /[\u0900-\u097F]/ : /[\u0C80-\u0CFF]/);
    }
    expect(translated.size).toBe(english.size);
  });
});
