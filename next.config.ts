import type { NextConfig } from "next";

const config: NextConfig = {
  // These keep one module instance (and so one pool, one registry) shared with the custom server.
  serverExternalPackages: ["pg", "pino", "prom-client"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
