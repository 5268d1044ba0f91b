/**
 * Personal data never reaches the logs: these keys are replaced wherever they appear, and any string that looks like
 * a NIR (13 or 15 characters, Corsica included) is masked even inside free text.
 */
export const REDACTED_KEYS = [
  'nir',
  'nirHash',
  'nirEncrypted',
  'lastName',
  'birthName',
  'usualName',
  'firstName',
  'firstNames',
  'given_name',
  'usual_name',
  'family_name',
  'birthDate',
  'email',
  'phone',
  'address',
  'authorization',
  'cookie',
  'password',
  'body',
  'payload',
  'variables',
] as const;

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  // The admin sign-in answers with the token in its session cookie.
  'res.headers["set-cookie"]',
  ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

const NIR_PATTERN = /\b[1-478]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2[AaBb])\s?\d{3}\s?\d{3}(?:\s?\d{2})?\b/g;

export function maskNirInText(text: string): string {
  return text.replace(NIR_PATTERN, '[NIR]');
}

const URL_SECRET_PARAMETERS = /([?&](?:token|access_token)=)[^&#]*/gi;

/** A request URL fit for a log line: tokens passed as query parameters (`/admin/login?token=…`) are masked. */
export function redactUrl(url: string): string {
  return url.replace(URL_SECRET_PARAMETERS, '$1[REDACTED]');
}
