import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Action, checkCanAtStation } from '../../auth/permissions';
import type { Principal } from '../../auth/principal';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { Problems, withUserErrors } from '../../graphql/mutation';
import { savepoint, write } from '../../graphql/unit-of-work';
import { localIdOf, toGlobalId } from '../../graphql/relay';
import { Organization } from '../organization/organization.entity';
import { OrganizationKind, PARTY_ORGANIZATION_KINDS } from '../organization/organization.enums';
import type { OrganizationRecord } from '../organization/organization.types';
import { Person } from '../person/person.entity';
import { PersonRole, ROLE_NAMES_ZH } from '../person/person.enums';
import { ORGANIZATION, PERSON, personNameForMessage, personNameForMessageIn, resolveOrganizationRef, resolvePersonRef } from '../person/person.service';
import type { PersonRecord } from '../person/person.types';
import { Station } from '../station/station.entity';
import { stationsByIds } from '../station/station.reader';
import type { StationPayload } from '../station/station.types';
import { StationGridWorker } from './station-grid-worker.entity';
import type { AssignGridWorkerInput, SetStationManagementInput, UnassignGridWorkerInput } from './station-staff.inputs';

const ORGANIZATION_KIND_NAMES_ZH: Record<OrganizationKind, string> = {
  COMMUNITY_PARTY_ORG: '社区党组织',
  DUAL_REPORTING_PARTY_ORG: '双报到党组织',
  RESIDENT_UNIT_PARTY_ORG: '驻区单位党组织',
  SOCIAL_ORG: '社会组织',
  VOLUNTEER_ORG: '志愿服务组织',
  PROPERTY_SERVICE: '物业服务企业',
  ENTERPRISE: '企业',
  CHAMBER: '商会',
  PUBLIC_INSTITUTION: '事业单位',
  GOVERNMENT_AGENCY: '机关',
  OTHER: '其他组织',
};

/** How a person must be linked to a station: the role they need and what to call the link. */
const CONTACT_CADRE = { role: PersonRole.TWO_COMMITTEES_CADRE, key: 'CONTACT_CADRE_ROLE' } as const;
const GRID_WORKER = { role: PersonRole.GRID_WORKER, key: 'GRID_WORKER_ROLE' } as const;

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<StationPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { station: null, userErrors };
  const [station] = await stationsByIds(ctx.db, [id]);
  return { station, userErrors };
}

function checkManager(problems: Problems, organization: { name: string; kind: OrganizationKind }): void {
  if (!PARTY_ORGANIZATION_KINDS.includes(organization.kind)) {
    problems.add('managingOrganizationId', UserErrorCode.INVALID, 'MANAGER_NOT_PARTY_ORG', {
      name: organization.name,
      kindZh: ORGANIZATION_KIND_NAMES_ZH[organization.kind],
      kind: organization.kind,
    });
  }
}

/** `name` is the person's name as the caller may see it (see personNameForMessage); only read when the role is wrong. */
async function checkRole(problems: Problems, field: string, role: PersonRole, name: () => Promise<string>, link: typeof CONTACT_CADRE | typeof GRID_WORKER): Promise<void> {
  if (role !== link.role) problems.add(field, UserErrorCode.INVALID, link.key, { name: await name(), roleZh: ROLE_NAMES_ZH[role], role });
}

/**
 * Locks (shared) the organization and person about to be linked, so that they cannot change kind,
 * role or active flag before the link commits, and checks them again under the lock (the first
 * look, without one, let the caller's right to staff the station be decided before it).
 */
async function recheckLinked(
  em: EntityManager,
  principal: Principal,
  problems: Problems,
  organization: { field: string; id: string; currentId: string | null } | null,
  person: { field: string; id: string; currentId: string | null; link: typeof CONTACT_CADRE | typeof GRID_WORKER } | null,
): Promise<void> {
  if (organization) {
    const found = await em.findOne(Organization, { id: organization.id }, { lockMode: LockMode.PESSIMISTIC_READ });
    if (!found) problems.add(organization.field, UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en });
    else {
      checkManager(problems, found);
      if (!found.active && found.id !== organization.currentId) {
        problems.add(organization.field, UserErrorCode.INVALID, 'REFERENCE_INACTIVE', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en, name: found.name });
      }
    }
  }
  if (person) {
    const found = await em.findOne(Person, { id: person.id }, { lockMode: LockMode.PESSIMISTIC_READ });
    if (!found) problems.add(person.field, UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: PERSON.zh, kind: PERSON.en });
    else {
      const name = () => personNameForMessageIn(em, principal, found.id);
      await checkRole(problems, person.field, found.role, name, person.link);
      if (!found.active && found.id !== person.currentId) {
        problems.add(person.field, UserErrorCode.INVALID, 'REFERENCE_INACTIVE', { kindZh: PERSON.zh, kind: PERSON.en, name: await name() });
      }
    }
  }
  problems.throwIfAny();
}

/**
 * Sets (or clears) a station's managing party organization and its 联系包保 two-committees
 * cadre. The station's version goes up; an archived station or a stale version changes nothing.
 * The caller's right to staff the station is checked first: a refused caller learns nothing about
 * the organization or person the input names.
 */
