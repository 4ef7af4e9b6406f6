import { seedDemo, XIANGYANG_SEED_NAME, type SeedDb } from '../../seeds/xiangyang.seed';

interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * A stand-in for the database that records statements and answers the two kinds that return
 * rows: the seed_run claim and `insert into region … returning id, code`.
 */
function recordingDb(options: { alreadySeeded: boolean }): SeedDb & { statements: Statement[] } {
  let nextRegionId = 1;
  const statements: Statement[] = [];
  return {
    statements,
    async execute(sql: string, params: unknown[] = []) {
      statements.push({ sql, params });
      if (sql.startsWith('insert into seed_run')) return options.alreadySeeded ? [] : [{ name: params[0] }];
      if (sql.startsWith('insert into region ')) {
        const rows: unknown[] = [];
        for (let i = 0; i < params.length; i += 6) rows.push({ id: nextRegionId++, code: params[i] });
        return rows;
      }
      return [];
    },
  };
}

describe('seedDemo (Xiangyang) SQL', () => {
  it('does nothing once the seed_run marker exists', async () => {
    const db = recordingDb({ alreadySeeded: true });
    await expect(seedDemo(db)).resolves.toEqual({ applied: false, regions: 0, circles: 0, stations: 0 });
    expect(db.statements).toHaveLength(1);
    expect(db.statements[0].params).toEqual([XIANGYANG_SEED_NAME]);
  });

  it('writes everything in a few batched statements with matching placeholders', async () => {
    const db = recordingDb({ alreadySeeded: false });
    await expect(seedDemo(db)).resolves.toEqual({ applied: true, regions: 2958, circles: 31, stations: 1492 });
    expect(db.statements.length).toBeLessThan(25);
    for (const { sql, params } of db.statements) {
      expect(sql.split('?').length - 1).toBe(params.length);
      expect(sql.match(/\), \(/g)?.length ?? 0).toBeLessThan(500);
    }
    const rowsInto = (table: string) =>
      db.statements
        .filter(({ sql }) => sql.startsWith(`insert into ${table} (`))
        .reduce((sum, { sql }) => sum + (sql.match(/\(\?/g)?.length ?? 0), 0);
    expect(rowsInto('region')).toBe(2958);
    expect(rowsInto('service_circle')).toBe(31);
    expect(rowsInto('station')).toBe(1492);
    expect(rowsInto('region_code_sequence')).toBeGreaterThan(500);
  });

  it('gives every region the id returned for its parent', async () => {
    const db = recordingDb({ alreadySeeded: false });
    await seedDemo(db);
    const idByCode = new Map<string, number>();
    let nextId = 1;
    for (const { sql, params } of db.statements.filter(({ sql }) => sql.startsWith('insert into region '))) {
      for (let i = 0; i < params.length; i += 6) {
        const [code, , , parentId, path] = params.slice(i, i + 6) as [string, string, string, number | null, string];
        const parentCode = path.split('/').slice(-3, -2)[0];
        expect(parentId).toBe(parentCode === undefined ? null : idByCode.get(parentCode));
        idByCode.set(code, nextId++);
      }
      expect(sql).toMatch(/returning id, code$/);
    }
  });
});
