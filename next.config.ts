import type { NextConfig } from "next";

const config: NextConfig = {
  // pg, pino and prom-client keep one module instance (and so one pool, one registry) shared with
  // the custom server; pdfkit reads its font files from beside its own module.
  serverExternalPackages: ["pg", "pino", "prom-client", "pdfkit", "nodemailer", "stripe", "razorpay"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
