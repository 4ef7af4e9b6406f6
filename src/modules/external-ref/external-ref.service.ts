import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Action, checkCan, checkCanInRegion, mayEver } from '../../auth/permissions';
import { hasRole, type Principal } from '../../auth/principal';
import { Role } from '../../auth/roles';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { Problems, withUserErrors } from '../../graphql/mutation';
import { savepoint, write } from '../../graphql/unit-of-work';
import { localIdOf, toGlobalId } from '../../graphql/relay';
import { Department } from '../department/department.entity';
import { DEPARTMENT } from '../department/department.service';
import type { DepartmentRecord } from '../department/department.types';
import { Organization } from '../organization/organization.entity';
import type { OrganizationRecord } from '../organization/organization.types';
import { Platform } from '../platform/platform.entity';
import type { PlatformRecord } from '../platform/platform.types';
import { DeliberationVenue } from '../deliberation-venue/deliberation-venue.entity';
import type { DeliberationVenueRecord } from '../deliberation-venue/deliberation-venue.types';
import { ServiceItem, StationServiceItem } from '../service-item/service-item.entity';
import { VolunteerTeam } from '../volunteer-team/volunteer-team.entity';
import type { VolunteerTeamRecord } from '../volunteer-team/volunteer-team.types';
import type { ServiceItemRecord, StationServiceItemRecord } from '../service-item/service-item.types';
import { ExternalRef, ExternalRefSystem } from './external-ref.entity';
import { ExternalRecordType, ExternalRefSystemStatus, RECORD_KINDS } from './external-ref.enums';
import type { AddExternalRefInput, AssignExternalRefSystemInput, RemoveExternalRefInput } from './external-ref.inputs';
import { externalRefsByKeys, externalRefsOfRecords, externalRefSystemsByNames, type ExternalRefKey } from './external-ref.reader';
import { EXTERNAL_ID_MAX, normaliseExternalRef, normaliseSystem, systemAccess, type SystemCaller, type SystemOwnership } from './external-ref.rules';
import type { AddExternalRefResult, AssignExternalRefSystemResult, ExternalRecord, ExternalRefRecord, RemoveExternalRefResult } from './external-ref.types';

/** The entity behind each record type (the transaction locks its row). */
const ENTITIES: Record<ExternalRecordType, EntityClass<{ id: string }>> = {
  Platform,
  ServiceItem,
  StationServiceItem,
  Organization,
  VolunteerTeam,
  DeliberationVenue,
};

/** The action that writes each record type (and so may attach or remove its references). */
const WRITE_ACTIONS: Record<ExternalRecordType, Action> = {
  Platform: Action.WRITE_PLATFORM,
  ServiceItem: Action.WRITE_SERVICE_ITEM,
  StationServiceItem: Action.WRITE_SERVICE_ITEM,
  Organization: Action.WRITE_COMMUNITY,
  VolunteerTeam: Action.WRITE_COMMUNITY,
  DeliberationVenue: Action.WRITE_COMMUNITY,
};

/**
 * Checks a (system, external ID) pair of an input, adding user errors at `<prefix>system` and
 * `<prefix>externalId`. Returns the trimmed pair, or undefined when it has problems.
 */
export function checkExternalRefKey(problems: Problems, prefix: string, type: ExternalRecordType, system: string, externalId: string): ExternalRefKey | undefined {
  const checked = normaliseExternalRef(system, externalId);
  for (const issue of checked.issues) {
    if (issue === 'SYSTEM_INVALID') problems.add(`${prefix}system`, UserErrorCode.INVALID, 'EXTERNAL_REF_SYSTEM_INVALID', { system });
    else if (issue === 'ID_REQUIRED') problems.add(`${prefix}externalId`, UserErrorCode.REQUIRED, 'EXTERNAL_REF_ID_REQUIRED');
    else problems.add(`${prefix}externalId`, UserErrorCode.TOO_LONG, 'EXTERNAL_REF_ID_TOO_LONG', { max: EXTERNAL_ID_MAX });
  }
  return checked.issues.length ? undefined : { type, system: checked.system, externalId: checked.externalId };
}

