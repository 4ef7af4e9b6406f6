import { Action, can, mayEver, personalValueAt, seesMaskedPersonalData, seesPersonalData } from '../../src/auth/permissions';
import { maskIdNumber, maskName, maskPhone } from '../../src/auth/masking';
import { ANONYMOUS, type AuthenticatedPrincipal, type Principal } from '../../src/auth/principal';
import { Role } from '../../src/auth/roles';

const FANCHENG = '420000/420600/420606/';
const ANJU = `${FANCHENG}420606002000/420606002011/`;
const XIANGCHENG_COMMUNITY = '420000/420600/420602/420602001000/420602001001/';
const ZGH = 'dept-zgh';
const RSJ = 'dept-rsj';

function principal(roles: Role[], scope: { regionPath?: string; departmentId?: string } = {}): AuthenticatedPrincipal {
  return {
    kind: 'client',
    id: roles.join('+'),
    name: roles.join('+'),
    roles,
    departmentId: scope.departmentId ?? null,
    departmentCode: null,
    regionId: scope.regionPath ? 1 : null,
    regionCode: null,
    regionPath: scope.regionPath ?? null,
  };
}

const admin = principal([Role.ADMIN]);
const fanchengOperator = principal([Role.REGION_OPERATOR], { regionPath: FANCHENG });
const unionPartner = principal([Role.DEPARTMENT_PARTNER], { departmentId: ZGH });
const analyst = principal([Role.ANALYST]);

/** Each caller × action × record: the expected answer of the matrix. */
const MATRIX: [string, Principal, Action, { regionPath?: string; departmentId?: string }, boolean][] = [
  ['admin writes a station anywhere', admin, Action.WRITE_STATION, { regionPath: XIANGCHENG_COMMUNITY }, true],
  ['admin administers', admin, Action.ADMINISTER, {}, true],
  ['admin reads the audit trail', admin, Action.READ_AUDIT, {}, true],
  ['an operator writes a station in its district', fanchengOperator, Action.WRITE_STATION, { regionPath: ANJU }, true],
  ['an operator writes staff in its district', fanchengOperator, Action.WRITE_STAFF, { regionPath: ANJU }, true],
  ['an operator writes co-building in its district', fanchengOperator, Action.WRITE_COMMUNITY, { regionPath: ANJU }, true],
  ['an operator may not write outside its district', fanchengOperator, Action.WRITE_STATION, { regionPath: XIANGCHENG_COMMUNITY }, false],
  ['an operator may not write a record without a region', fanchengOperator, Action.WRITE_STATION, {}, false],
  ['an operator may not write platforms', fanchengOperator, Action.WRITE_PLATFORM, { regionPath: ANJU, departmentId: ZGH }, false],
  ['an operator may not administer', fanchengOperator, Action.ADMINISTER, {}, false],
  ['a partner writes its own platforms', unionPartner, Action.WRITE_PLATFORM, { departmentId: ZGH }, true],
  ['a partner writes its own service items', unionPartner, Action.WRITE_SERVICE_ITEM, { departmentId: ZGH }, true],
  ["a partner may not write another department's platform", unionPartner, Action.WRITE_PLATFORM, { departmentId: RSJ }, false],
  ['a partner may not write stations', unionPartner, Action.WRITE_STATION, { regionPath: ANJU }, false],
  ['a partner may not read the audit trail', unionPartner, Action.READ_AUDIT, {}, false],
  ['an analyst writes nothing', analyst, Action.WRITE_STATION, { regionPath: ANJU }, false],
  ['an analyst writes no platforms', analyst, Action.WRITE_PLATFORM, { departmentId: ZGH }, false],
  ['an operator handles the needs of its district', fanchengOperator, Action.HANDLE_NEED, { regionPath: ANJU }, true],
  ["an operator may not handle another district's needs", fanchengOperator, Action.HANDLE_NEED, { regionPath: XIANGCHENG_COMMUNITY }, false],
  ['an operator does not resolve as a department', fanchengOperator, Action.RESOLVE_REFERRED_NEED, { departmentId: ZGH }, false],
  ['a partner resolves needs referred to it', unionPartner, Action.RESOLVE_REFERRED_NEED, { departmentId: ZGH }, true],
  ['a partner may not resolve needs referred to another department', unionPartner, Action.RESOLVE_REFERRED_NEED, { departmentId: RSJ }, false],
  ['a partner does not handle needs as a community', unionPartner, Action.HANDLE_NEED, { regionPath: ANJU, departmentId: ZGH }, false],
  ['an analyst handles no needs', analyst, Action.HANDLE_NEED, { regionPath: ANJU }, false],
  ['anonymous handles no needs', ANONYMOUS, Action.HANDLE_NEED, { regionPath: ANJU }, false],
  ['anonymous writes nothing', ANONYMOUS, Action.WRITE_STATION, { regionPath: ANJU }, false],
  ['anonymous writes no service items', ANONYMOUS, Action.WRITE_SERVICE_ITEM, { departmentId: ZGH }, false],
];

