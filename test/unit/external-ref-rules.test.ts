import { ExternalRefSystemStatus } from '../../src/modules/external-ref/external-ref.enums';
import {
  applyChanges,
  EXTERNAL_ID_MAX,
  normaliseExternalRef,
  normaliseSystem,
  sameValue,
  systemAccess,
  type SystemCaller,
  type SystemOwnership,
} from '../../src/modules/external-ref/external-ref.rules';

describe('normaliseExternalRef', () => {
  it.each([
    ['zgh-care', 'AX-0001'],
    ['XY.RSJ_sync-2', '人社-零工-0001'],
    ['a1', 'x'],
    ['Z'.repeat(64), 'y'.repeat(EXTERNAL_ID_MAX)],
    ['9system', '0'],
  ])('accepts system %p with ID %p', (system, externalId) => {
    expect(normaliseExternalRef(system, externalId)).toEqual({ system, externalId, issues: [] });
  });

  it('trims both parts but keeps their case', () => {
    expect(normaliseExternalRef('  ZGH-Care ', '\tAx-01 \n')).toEqual({ system: 'ZGH-Care', externalId: 'Ax-01', issues: [] });
  });

  it.each<[string, string, string[]]>([
    ['', 'A', ['SYSTEM_INVALID']],
    ['z', 'A', ['SYSTEM_INVALID']],
    ['Z'.repeat(65), 'A', ['SYSTEM_INVALID']],
    ['-zgh', 'A', ['SYSTEM_INVALID']],
    ['.zgh', 'A', ['SYSTEM_INVALID']],
    ['zgh care', 'A', ['SYSTEM_INVALID']],
    ['工会系统', 'A', ['SYSTEM_INVALID']],
    ['zgh/care', 'A', ['SYSTEM_INVALID']],
    ['zgh-care', '', ['ID_REQUIRED']],
    ['zgh-care', '   ', ['ID_REQUIRED']],
    ['zgh-care', 'y'.repeat(EXTERNAL_ID_MAX + 1), ['ID_TOO_LONG']],
    ['', ' ', ['SYSTEM_INVALID', 'ID_REQUIRED']],
  ])('refuses system %p with ID %p', (system, externalId, issues) => {
    expect(normaliseExternalRef(system, externalId).issues).toEqual(issues);
  });

  it('counts characters, not bytes or UTF-16 units, against the ID limit', () => {
    expect(normaliseExternalRef('zgh-care', '驿'.repeat(EXTERNAL_ID_MAX)).issues).toEqual([]);
    expect(normaliseExternalRef('zgh-care', '𠀀'.repeat(EXTERNAL_ID_MAX)).issues).toEqual([]);
    expect(normaliseExternalRef('zgh-care', '𠀀'.repeat(EXTERNAL_ID_MAX + 1)).issues).toEqual(['ID_TOO_LONG']);
  });
});

describe('sameValue', () => {
  it.each<[unknown, unknown]>([
    ['安居社区', '安居社区'],
    [3, 3],
    [null, undefined],
    [
      ['A', 'B'],
      ['A', 'B'],
    ],
    [
      { windows: [{ weekday: 'MONDAY', opens: '08:00' }], note: null },
      { note: null, windows: [{ opens: '08:00', weekday: 'MONDAY' }] },
    ],
    [{ a: 1, b: undefined }, { a: 1 }],
    [new Date('2023-06-01T00:00:00Z'), new Date('2023-06-01T00:00:00.000Z')],
  ])('treats %p and %p as the same', (stored, wanted) => {
    expect(sameValue(stored, wanted)).toBe(true);
  });

  it.each<[unknown, unknown]>([
    ['安居社区', '安居社区 '],
    [3, '3'],
    [0, null],
    ['', null],
    [false, null],
    [
      ['A', 'B'],
      ['B', 'A'],
    ],
    [['A'], ['A', 'A']],
    [{ note: null }, { note: '节假日照常开放' }],
    ['12.50', '12.5'],
  ])('tells %p and %p apart', (stored, wanted) => {
    expect(sameValue(stored, wanted)).toBe(false);
  });
});