/** A record of the type by local id, through the request's loaders. */
export function loadExternalRecord(ctx: Context, type: ExternalRecordType, localId: string): Promise<ExternalRecord | null> {
  switch (type) {
    case ExternalRecordType.PLATFORM:
      return ctx.loaders.platformById.load(localId);
    case ExternalRecordType.SERVICE_ITEM:
      return ctx.loaders.serviceItemById.load(localId);
    case ExternalRecordType.STATION_SERVICE_ITEM:
      return ctx.loaders.stationServiceItemById.load(localId);
    case ExternalRecordType.ORGANIZATION:
      return ctx.loaders.organizationById.load(localId);
    case ExternalRecordType.VOLUNTEER_TEAM:
      return ctx.loaders.volunteerTeamById.load(localId);
    case ExternalRecordType.DELIBERATION_VENUE:
      return ctx.loaders.deliberationVenueById.load(localId);
  }
}

/** How a record is named in messages: its name (a platform, organization, team or venue), an item with its code, a push-down by station and item. */
async function describeRecord(ctx: Context, type: ExternalRecordType, localId: string): Promise<string> {
  const record = await loadExternalRecord(ctx, type, localId);
  if (!record) return '';
  switch (type) {
    case ExternalRecordType.PLATFORM:
    case ExternalRecordType.ORGANIZATION:
    case ExternalRecordType.VOLUNTEER_TEAM:
    case ExternalRecordType.DELIBERATION_VENUE:
      return (record as PlatformRecord | OrganizationRecord | VolunteerTeamRecord | DeliberationVenueRecord).name;
    case ExternalRecordType.SERVICE_ITEM: {
      const item = record as ServiceItemRecord;
      return `${item.name}（${item.code}）`;
    }
    case ExternalRecordType.STATION_SERVICE_ITEM: {
      const pushDown = record as StationServiceItemRecord;
      const [station, item] = await Promise.all([ctx.loaders.stationById.load(pushDown.stationId), ctx.loaders.serviceItemById.load(pushDown.serviceItemId)]);
      return `${station?.name ?? ''}·${item?.name ?? ''}`;
    }
  }
}

/**
 * The right to write a record (attaching or removing its references needs it): its department
 * for platforms, items and push-downs (the item's), its region for organizations, volunteer teams
 * and deliberation venues. `record` null: the record was not found, which the caller is told instead.
 */
async function checkCanWriteRecord(ctx: Context, problems: Problems, type: ExternalRecordType, record: ExternalRecord | null): Promise<boolean> {
  const action = WRITE_ACTIONS[type];
  if (!record) return checkCan(ctx, problems, action, null);
  switch (type) {
    case ExternalRecordType.PLATFORM:
    case ExternalRecordType.SERVICE_ITEM:
      return checkCan(ctx, problems, action, { departmentId: (record as PlatformRecord | ServiceItemRecord).departmentId });
    case ExternalRecordType.STATION_SERVICE_ITEM: {
      const item = await ctx.loaders.serviceItemById.load((record as StationServiceItemRecord).serviceItemId);
      return checkCan(ctx, problems, action, { departmentId: item?.departmentId });
    }
    case ExternalRecordType.ORGANIZATION:
    case ExternalRecordType.VOLUNTEER_TEAM:
    case ExternalRecordType.DELIBERATION_VENUE:
      return checkCanInRegion(ctx, problems, action, record as OrganizationRecord | VolunteerTeamRecord | DeliberationVenueRecord);
  }
}

function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  return error instanceof UniqueConstraintViolationException && (error as { constraint?: string }).constraint === constraint;
}

/** Adds EXTERNAL_REF_TAKEN at `field`, naming the record that holds the reference (after the refused write's savepoint was rolled back). */
async function addTaken(ctx: Context, problems: Problems, field: string, key: ExternalRefKey): Promise<void> {
  const [holder] = await externalRefsByKeys(ctx.db, [key]);
  const kind = RECORD_KINDS[key.type];
  const name = holder ? await describeRecord(ctx, key.type, holder.recordId) : '';
  problems.exists(
    field,
    'EXTERNAL_REF_TAKEN',
    { system: key.system, externalId: key.externalId, kindZh: kind.zh, kind: kind.en, name },
    holder ? toGlobalId(key.type, holder.recordId) : null,
  );
}

