import fs from 'node:fs';
import path from 'node:path';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { assertEveryFieldDeclared, reachableFields, VISIBILITY_EXTENSION } from '../../src/auth/visibility';
import { ANONYMOUS, type Principal } from '../../src/auth/principal';
import { Role } from '../../src/auth/roles';
import { getSchema } from '../../src/graphql/schema';

/**
 * What each role can reach, walked from the schema itself and compared with the checked-in
 * test/visibility/reachable.txt: any change in what a role may read shows up in review.
 * After a deliberate change, regenerate it: UPDATE_VISIBILITY=1 npx jest test/unit/visibility.test.ts
 */
const SNAPSHOT = path.join(__dirname, '..', 'visibility', 'reachable.txt');

function client(roles: Role[]): Principal {
  return { kind: 'client', id: 'c', name: 'c', roles, departmentId: null, departmentCode: null, regionId: null, regionCode: null, regionPath: null };
}

const CALLERS: [string, Principal][] = [
  ['anonymous', ANONYMOUS],
  ['ANALYST', client([Role.ANALYST])],
  ['DEPARTMENT_PARTNER', client([Role.DEPARTMENT_PARTNER])],
  ['REGION_OPERATOR', client([Role.REGION_OPERATOR])],
  ['ADMIN', client([Role.ADMIN])],
];

function render(): string {
  const schema = getSchema();
  return CALLERS.map(([label, principal]) => {
    const fields = reachableFields(schema, principal);
    return `## ${label} (${fields.length} fields)\n${fields.join('\n')}\n`;
  }).join('\n');
}

describe('visibility declarations', () => {
  it('match the checked-in list of what each role can reach', () => {
    const current = render();
    if (process.env.UPDATE_VISIBILITY === '1') fs.writeFileSync(SNAPSHOT, current);
    expect(current).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });

  it('keep anonymous callers to public station facts and analysts away from personal data and the audit trail', () => {
    const schema = getSchema();
    const anonymous = reachableFields(schema, ANONYMOUS);
    for (const forbidden of [
      'Person.',
      'Organization.',
      'DutyShift.',
      'CoBuilding.',
      'Activity.',
      'AuditEvent.',
      'Station.contactCadre',
      'Query.people',
      'Query.auditEvents',
      'ExternalRef.',
    ]) {
      expect(anonymous.filter((field) => field.startsWith(forbidden))).toEqual([]);
    }
    expect(anonymous).toEqual(expect.arrayContaining(['Query.stations', 'Station.name', 'Station.region', 'Mutation.createStation']));
    const analyst = reachableFields(schema, client([Role.ANALYST]));
    expect(analyst).toEqual(expect.arrayContaining(['Person.name (personal: NAME)', 'Query.people']));
    expect(analyst.filter((field) => field.startsWith('AuditEvent.') || field === 'Query.auditEvents')).toEqual([]);
    expect(reachableFields(schema, client([Role.ADMIN]))).toEqual(expect.arrayContaining(['Query.auditEvents', 'AuditEvent.changes']));
  });

  it('refuse a schema in which a type or a field has no declaration', () => {
    const declared = { [VISIBILITY_EXTENSION]: { kind: 'PUBLIC' } };
    const build = (fieldExtensions: Record<string, unknown>, typeExtensions: Record<string, unknown> = declared) =>
      new GraphQLSchema({
        query: new GraphQLObjectType({
          name: 'Query',
          extensions: typeExtensions,
          fields: { ok: { type: GraphQLString, extensions: declared }, secret: { type: GraphQLString, extensions: fieldExtensions } },
        }),
      });
    expect(() => assertEveryFieldDeclared(build(declared))).not.toThrow();
    expect(() => assertEveryFieldDeclared(build({}))).toThrow(/missing: Query\.secret/);
    expect(() => assertEveryFieldDeclared(build(declared, {}))).toThrow(/missing: Query$/);
  });
});
