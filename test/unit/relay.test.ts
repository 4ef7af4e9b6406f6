import { localizeErrors } from '../../src/graphql/errors';
import { GraphQLError } from 'graphql';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  localIdOf,
  toConnection,
  toGlobalId,
  toPage,
  toPageRequest,
  type ConnectionArgs,
  type PageRequest,
} from '../../src/graphql/relay';

const STATION_UUID = '3f2b8c1e-9d4a-4b7e-8f21-6a5c0d9e1b47';
const CIRCLE_UUID = '0a1b2c3d-4e5f-4a6b-9c8d-7e6f5a4b3c2d';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Runs fn and returns the GraphQLError it throws (fails the test if it does not throw one). */
function badInputOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return error as GraphQLError;
  }
  throw new Error('expected a BAD_USER_INPUT GraphQLError, nothing was thrown');
}

describe('global ids', () => {
  it('are base64url of "Type:localId"', () => {
    expect(toGlobalId('Region', 42)).toBe(b64('Region:42'));
    expect(toGlobalId('Station', STATION_UUID)).toBe(b64(`Station:${STATION_UUID}`));
    expect(toGlobalId('Region', 42)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['Station', STATION_UUID],
    ['ServiceCircle', CIRCLE_UUID],
    ['Region', '1'],
    ['Region', '42'],
    ['Region', '999999999'],
  ] as const)('round-trip %s %s', (type, localId) => {
    expect(fromGlobalId(toGlobalId(type, localId))).toEqual({ type, localId });
  });

  it('round-trips a numeric Region id as a string', () => {
    expect(fromGlobalId(toGlobalId('Region', 420602))).toEqual({ type: 'Region', localId: '420602' });
  });

  it('gives different types different ids for the same local id', () => {
    expect(toGlobalId('Station', STATION_UUID)).not.toBe(toGlobalId('ServiceCircle', STATION_UUID));
  });

  it.each([
    ['empty', ''],
    ['too short', 'abc'],
    ['not base64 (contains * and spaces)', 'not base64 **'],
    ['standard base64 padding', `${b64('Region:42')}==`],
    ['standard base64 "+" "/"', 'U3+/aW9uOjQy'],
    ['unknown type', b64('User:42')],
    ['lower-case type', b64('region:42')],
    ['no separator', b64('Region42')],
    ['empty local id', b64('Region:')],
    ['Station with a non-uuid id', b64('Station:42')],
    ['Station with an upper-case uuid', b64(`Station:${STATION_UUID.toUpperCase()}`)],
    ['Station with a uuid plus junk', b64(`Station:${STATION_UUID}x`)],
    ['ServiceCircle with a non-uuid id', b64('ServiceCircle:abc')],
    ['Region 0', b64('Region:0')],
    ['Region abc', b64('Region:abc')],
    ['Region with leading zero', b64('Region:042')],
    ['Region negative', b64('Region:-1')],
    ['Region too long', b64('Region:1234567890')],
    ['Region with a newline', b64('Region:42\n')],
    ['a plain uuid', STATION_UUID.replace(/-/g, '')],
    ['way too long', 'A'.repeat(201)],
  ])('rejects %s', (_label, globalId) => {
    expect(fromGlobalId(globalId)).toBeNull();
  });

  it('rejects an id with a character flipped', () => {
    const id = toGlobalId('Station', STATION_UUID);
    const tampered = (id[0] === 'A' ? 'B' : 'A') + id.slice(1);
    expect(fromGlobalId(tampered)).toBeNull();
    const truncated = id.slice(0, -3);
    expect(fromGlobalId(truncated)).toBeNull();
  });

  it('localIdOf returns the local id only for the expected type', () => {
    const station = toGlobalId('Station', STATION_UUID);
    const region = toGlobalId('Region', 7);
    expect(localIdOf(station, 'Station')).toBe(STATION_UUID);
    expect(localIdOf(station, 'Region')).toBeNull();
    expect(localIdOf(station, 'ServiceCircle')).toBeNull();
    expect(localIdOf(region, 'Region')).toBe('7');
    expect(localIdOf(region, 'Station')).toBeNull();
    expect(localIdOf('garbage!', 'Station')).toBeNull();
  });
});

describe('cursors', () => {
  it('encode/decode round trip', () => {
    const values = ['2024-05-01T08:00:00.000Z', STATION_UUID, 3, null];
    expect(decodeCursor(encodeCursor(values), 4)).toEqual(values);
  });

  it('rejects a cursor of the wrong arity', () => {
    const error = badInputOf(() => decodeCursor(encodeCursor(['a', 'b']), 3));
    expect(error.extensions.field).toBe('cursor');
  });

  it.each(['garbage', '!!!', b64('{"a":1}'), b64('"x"'), b64('[1,2'), ''])('rejects cursor %p', (cursor) => {
    badInputOf(() => decodeCursor(cursor, 2));
  });
});

describe('toPageRequest', () => {
  it('defaults to the first 20 forward', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(MAX_PAGE_SIZE).toBe(100);
    expect(toPageRequest({}, 2)).toEqual({ backward: false, size: 20, cursor: null });
  });

  it('takes first', () => {
    expect(toPageRequest({ first: 1 }, 2)).toEqual({ backward: false, size: 1, cursor: null });
    expect(toPageRequest({ first: 100 }, 2)).toEqual({ backward: false, size: 100, cursor: null });
  });

  it('takes last (backward)', () => {
    expect(toPageRequest({ last: 5 }, 2)).toEqual({ backward: true, size: 5, cursor: null });
    expect(toPageRequest({ last: 100 }, 2)).toEqual({ backward: true, size: 100, cursor: null });
  });

  it('decodes after with first (forward) and before with last (backward)', () => {
    const cursor = encodeCursor(['name', STATION_UUID]);
    expect(toPageRequest({ first: 10, after: cursor }, 2)).toEqual({ backward: false, size: 10, cursor: ['name', STATION_UUID] });
    expect(toPageRequest({ last: 10, before: cursor }, 2)).toEqual({ backward: true, size: 10, cursor: ['name', STATION_UUID] });
    expect(toPageRequest({ after: cursor }, 2)).toEqual({ backward: false, size: 20, cursor: ['name', STATION_UUID] });
    expect(toPageRequest({ before: cursor }, 2)).toEqual({ backward: true, size: 20, cursor: ['name', STATION_UUID] });
  });

  it.each<[string, ConnectionArgs, string]>([
    ['first 0', { first: 0 }, 'first'],
    ['first -1', { first: -1 }, 'first'],
    ['first 101', { first: 101 }, 'first'],
    ['last 0', { last: 0 }, 'last'],
    ['last 101', { last: 101 }, 'last'],
    ['last -5', { last: -5 }, 'last'],
  ])('rejects %s', (_label, args, field) => {
    const error = badInputOf(() => toPageRequest(args, 2));
    expect(error.extensions.field).toBe(field);
    // Chinese until the request's language is known; then in it.
    expect(error.message).toMatch(/须在 1 至 100 之间/);
    localizeErrors([error], 'en');
    expect(error.message).toMatch(/between 1 and 100/);
  });

  it('rejects first and last together', () => {
    const error = badInputOf(() => toPageRequest({ first: 5, last: 5 }, 2));
    localizeErrors([error], 'en');
    expect(error.message).toMatch(/either `first` or `last`/);
  });

  it('rejects after and before together', () => {
    const c = encodeCursor(['a', 'b']);
    const error = badInputOf(() => toPageRequest({ after: c, before: c }, 2));
    localizeErrors([error], 'en');
    expect(error.message).toMatch(/either `after` or `before`/);
    badInputOf(() => toPageRequest({ first: 3, after: c, before: c }, 2));
  });

  it('rejects mixed directions (first+before, last+after)', () => {
    const c = encodeCursor(['a', 'b']);
    expect(badInputOf(() => toPageRequest({ first: 3, before: c }, 2)).extensions.field).toBe('before');
    expect(badInputOf(() => toPageRequest({ last: 3, after: c }, 2)).extensions.field).toBe('after');
  });

  it('rejects a garbage cursor and a cursor of another arity', () => {
    expect(badInputOf(() => toPageRequest({ first: 3, after: 'garbage' }, 2)).extensions.field).toBe('cursor');
    badInputOf(() => toPageRequest({ last: 3, before: '%%%' }, 2));
    badInputOf(() => toPageRequest({ after: encodeCursor(['only one']) }, 2));
  });

  it('treats null like absent', () => {
    const args = { first: null, last: null, after: null, before: null } as unknown as ConnectionArgs;
    expect(toPageRequest(args, 1)).toEqual({ backward: false, size: 20, cursor: null });
  });
});