/** Adds EXTERNAL_REF_SYSTEM_TAKEN at `field`, quoting the record's current ID in the system. */
function addSystemTaken(problems: Problems, field: string, type: ExternalRecordType, system: string, current: string): void {
  const kind = RECORD_KINDS[type];
  problems.add(field, UserErrorCode.INVALID, 'EXTERNAL_REF_SYSTEM_TAKEN', { system, current, kindZh: kind.zh, kind: kind.en });
}

/**
 * Runs a write that inserts a reference; a unique violation on external_ref that survived it
 * becomes a user error: the key is held by another record (at `<prefix>externalId`), or the
 * record already has an ID in that system (at `<prefix>system`).
 */
export async function guardExternalRef<T>(
  ctx: Context,
  problems: Problems,
  prefix: string,
  key: ExternalRefKey,
  recordId: () => string | null,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolationOf(error, 'external_ref_key_unique')) {
      await addTaken(ctx, problems, `${prefix}externalId`, key);
      problems.throwIfAny();
    }
    const id = recordId();
    if (isUniqueViolationOf(error, 'external_ref_record_system_unique') && id) {
      const current = (await externalRefsOfRecords(ctx.db, key.type, [id])).find((ref) => ref.system === key.system);
      addSystemTaken(problems, `${prefix}system`, key.type, key.system, current?.externalId ?? '');
      problems.throwIfAny();
    }
    throw error;
  }
}

/**
 * First argument of the transaction-scoped advisory lock that queues the first users of a system
 * name (the second is the name's hash): only while a system has no row yet, so that exactly one
 * of them creates it. An arbitrary constant, kept apart from any other advisory lock.
 */
const SYSTEM_REGISTRATION_LOCK = 7301;

function systemCallerOf(principal: Principal): SystemCaller {
  return { admin: hasRole(principal, Role.ADMIN), departmentId: principal.kind === 'anonymous' ? null : principal.departmentId };
}

function ownershipOf(row: { status: ExternalRefSystemStatus; departmentId: string | null } | undefined | null): SystemOwnership | null {
  return row ? { status: row.status, departmentId: row.departmentId } : null;
}

/** Adds EXTERNAL_REF_SYSTEM_OWNED (FORBIDDEN) at `field`, naming the system and its department. */
function addSystemOwned(problems: Problems, field: string, system: string, owner: Pick<DepartmentRecord, 'name' | 'code'> | null): void {
  problems.add(field, UserErrorCode.FORBIDDEN, 'EXTERNAL_REF_SYSTEM_OWNED', { system, department: owner?.name ?? '', code: owner?.code ?? '' });
}

/**
 * Adds a FORBIDDEN user error at `field` when the system belongs to another department. Read
 * without a lock, so that the caller hears it before other problems: whether a claim is due
 * decides which lock enterExternalRefSystem takes, and that one decides again under it.
 */
async function checkSystemAccess(ctx: Context, problems: Problems, field: string, system: string, claims: boolean): Promise<void> {
  const [current] = await externalRefSystemsByNames(ctx.db, [system]);
  if (systemAccess(systemCallerOf(ctx.principal), ownershipOf(current), claims) === 'REFUSE') {
    const owner = current!.departmentId ? await ctx.loaders.departmentById.load(current!.departmentId) : null;
    addSystemOwned(problems, field, system, owner);
  }
}

/**
 * Before a write touches any reference of `system`: refuses (FORBIDDEN at
 * `field`, rolling back) a caller who may not write in it, registers a system nobody has used
 * yet, and lets a partner department claim an unclaimed one (`claims`: adding and upserting do,
 * removing does not; see systemAccess). Holds the system's row lock until commit — shared by
 * writers, exclusive for a claim or an assignment — so its owner cannot change between this check
 * and the write. Two departments claiming the same system at once: the second waits for the
 * first to commit, then finds it owned and is refused.
 */
