import { escapeLike, joinSql, rawSql, sql } from '../../src/db/sql';

describe('sql tagged template', () => {
  it('turns values into ? bindings in order', () => {
    const q = sql`SELECT * FROM station WHERE region_id = ${7} AND name ILIKE ${'%驿站%'} AND archived = ${false}`;
    expect(q.text).toBe('SELECT * FROM station WHERE region_id = ? AND name ILIKE ? AND archived = ?');
    expect(q.bindings).toEqual([7, '%驿站%', false]);
  });

  it('with no values is plain text', () => {
    expect(sql`SELECT 1`).toEqual({ text: 'SELECT 1', bindings: [] });
  });

  it('keeps null, undefined, arrays, dates and plain objects as bindings', () => {
    const when = new Date('2024-05-01T00:00:00Z');
    const ids = ['a', 'b'];
    const q = sql`f(${null}, ${undefined}, ${ids}, ${when}, ${{ a: 1 }})`;
    expect(q.text).toBe('f(?, ?, ?, ?, ?)');
    expect(q.bindings).toEqual([null, undefined, ids, when, { a: 1 }]);
    expect(q.bindings[2]).toBe(ids);
  });

  it('splices nested fragments with their bindings in placeholder order', () => {
    const status = sql`status = ${'OPEN'}`;
    const inner = sql`(tier = ${'BASIC'} OR tier = ${'LEADING'})`;
    const where = sql`${status} AND ${inner}`;
    const q = sql`SELECT id FROM station WHERE region_id = ${1} AND ${where} LIMIT ${21}`;
    expect(q.text).toBe('SELECT id FROM station WHERE region_id = ? AND status = ? AND (tier = ? OR tier = ?) LIMIT ?');
    expect(q.bindings).toEqual([1, 'OPEN', 'BASIC', 'LEADING', 21]);
    // the number of ? always equals the number of bindings
    expect(q.text.split('?').length - 1).toBe(q.bindings.length);
  });

  it('splices rawSql without bindings', () => {
    const column = rawSql('created_at');
    const direction = rawSql('DESC');
    const q = sql`SELECT * FROM station WHERE id > ${5} ORDER BY ${column} ${direction}, id ${direction}`;
    expect(q.text).toBe('SELECT * FROM station WHERE id > ? ORDER BY created_at DESC, id DESC');
    expect(q.bindings).toEqual([5]);
  });

  it('rawSql has no bindings', () => {
    expect(rawSql('now()')).toEqual({ text: 'now()', bindings: [] });
  });

  it('does not treat look-alike objects as fragments unless bindings is an array', () => {
    const q = sql`x = ${{ text: 'DROP TABLE station', bindings: 'nope' }}`;
    expect(q.text).toBe('x = ?');
    expect(q.bindings).toEqual([{ text: 'DROP TABLE station', bindings: 'nope' }]);
  });

  it('a user string that looks like SQL is still a binding', () => {
    const q = sql`name = ${"'; DROP TABLE station; --"}`;
    expect(q.text).toBe('name = ?');
    expect(q.bindings).toEqual(["'; DROP TABLE station; --"]);
  });
});

describe('joinSql', () => {
  it('joins fragments and concatenates their bindings in order', () => {
    const conditions = [sql`a = ${1}`, rawSql('b IS NULL'), sql`c BETWEEN ${2} AND ${3}`];
    const joined = joinSql(conditions, ' AND ');
    expect(joined).toEqual({ text: 'a = ? AND b IS NULL AND c BETWEEN ? AND ?', bindings: [1, 2, 3] });
  });

  it('an empty list is empty text; a single fragment is itself', () => {
    expect(joinSql([], ' AND ')).toEqual({ text: '', bindings: [] });
    expect(joinSql([sql`x = ${9}`], ', ')).toEqual({ text: 'x = ?', bindings: [9] });
  });

  it('joined fragments nest in sql with bindings still in order', () => {
    const where = joinSql([sql`kind = ${'RURAL'}`, sql`status IN (${rawSql('?, ?')})`], ' AND ');
    const q = sql`SELECT * FROM station WHERE ${where} AND id < ${100}`;
    expect(q.text).toBe('SELECT * FROM station WHERE kind = ? AND status IN (?, ?) AND id < ?');
    // rawSql is trusted text: its '?' are not backed by bindings (that is the caller's business)
    expect(q.bindings).toEqual(['RURAL', 100]);
  });

  it('does not mutate the fragments it joins', () => {
    const a = sql`a = ${1}`;
    const b = sql`b = ${2}`;
    joinSql([a, b], ' OR ');
    expect(a).toEqual({ text: 'a = ?', bindings: [1] });
    expect(b).toEqual({ text: 'b = ?', bindings: [2] });
  });
});

describe('escapeLike', () => {
  it.each([
    ['plain', 'plain'],
    ['红色驿站', '红色驿站'],
    ['100%', '100\\%'],
    ['a_b', 'a\\_b'],
    ['back\\slash', 'back\\\\slash'],
    ['%_\\', '\\%\\_\\\\'],
    ['50%_off\\now', '50\\%\\_off\\\\now'],
    ['', ''],
    ['[abc]*?', '[abc]*?'],
  ])('escapes %p as %p', (input, expected) => {
    expect(escapeLike(input)).toBe(expected);
  });

  it('escapes every occurrence', () => {
    expect(escapeLike('%%__')).toBe('\\%\\%\\_\\_');
  });
});
