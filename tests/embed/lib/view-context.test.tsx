import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiRequest } from '../../../embed/lib/api-client';
import { useViewContextHeaders, type ViewContext, viewContextHeaders } from '../../../embed/lib/view-context';
import { stubFetch } from '../support/fetch-stub';
import { render } from '../support/render';

describe('viewContextHeaders', () => {
  it('names the experience on the experience view and the company on the dashboard view', () => {
    expect(viewContextHeaders({ experienceId: 'exp_42' })).toEqual({ 'x-whop-experience-id': 'exp_42' });
    expect(viewContextHeaders({ companyId: 'biz_acme' })).toEqual({ 'x-whop-company-id': 'biz_acme' });
  });

  it('sends nothing for an id that is not a Whop id', () => {
    expect(viewContextHeaders({ experienceId: 'exp with space' })).toEqual({});
    expect(viewContextHeaders({ companyId: 'exp_42' })).toEqual({});
  });
});

/** A child that calls the API from its first effect, like every feature hook does. */
function FetchOnMount() {
  useEffect(() => {
    void apiRequest('/api/probe', { schema: z.object({}) });
  }, []);
  return null;
}

function View({ context }: { context: ViewContext }) {
  useViewContextHeaders(context);
  return <FetchOnMount />;
}

describe('useViewContextHeaders', () => {
  it("is in place before a child's first request, and gone after the view unmounts", async () => {
    const { calls } = stubFetch({ body: {} });
    const { unmount } = render(<View context={{ experienceId: 'exp_42' }} />);
    expect(calls[0]?.headers.get('x-whop-experience-id')).toBe('exp_42');
    expect(calls[0]?.headers.has('x-whop-company-id')).toBe(false);

    unmount();
    await apiRequest('/api/probe', { schema: z.object({}) });
    expect(calls[1]?.headers.has('x-whop-experience-id')).toBe(false);
  });

  it('switches the header when the view moves to another company', () => {
    const { calls } = stubFetch({ body: {} });
    const { rerender } = render(<View key="a" context={{ companyId: 'biz_a' }} />);
    rerender(<View key="b" context={{ companyId: 'biz_b' }} />);
    expect(calls.map((call) => call.headers.get('x-whop-company-id'))).toEqual(['biz_a', 'biz_b']);
  });
});
