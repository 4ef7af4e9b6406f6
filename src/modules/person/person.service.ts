import { randomUUID } from 'node:crypto';
import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { maskName } from '../../auth/masking';
import { Action, can, checkCan, checkCanInRegion, mayEver, personalValue, personalValueAt, seesPersonalData } from '../../auth/permissions';
import type { Principal } from '../../auth/principal';
import type { Context } from '../../graphql/context';
import { ErrorCode, localizedError, UserErrorCode, type UserError } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { savepoint, write } from '../../graphql/unit-of-work';
import { localIdOf } from '../../graphql/relay';
import { Organization } from '../organization/organization.entity';
import type { OrganizationRecord } from '../organization/organization.types';
import { RegionLevel } from '../region/region-level';
import { Region } from '../region/region.entity';
import type { RegionRecord } from '../region/region.types';
import { normalisePhone } from './phone';
import { Person } from './person.entity';
import { PersonRole } from './person.enums';
import type { CreatePersonInput, DeletePersonInput, UpdatePersonInput } from './person.inputs';
import { peopleByIds } from './person.reader';
import type { PersonPayload, PersonRecord } from './person.types';

export const PERSON: RecordKind = { zh: '人员', en: 'person' };
export const ORGANIZATION: RecordKind = { zh: '组织', en: 'organization' };
const NAME: RecordKind = { zh: '姓名', en: 'name' };
export const PERSON_NAME_MAX = 50;

/** Levels of region a person can serve: a community or village, or a street or township. */
const PERSON_REGION_LEVELS: readonly RegionLevel[] = [RegionLevel.COMMUNITY, RegionLevel.STREET];

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<PersonPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { person: null, userErrors };
  const [person] = await peopleByIds(ctx.db, [id]);
  return { person, userErrors };
}

function checkPhone(problems: Problems, raw: string | null | undefined): string | null | undefined {
  if (raw == null) return raw;
  if (!raw.trim()) return null;
  const phone = normalisePhone(raw);
  if (!phone) problems.add('phone', UserErrorCode.INVALID, 'PHONE_INVALID');
  return phone;
}

/** The community or street an input names (null clears it); a user error when it is neither. */
async function resolvePersonRegion(ctx: Context, problems: Problems, code: string | null | undefined): Promise<RegionRecord | null | undefined> {
  if (code == null) return code;
  const region = await ctx.loaders.regionByCode.load(code.trim());
  if (!region) problems.add('regionCode', UserErrorCode.NOT_FOUND, 'REGION_NOT_FOUND', { code });
  else if (!PERSON_REGION_LEVELS.includes(region.level)) {
    problems.add('regionCode', UserErrorCode.INVALID, 'PERSON_REGION_LEVEL', { name: region.name, code: region.code });
  } else return region;
  return undefined;
}

/**
 * The organization an input names by ID (null clears it), without a lock: what needs it locked
 * (its kind or active flag at the moment the link commits) locks it itself (see recheckLinked);
 * whether an inactive one may stay referenced is the caller's decision.
 */
export async function resolveOrganizationRef(ctx: Context, problems: Problems, field: string, id: string | null | undefined): Promise<OrganizationRecord | null | undefined> {
  if (id == null) return id;
  const localId = localIdOf(id, 'Organization');
  const organization = localId ? await ctx.loaders.organizationById.load(localId) : null;
  if (!localId) problems.invalidId(field, ORGANIZATION);
  else if (!organization) problems.add(field, UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en });
  return organization ?? undefined;
}

/** The person an input names by ID, without a lock; a user error at `field` when there is none. */
export async function resolvePersonRef(ctx: Context, problems: Problems, field: string, id: string): Promise<PersonRecord | undefined> {
  const localId = localIdOf(id, 'Person');
  const person = localId ? await ctx.loaders.personById.load(localId) : null;
  if (!localId) problems.invalidId(field, PERSON);
  else if (!person) problems.add(field, UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: PERSON.zh, kind: PERSON.en });
  return person ?? undefined;
}

/**
 * Searching or sorting people by name tells the caller about the names it lists, so it is only
 * for callers who see every listed name whole (PIPL): administrators, and region operators whose
 * filter.regionCode lies inside their own region. Anyone else gets a FORBIDDEN error at `field`.
 * Returns whether the caller may continue a NAME-ordered list from a person of a region path.
 */
