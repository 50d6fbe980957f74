/** The header that carries the session's CSRF token on cookie-authenticated writes. */
export const CSRF_HEADER = 'x-chronos-csrf';