export async function enterExternalRefSystem(em: EntityManager, ctx: Context, problems: Problems, field: string, system: string, claims: boolean): Promise<void> {
  const caller = systemCallerOf(ctx.principal);
  // An unlocked look first decides which lock to take, so that a transaction locks the row once
  // and never upgrades a shared lock (two claimants upgrading would deadlock). A system never
  // goes back to UNCLAIMED, so a claim can only be due when this look saw it unclaimed or absent.
  const [seen] = await em.execute<{ status: ExternalRefSystemStatus; department_id: string | null }[]>('select status, department_id from external_ref_system where system = ?', [
    system,
  ]);
  const exclusive = systemAccess(caller, ownershipOf(seen && { status: seen.status, departmentId: seen.department_id }), claims) === 'CLAIM';
  const lock = () => em.findOne(ExternalRefSystem, { system }, { lockMode: exclusive ? LockMode.PESSIMISTIC_WRITE : LockMode.PESSIMISTIC_READ, refresh: true });
  let row = await lock();
  if (!row) {
    // Removing needs an ID in the system, and there is none: the caller is told NOT_FOUND.
    if (!claims) return;
    await em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [SYSTEM_REGISTRATION_LOCK, system]);
    row = await lock();
    if (!row) {
      // The first user: a partner department claims it, anyone else registers it unclaimed.
      em.create(ExternalRefSystem, {
        system,
        status: exclusive ? ExternalRefSystemStatus.OWNED : ExternalRefSystemStatus.UNCLAIMED,
        department: exclusive ? em.getReference(Department, caller.departmentId!) : null,
      });
      await em.flush();
      return;
    }
  }
  const access = systemAccess(caller, { status: row.status, departmentId: row.department?.id ?? null }, claims);
  if (access === 'REFUSE') {
    const owner = row.department ? await em.findOne(Department, row.department.id) : null;
    addSystemOwned(problems, field, system, owner);
    problems.throwIfAny();
  }
  if (access === 'CLAIM') {
    if (!exclusive) throw new Error(`External system ${system} became claimable under a shared lock`);
    row.status = ExternalRefSystemStatus.OWNED;
    row.department = em.getReference(Department, caller.departmentId!);
    await em.flush();
  }
}

/** The steps of one upsert; each runs inside the upsert's transaction and reads only through `em`. */
export interface UpsertSteps {
  /** Writes the new record with this id (its reference is already written). */
  create(em: EntityManager, id: string): Promise<void>;
  /** Makes the referenced record match the input; returns whether anything differed (and was written). */
  update(em: EntityManager, id: string): Promise<boolean>;
  /**
   * An existing record the reference is to be attached to instead of creating one (a push-down
   * of the same station and item), locked; null when there is none.
   */
  adopt?(em: EntityManager): Promise<string | null>;
}

export interface UpsertOutcome {
  id: string;
  created: boolean;
  changed: boolean;
}

/**
 * The upsert protocol shared by every `upsert…` mutation, in a savepoint of its unit of work: the reference is
 * looked up under a row lock; when it exists, the record it names is updated; when not, the
 * reference is inserted FIRST and then the record. So concurrent identical upserts collide on
 * the reference's unique key: the first commits, the others fail there (their savepoint rolled
 * back, with what it had reported to the change recorder), and each retries the whole upsert once — finding the reference, it takes the update path (which writes nothing when
 * the values are the same). `prefix` is the input path of the reference, for user errors.
 */
