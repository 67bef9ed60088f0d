import type { Messages } from "./catalog";
import type { Locale } from "./locales";

// Types next-intl's t("…") keys and useLocale() against our catalogue (next-intl's AppConfig).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
