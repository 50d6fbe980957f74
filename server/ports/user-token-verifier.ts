/** Verifies the `x-whop-user-token` JWT; resolves to the Whop user id or throws. */
export interface UserTokenVerifier {
  verify(token: string): Promise<{ userId: string }>;
}