export async function upsertByExternalRef(ctx: Context, problems: Problems, prefix: string, key: ExternalRefKey, steps: UpsertSteps): Promise<UpsertOutcome> {
  const attempt = () =>
    savepoint(ctx, async (em): Promise<UpsertOutcome> => {
      await enterExternalRefSystem(em, ctx, problems, `${prefix}system`, key.system, true);
      const found = await em.findOne(ExternalRef, { system: key.system, recordType: key.type, externalId: key.externalId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (found) {
        const changed = await steps.update(em, found.recordId);
        await em.flush();
        return { id: found.recordId, created: false, changed };
      }
      const adopted = steps.adopt ? await steps.adopt(em) : null;
      if (adopted) {
        const other = await em.findOne(ExternalRef, { recordType: key.type, recordId: adopted, system: key.system });
        if (other) {
          addSystemTaken(problems, `${prefix}externalId`, key.type, key.system, other.externalId);
          problems.throwIfAny();
        }
        em.create(ExternalRef, { id: randomUUID(), system: key.system, externalId: key.externalId, recordType: key.type, recordId: adopted });
        await em.flush();
        await steps.update(em, adopted);
        await em.flush();
        return { id: adopted, created: false, changed: true };
      }
      const id = randomUUID();
      em.create(ExternalRef, { id: randomUUID(), system: key.system, externalId: key.externalId, recordType: key.type, recordId: id });
      await em.flush();
      await steps.create(em, id);
      await em.flush();
      return { id, created: true, changed: true };
    });
  // A reference another record holds is the caller's user error, named with the existing ID.
  return guardExternalRef(
    ctx,
    problems,
    prefix,
    key,
    () => null,
    async () => {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        return attempt();
      }
    },
  );
}

/**
 * Finds the record an upsert's reference names, without a lock (for permission checks and
 * pre-checks that need the current record); upsertByExternalRef decides again under its lock.
 */
export async function referencedRecordId(ctx: Context, key: ExternalRefKey): Promise<string | null> {
  return (await ctx.loaders.externalRefByKey.load(key))?.recordId ?? null;
}

/** Resolves a record named by type and global ID for add/removeExternalRef, with the caller's right to write it. */
async function resolveWritableRecord(ctx: Context, problems: Problems, type: ExternalRecordType, id: string): Promise<{ localId: string; record: ExternalRecord } | null> {
  if (!mayEver(ctx.principal, WRITE_ACTIONS[type])) {
    checkCan(ctx, problems, WRITE_ACTIONS[type], null);
    return null;
  }
  const localId = localIdOf(id, type);
  const record = localId ? await loadExternalRecord(ctx, type, localId) : null;
  const kind = RECORD_KINDS[type];
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: kind.zh, kind: kind.en });
  else if (!record) problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: kind.zh, kind: kind.en });
  if (!(await checkCanWriteRecord(ctx, problems, type, record))) return null;
  return localId && record ? { localId, record } : null;
}

function toRefRecord(ref: ExternalRef): ExternalRefRecord {
  return {
    __typename: 'ExternalRef',
    id: toGlobalId('ExternalRef', ref.id),
    dbId: ref.id,
    system: ref.system,
    externalId: ref.externalId,
    recordType: ref.recordType,
    recordId: ref.recordId,
    createdAt: ref.createdAt,
  };
}

/**
 * Attaches a partner's ID to an existing record. Attaching the same ID to the same record again
 * changes nothing; an ID another record holds, or a second ID of the same system for this
 * record, is a user error naming what is in the way.
 */
export async function addExternalRef(ctx: Context, input: AddExternalRefInput): Promise<AddExternalRefResult> {
  const problems = new Problems(ctx.locale);
  const failed = (): AddExternalRefResult => ({ record: null, externalRef: null, userErrors: problems.errors });
  const target = await resolveWritableRecord(ctx, problems, input.type, input.id);
  if (problems.any) return failed();
  const key = checkExternalRefKey(problems, '', input.type, input.system, input.externalId);
  if (!key || !target) return failed();
  const { localId } = target;

  // Another department's system: nothing more about the IDs in it is the caller's business.
  await checkSystemAccess(ctx, problems, 'system', key.system, true);
  if (problems.any) return failed();
  const [holder] = await externalRefsByKeys(ctx.db, [key]);
  if (holder && holder.recordId !== localId) await addTaken(ctx, problems, 'externalId', key);
  const sameSystem = (await externalRefsOfRecords(ctx.db, key.type, [localId])).find((ref) => ref.system === key.system);
  if (sameSystem && sameSystem.externalId !== key.externalId) addSystemTaken(problems, 'system', key.type, key.system, sameSystem.externalId);
  if (problems.any) return failed();

  const { value, userErrors } = await withUserErrors(ctx, () =>
    guardExternalRef(
      ctx,
      problems,
      '',
      key,
      () => localId,
      () =>
        savepoint(ctx, async (em) => {
          await enterExternalRefSystem(em, ctx, problems, 'system', key.system, true);
          // A share lock: the record cannot be deleted (and its references with it) before this commits.
          const row = await em.findOne(ENTITIES[key.type], { id: localId }, { lockMode: LockMode.PESSIMISTIC_READ });
          if (!row) {
            const kind = RECORD_KINDS[key.type];
            problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: kind.zh, kind: kind.en });
            problems.throwIfAny();
          }
          const existing = await em.findOne(ExternalRef, { system: key.system, recordType: key.type, externalId: key.externalId });
          if (existing?.recordId === localId) return toRefRecord(existing);
          const ref = em.create(ExternalRef, { id: randomUUID(), system: key.system, externalId: key.externalId, recordType: key.type, recordId: localId });
          await em.flush();
          return toRefRecord(ref);
        }),
    ),
  );
  if (!value) return { record: null, externalRef: null, userErrors };
  return { record: await loadExternalRecord(ctx, key.type, localId), externalRef: value, userErrors };
}

