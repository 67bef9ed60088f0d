import { createRequire } from "node:module";
import path from "node:path";

/** The scripts a ticket's text can be in, each with the font that draws it (regular and bold). */
export type Script = "latin" | "devanagari" | "kannada";

// Resolved from the app's root like any dependency, so the path holds in the Next.js build too.
const fromApp = createRequire(path.join(process.cwd(), "package.json"));
const noto = (family: string, subset: string, weight: 400 | 700) => fromApp.resolve(`@fontsource/${family}/files/${family}-${subset}-${weight}-normal.woff`);

/**
 * PDFKit's own Helvetica for Latin text (it has no Indic glyphs), Noto Sans (SIL Open Font
 * Licence) for Devanagari and Kannada: fontkit reads the WOFF files and shapes their conjuncts and
 * vowel signs. Only each script's subset is embedded, and only the glyphs a PDF uses.
 */
export const SCRIPT_FONTS: Record<Exclude<Script, "latin">, { regular: string; bold: string }> = {
  devanagari: { regular: noto("noto-sans-devanagari", "devanagari", 400), bold: noto("noto-sans-devanagari", "devanagari", 700) },
  kannada: { regular: noto("noto-sans-kannada", "kannada", 400), bold: noto("noto-sans-kannada", "kannada", 700) },
};

// The danda (।) and the rupee sign are in the Devanagari block or font; ZWJ and ZWNJ shape the script around them.
const DEVANAGARI = /[\u0900-\u097F\u1CD0-\u1CFF\uA8E0-\uA8FF\u20B9]/;
const KANNADA = /[\u0C80-\u0CFF]/;
const JOINER = /[\s\u200C\u200D]/;

const scriptOf = (character: string): Script | undefined => (DEVANAGARI.test(character) ? "devanagari" : KANNADA.test(character) ? "kannada" : JOINER.test(character) ? undefined : "latin");

/**
 * `text` cut into runs of one script each, so each is drawn with a font that has its glyphs: an
 * English title beside Hindi labels, a Kannada name beside a Latin order number. Spaces and
 * joiners stay with the run they are in.
 */
export function scriptRuns(text: string): { script: Script; text: string }[] {
  const runs: { script: Script; text: string }[] = [];
  for (const character of text) {
    const script = scriptOf(character) ?? runs.at(-1)?.script ?? "latin";
    const last = runs.at(-1);
    if (last?.script === script) last.text += character;
    else runs.push({ script, text: character });
  }
  return runs;
}