describe('toPage', () => {
  const rows = (...ids: number[]) => ids.map((id) => ({ id }));
  const cursorOf = (row: { id: number }) => [row.id];
  const count = async () => 123;
  const req = (backward: boolean, size: number, cursor: unknown[] | null = null): PageRequest => ({ backward, size, cursor });

  it('forward, first page, more rows: trims the extra row, hasNextPage only', () => {
    const page = toPage(rows(1, 2, 3, 4), req(false, 3), cursorOf, count);
    expect(page.nodes).toEqual(rows(1, 2, 3));
    expect(page.hasNextPage).toBe(true);
    expect(page.hasPreviousPage).toBe(false);
    expect(page.cursors).toEqual([encodeCursor([1]), encodeCursor([2]), encodeCursor([3])]);
  });

  it('forward, first page, exactly size rows: no next page', () => {
    const page = toPage(rows(1, 2, 3), req(false, 3), cursorOf, count);
    expect(page.nodes).toEqual(rows(1, 2, 3));
    expect(page.hasNextPage).toBe(false);
    expect(page.hasPreviousPage).toBe(false);
  });

  it('forward after a cursor: hasPreviousPage', () => {
    const page = toPage(rows(4, 5), req(false, 3, [3]), cursorOf, count);
    expect(page.nodes).toEqual(rows(4, 5));
    expect(page.hasNextPage).toBe(false);
    expect(page.hasPreviousPage).toBe(true);
  });

  it('forward after a cursor with more rows: both flags', () => {
    const page = toPage(rows(4, 5, 6, 7), req(false, 3, [3]), cursorOf, count);
    expect(page.nodes).toEqual(rows(4, 5, 6));
    expect(page.hasNextPage).toBe(true);
    expect(page.hasPreviousPage).toBe(true);
  });

  it('backward (last 3), rows arrive in reverse query order: trims the extra row and reverses', () => {
    // query order for `last` is descending: 10, 9, 8, 7 (7 is the extra row)
    const page = toPage(rows(10, 9, 8, 7), req(true, 3), cursorOf, count);
    expect(page.nodes).toEqual(rows(8, 9, 10));
    expect(page.cursors).toEqual([encodeCursor([8]), encodeCursor([9]), encodeCursor([10])]);
    expect(page.hasPreviousPage).toBe(true);
    expect(page.hasNextPage).toBe(false);
  });

  it('backward before a cursor, no more rows: hasNextPage only', () => {
    const page = toPage(rows(6, 5), req(true, 3, [7]), cursorOf, count);
    expect(page.nodes).toEqual(rows(5, 6));
    expect(page.hasPreviousPage).toBe(false);
    expect(page.hasNextPage).toBe(true);
  });

  it('backward before a cursor with more rows: both flags', () => {
    const page = toPage(rows(6, 5, 4, 3), req(true, 3, [7]), cursorOf, count);
    expect(page.nodes).toEqual(rows(4, 5, 6));
    expect(page.hasPreviousPage).toBe(true);
    expect(page.hasNextPage).toBe(true);
  });

  it('empty result', () => {
    const page = toPage([], req(false, 20), cursorOf, count);
    expect(page.nodes).toEqual([]);
    expect(page.cursors).toEqual([]);
    expect(page.hasNextPage).toBe(false);
    expect(page.hasPreviousPage).toBe(false);
  });

  it('passes count through untouched', async () => {
    const page = toPage(rows(1), req(false, 20), cursorOf, count);
    expect(page.count).toBe(count);
    await expect(page.count()).resolves.toBe(123);
  });

  it('toConnection builds edges and pageInfo from the page', async () => {
    const page = toPage(rows(1, 2, 3), req(false, 2, [0]), cursorOf, count);
    const connection = toConnection(page);
    expect(connection.nodes).toEqual(rows(1, 2));
    expect(connection.edges).toEqual([
      { cursor: encodeCursor([1]), node: { id: 1 } },
      { cursor: encodeCursor([2]), node: { id: 2 } },
    ]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: encodeCursor([1]),
      endCursor: encodeCursor([2]),
    });
    await expect(connection.totalCount()).resolves.toBe(123);
    const empty = toConnection(toPage([], req(false, 2), cursorOf, count));
    expect(empty.pageInfo.startCursor).toBeNull();
    expect(empty.pageInfo.endCursor).toBeNull();
  });
});
