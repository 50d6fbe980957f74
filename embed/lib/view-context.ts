import { createContext, useContext, useLayoutEffect, useMemo } from 'react';
import { COMPANY_HEADER, COMPANY_ID, EXPERIENCE_HEADER, EXPERIENCE_ID } from '../../shared/whop-context';
import { addDefaultHeaders } from './api-client';

/**
 * Which Whop view the embed was opened as, from the route: the experience view carries
 * the experience id, the dashboard view the company id. Every API call sends it, so the
 * server knows which community the user token is being used for.
 */
export type ViewContext = { experienceId: string } | { companyId: string };

/** The context header for this view; an id that is not a Whop id is not sent. */
export function viewContextHeaders(context: ViewContext): Record<string, string> {
  if ('experienceId' in context) {
    return EXPERIENCE_ID.test(context.experienceId) ? { [EXPERIENCE_HEADER]: context.experienceId } : {};
  }
  return COMPANY_ID.test(context.companyId) ? { [COMPANY_HEADER]: context.companyId } : {};
}

/**
 * Adds this view's context header to every API call while the view is mounted.
 * A layout effect on purpose: React runs every layout effect before any passive effect,
 * so the header is in place before the first request a child's `useEffect` makes.
 */
export function useViewContextHeaders(context: ViewContext): void {
  const [name, value] = Object.entries(viewContextHeaders(context))[0] ?? [];
  useLayoutEffect(() => {
    if (name === undefined || value === undefined) return undefined;
    return addDefaultHeaders(() => ({ [name]: value }));
  }, [name, value]);
}

const ViewContextScope = createContext<ViewContext | undefined>(undefined);

/**
 * Hands the view's context to the queries below it. Views render it around everything they
 * show, beside `useViewContextHeaders`, so a query key always names the tenancy its request
 * carried in a header: two views (two communities, or a student and a creator) never share
 * a cache entry.
 */
export const ViewContextProvider = ViewContextScope.Provider;

/** A query key that starts with the view's context: `['experience', 'exp_…', ...parts]`. */
export function viewQueryKey(context: ViewContext | undefined, ...parts: readonly unknown[]): readonly unknown[] {
  if (context === undefined) return ['no-view', ...parts];
  return 'experienceId' in context
    ? ['experience', context.experienceId, ...parts]
    : ['company', context.companyId, ...parts];
}

/** `viewQueryKey` for the view this component is rendered in; the same array while nothing in it changes. */
export function useViewQueryKey(...parts: readonly unknown[]): readonly unknown[] {
  const context = useContext(ViewContextScope);
  const hash = JSON.stringify(parts);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the parts are identified by their JSON (a new array each call)
  return useMemo(() => viewQueryKey(context, ...parts), [context, hash]);
}
