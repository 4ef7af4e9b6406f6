import { describeDriverError, redactSql } from '../../src/db/redact';

describe('redactSql', () => {
  it('takes string literals and long numbers out of logged SQL', () => {
    const sql = `insert into "person" ("name", "phone", "region_id") values ('王建华', '13912345678', 2958) returning "id"`;
    const redacted = redactSql(sql);
    expect(redacted).toBe(`insert into "person" ("name", "phone", "region_id") values ('…', '…', 2958) returning "id"`);
    expect(redactSql(`select 1 where x = 'it''s' and y = 13912345678`)).toBe(`select 1 where x = '…' and y = …`);
  });

  it('leaves placeholders and identifiers alone', () => {
    expect(redactSql('select * from station s where s.id = any($1::uuid[]) limit 21')).toBe('select * from station s where s.id = any($1::uuid[]) limit 21');
  });
});

describe('describeDriverError', () => {
  it('names the error class and SQLSTATE only', () => {
    expect(describeDriverError({ name: 'UniqueConstraintViolationException', code: '23505' })).toBe('UniqueConstraintViolationException (SQLSTATE 23505)');
  });
});
