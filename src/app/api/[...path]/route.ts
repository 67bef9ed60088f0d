import { messageIn } from "@/server/http/error-message";
import { errorResponse } from "@/server/http/errors";
import { requestIdOf } from "@/server/http/request-id";
import { requestLocale } from "@/server/http/request-locale";

export const dynamic = "force-dynamic";

// Unknown API paths answer in API.md's error shape rather than with the HTML 404 page.
const notFound = (request: Request) => errorResponse("not_found", messageIn(requestLocale(request.headers), "not_found", "There is no such API route."), requestIdOf(request));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