export async function assertMayUseNames(ctx: Context, regionCode: string | undefined, field: string): Promise<(regionPath: string | null) => boolean> {
  const { principal } = ctx;
  const region = regionCode ? await ctx.loaders.regionByCode.load(regionCode.trim()) : null;
  if (!seesPersonalData(principal, region?.path)) {
    throw localizedError('PEOPLE_NAME_SEARCH_FORBIDDEN', {}, { code: ErrorCode.FORBIDDEN, field });
  }
  return (regionPath) => seesPersonalData(principal, regionPath);
}

/** Stands in for a name the caller may not see at all; only analysts and anonymous callers, who never get past a write's permission check. */
const HIDDEN_NAME = '***';

/**
 * A person's name for a user-facing message, as this caller may see it (PIPL): whole for
 * administrators and the operator of the person's region, masked (张*明) for other operators.
 * Reads nothing.
 */
export function nameForMessage(principal: Principal, name: string, regionPath: string | null | undefined): string {
  return personalValueAt(principal, name, regionPath, maskName) ?? HIDDEN_NAME;
}

/** nameForMessage for a person as a loader read it (the region's path through the loaders). */
export async function personNameForMessage(ctx: Context, person: { name: string; regionId: number | null }): Promise<string> {
  return (await personalValue(ctx, person.name, person.regionId, maskName)) ?? HIDDEN_NAME;
}

/** nameForMessage for a person by id, with its region's path, in one statement. */
export async function personNameForMessageIn(em: EntityManager, principal: Principal, personId: string): Promise<string> {
  const [row] = await em.execute<{ name: string; path: string | null }[]>('select p.name, r.path from person p left join region r on r.id = p.region_id where p.id = ?', [
    personId,
  ]);
  return row ? nameForMessage(principal, row.name, row.path) : HIDDEN_NAME;
}

/**
 * Whether the caller may have a person serve `region` (register them there, or move them there):
 * it must be inside an operator's own region. `null` is no region at all, which only
 * administrators may leave a person with; `undefined` is a region that could not be found (its
 * user error is already added).
 */
function checkCanServe(ctx: Context, problems: Problems, region: RegionRecord | null | undefined): boolean {
  const { principal } = ctx;
  if (region === null && mayEver(principal, Action.WRITE_STAFF) && !can(principal, Action.WRITE_STAFF, { regionPath: null })) {
    problems.add('regionCode', UserErrorCode.FORBIDDEN, 'FORBIDDEN_REGION_REQUIRED', { region: principal.kind === 'anonymous' ? '' : (principal.regionCode ?? '') });
    return false;
  }
  return checkCan(ctx, problems, Action.WRITE_STAFF, region ? { regionPath: region.path } : region === null ? { regionPath: null } : null, 'regionCode');
}

/**
 * Registers a person. The caller's right to register people in the region comes first: a
 * refused caller learns nothing about the organization the input names.
 */
export async function createPerson(ctx: Context, input: CreatePersonInput): Promise<PersonPayload> {
  const problems = new Problems(ctx.locale);
  const region = await resolvePersonRegion(ctx, problems, input.regionCode);
  if (!checkCanServe(ctx, problems, input.regionCode == null ? null : region)) return { person: null, userErrors: problems.errors };
  const name = checkText(problems, 'name', input.name, PERSON_NAME_MAX, NAME);
  const phone = checkPhone(problems, input.phone);
  const organization = await resolveOrganizationRef(ctx, problems, 'organizationId', input.organizationId);
  if (organization && !organization.active) {
    problems.add('organizationId', UserErrorCode.INVALID, 'REFERENCE_INACTIVE', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en, name: organization.name });
  }
  if (problems.any) return { person: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const person = em.create(Person, {
        id: randomUUID(),
        name: name!,
        role: input.role,
        phone: phone ?? null,
        isPartyMember: input.isPartyMember,
        organization: organization ? em.getReference(Organization, organization.dbId) : null,
        region: region ? em.getReference(Region, region.dbId) : null,
      });
      await em.flush();
      return person.id;
    }),
  );
}

/** Stations (not archived) that hold a person as contact cadre, and those they are stationed at as grid worker. */
async function countStationLinks(em: EntityManager, personId: string): Promise<{ contactCadre: number; gridWorker: number }> {
  const [row] = await em.execute<{ contact_cadre: number; grid_worker: number }[]>(
    `select (select count(*)::int from station s where s.contact_cadre_id = ? and s.archived_at is null) as contact_cadre,
            (select count(*)::int from station_grid_worker g join station s on s.id = g.station_id
              where g.person_id = ? and s.archived_at is null) as grid_worker`,
    [personId, personId],
  );
  return { contactCadre: row.contact_cadre, gridWorker: row.grid_worker };
}