describe('permission matrix', () => {
  it.each(MATRIX)('%s', (_name, who, action, scope, expected) => {
    expect(can(who, action, scope)).toBe(expected);
  });

  it('knows which callers may do an action anywhere (what a missing record is checked against)', () => {
    expect(mayEver(admin, Action.ADMINISTER)).toBe(true);
    expect(mayEver(fanchengOperator, Action.WRITE_STATION)).toBe(true);
    expect(mayEver(fanchengOperator, Action.WRITE_PLATFORM)).toBe(false);
    expect(mayEver(unionPartner, Action.WRITE_SERVICE_ITEM)).toBe(true);
    expect(mayEver(unionPartner, Action.WRITE_STAFF)).toBe(false);
    expect(mayEver(analyst, Action.WRITE_COMMUNITY)).toBe(false);
    expect(mayEver(ANONYMOUS, Action.WRITE_STATION)).toBe(false);
  });

  it('does not let a region prefix that is not a path boundary pass', () => {
    const street = principal([Role.REGION_OPERATOR], { regionPath: '420000/420600/420606/420606002000/' });
    expect(can(street, Action.WRITE_STATION, { regionPath: '420000/420600/420606/420606002000/420606002011/' })).toBe(true);
    expect(can(street, Action.WRITE_STATION, { regionPath: '420000/420600/420606/420606003000/420606003001/' })).toBe(false);
  });

  it('shows personal data whole to admins and the region operator, masked to partners, never to analysts or anonymous', () => {
    expect(seesPersonalData(admin, XIANGCHENG_COMMUNITY)).toBe(true);
    expect(seesPersonalData(fanchengOperator, ANJU)).toBe(true);
    expect(seesPersonalData(fanchengOperator, XIANGCHENG_COMMUNITY)).toBe(false);
    expect(seesMaskedPersonalData(fanchengOperator)).toBe(true);
    expect(seesPersonalData(unionPartner, ANJU)).toBe(false);
    expect(seesMaskedPersonalData(unionPartner)).toBe(true);
    expect(seesPersonalData(analyst, ANJU) || seesMaskedPersonalData(analyst)).toBe(false);
    expect(seesPersonalData(ANONYMOUS, ANJU) || seesMaskedPersonalData(ANONYMOUS)).toBe(false);
  });

  it('gives a personal value whole, masked or not at all, by caller and by where the record sits', () => {
    const name = (who: Principal, regionPath: string | null) => personalValueAt(who, '欧阳明远', regionPath, maskName);
    expect(name(admin, XIANGCHENG_COMMUNITY)).toBe('欧阳明远');
    expect(name(admin, null)).toBe('欧阳明远');
    expect(name(fanchengOperator, ANJU)).toBe('欧阳明远');
    expect(name(fanchengOperator, XIANGCHENG_COMMUNITY)).toBe('欧**远');
    expect(name(fanchengOperator, null)).toBe('欧**远');
    expect(name(unionPartner, ANJU)).toBe('欧**远');
    expect(name(analyst, ANJU)).toBeNull();
    expect(name(ANONYMOUS, ANJU)).toBeNull();
  });
});

describe('masking', () => {
  it('masks phones as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0710-3456789')).toBe('0710****6789');
    expect(maskPhone('123')).toBe('***');
  });

  it('masks names keeping the first and last character', () => {
    expect(maskName('张建明')).toBe('张*明');
    expect(maskName('欧阳晓红')).toBe('欧**红');
    expect(maskName('李娜')).toBe('李*');
    expect(maskName('王')).toBe('*');
  });

  it('masks ID numbers keeping the region and the check character', () => {
    expect(maskIdNumber('42060619800101123X')).toBe('420606***********X');
    expect(maskIdNumber('1234')).toBe('****');
  });
});
