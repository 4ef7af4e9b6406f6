import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { useTestApp } from '../helpers/app';
import { REAL_CREDIT_CODES, SEED, SERVICE_ITEM_SEED } from '../helpers/fixtures';
import { IMPORT_KINDS } from '../../src/modules/import/import.kinds';
import { columnReference, csvTemplate, expectedXlsxContent, TEMPLATE_FOLDER, xlsxTemplateContent } from '../../src/modules/import/import.templates';

/** Bulk imports through POST /import/<kind> and `npm run import`, against the seeded database. */
const t = useTestApp();
const ROOT = path.join(__dirname, '../..');

/** 檀溪社区 (襄城区): outside 樊城区. */
const OUTSIDE_COMMUNITY = '420602001008';
const STATION_HEADER = ['编号', '名称', '社区（村）代码', '类别', '类型', '状态', '地址', '纬度', '经度', '坐标系', '计划年度', '建成日期', '设有流动党员服务站'];

/** A new station's row (no code), in the order of STATION_HEADER. */
function newStation(name: string, regionCode: string = SEED.anjuCommunityCode, overrides: Partial<Record<string, string>> = {}): string[] {
  const row: Record<string, string> = {
    编号: '',
    名称: name,
    '社区（村）代码': regionCode,
    类别: '基础性',
    类型: '城市社区驿站',
    状态: '规划中',
    地址: '襄阳市樊城区安居社区',
    纬度: '32.0426',
    经度: '112.1446',
    坐标系: 'WGS84',
    计划年度: '2024',
    建成日期: '',
    设有流动党员服务站: '否',
    ...overrides,
  };
  return STATION_HEADER.map((header) => row[header]);
}

function csv(rows: string[][], bom = true): Buffer {
  const text = rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
  return Buffer.from(`${bom ? '\uFEFF' : ''}${text}\r\n`, 'utf8');
}

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function upload(kind: string, body: Buffer, options: { dryRun?: boolean; headers?: Record<string, string> } = {}) {
  return t
    .http()
    .post(`/import/${kind}${options.dryRun ? '?dryRun=true' : ''}`)
    .set({ 'content-type': 'application/octet-stream', ...(options.headers ?? admin) })
    .send(body);
}

let admin: Record<string, string>;

// Creating a client is itself a recorded change: done before any test counts the change feed.
beforeAll(async () => {
  admin = await t.clientHeaders({ name: '组织部导入', roles: ['ADMIN'] });
});

async function sql<T>(query: string, bindings: unknown[] = []): Promise<T[]> {
  return t.app.database.orm.em.getConnection().execute<T[]>(query, bindings);
}

/** What a re-import must leave as it is: every station's and item's version, and the change feed. */
async function state(): Promise<{ stations: number; versions: string; items: string; organizations: string; pushDowns: string; events: number }> {
  const [{ stations, versions }] = await sql<{ stations: number; versions: string }>(`select count(*)::int as stations, sum(version)::text as versions from station`);
  const counted = async (table: string) => (await sql<{ total: string }>(`select count(*)::text || '/' || sum(version)::text as total from ${table}`))[0].total;
  const [{ events }] = await sql<{ events: number }>('select count(*)::int as events from change_event');
  return { stations, versions, items: await counted('service_item'), organizations: await counted('organization'), pushDowns: await counted('station_service_item'), events };
}

async function stationRow(code: string): Promise<string[]> {
  const res = await t.gql(
    `query($code: String!) { station(code: $code) { code name tier kind status address planYear openedOn hostsMobilePartyMemberServicePoint
      region { code } location { latitude longitude } } }`,
    { code },
  );
  const s = res.data.station;
  const row: Record<string, string> = {
    编号: s.code,
    名称: s.name,
    '社区（村）代码': s.region.code,
    类别: s.tier,
    类型: s.kind,
    状态: s.status,
    地址: s.address,
    纬度: String(s.location.latitude),
    经度: String(s.location.longitude),
    坐标系: '',
    计划年度: s.planYear == null ? '' : String(s.planYear),
    建成日期: s.openedOn ?? '',
    设有流动党员服务站: s.hostsMobilePartyMemberServicePoint ? '是' : '否',
  };
  return STATION_HEADER.map((header) => row[header]);
}

