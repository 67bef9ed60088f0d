import { describe, expect, it } from "vitest";
import { messageIn } from "./error-message";

describe("messageIn", () => {
  it("keeps the thrown English sentence for English", () => {
    expect(messageIn("en", "insufficient_capacity", "Only 3 places left for 10:30.", { details: { available: 3 } })).toBe("Only 3 places left for 10:30.");
  });

  it("says the numbers the error carries in Hindi and Kannada, with the plural", () => {
    expect(messageIn("hi", "insufficient_capacity", "Only 3 places left for 10:30.", { details: { available: 3 } })).toBe("इस समय के लिए सिर्फ़ 3 जगहें बची हैं; कुछ नहीं बदला गया।");
    expect(messageIn("hi", "insufficient_capacity", "Only 1 place left for 10:30.", { details: { available: 1 } })).toContain("सिर्फ़ 1 जगह बची है");
    expect(messageIn("kn", "limit_exceeded", "At most 10 tickets per time slot in one order.", { details: { limit: 10 } })).toBe("ಇದು ಅನುಮತಿಸಿದ್ದಕ್ಕಿಂತ ಹೆಚ್ಚು: ಗರಿಷ್ಠ 10.");
    expect(messageIn("kn", "rate_limited", "Too many changes in a short time; try again in 7 s.", { headers: { "retry-after": "7" } })).toContain("7 ಸೆಕೆಂಡುಗಳ");
  });

  it("keeps English for a code the catalogue lacks or a number the error does not carry", () => {
    expect(messageIn("hi", "waitlist_full", "The waiting list is full.")).toBe("The waiting list is full.");
    expect(messageIn("kn", "insufficient_capacity", "Only 2 places left.")).toBe("Only 2 places left.");
  });

  it("says a chosen sentence instead of the code's when it is given one", () => {
    expect(messageIn("hi", "unauthenticated", "The email or password is not right.", { key: "wrong_password" })).toBe("ईमेल या पासवर्ड सही नहीं है।");
  });
});

