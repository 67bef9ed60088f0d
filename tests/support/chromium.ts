import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

export type Chromium = { executablePath: string; source: "CHROMIUM_PATH" | "system" | "npm"; env?: Record<string, string> };

const root = path.resolve(import.meta.dirname, "../..");

/**
 * The Chromium the e2e tests drive: `CHROMIUM_PATH` if set, else Debian's (`CHROMIUM_SYSTEM_PATH`,
 * /usr/bin/chromium, named only so a run can prove the next step where it exists), else the one
 * inside the @sparticuz/chromium dev dependency, so `npm test` needs no system package.
 */
export async function findChromium(env: Record<string, string | undefined> = process.env): Promise<Chromium> {
  if (env.CHROMIUM_PATH) {
    if (!fs.existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.`);
    return { executablePath: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
  }
  const system = env.CHROMIUM_SYSTEM_PATH ?? "/usr/bin/chromium";
  if (fs.existsSync(system)) return { executablePath: system, source: "system" };
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error("No Chromium found: the one from npm is for Linux x64 only. Set CHROMIUM_PATH to a Chromium or Chrome executable.");
  }
  return npmChromium(env);
}

/**
 * Unpacks @sparticuz/chromium (a headless shell built for AWS Lambda) once into `.tmp/`, with the
 * NSS and expat libraries and the font it carries, which a bare Linux may lack.
 */
async function npmChromium(env: Record<string, string | undefined>): Promise<Chromium> {
  const entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  const bin = path.resolve(path.dirname(entry), "../bin");
  const { version } = JSON.parse(fs.readFileSync(path.resolve(path.dirname(entry), "../package.json"), "utf8")) as { version: string };
  const dir = path.join(root, ".tmp", `chromium-${version}`);
  const done = path.join(dir, ".unpacked");
  if (!fs.existsSync(done)) {
    // The package unpacks into os.tmpdir(); pointed at a directory of our own, an interrupted unpack cannot be taken for a whole one.
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    try {
      const { default: chromium, inflate } = await import("@sparticuz/chromium");
      await chromium.executablePath(bin);
      await inflate(path.join(bin, "al2023.tar.br"));
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    fs.writeFileSync(path.join(dir, "fonts.conf"), `<?xml version="1.0"?>\n<fontconfig><dir>${path.join(dir, "fonts")}</dir><cachedir>${path.join(dir, "fonts-cache")}</cachedir></fontconfig>\n`);
    fs.writeFileSync(done, "");
  }
  const libraries = path.join(dir, "al2023", "lib");
  return {
    executablePath: path.join(dir, "chromium"),
    source: "npm",
    env: { LD_LIBRARY_PATH: [libraries, env.LD_LIBRARY_PATH].filter(Boolean).join(":"), FONTCONFIG_FILE: path.join(dir, "fonts.conf") },
  };
}