describe('templates', () => {
  it.each(IMPORT_KINDS.map((kind) => [kind.name, kind] as const))('%s: the committed CSV and XLSX templates match the column definitions', async (_name, kind) => {
    expect(readFileSync(path.join(ROOT, TEMPLATE_FOLDER, `${kind.name}.csv`), 'utf8')).toBe(csvTemplate(kind));
    expect(await xlsxTemplateContent(readFileSync(path.join(ROOT, TEMPLATE_FOLDER, `${kind.name}.xlsx`)))).toEqual(expectedXlsxContent(kind));
  });

  it('the column reference (templates/import/README.md) is up to date', () => {
    expect(readFileSync(path.join(ROOT, TEMPLATE_FOLDER, 'README.md'), 'utf8')).toBe(columnReference(IMPORT_KINDS));
  });

  it.each(IMPORT_KINDS.map((kind) => [kind.name] as const))('%s: the XLSX template passes a dry run and writes nothing', async (name) => {
    const before = await state();
    const res = await upload(name, readFileSync(path.join(ROOT, TEMPLATE_FOLDER, `${name}.xlsx`)), { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: name, dryRun: true, committed: false, rows: 1, created: 1, updated: 0, unchanged: 0, badRows: [] });
    expect(await state()).toEqual(before);
  });
});

describe('stations', () => {
  it('a dry run of a CSV with a BOM reports every bad row (row, column, reason in Chinese) and writes nothing', async () => {
    const before = await state();
    const file = csv([
      STATION_HEADER,
      newStation('导入试点驿站甲'),
      newStation('导入试点驿站乙', SEED.anjuCommunityCode, { 类别: '特级' }),
      newStation('导入试点驿站丙', SEED.streetCode),
      newStation('导入试点驿站丁', SEED.anjuCommunityCode, { 纬度: '60' }),
      newStation('导入试点驿站戊', SEED.anjuCommunityCode, { 计划年度: '两千' }),
      newStation('导入试点驿站甲'),
    ]);
    const res = await upload('stations', file, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, committed: false, rows: 6, created: 1 });
    expect(res.body.badRows).toEqual([
      { row: 3, column: '类别', reason: expect.stringMatching(/^“特级”不是可选值，可填：基础性（BASIC）、标准型（STANDARD）、引领型（LEADING）/) },
      { row: 4, column: '社区（村）代码', reason: expect.stringMatching(/[\u4e00-\u9fff]/) },
      { row: 5, column: '纬度', reason: expect.stringMatching(/[\u4e00-\u9fff]/) },
      { row: 6, column: '计划年度', reason: '应为整数，实际为“两千”。' },
      { row: 7, column: null, reason: '与第 2 行是同一条记录，同一记录只能出现一次。' },
    ]);
    expect(await state()).toEqual(before);
  });

  it('a real run is all or nothing: one bad row and no station is written; without it every row is', async () => {
    const before = await state();
    const good = [newStation('全有全无驿站一'), newStation('全有全无驿站二', SEED.anjuCommunityCode, { 状态: '建设中' })];
    const refused = await upload('stations', csv([STATION_HEADER, ...good, newStation('全有全无驿站三', SEED.anjuCommunityCode, { 地址: '' })]));
    expect(refused.body).toMatchObject({ committed: false, badRows: [{ row: 4, column: '地址', reason: '必填，不能为空。' }] });
    expect(await state()).toEqual(before);

    const taken = await upload('stations', csv([STATION_HEADER, ...good]));
    expect(taken.body).toMatchObject({ committed: true, created: 2, updated: 0, unchanged: 0, badRows: [] });
    const after = await state();
    expect(after.stations).toBe(before.stations + 2);
    const events = await sql<{ record_type: string; operation: string; actor_name: string; mutation: string }>(
      `select record_type, operation, actor_name, mutation from change_event where seq > (select max(seq) - 2 from change_event) order by seq`,
    );
    expect(events).toEqual([
      { record_type: 'Station', operation: 'CREATE', actor_name: '组织部导入', mutation: 'import:stations' },
      { record_type: 'Station', operation: 'CREATE', actor_name: '组织部导入', mutation: 'import:stations' },
    ]);
  });

  it('an XLSX of existing stations matched by code changes what differs, and importing it again changes nothing', async () => {
    const original = await stationRow(SERVICE_ITEM_SEED.highTechStationCode);
    const unchangedRow = await stationRow(SERVICE_ITEM_SEED.xiangchengStationCode);
    const renamed = [...original];
    renamed[1] = `${original[1]}（导入改名）`;
    const file = await xlsx([STATION_HEADER, renamed, unchangedRow, newStation('两次导入驿站')]);
    const before = await state();
    const first = await upload('stations', file);
    expect(first.body).toMatchObject({ committed: true, created: 1, updated: 1, unchanged: 1, badRows: [] });
    const afterFirst = await state();
    expect(afterFirst.events).toBe(before.events + 2);
    const [renamedEvent] = await sql<{ changes: Record<string, unknown>; version: number }>(
      `select changes, version from change_event where operation = 'UPDATE' order by seq desc limit 1`,
    );
    expect(renamedEvent.changes).toEqual({ name: { before: original[1], after: renamed[1] } });

    const second = await upload('stations', file);
    expect(second.body).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3, badRows: [] });
    expect(await state()).toEqual(afterFirst);
  });

  it('an unknown code is a bad row that says to leave the code empty for a new station', async () => {
    const row = newStation('无此编号驿站');
    row[0] = '420606002011-999';
    const res = await upload('stations', csv([STATION_HEADER, row]), { dryRun: true });
    expect(res.body.badRows).toEqual([{ row: 2, column: '编号', reason: '没有编号为 420606002011-999 的驿站。新驿站请将编号留空，编号由系统签发。' }]);
  });

  it('accepts the English headers too', async () => {
    const english = [
      'code',
      'name',
      'regionCode',
      'tier',
      'kind',
      'status',
      'address',
      'latitude',
      'longitude',
      'coordinateSystem',
      'planYear',
      'openedOn',
      'hostsMobilePartyMemberServicePoint',
    ];
    const res = await upload('stations', csv([english, newStation('英文表头驿站')], false), { dryRun: true });
    expect(res.body).toMatchObject({ created: 1, badRows: [] });
  });

  it('a header it does not know, or a missing required column, is a problem of row 1', async () => {
    const res = await upload(
      'stations',
      csv([
        ['名称', '备注'],
        ['某驿站', '无'],
      ]),
      { dryRun: true },
    );
    expect(res.body.badRows).toEqual(
      expect.arrayContaining([
        { row: 1, column: '备注', reason: '无法识别的列“备注”，请使用模板中的列名。' },
        { row: 1, column: '社区（村）代码', reason: '缺少必填列“社区（村）代码”。' },
      ]),
    );
  });
});

