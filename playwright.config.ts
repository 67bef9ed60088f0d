import { defineConfig, devices } from "@playwright/test";
import { findChromium } from "./tests/support/chromium";

const chromium = await findChromium();

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium.executablePath,
      env: chromium.env && { ...process.env, ...chromium.env },
      // Root in CI needs --no-sandbox; the rest keeps Chromium off the (absent) network.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  // Every spec runs on a desktop; the visitors' own (tests/e2e/visitor/) run on a phone as well.
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /visitor\/.*\.spec\.ts/ },
  ],
});
