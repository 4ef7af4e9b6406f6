import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../seeds/support/csv';
import { EXPORT_LISTS } from '../../src/modules/export/export.lists';
import { maskName, maskPhone } from '../../src/auth/masking';
import { ANONYMOUS_HEADERS, useTestApp } from '../helpers/app';
import { SEED, STATION_PROFILE, YANPING_SEED } from '../helpers/fixtures';

/**
 * GET /export/<list>.<csv|jsonl|xlsx>: the lists' records as files, through the lists' own GraphQL
 * reads — so with the same authentication, declarations, row rules and masking.
 */
const t = useTestApp();

type Rec = Record<string, any>;
type Headers = Record<string, string>;

let admin: Headers;
let analyst: Headers;
let fancheng: Headers;
let unionPartner: Headers;

const RESIDENT = { name: '王菊莲', phone: '13871012345' };
/** The receipt codes of three needs made for these tests in 安居社区: the first two referred to 市总工会 (XY-ZGH). */
const receipts: string[] = [];

beforeAll(async () => {
  admin = await t.clientHeaders({ name: '导出管理员', roles: ['ADMIN'] });
  analyst = await t.clientHeaders({ name: '导出分析员', roles: ['ANALYST'] });
  fancheng = await t.clientHeaders({ name: '樊城区操作员', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
  unionPartner = await t.clientHeaders({ name: '市总工会', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-ZGH' });
  const station = (await gqlOk(`query($code: String!) { station(code: $code) { id } }`, { code: STATION_PROFILE.anjuStationCode })).station;
  for (const [i, text] of ['小区台阶破损', '路灯不亮', '楼道堆物'].entries()) {
    const created = await gqlOk(
      `mutation($input: CreateNeedInput!) { createNeed(input: $input) { need { id version receiptCode } userErrors { code } } }`,
      {
        input: { kind: 'RESIDENT_NEED', channel: 'STATION', category: 'FACILITY_REPAIR', text, stationId: station.id, residentName: RESIDENT.name, residentPhone: RESIDENT.phone },
      },
      fancheng,
    );
    const need = created.createNeed.need;
    receipts.push(need.receiptCode);
    if (i === 2) continue;
    const referred = await gqlOk(
      `mutation($input: ReferNeedInput!) { referNeed(input: $input) { need { id } userErrors { code } } }`,
      { input: { id: need.id, version: need.version, departmentCode: 'XY-ZGH' } },
      fancheng,
    );
    expect(referred.referNeed.userErrors).toEqual([]);
  }
});

function binary(res: http.IncomingMessage, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

async function download(path: string, headers: Headers, extra: Headers = {}) {
  const auth = headers.authorization ? { authorization: headers.authorization } : {};
  const response = await t
    .http()
    .get(path)
    .set({ ...auth, ...extra })
    .buffer(true)
    .parse(binary as never);
  return { status: response.status, headers: response.headers as Headers, body: response.body as Buffer };
}

/** The export as rows of header → cell text (CSV and XLSX) or as records (JSONL). */
async function csvRows(path: string, headers: Headers = admin): Promise<Rec[]> {
  const { status, body, headers: responseHeaders } = await download(path, headers);
  expect(status).toBe(200);
  expect(responseHeaders['content-type']).toBe('text/csv; charset=utf-8');
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = body.toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  expect(
    text
      .replace(/"[^"]*"/g, '')
      .match(/\r?\n/g)
      ?.every((end) => end === '\r\n'),
  ).toBe(true);
  const records = parseCsv(text);
  // The header row alone still names the columns.
  if (!records.length) expect(text.split('\r\n')[0].length).toBeGreaterThan(1);
  return records;
}

async function jsonlRecords(path: string, headers: Headers = admin): Promise<Rec[]> {
  const { status, body, headers: responseHeaders } = await download(path, headers);
  expect(status).toBe(200);
  expect(responseHeaders['content-type']).toBe('application/jsonl; charset=utf-8');
  const text = body.toString('utf8');
  if (text) expect(text.endsWith('\n')).toBe(true);
  return text
    ? text
        .slice(0, -1)
        .split('\n')
        .map((line) => JSON.parse(line) as Rec)
    : [];
}

async function xlsxRows(path: string, headers: Headers = admin): Promise<Rec[]> {
  const { status, body, headers: responseHeaders } = await download(path, headers);
  expect(status).toBe(200);
  expect(responseHeaders['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
  const [head, ...rows] = values.map((row) => row.slice(1));
  return rows.map((row) => Object.fromEntries((head as string[]).map((name, i) => [name, row[i] ?? null])));
}

async function gqlOk(query: string, variables: Rec = {}, headers: Headers = admin): Promise<Rec> {
  const response = await t.gql(query, variables, headers);
  expect(response.errors).toBeUndefined();
  return response.data;
}

/** Every node of a GraphQL list, following the cursors. */
async function allNodes(field: string, selection: string, filter: Rec, headers: Headers = admin): Promise<Rec[]> {
  const nodes: Rec[] = [];
  let after: string | null = null;
  do {
    const data: Rec = await gqlOk(
      `query($after: String, $filter: Rec) { ${field}(first: 100, after: $after, filter: $filter) { pageInfo { hasNextPage endCursor } nodes { ${selection} } } }`.replace(
        'Rec',
        filterTypeOf(field),
      ),
      { after, filter },
      headers,
    );
    nodes.push(...data[field].nodes);
    after = data[field].pageInfo.hasNextPage ? data[field].pageInfo.endCursor : null;
  } while (after);
  return nodes;
}

const filterTypeOf = (field: string) =>
  ({ stations: 'StationFilter', platforms: 'PlatformFilter', serviceItems: 'ServiceItemFilter', organizations: 'OrganizationFilter', needs: 'NeedFilter' })[field]!;

describe('each list in each format', () => {
  /** Per list: a filter as query parameters and as GraphQL input, and a column that identifies a record. */
  const cases = [
    { list: 'stations', query: `regionCode=${SEED.fanchengCode}&status=OPEN`, filter: { regionCode: SEED.fanchengCode, status: ['OPEN'] }, key: 'code', header: '驿站编号 Code' },
    { list: 'platforms', query: 'departmentCode=XY-ZGH', filter: { departmentCode: 'XY-ZGH' }, key: 'ownerRef', header: '部门编号 Owner reference' },
    { list: 'service-items', query: 'level=CITY&level=DISTRICT', filter: { level: ['CITY', 'DISTRICT'] }, key: 'code', header: '事项编码 Code' },
    { list: 'organizations', query: `regionCode=${YANPING_SEED.districtCode}`, filter: { regionCode: YANPING_SEED.districtCode }, key: 'name', header: '名称 Name' },
    {
      list: 'needs',
      query: `regionCode=${SEED.anjuCommunityCode}&channel=STATION`,
      filter: { regionCode: SEED.anjuCommunityCode, channel: ['STATION'] },
      key: 'receiptCode',
      header: '回执码 Receipt code',
    },
  ];

  it.each(cases)('$list: CSV, JSONL and XLSX hold the records the GraphQL list gives, in its order', async ({ list, query, filter, key, header }) => {
    const field = EXPORT_LISTS[list].field;
    const expected = (await allNodes(field, key, filter)).map((node) => node[key] as string);
    expect(expected.length).toBeGreaterThan(1);
    const csv = await csvRows(`/export/${list}.csv?${query}`);
    const jsonl = await jsonlRecords(`/export/${list}.jsonl?${query}`);
    const xlsx = await xlsxRows(`/export/${list}.xlsx?${query}`);
    expect(csv.map((row) => row[header])).toEqual(expected);
    expect(jsonl.map((record) => record[key])).toEqual(expected);
    expect(xlsx.map((row) => row[header])).toEqual(expected);
    // Every column, headed in Chinese and English, in the same order in CSV and XLSX.
    const headers = EXPORT_LISTS[list].columns.map((column) => column.header);
    expect(Object.keys(csv[0])).toEqual(headers);
    expect(Object.keys(xlsx[0])).toEqual(headers);
  });

  it('flattens nested values into columns and gives JSONL the records as the API shapes them', async () => {
    const [station] = await allNodes('stations', 'code name status region { code name } location { latitude longitude } planYear', { regionCode: SEED.anjuCommunityCode });
    const csv = (await csvRows(`/export/stations.csv?regionCode=${SEED.anjuCommunityCode}`))[0];
    expect(csv).toMatchObject({
      '驿站编号 Code': station.code,
      '名称 Name': station.name,
      '状态 Status': station.status,
      '区划代码 Region code': station.region.code,
      '区划名称 Region name': station.region.name,
      '纬度(WGS-84) Latitude': String(station.location.latitude),
      '计划年度 Plan year': station.planYear == null ? '' : String(station.planYear),
    });
    const xlsx = (await xlsxRows(`/export/stations.xlsx?regionCode=${SEED.anjuCommunityCode}`))[0];
    expect(xlsx['区划名称 Region name']).toBe(station.region.name);
    expect(xlsx['经度(WGS-84) Longitude']).toBe(station.location.longitude);
    const jsonl = (await jsonlRecords(`/export/stations.jsonl?regionCode=${SEED.anjuCommunityCode}`))[0];
    expect(jsonl).toMatchObject({ code: station.code, region: station.region, location: station.location });
  });

  it('names the file in Chinese (RFC 5987) with an ASCII fallback, and forbids caching', async () => {
    const { headers } = await download('/export/service-items.xlsx', admin);
    expect(headers['content-disposition']).toMatch(/^attachment; filename="service-items-\d{8}\.xlsx"; filename\*=UTF-8''(%[0-9A-F]{2})+-\d{8}\.xlsx$/);
    const encoded = /filename\*=UTF-8''(.*)$/.exec(headers['content-disposition'])![1];
    expect(decodeURIComponent(encoded)).toMatch(/^高频服务事项-\d{8}\.xlsx$/);
    expect(headers['cache-control']).toBe('no-store');
  });

  it('writes an empty list as the header row alone', async () => {
    expect(await csvRows('/export/stations.csv?search=没有这样的驿站')).toEqual([]);
    expect(await jsonlRecords('/export/stations.jsonl?search=没有这样的驿站')).toEqual([]);
    expect(await xlsxRows('/export/stations.xlsx?search=没有这样的驿站')).toEqual([]);
  });
});

describe('CSV safety', () => {
  it('quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas', async () => {
    const name = '=HYPERLINK("http://evil.example","点我"),\n第二行';
    const created = await gqlOk(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { code } } }`, {
      input: { name, kind: 'SOCIAL_ORG', regionCode: SEED.anjuCommunityCode, contactName: '张三', contactPhone: '13800001111' },
    });
    expect(created.createOrganization.userErrors).toEqual([]);
    const rows = await csvRows(`/export/organizations.csv?search=HYPERLINK`);
    expect(rows.map((row) => row['名称 Name'])).toEqual([`'${name}`]);
    // XLSX keeps the text as text (an inline string, never a formula) and JSONL as it is.
    const xlsx = await xlsxRows(`/export/organizations.xlsx?search=HYPERLINK`);
    expect(xlsx.map((row) => row['名称 Name'])).toEqual([name]);
    expect((await jsonlRecords(`/export/organizations.jsonl?search=HYPERLINK`)).map((record) => record.name)).toEqual([name]);
  });
});

describe('permissions and personal data, as the GraphQL API has them', () => {
  it('refuses anonymous callers a list they may not read, before any byte of a file', async () => {
    const response = await download('/export/needs.csv', ANONYMOUS_HEADERS);
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(JSON.parse(response.body.toString()).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('gives anonymous callers the public columns of public lists only', async () => {
    const anonymous = await csvRows(`/export/stations.csv?regionCode=${SEED.anjuCommunityCode}`, ANONYMOUS_HEADERS);
    const signedIn = await csvRows(`/export/stations.csv?regionCode=${SEED.anjuCommunityCode}`, analyst);
    expect(anonymous.map((row) => row['驿站编号 Code'])).toEqual(signedIn.map((row) => row['驿站编号 Code']));
    expect(Object.keys(signedIn[0])).toContain('管理组织 Managing organization');
    expect(Object.keys(anonymous[0])).toEqual(Object.keys(signedIn[0]).filter((header) => header !== '管理组织 Managing organization'));
    // The column left out is the one GraphQL refuses anonymous callers.
    const response = await t.gql(`{ stations(first: 1) { nodes { managingOrganization { name } } } }`, {}, ANONYMOUS_HEADERS);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a bad API key with 401, as /graphql does', async () => {
    const response = await download('/export/stations.csv', { authorization: 'Bearer yz_live_notakeyatall0000000000000000' });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('gives a partner department only the needs referred to it, with residents masked', async () => {
    const records = await jsonlRecords('/export/needs.jsonl', unionPartner);
    expect(records.map((record) => record.receiptCode).sort()).toEqual(receipts.slice(0, 2).sort());
    expect(new Set(records.map((record) => record.referredDepartment?.code))).toEqual(new Set(['XY-ZGH']));
    for (const record of records) expect(record).toMatchObject({ residentName: maskName(RESIDENT.name), residentPhone: maskPhone(RESIDENT.phone) });
    expect(maskPhone(RESIDENT.phone)).toBe('138****2345');
    const csv = await csvRows('/export/needs.csv', unionPartner);
    expect(csv.map((row) => row['居民电话 Resident phone'])).toEqual(['138****2345', '138****2345']);
    const graphql = await allNodes('needs', 'receiptCode', {}, unionPartner);
    expect(records.map((record) => record.receiptCode)).toEqual(graphql.map((node) => node.receiptCode));
  });

  it('shows the region operator its residents whole, and the analyst no personal data at all', async () => {
    const operator = await jsonlRecords(`/export/needs.jsonl?regionCode=${SEED.anjuCommunityCode}`, fancheng);
    expect(operator.map((record) => record.receiptCode).sort()).toEqual([...receipts].sort());
    for (const record of operator) expect(record).toMatchObject({ residentName: RESIDENT.name, residentPhone: RESIDENT.phone });
    // The test's own needs, in its community (the seed holds Yanping's needs too).
    const analystNeeds = await jsonlRecords(`/export/needs.jsonl?regionCode=${SEED.anjuCommunityCode}`, analyst);
    expect(analystNeeds.map((record) => record.receiptCode).sort()).toEqual([...receipts].sort());
    expect(analystNeeds.filter((record) => record.residentName !== null || record.residentPhone !== null)).toEqual([]);
    const analystOrganizations = await csvRows('/export/organizations.csv', analyst);
    expect(analystOrganizations.filter((row) => row['联系人 Contact name'] || row['联系电话 Contact phone'])).toEqual([]);
    const adminOrganizations = await csvRows('/export/organizations.csv', admin);
    expect(adminOrganizations.filter((row) => row['联系电话 Contact phone']).length).toBeGreaterThan(100);
    const body = (await download('/export/needs.csv', analyst)).body.toString();
    expect(body).not.toContain(RESIDENT.phone);
    expect(body).not.toContain(RESIDENT.name);
  });
});

describe('filters as query parameters', () => {
  it('takes repeated or comma-separated list values, nested inputs and the ordering', async () => {
    const repeated = await jsonlRecords(`/export/stations.jsonl?regionCode=${SEED.fanchengCode}&status=OPEN&status=SUSPENDED`);
    const commas = await jsonlRecords(`/export/stations.jsonl?regionCode=${SEED.fanchengCode}&status=OPEN,SUSPENDED`);
    const expected = await allNodes('stations', 'code', { regionCode: SEED.fanchengCode, status: ['OPEN', 'SUSPENDED'] });
    expect(repeated.map((record) => record.code)).toEqual(expected.map((node) => node.code));
    expect(commas).toEqual(repeated);

    const near = await jsonlRecords('/export/stations.jsonl?near.latitude=32.0426&near.longitude=112.1446&near.radiusMetres=2000');
    const nearExpected = await allNodes('stations', 'code', { near: { latitude: 32.0426, longitude: 112.1446, radiusMetres: 2000 } });
    expect(near.length).toBeGreaterThan(0);
    expect(near.map((record) => record.code)).toEqual(nearExpected.map((node) => node.code));

    const byName = await jsonlRecords('/export/service-items.jsonl?orderBy.field=NAME&orderBy.direction=DESC&includeInactive=true');
    const byNameExpected = await gqlOk(`{ serviceItems(first: 100, orderBy: { field: NAME, direction: DESC }, filter: { includeInactive: true }) { nodes { code } } }`);
    expect(byName.slice(0, 100).map((record) => record.code)).toEqual(byNameExpected.serviceItems.nodes.map((node: Rec) => node.code));
  });

  let leasesSettled = false;
  it.each([
    ['status=BOGUS', 'status', 'BOGUS'],
    ['planYear=soon', 'planYear', 'soon'],
    ['isHub=perhaps', 'isHub', 'perhaps'],
    ['near.latitude=32', 'near', 'longitude'],
    ['colour=red', 'colour', '颜色'],
    ['orderBy.field=HEIGHT', 'orderBy.field', 'HEIGHT'],
  ])('refuses %s with a 400 naming the parameter, in Chinese and English, and charges nothing', async (query, parameter, detail) => {
    const [{ key }] = await t.app.database.orm.em.getConnection().execute<{ key: string }[]>(`select 'client:' || id as key from api_client where name = '导出管理员'`);
    // Points this instance leased with earlier charges go back to the bucket within a second or
    // two (rate-limit.ts); wait for that once, so that only these requests could change it.
    if (!leasesSettled) await new Promise((resolve) => setTimeout(resolve, 2500));
    leasesSettled = true;
    const before = await bucketOf(key);
    const zh = await download(`/export/stations.csv?${query}`, admin);
    const en = await download(`/export/stations.csv?${query}`, admin, { 'accept-language': 'en' });
    for (const response of [zh, en]) {
      expect(response.status).toBe(400);
      expect(response.headers['content-disposition']).toBeUndefined();
      const error = JSON.parse(response.body.toString()).errors[0];
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: parameter });
      expect(error.message).toContain(parameter);
      if (detail !== '颜色') expect(error.message).toContain(detail);
    }
    expect(JSON.parse(zh.body.toString()).errors[0].message).toMatch(/导出参数/);
    expect(JSON.parse(en.body.toString()).errors[0].message).toMatch(/Export parameter/);
    expect(await bucketOf(key)).toEqual(before);
  });

  it('answers an unknown list or format with 404 and the lists there are', async () => {
    for (const path of ['/export/people.csv', '/export/stations.pdf', '/export/stations']) {
      const response = await download(path, admin);
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body.toString()).errors[0].message).toContain('service-items');
    }
  });

  async function bucketOf(key: string): Promise<unknown> {
    return t.app.database.orm.em.getConnection().execute(`select tokens, refreshed_at from rate_limit_bucket where key = ?`, [key]);
  }
});

describe('streaming 100,000 rows', () => {
  const ROWS = 100_000;

  beforeAll(async () => {
    // 100,000 stations in 安居社区, all planned for 2099 (the seed plans none that late), made in one
    // statement. This file's database is its own: the distance (GiST) and text-search (trigram)
    // indexes, which the export by plan year does not use, are dropped first — kept, they make the
    // insert take minutes on a busy CI machine.
    await t.app.database.orm.em.getKnex().transaction(async (trx) => {
      await trx.raw('set local statement_timeout = 0');
      await trx.raw('drop index station_earth_idx, station_search_trgm_idx');
      await trx.raw(
        `insert into station (id, code, name, tier, kind, status, region_id, address, lat, lng, plan_year)
         select gen_random_uuid(), 'BULK-' || lpad(n::text, 6, '0'), '批量驿站 ' || n, 'BASIC', 'COMMUNITY', 'PLANNED', r.id,
                '湖北省襄阳市樊城区安居社区 ' || n || ' 号, "测试"', 31.5 + (n % 317) * 0.003, 111.5 + (n / 317) * 0.003, 2099
         from generate_series(1, ${ROWS}) n, region r where r.code = ?`,
        [SEED.anjuCommunityCode],
      );
    });
    // Statistics, as autovacuum would gather them: without them the planner takes plan_year = 2099
    // for rare and sorts all 100,000 rows for every page instead of walking the code index.
    await t.app.database.orm.em.getConnection().execute('analyze station');
  }, 180_000);

  /**
   * Streams the export over a real socket, reading it as it comes (supertest would buffer the whole
   * body in this process and hide what the server holds), sampling the process's memory meanwhile.
   */
  interface Streamed {
    bytes: number;
    lines: number;
    ms: number;
    heapGrowth: number;
    rssGrowth: number;
    status: number;
  }

  /** A full garbage collection, through V8's own gc() (exposed here without a command-line flag). */
  const collectGarbage: () => void = (() => {
    v8.setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  })();

  async function streamExport(path: string): Promise<Streamed> {
    const server = t.app.httpServer.listening
      ? t.app.httpServer
      : await new Promise<http.Server>((resolve) => t.app.httpServer.listen(0, '127.0.0.1', () => resolve(t.app.httpServer)));
    const { port } = server.address() as AddressInfo;
    // What the export holds, not the garbage it leaves: the heap is sampled after a full collection
    // (without one, uncollected garbage alone reached 67 MB in one run and 13 MB in another), every
    // 2 s — a non-streamed export holds its rows far longer than that; a collection every 250 ms made
    // a 20 s export take minutes in a worker with a large heap.
    collectGarbage();
    const base = process.memoryUsage();
    let maxHeap = base.heapUsed;
    let maxRss = base.rss;
    const sampler = setInterval(() => {
      collectGarbage();
      const now = process.memoryUsage();
      maxHeap = Math.max(maxHeap, now.heapUsed);
      maxRss = Math.max(maxRss, now.rss);
    }, 2000);
    const started = Date.now();
    try {
      return await new Promise((resolve, reject) => {
        http
          .get({ port, host: '127.0.0.1', path, headers: { authorization: admin.authorization } }, (res) => {
            let bytes = 0;
            let lines = 0;
            res.on('data', (chunk: Buffer) => {
              bytes += chunk.length;
              for (const byte of chunk) if (byte === 0x0a) lines++;
            });
            res.on('end', () => resolve({ bytes, lines, ms: Date.now() - started, heapGrowth: maxHeap - base.heapUsed, rssGrowth: maxRss - base.rss, status: res.statusCode! }));
            res.on('error', reject);
          })
          .on('error', reject);
      });
    } finally {
      clearInterval(sampler);
    }
  }

  /*
   * The bound. Held at once, 100,000 stations would be about 100,000 × ~20 fields of GraphQL result
   * objects (a few hundred bytes to a kilobyte each in V8: 30–100 MB) plus the file itself as a
   * string (about 230 bytes a row: 23 MB, 46 MB as UTF-16 once it holds Chinese) — well over
   * 100 MB of heap for a non-streamed export. Streamed, the server holds a page of 100 records and
   * the socket's buffer: a few MB (sampled after full collections). 64 MB of growth sits between.
   */
  const HEAP_BOUND = 64 * 1024 * 1024;

  it.each([
    // The header row, then one line per station.
    ['csv', (result: Streamed) => expect(result.lines).toBe(ROWS + 1)],
    // Zipped: only its size says much; the content of XLSX files is read back above.
    ['xlsx', (result: Streamed) => expect(result.bytes).toBeGreaterThan(ROWS * 20)],
  ] as const)(
    'streams 100,000 stations as %s with the memory flat',
    async (format, check) => {
      const result = await streamExport(`/export/stations.${format}?planYear=2099`);
      expect(result.status).toBe(200);
      check(result);
      console.log(
        `${format} export of ${ROWS} rows: ${result.ms} ms, ${result.bytes} bytes, heap +${(result.heapGrowth / 2 ** 20).toFixed(1)} MB, rss +${(result.rssGrowth / 2 ** 20).toFixed(1)} MB`,
      );
      expect(result.heapGrowth).toBeLessThan(HEAP_BOUND);
    },
    300_000,
  );

  it('aborts the response when a page fails after the first byte, rather than ending a cut-off file', async () => {
    const server = t.app.httpServer.listening
      ? t.app.httpServer
      : await new Promise<http.Server>((resolve) => t.app.httpServer.listen(0, '127.0.0.1', () => resolve(t.app.httpServer)));
    const { port } = server.address() as AddressInfo;
    const connection = t.app.database.orm.em.getConnection();
    const outcome = await new Promise<{ status: number; bytes: number; lines: number; ended: boolean; aborted: boolean }>((resolve, reject) => {
      http
        .get({ port, host: '127.0.0.1', path: '/export/stations.csv?planYear=2099', headers: { authorization: admin.authorization } }, (res) => {
          let bytes = 0;
          let lines = 0;
          let renamed = false;
          const settle = (ended: boolean, aborted: boolean) => resolve({ status: res.statusCode!, bytes, lines, ended, aborted });
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            for (const byte of chunk) if (byte === 0x0a) lines++;
            // Once the file has begun, the regions go away: the next page's read fails.
            if (!renamed) {
              renamed = true;
              connection.execute('alter table region rename to region_away').catch(reject);
            }
          });
          res.on('end', () => settle(true, false));
          res.on('error', () => settle(false, true));
          res.on('aborted', () => settle(false, true));
        })
        .on('error', reject);
    });
    // Failing before the first byte: a bare 500, the driver's message (which names the table) kept out.
    const failed = await download('/export/stations.csv?planYear=2099', admin);
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body.toString()).errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } }]);
    await connection.execute('alter table region_away rename to region');
    expect(outcome.status).toBe(200);
    expect(outcome.bytes).toBeGreaterThan(0);
    expect(outcome.lines).toBeLessThan(ROWS + 1);
    expect(outcome).toMatchObject({ ended: false, aborted: true });
  }, 120_000);
});
