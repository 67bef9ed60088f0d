import { checkoutRoute } from "@/server/http/checkout-route";

export const dynamic = "force-dynamic";

export const POST = checkoutRoute;
