/** ROME 4 job codes: a domain letter A–N and four digits (`K1303`). */
export const ROME_CODE = /^[A-N]\d{4}$/;