describe('applyChanges', () => {
  const entity = () => ({ name: '安居社区爱心驿站', restSeats: 6 as number | null, amenities: ['WIFI'], note: '照常开放' as string | null });

  it('writes nothing and reports no change when every given value is the same', () => {
    const record = entity();
    expect(applyChanges(record, { name: '安居社区爱心驿站', restSeats: 6, amenities: ['WIFI'] })).toBe(false);
    expect(record).toEqual(entity());
  });

  it('sets only the fields that differ; undefined means not given, null clears', () => {
    const record = entity();
    expect(applyChanges(record, { name: '安居社区爱心驿站', restSeats: undefined, note: null, amenities: ['WIFI', 'TOILET'] })).toBe(true);
    expect(record).toEqual({ name: '安居社区爱心驿站', restSeats: 6, amenities: ['WIFI', 'TOILET'], note: null });
  });
});

describe('normaliseSystem', () => {
  it('trims and checks the name like a reference’s system', () => {
    expect(normaliseSystem(' HBRS-GIG ')).toEqual({ system: 'HBRS-GIG', valid: true });
    expect(normaliseSystem('has space')).toEqual({ system: 'has space', valid: false });
    expect(normaliseSystem('人社零工')).toEqual({ system: '人社零工', valid: false });
  });
});

describe('systemAccess', () => {
  const HR = 'dept-hr';
  const UNION = 'dept-union';
  const partner = (departmentId: string): SystemCaller => ({ admin: false, departmentId });
  const operator: SystemCaller = { admin: false, departmentId: null };
  const admin: SystemCaller = { admin: true, departmentId: null };
  const adminOfDepartment: SystemCaller = { admin: true, departmentId: UNION };
  const owned = (departmentId: string): SystemOwnership => ({ status: ExternalRefSystemStatus.OWNED, departmentId });
  const unclaimed: SystemOwnership = { status: ExternalRefSystemStatus.UNCLAIMED, departmentId: null };
  const shared: SystemOwnership = { status: ExternalRefSystemStatus.SHARED, departmentId: null };

  // [caller, system (null: never used), adding or upserting (true) or removing (false), outcome]
  it.each<[string, SystemCaller, SystemOwnership | null, boolean, ReturnType<typeof systemAccess>]>([
    ['a partner, a new system, writing', partner(HR), null, true, 'CLAIM'],
    ['a partner, an unclaimed system, writing', partner(HR), unclaimed, true, 'CLAIM'],
    ['a partner, an unclaimed system, removing', partner(HR), unclaimed, false, 'WRITE'],
    ['a partner, its own system', partner(HR), owned(HR), true, 'WRITE'],
    ['a partner, its own system, removing', partner(HR), owned(HR), false, 'WRITE'],
    ['a partner, another department’s system', partner(HR), owned(UNION), true, 'REFUSE'],
    ['a partner, another department’s system, removing', partner(HR), owned(UNION), false, 'REFUSE'],
    ['a partner, a shared system', partner(HR), shared, true, 'WRITE'],
    ['an operator, a new system', operator, null, true, 'WRITE'],
    ['an operator, an unclaimed system', operator, unclaimed, true, 'WRITE'],
    ['an operator, a shared system', operator, shared, true, 'WRITE'],
    ['an operator, an owned system', operator, owned(HR), true, 'REFUSE'],
    ['an operator, an owned system, removing', operator, owned(HR), false, 'REFUSE'],
    ['an administrator, another department’s system', admin, owned(HR), true, 'WRITE'],
    ['an administrator, a new system', admin, null, true, 'WRITE'],
    ['an administrator with a department, an unclaimed system', adminOfDepartment, unclaimed, true, 'WRITE'],
  ])('%s: %s', (_case, caller, system, claims, outcome) => {
    expect(systemAccess(caller, system, claims)).toBe(outcome);
  });
});