describe('who may import', () => {
  it('a region operator imports rows of its own region only: a row outside it is a bad row, and nothing is written', async () => {
    const operator = await t.clientHeaders({ name: '樊城区操作员（导入）', roles: ['REGION_OPERATOR'], regionCode: SEED.fanchengCode });
    const before = await state();
    const file = csv([STATION_HEADER, newStation('樊城区内驿站'), newStation('辖区外驿站', OUTSIDE_COMMUNITY)]);
    const res = await upload('stations', file, { headers: operator });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ committed: false, badRows: [{ row: 3, column: '社区（村）代码', reason: expect.stringContaining('辖区') }] });
    expect(await state()).toEqual(before);
    const inside = await upload('stations', csv([STATION_HEADER, newStation('樊城区内驿站')]), { headers: operator });
    expect(inside.body).toMatchObject({ committed: true, created: 1 });
  });

  it('a partner is refused (403) and an anonymous caller asked to sign in (401)', async () => {
    const partner = await t.clientHeaders({ name: '人社局（导入）', roles: ['DEPARTMENT_PARTNER'], departmentCode: 'XY-RSJ' });
    const file = csv([STATION_HEADER, newStation('不该写入的驿站')]);
    const refused = await upload('stations', file, { headers: partner });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0]).toEqual({ message: '只有管理员或区域操作员可以导入数据。', extensions: { code: 'FORBIDDEN' } });
    const anonymous = await upload('stations', file, { headers: {} });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a file over 10 MB is refused with 413; an unknown kind with 404', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    const res = await upload('stations', big);
    expect(res.status).toBe(413);
    expect(res.body.errors[0]).toEqual({ message: '导入文件超过 10MB，请拆分后分批导入。', extensions: { code: 'PAYLOAD_TOO_LARGE' } });
    const unknown = await upload('people', csv([['名称'], ['x']]));
    expect(unknown.status).toBe(404);
  });
});

