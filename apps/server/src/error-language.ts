/**
 * Error answers in the language the request asks for: the message follows `Accept-Language` (see
 * `accept-language.ts`), the status, code and every other field stay the same, and the answer says
 * which language it is in (`Content-Language`) and that it depends on the header (`Vary`).
 *
 * @example
 * const { error: shown, headers } = localizeError(error, c.req.header("accept-language"));
 */
import { negotiateLanguage } from "./accept-language.js";
import { translateErrorMessage } from "./error-messages-zh.js";
import { ApiError } from "./errors.js";

/** `error` with its message in the request's language, and the headers saying so. */
export function localizeError(
  error: ApiError,
  acceptLanguage: string | undefined,
): { error: ApiError; headers: Record<string, string> } {
  const language = negotiateLanguage(acceptLanguage);
  const headers = { "Content-Language": language, Vary: "Accept-Language" };
  if (language === "en") return { error, headers };
  return {
    error: new ApiError(error.status, error.code, translateErrorMessage(error), error.details),
    headers,
  };
}
