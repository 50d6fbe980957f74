/**
 * Header names and id formats the embed and server agree on.
 * The user token header is Whop's: its proxy injects it on same-origin requests
 * (in the local sandbox the embed attaches a sandbox token itself).
 * The context headers carry the id from the Whop view path the embed was opened on;
 * the server never trusts them for tenancy, it asks Whop what they belong to.
 */
export const USER_TOKEN_HEADER = 'x-whop-user-token';
export const EXPERIENCE_HEADER = 'x-whop-experience-id';
export const COMPANY_HEADER = 'x-whop-company-id';

export const EXPERIENCE_ID = /^exp_[A-Za-z0-9]{1,64}$/;
export const COMPANY_ID = /^biz_[A-Za-z0-9]{1,64}$/;
export const USER_ID = /^user_[A-Za-z0-9]{1,64}$/;
/** The longest of the three: `user_` and 64 characters. */
export const WHOP_ID_MAX = 'user_'.length + 64;