describe('service items', () => {
  const HEADER = ['事项编码', '事项名称', '层级', '类别', '责任部门代码', '办理方式', '申请材料', '办结时限（工作日）', '收费（元）', '办理说明', '启用'];
  const item = (code: string, overrides: Partial<Record<string, string | number>> = {}) => {
    const row: Record<string, string | number> = {
      事项编码: code,
      事项名称: `导入事项${code}`,
      层级: '市级事项',
      类别: '党建服务',
      责任部门代码: 'XY-ZZB',
      办理方式: '咨询引导',
      申请材料: '身份证；介绍信',
      '办结时限（工作日）': 3,
      '收费（元）': 0,
      办理说明: '',
      启用: '是',
      ...overrides,
    };
    return HEADER.map((header) => row[header]);
  };

  it('an XLSX catalogue: bad rows reported, then created, and a second import changes nothing', async () => {
    const before = await state();
    const bad = await upload(
      'service-items',
      await xlsx([
        HEADER,
        item('420600-DJ-0801'),
        item('420600-DJ-0802', { 层级: '省级事项' }),
        item('420600-DJ-0803', { 责任部门代码: 'NO-SUCH' }),
        item(SERVICE_ITEM_SEED.coreItemCode, { 层级: '省级事项' }),
      ]),
    );
    expect(bad.body.committed).toBe(false);
    expect(bad.body.badRows.map((row: { row: number; column: string }) => [row.row, row.column])).toEqual([
      [3, '事项编码'],
      [4, '责任部门代码'],
      [5, '层级'],
    ]);
    expect(bad.body.badRows[2].reason).toBe('事项层级创建后不可修改（现为“市级事项”）。');
    expect(await state()).toEqual(before);

    const file = await xlsx([HEADER, item('420600-DJ-0801'), item('420600-DJ-0804', { 启用: '否', '收费（元）': 12.5 })]);
    expect((await upload('service-items', file)).body).toMatchObject({ committed: true, created: 2, badRows: [] });
    const created = await t.gql(`{ serviceItem(code: "420600-DJ-0804") { active feeYuan materials version } }`);
    expect(created.data.serviceItem).toEqual({ active: false, feeYuan: 12.5, materials: ['身份证', '介绍信'], version: 2 });
    const afterFirst = await state();
    expect((await upload('service-items', file)).body).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2 });
    expect(await state()).toEqual(afterFirst);
  });
});

describe('organizations', () => {
  const HEADER = ['名称', '类型', '统一社会信用代码', '联系人', '联系电话', '所在地区划代码', '外部系统', '外部编号', '启用'];
  const organization = (name: string, overrides: Partial<Record<string, string>> = {}) => {
    const row: Record<string, string> = {
      名称: name,
      类型: '企业',
      统一社会信用代码: '',
      联系人: '李四',
      联系电话: '13971002001',
      所在地区划代码: SEED.anjuCommunityCode,
      外部系统: '',
      外部编号: '',
      启用: '是',
      ...overrides,
    };
    return HEADER.map((header) => row[header]);
  };

  it('matched by credit code, by external reference, or by region and name; bad rows keep personal data out; a second import changes nothing', async () => {
    const rows = [
      organization('导入企业（信用代码）', { 统一社会信用代码: REAL_CREDIT_CODES.huawei }),
      organization('导入志愿队（外部编号）', { 类型: '志愿服务组织', 外部系统: 'xy-volunteer', 外部编号: 'V-0001' }),
      organization('导入商会（名称）', { 类型: '商会' }),
    ];
    const before = await state();
    const bad = await upload(
      'organizations',
      csv([HEADER, ...rows, organization('电话有误的组织', { 联系电话: '139710' }), organization('外部编号不全', { 外部系统: 'xy-volunteer' })]),
    );
    expect(bad.body.committed).toBe(false);
    expect(bad.body.badRows.map((row: { row: number; column: string }) => [row.row, row.column])).toEqual([
      [5, '联系电话'],
      [6, '外部编号'],
    ]);
    expect(JSON.stringify(bad.body)).not.toContain('139710');
    expect(await state()).toEqual(before);

    const file = csv([HEADER, ...rows]);
    expect((await upload('organizations', file)).body).toMatchObject({ committed: true, created: 3, badRows: [] });
    const afterFirst = await state();
    expect((await upload('organizations', file)).body).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 3 });
    expect(await state()).toEqual(afterFirst);
    const moved = [...rows[1]];
    moved[3] = '王五';
    expect((await upload('organizations', csv([HEADER, moved]))).body).toMatchObject({ committed: true, updated: 1 });
  });
});

