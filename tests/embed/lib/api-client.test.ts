import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDefaultHeaders, apiRequest, UNREACHABLE_MESSAGE } from '../../../embed/lib/api-client';
import { ApiError } from '../../../shared/api-error';
import { errorBody, stubFetch } from '../support/fetch-stub';

const Thing = z.object({ id: z.string(), count: z.number() });

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  let removeHeaders: (() => void) | undefined;
  afterEach(() => removeHeaders?.());

  it('fetches the same-origin path and returns the body parsed by the schema', async () => {
    const { calls } = stubFetch({ body: { id: 'v1', count: 2, extra: 'dropped' } });
    const result = await apiRequest('/api/things/v1', { schema: Thing });
    expect(result).toEqual({ id: 'v1', count: 2 });
    expect(calls[0]?.url).toBe('/api/things/v1');
    expect(calls[0]?.init?.method).toBe('GET');
    expect(calls[0]?.init?.credentials).toBe('same-origin');
  });

  it('sends a JSON body with its content type', async () => {
    const { calls } = stubFetch({ status: 201, body: { id: 'v2', count: 0 } });
    await apiRequest('/api/things', { method: 'POST', body: { title: 'Intro' }, schema: Thing });
    const init = calls[0]?.init;
    expect(init?.body).toBe('{"title":"Intro"}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('rebuilds the shared ApiError from an error body, keeping code, message and request id', async () => {
    stubFetch({ status: 429, body: errorBody('RATE_LIMITED', "You have used today's questions.", 'req_abc123') });
    const error = await rejection(apiRequest('/api/chat', { schema: Thing }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      message: "You have used today's questions.",
      requestId: 'req_abc123',
    });
    expect((error as ApiError).retryable).toBe(true);
  });

  it('maps an unknown error code to INTERNAL but keeps the request id', async () => {
    stubFetch({ status: 500, body: errorBody('SOMETHING_NEW', 'New failure', 'req_new') });
    const error = await rejection(apiRequest('/api/things', { schema: Thing }));
    expect(error).toMatchObject({ code: 'INTERNAL', message: 'New failure', requestId: 'req_new' });
  });

  it('falls back to the status for a body that is not ours, taking the request id from the header', async () => {
    stubFetch({ status: 503, body: '<html>Bad gateway</html>', headers: { 'x-request-id': 'req_from_header' } });
    const error = await rejection(apiRequest('/api/things', { schema: Thing }));
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', requestId: 'req_from_header' });
    expect((error as ApiError).message).toContain('HTTP 503');
  });

  it('turns a network failure into SERVICE_UNAVAILABLE', async () => {
    stubFetch('network-error');
    const error = await rejection(apiRequest('/api/things', { schema: Thing }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: UNREACHABLE_MESSAGE });
  });

  it('rejects a success body that does not match the schema', async () => {
    stubFetch({ body: { id: 42 }, headers: { 'x-request-id': 'req_bad_shape' } });
    const error = await rejection(apiRequest('/api/things', { schema: Thing }));
    expect(error).toMatchObject({ code: 'INTERNAL', requestId: 'req_bad_shape' });
  });

  it('rejects a success body that is not JSON', async () => {
    stubFetch({ body: 'not json' });
    const error = await rejection(apiRequest('/api/things', { schema: Thing }));
    expect(error).toMatchObject({ code: 'INTERNAL' });
  });

  it('accepts a listed non-2xx status whose body matches the schema', async () => {
    stubFetch({ status: 503, body: { id: 'degraded', count: 0 } });
    await expect(apiRequest('/api/things', { schema: Thing, answerStatuses: [503] })).resolves.toEqual({
      id: 'degraded',
      count: 0,
    });
  });

  it('still reports an error body on a listed status', async () => {
    stubFetch({ status: 503, body: errorBody('UPSTREAM_UNAVAILABLE', 'Down', 'req_down') });
    const error = await rejection(apiRequest('/api/things', { schema: Thing, answerStatuses: [503] }));
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', requestId: 'req_down' });
  });

  it('adds default headers from registered providers, read per request; per-request headers win', async () => {
    let token = 'first';
    removeHeaders = addDefaultHeaders(() => ({ 'x-whop-user-token': token, 'x-whop-experience-id': 'exp_1' }));
    const { calls } = stubFetch({ body: { id: 'a', count: 1 } });

    await apiRequest('/api/things', { schema: Thing });
    token = 'second';
    await apiRequest('/api/things', { schema: Thing, headers: { 'x-whop-experience-id': 'exp_2' } });

    const first = new Headers(calls[0]?.init?.headers);
    const second = new Headers(calls[1]?.init?.headers);
    expect(first.get('x-whop-user-token')).toBe('first');
    expect(second.get('x-whop-user-token')).toBe('second');
    expect(second.get('x-whop-experience-id')).toBe('exp_2');

    removeHeaders();
    await apiRequest('/api/things', { schema: Thing });
    expect(new Headers(calls[2]?.init?.headers).has('x-whop-user-token')).toBe(false);
  });

  it('lets an aborted request fail as an abort, not as an outage', async () => {
    stubFetch('network-error');
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(apiRequest('/api/things', { schema: Thing, signal: controller.signal }));
    expect(error).not.toBeInstanceOf(ApiError);
  });

  it('refuses absolute URLs so the Whop token never leaves the origin', async () => {
    const { fetchMock } = stubFetch({ body: {} });
    await expect(apiRequest('https://evil.example/api', { schema: Thing })).rejects.toThrow(TypeError);
    await expect(apiRequest('//evil.example/api', { schema: Thing })).rejects.toThrow(TypeError);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