/** Removes a record's ID in one system; the record stays as it is. */
export async function removeExternalRef(ctx: Context, input: RemoveExternalRefInput): Promise<RemoveExternalRefResult> {
  const problems = new Problems(ctx.locale);
  const failed = (): RemoveExternalRefResult => ({ record: null, removedExternalRef: null, deletedId: null, userErrors: problems.errors });
  const target = await resolveWritableRecord(ctx, problems, input.type, input.id);
  if (problems.any || !target) return failed();
  const system = input.system.trim();
  const kind = RECORD_KINDS[input.type];
  await checkSystemAccess(ctx, problems, 'system', system, false);
  if (problems.any) return failed();

  const { value, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      await enterExternalRefSystem(em, ctx, problems, 'system', system, false);
      const ref = await em.findOne(ExternalRef, { recordType: input.type, recordId: target.localId, system }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!ref) {
        problems.add('system', UserErrorCode.NOT_FOUND, 'EXTERNAL_REF_NOT_FOUND', { system, kindZh: kind.zh, kind: kind.en });
        problems.throwIfAny();
      }
      const removed = toRefRecord(ref!);
      em.remove(ref!);
      await em.flush();
      return removed;
    }),
  );
  if (!value) return { record: null, removedExternalRef: null, deletedId: null, userErrors };
  return { record: await loadExternalRecord(ctx, input.type, target.localId), removedExternalRef: value, deletedId: value.id, userErrors };
}

/**
 * Gives a system to a department (which alone may then write IDs in it), moves it to another, or
 * makes it shared; administrators only. The system need not have been used yet. IDs already in
 * it stay where they are. Assigning what is already so writes nothing.
 */
export async function assignExternalRefSystem(ctx: Context, input: AssignExternalRefSystemInput): Promise<AssignExternalRefSystemResult> {
  const problems = new Problems(ctx.locale);
  const failed = (): AssignExternalRefSystemResult => ({ externalRefSystem: null, userErrors: problems.errors });
  if (!checkCan(ctx, problems, Action.ADMINISTER, {}, 'system')) return failed();
  const { system, valid } = normaliseSystem(input.system);
  if (!valid) problems.add('system', UserErrorCode.INVALID, 'EXTERNAL_REF_SYSTEM_INVALID', { system: input.system });
  const departmentGiven = input.departmentId != null;
  if (departmentGiven === input.shared) problems.add('departmentId', UserErrorCode.INVALID, 'EXTERNAL_REF_SYSTEM_ASSIGN_ONE_OF');
  let department: DepartmentRecord | null = null;
  if (departmentGiven) {
    const localId = localIdOf(input.departmentId!, 'Department');
    department = localId ? await ctx.loaders.departmentById.load(localId) : null;
    if (!localId) problems.add('departmentId', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: DEPARTMENT.zh, kind: DEPARTMENT.en });
    else if (!department) problems.add('departmentId', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: DEPARTMENT.zh, kind: DEPARTMENT.en });
    else if (!department.active) problems.add('departmentId', UserErrorCode.INVALID, 'DEPARTMENT_INACTIVE', { name: department.name });
  }
  if (problems.any) return failed();

  const status = department ? ExternalRefSystemStatus.OWNED : ExternalRefSystemStatus.SHARED;
  const { value, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      await em.execute('select pg_advisory_xact_lock(?, hashtext(?))', [SYSTEM_REGISTRATION_LOCK, system]);
      const row = await em.findOne(ExternalRefSystem, { system }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const owner = department ? em.getReference(Department, department.dbId) : null;
      if (!row) em.create(ExternalRefSystem, { system, status, department: owner });
      else if (row.status !== status || (row.department?.id ?? null) !== (department?.dbId ?? null)) {
        row.status = status;
        row.department = owner;
      }
      await em.flush();
      return system;
    }),
  );
  if (!value) return { externalRefSystem: null, userErrors };
  const [record] = await externalRefSystemsByNames(ctx.db, [value]);
  return { externalRefSystem: record, userErrors };
}