describe('push-downs', () => {
  const HEADER = ['驿站编号', '事项编码', '办理方式', '下沉日期', '状态'];

  it('matched by station and item code: new pairs pushed down, existing ones changed, a second import changes nothing', async () => {
    const before = await state();
    const rows = [
      [SERVICE_ITEM_SEED.ruralStationCode, SERVICE_ITEM_SEED.coreItemCode, '代办', '', ''],
      [SERVICE_ITEM_SEED.highTechStationCode, SERVICE_ITEM_SEED.coreItemCode, '', '', '暂停'],
    ];
    const bad = await upload(
      'push-downs',
      await xlsx([HEADER, ...rows, ['420606002011-999', SERVICE_ITEM_SEED.coreItemCode, '', '', ''], [SERVICE_ITEM_SEED.ruralStationCode, 'NO-SUCH', '', '', '']]),
    );
    expect(bad.body.badRows).toEqual([
      { row: 4, column: '驿站编号', reason: '没有编号为 420606002011-999 的驿站。' },
      { row: 5, column: '事项编码', reason: expect.stringMatching(/[\u4e00-\u9fff]/) },
    ]);
    expect(await state()).toEqual(before);

    const file = await xlsx([HEADER, ...rows]);
    expect((await upload('push-downs', file)).body).toMatchObject({ committed: true, created: 1, updated: 1, badRows: [] });
    const afterFirst = await state();
    expect((await upload('push-downs', file)).body).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 2 });
    expect(await state()).toEqual(afterFirst);
  });
});

describe('npm run import', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(ROOT, 'src/scripts/import.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.config.databaseUrl!, LOG_SILENT: 'true', TS_NODE_PROJECT: 'tsconfig.json' },
    });
  const folder = mkdtempSync(path.join(tmpdir(), 'yizhan-import-'));

  it('refuses a file with bad rows: exit code 1, the bad rows as a table in Chinese, nothing written', async () => {
    const file = path.join(folder, '驿站名录-有误.csv');
    writeFileSync(file, csv([STATION_HEADER, newStation('命令行驿站甲'), newStation('命令行驿站乙', SEED.anjuCommunityCode, { 类型: '未知' })]));
    const before = await state();
    await expect(run(['stations', file, '--dry-run'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/有 1 处问题，未写入任何数据。\n\n行\s+列\s+原因\n3\s+类型\s+“未知”不是可选值/),
    });
    await expect(run(['stations', file])).rejects.toMatchObject({ code: 1 });
    expect(await state()).toEqual(before);
  }, 120_000);

  it('imports a good file, recorded under the file name; a dry run first writes nothing', async () => {
    const file = path.join(folder, '驿站名录.csv');
    writeFileSync(file, csv([STATION_HEADER, newStation('命令行驿站丙'), newStation('命令行驿站丁')]));
    const before = await state();
    const dry = await run(['stations', file, '--dry-run']);
    expect(dry.stdout).toContain('试导入通过，新建 2，修改 0，未变 0（共 2 行）；未写入。');
    expect(await state()).toEqual(before);
    const real = await run(['stations', file]);
    expect(real.stdout).toContain('已导入，新建 2，修改 0，未变 0（共 2 行）。');
    const events = await sql<{ actor_kind: string; actor_name: string; mutation: string }>(
      `select actor_kind, actor_name, mutation from change_event where seq > (select max(seq) - 2 from change_event)`,
    );
    expect(events).toEqual(Array(2).fill({ actor_kind: 'SYSTEM', actor_name: '导入 驿站名录.csv', mutation: 'import:stations' }));
    const again = await run(['stations', file]);
    expect(again.stdout).toContain('新建 0，修改 0，未变 2');
    expect((await state()).events).toBe(before.events + 2);
  }, 120_000);
});