export async function setStationManagement(ctx: Context, input: SetStationManagementInput): Promise<StationPayload> {
  const problems = new Problems(ctx.locale);
  const stationId = localIdOf(input.stationId, 'Station');
  if (!stationId) problems.add('stationId', UserErrorCode.INVALID, 'STATION_ID_INVALID');
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_STAFF, stationId, 'stationId'))) return { station: null, userErrors: problems.errors };
  problems.checkVersion(input.version);
  let organization: OrganizationRecord | null | undefined;
  if (input.managingOrganizationId !== undefined) {
    organization = await resolveOrganizationRef(ctx, problems, 'managingOrganizationId', input.managingOrganizationId);
    if (organization) checkManager(problems, organization);
  }
  let cadre: PersonRecord | null | undefined;
  if (input.contactCadreId !== undefined) {
    cadre = input.contactCadreId === null ? null : await resolvePersonRef(ctx, problems, 'contactCadreId', input.contactCadreId);
    if (cadre) await checkRole(problems, 'contactCadreId', cadre.role, () => personNameForMessage(ctx, cadre!), CONTACT_CADRE);
  }
  if (problems.any) return { station: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const station = await em.findOne(Station, { id: stationId! }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!station) problems.add('stationId', UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
      else if (station.archivedAt) problems.add('stationId', UserErrorCode.ARCHIVED, 'ARCHIVED');
      else if (station.version !== input.version) {
        problems.add('version', UserErrorCode.CONFLICT, 'VERSION_CONFLICT', { given: input.version, current: station.version }, { currentVersion: station.version });
      }
      problems.throwIfAny();
      await recheckLinked(
        em,
        ctx.principal,
        problems,
        organization ? { field: 'managingOrganizationId', id: organization.dbId, currentId: station!.managingOrganization?.id ?? null } : null,
        cadre ? { field: 'contactCadreId', id: cadre.dbId, currentId: station!.contactCadre?.id ?? null, link: CONTACT_CADRE } : null,
      );
      if (organization !== undefined) station!.managingOrganization = organization ? em.getReference(Organization, organization.dbId) : null;
      if (cadre !== undefined) station!.contactCadre = cadre ? em.getReference(Person, cadre.dbId) : null;
      await em.flush();
      return station!.id;
    }),
  );
}

/** Locks a station against archiving while a link to it is written; archived or missing stations are user errors. */
async function lockStationShared(em: EntityManager, problems: Problems, stationId: string): Promise<void> {
  const [row] = await em.execute<{ archived_at: string | null }[]>('select archived_at from station where id = ? for share', [stationId]);
  if (!row) problems.add('stationId', UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
  else if (row.archived_at) problems.add('stationId', UserErrorCode.ARCHIVED, 'ARCHIVED');
  problems.throwIfAny();
}

/**
 * Stations a grid worker at a station (网格员驻点); the station's own version does not change.
 * The caller's right to staff the station is checked before the person is looked at.
 */
export async function assignGridWorker(ctx: Context, input: AssignGridWorkerInput): Promise<StationPayload> {
  const problems = new Problems(ctx.locale);
  const stationId = localIdOf(input.stationId, 'Station');
  if (!stationId) problems.add('stationId', UserErrorCode.INVALID, 'STATION_ID_INVALID');
  if (!(await checkCanAtStation(ctx, problems, Action.WRITE_STAFF, stationId, 'stationId'))) return { station: null, userErrors: problems.errors };
  const person = await resolvePersonRef(ctx, problems, 'personId', input.personId);
  if (person) {
    const name = () => personNameForMessage(ctx, person);
    await checkRole(problems, 'personId', person.role, name, GRID_WORKER);
    if (!person.active) problems.add('personId', UserErrorCode.INVALID, 'REFERENCE_INACTIVE', { kindZh: PERSON.zh, kind: PERSON.en, name: await name() });
  }
  if (problems.any) return { station: null, userErrors: problems.errors };

  return toPayload(ctx, async () => {
    try {
      return await savepoint(ctx, async (em) => {
        await lockStationShared(em, problems, stationId!);
        await recheckLinked(em, ctx.principal, problems, null, { field: 'personId', id: person!.dbId, currentId: null, link: GRID_WORKER });
        em.create(StationGridWorker, { station: em.getReference(Station, stationId!), person: em.getReference(Person, person!.dbId), since: input.since });
        await em.flush();
        return stationId!;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        problems.add('personId', UserErrorCode.INVALID, 'GRID_WORKER_ALREADY_ASSIGNED', { name: await personNameForMessage(ctx, person!) });
        problems.throwIfAny();
      }
      throw error;
    }
  });
}

/** Ends a grid worker's stationing at a station; deletedId is the stationing's global ID (the feed's tombstone). */
export async function unassignGridWorker(ctx: Context, input: UnassignGridWorkerInput): Promise<StationPayload & { deletedId: string | null }> {
  const problems = new Problems(ctx.locale);
  const stationId = localIdOf(input.stationId, 'Station');
  const personId = localIdOf(input.personId, 'Person');
  if (!stationId) problems.add('stationId', UserErrorCode.INVALID, 'STATION_ID_INVALID');
  if (!personId) problems.add('personId', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: PERSON.zh, kind: PERSON.en });
  await checkCanAtStation(ctx, problems, Action.WRITE_STAFF, stationId, 'stationId');
  if (problems.any) return { station: null, deletedId: null, userErrors: problems.errors };

  const payload = await toPayload(ctx, () =>
    write(ctx, async (em) => {
      await lockStationShared(em, problems, stationId!);
      const link = await em.findOne(StationGridWorker, { station: stationId!, person: personId! });
      if (!link) problems.add('personId', UserErrorCode.NOT_FOUND, 'GRID_WORKER_NOT_ASSIGNED');
      problems.throwIfAny();
      em.remove(link!);
      await em.flush();
      return stationId!;
    }),
  );
  return { ...payload, deletedId: payload.station ? toGlobalId('StationGridWorker', `${stationId}:${personId}`) : null };
}
