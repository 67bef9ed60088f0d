import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const config: NextConfig = {
  // pg, pino and prom-client keep one module instance (and so one pool, one registry) shared with
  // the custom server; pdfkit reads its font files from beside its own module.
  serverExternalPackages: ["pg", "pino", "prom-client", "pdfkit", "nodemailer", "stripe", "razorpay"],
  poweredByHeader: false,
  reactStrictMode: true,
};

// next-intl finds each request's language and messages through src/i18n/request.ts.
export default createNextIntlPlugin("./src/i18n/request.ts")(config);