/**
 * Changes the given fields. A person who is a station's contact cadre or stationed grid worker
 * keeps that role and stays active until the station's link is changed: otherwise a station
 * would name a contact who is no longer a 两委 cadre, or an inactive grid worker.
 */
export async function updatePerson(ctx: Context, input: UpdatePersonInput): Promise<PersonPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'Person');
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: PERSON.zh, kind: PERSON.en });
  const current = localId ? await ctx.loaders.personById.load(localId) : null;
  if (!(await checkCanInRegion(ctx, problems, Action.WRITE_STAFF, current))) {
    return { person: null, userErrors: problems.errors };
  }
  const name = checkText(problems, 'name', input.name, PERSON_NAME_MAX, NAME);
  const phone = checkPhone(problems, input.phone);
  const organization = await resolveOrganizationRef(ctx, problems, 'organizationId', input.organizationId);
  const region = await resolvePersonRegion(ctx, problems, input.regionCode);
  // Moving a person to another region needs the right to write there too; taking their region
  // away (null) would move them out of every operator's region, so only administrators may.
  if (input.regionCode !== undefined && region !== undefined) checkCanServe(ctx, problems, region);
  if (problems.any) return { person: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const person = await lockVersioned(em, Person, localId!, input.version, problems, PERSON);
      if (organization && !organization.active && person.organization?.id !== organization.dbId) {
        problems.add('organizationId', UserErrorCode.INVALID, 'REFERENCE_INACTIVE', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en, name: organization.name });
      }
      const leavesRole = input.role != null && input.role !== person.role;
      const deactivates = input.active === false && person.active;
      if (leavesRole || deactivates) {
        const links = await countStationLinks(em, person.id);
        const field = leavesRole ? 'role' : 'active';
        if (links.contactCadre > 0 && person.role === PersonRole.TWO_COMMITTEES_CADRE) {
          problems.add(field, UserErrorCode.IN_USE, 'PERSON_LINKED_TO_STATIONS', { count: links.contactCadre, linkZh: '联系包保干部', link: 'contact cadre' });
        }
        if (links.gridWorker > 0) {
          problems.add(field, UserErrorCode.IN_USE, 'PERSON_LINKED_TO_STATIONS', { count: links.gridWorker, linkZh: '驻点网格员', link: 'stationed grid worker' });
        }
      }
      problems.throwIfAny();
      if (name != null) person.name = name;
      if (input.role != null) person.role = input.role;
      if (phone !== undefined) person.phone = phone;
      if (input.isPartyMember != null) person.isPartyMember = input.isPartyMember;
      if (organization !== undefined) person.organization = organization ? em.getReference(Organization, organization.dbId) : null;
      if (region !== undefined) person.region = region ? em.getReference(Region, region.dbId) : null;
      if (input.active != null) person.active = input.active;
      return person.id;
    }),
  );
}

/**
 * Whether a delete failed because rows elsewhere still refer to the record. `on delete restrict`
 * raises SQLSTATE 23001 (restrict_violation), which MikroORM leaves as a plain DriverException;
 * a NO ACTION foreign key raises 23503, which it converts.
 */
function isStillReferenced(error: unknown): boolean {
  return error instanceof ForeignKeyConstraintViolationException || (error as { code?: string }).code === '23001';
}

/**
 * Deletes a person registered by mistake. Anyone a shift or a station refers to stays (the
 * foreign keys refuse the delete, whatever table the reference is in): deactivate them instead.
 */
export async function deletePerson(ctx: Context, input: DeletePersonInput): Promise<{ deletedId: string | null; userErrors: UserError[] }> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'Person');
  if (!localId) {
    problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: PERSON.zh, kind: PERSON.en });
    return { deletedId: null, userErrors: problems.errors };
  }
  const current = await ctx.loaders.personById.load(localId);
  if (!(await checkCanInRegion(ctx, problems, Action.WRITE_STAFF, current))) {
    return { deletedId: null, userErrors: problems.errors };
  }
  const { value, userErrors } = await withUserErrors(ctx, async () => {
    try {
      await savepoint(ctx, async (em) => {
        const person = await lockVersioned(em, Person, localId, input.version, problems, PERSON);
        em.remove(person);
        await em.flush();
      });
    } catch (error) {
      if (isStillReferenced(error)) {
        problems.add('id', UserErrorCode.IN_USE, 'PERSON_IN_USE');
        problems.throwIfAny();
      }
      throw error;
    }
    return input.id;
  });
  return { deletedId: value, userErrors };
}
