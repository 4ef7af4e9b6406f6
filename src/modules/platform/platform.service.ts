import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type AdoptionHint, type RecordKind } from '../../graphql/mutation';
import { savepoint, write } from '../../graphql/unit-of-work';
import { localIdOf, toGlobalId } from '../../graphql/relay';
import { Action, checkCan } from '../../auth/permissions';
import { Department } from '../department/department.entity';
import { resolveActiveDepartment } from '../department/department.service';
import { replaceGovPointItems, resolveGovPointItems } from './gov-service-point-items';
import { PlatformKind, PLATFORM_KIND_NAMES_ZH } from './platform.enums';
import { checkOpeningHours } from '../opening-hours/opening-hours';
import { Station } from '../station/station.entity';
import { StationStatus } from '../station/station.enums';
import type { StationRecord } from '../station/station.types';
import { checkPlatformDetails } from './platform-details';
import { Platform } from './platform.entity';
import type { CreatePlatformInput, MovePlatformInput, UpdatePlatformInput } from './platform.inputs';
import { platformsByIds } from './platform.reader';
import type { PlatformPayload } from './platform.types';
import { ExternalRecordType } from '../external-ref/external-ref.enums';
import type { UpsertPlatformInput } from '../external-ref/external-ref.inputs';
import { applyChanges } from '../external-ref/external-ref.rules';
import { checkExternalRefKey, upsertByExternalRef } from '../external-ref/external-ref.service';
import type { UpsertPlatformResult } from '../external-ref/external-ref.types';

export const PLATFORM: RecordKind = { zh: '整合平台', en: 'platform' };
const NAME: RecordKind = { zh: '平台名称', en: 'platform name' };
export const NAME_MAX = 100;
/** An owner's own ID: 1–64 characters, no whitespace (it is matched exactly when partners sync). */
export const OWNER_REF = /^\S{1,64}$/u;

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<PlatformPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { platform: null, userErrors };
  const [platform] = await platformsByIds(ctx.db, [id]);
  return { platform, userErrors };
}

function checkOwnerRef(problems: Problems, value: string | undefined): string | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (!OWNER_REF.test(trimmed)) problems.add('ownerRef', trimmed ? UserErrorCode.INVALID : UserErrorCode.REQUIRED, 'PLATFORM_OWNER_REF_INVALID', { ownerRef: value });
  return trimmed;
}

/** Why a station cannot host platforms, as a user error at `field`; nothing when it can. */
function refuseUnusableStation(problems: Problems, field: string, station: { name: string; code: string; status: string; archivedAt: unknown }): void {
  if (station.archivedAt) problems.add(field, UserErrorCode.ARCHIVED, 'PLATFORM_STATION_ARCHIVED', { name: station.name, code: station.code });
  else if (station.status === StationStatus.CLOSED) problems.add(field, UserErrorCode.INVALID, 'PLATFORM_STATION_CLOSED', { name: station.name, code: station.code });
}

/** A station that can host platforms, as a platform refers to it and names it in messages. */
interface HostStation {
  dbId: string;
  name: string;
  code: string;
}

/**
 * The station a platform is to live in, share-locked until the unit of work ends and checked
 * under that lock: it exists and is neither closed nor archived (and cannot become so before
 * this commits). A user error at `field` otherwise.
 */
async function lockHostStation(em: EntityManager, problems: Problems, field: string, stationId: string): Promise<HostStation | null> {
  const row = await em.execute<{ id: string; name: string; code: string; status: string; archived_at: unknown }>(
    'select id, name, code, status, archived_at from station where id = ? for share',
    [stationId],
    'get',
  );
  const before = problems.errors.length;
  if (!row) problems.add(field, UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
  else refuseUnusableStation(problems, field, { ...row, archivedAt: row.archived_at });
  return row && problems.errors.length === before ? { dbId: row.id, name: row.name, code: row.code } : null;
}

/** lockHostStation for a station named by global ID in the input. */
async function resolveHostStation(ctx: Context, problems: Problems, field: string, id: string): Promise<HostStation | null> {
  const localId = localIdOf(id, 'Station');
  if (!localId) {
    problems.add(field, UserErrorCode.INVALID, 'STATION_ID_INVALID');
    return null;
  }
  return lockHostStation(ctx.em, problems, field, localId);
}

/** Whose owner reference a write sets: the department (local id and name) and the reference. */
interface OwnerRefClaim {
  ownerRef: () => string;
  departmentId: () => string;
  departmentName: () => Promise<string>;
  /** On a first sync by external reference: how to adopt the platform that already has it. */
  adopt?: AdoptionHint;
}

/**
 * Runs a write; a clash on (department, owner reference) becomes the ALREADY_EXISTS user error
 * naming the platform that holds the reference (read after the write's savepoint rolled back).
 */
async function guardOwnerRef<T>(ctx: Context, problems: Problems, claim: OwnerRefClaim, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const holder = await ctx.db.one<{ id: string }>('select id from platform where department_id = ?::uuid and owner_ref = ?', [claim.departmentId(), claim.ownerRef()]);
      problems.exists(
        'ownerRef',
        'PLATFORM_OWNER_REF_TAKEN',
        { ownerRef: claim.ownerRef(), department: await claim.departmentName() },
        holder ? toGlobalId('Platform', holder.id) : null,
        claim.adopt,
      );
      problems.throwIfAny();
    }
    throw error;
  }
}

/**
 * Registers a partner department's platform in a station. Exactly the detail sub-input of its
 * kind must be given; the station must be neither closed nor archived and the department active;
 * the owner reference is unique within the department (also under concurrent writes).
 */
export async function createPlatform(ctx: Context, input: CreatePlatformInput): Promise<PlatformPayload> {
  const problems = new Problems(ctx.locale);
  const name = checkText(problems, 'name', input.name, NAME_MAX, NAME);
  const ownerRef = checkOwnerRef(problems, input.ownerRef);
  const openingHours = checkOpeningHours(problems, 'openingHours', input.openingHours);
  const details = checkPlatformDetails(problems, input.kind, input, true);
  const govItems =
    input.kind === PlatformKind.GOV_SERVICE_24H ? await resolveGovPointItems(ctx, problems, 'govService24h.serviceItemCodes', input.govService24h?.serviceItemCodes) : undefined;
  const station = await resolveHostStation(ctx, problems, 'stationId', input.stationId);
  const department = await resolveActiveDepartment(ctx, problems, 'departmentCode', input.departmentCode);
  checkCan(ctx, problems, Action.WRITE_PLATFORM, department ? { departmentId: department.dbId } : null, 'departmentCode');
  if (problems.any) return { platform: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    guardOwnerRef(ctx, problems, { ownerRef: () => ownerRef!, departmentId: () => department!.dbId, departmentName: async () => department!.name }, () =>
      savepoint(ctx, async (em) => {
        const platform = em.create(Platform, {
          id: randomUUID(),
          kind: input.kind,
          station: em.getReference(Station, station!.dbId),
          department: em.getReference(Department, department!.dbId),
          name: name!,
          ownerRef: ownerRef!,
          openingHours: openingHours ?? null,
          ...details!,
        });
        await em.flush();
        if (govItems) await replaceGovPointItems(em, platform.id, govItems);
        return platform.id;
      }),
    ),
  );
}

/**
 * Changes the given fields of a platform at the version the caller read. The kind never changes;
 * a detail sub-input (only the kind's own) replaces all of the kind's figures. Reactivating needs
 * an active department and a station that is neither closed nor archived.
 */
export async function updatePlatform(ctx: Context, input: UpdatePlatformInput): Promise<PlatformPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'Platform');
  // Kind and department never change: the platform as read decides the scope and the details expected.
  const current = localId ? await ctx.loaders.platformById.load(localId) : null;
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: PLATFORM.zh, kind: PLATFORM.en });
  else if (!current) problems.add('id', UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: PLATFORM.zh, kind: PLATFORM.en });
  // A platform's department never changes, so its scope can be checked on the record as read.
  else if (!checkCan(ctx, problems, Action.WRITE_PLATFORM, { departmentId: current.departmentId })) return { platform: null, userErrors: problems.errors };
  const name = checkText(problems, 'name', input.name, NAME_MAX, NAME);
  const ownerRef = checkOwnerRef(problems, input.ownerRef);
  const openingHours = checkOpeningHours(problems, 'openingHours', input.openingHours);
  const details = current ? checkPlatformDetails(problems, current.kind, input, false) : undefined;
  const govItems =
    current?.kind === PlatformKind.GOV_SERVICE_24H ? await resolveGovPointItems(ctx, problems, 'govService24h.serviceItemCodes', input.govService24h?.serviceItemCodes) : undefined;
  if (problems.any) return { platform: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    guardOwnerRef(
      ctx,
      problems,
      {
        ownerRef: () => ownerRef!,
        departmentId: () => current!.departmentId,
        departmentName: async () => (await ctx.loaders.departmentById.load(current!.departmentId))?.name ?? '',
      },
      () =>
        savepoint(ctx, async (em) => {
          const platform = await lockVersioned(em, Platform, localId!, input.version, problems, PLATFORM);
          if (input.active === true && !platform.active) {
            await lockHostStation(em, problems, 'active', platform.station.id);
            const department = await em.findOneOrFail(Department, platform.department.id);
            if (!department.active) problems.add('active', UserErrorCode.INVALID, 'DEPARTMENT_INACTIVE', { name: department.name });
            problems.throwIfAny();
          }
          if (name != null) platform.name = name;
          if (ownerRef != null) platform.ownerRef = ownerRef;
          if (openingHours !== undefined) platform.openingHours = openingHours;
          if (input.active != null) platform.active = input.active;
          if (details) Object.assign(platform, details);
          // The list lives in its own table: touching the row makes the change bump the version.
          if (govItems && (await replaceGovPointItems(em, platform.id, govItems))) platform.updatedAt = new Date();
          await em.flush();
          return platform.id;
        }),
    ),
  );
}

/** Moves a platform to another station that is neither closed nor archived; its owner and figures stay. */
export async function movePlatform(ctx: Context, input: MovePlatformInput): Promise<PlatformPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'Platform');
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: PLATFORM.zh, kind: PLATFORM.en });
  const current = localId ? await ctx.loaders.platformById.load(localId) : null;
  if (!checkCan(ctx, problems, Action.WRITE_PLATFORM, current ? { departmentId: current.departmentId } : null)) {
    return { platform: null, userErrors: problems.errors };
  }
  const station = await resolveHostStation(ctx, problems, 'stationId', input.stationId);
  if (problems.any) return { platform: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const platform = await lockVersioned(em, Platform, localId!, input.version, problems, PLATFORM);
      if (platform.station.id === station!.dbId) {
        problems.add('stationId', UserErrorCode.INVALID, 'PLATFORM_SAME_STATION', { name: station!.name, code: station!.code });
        problems.throwIfAny();
      }
      platform.station = em.getReference(Station, station!.dbId);
      await em.flush();
      return platform.id;
    }),
  );
}

/** A station by global ID, or a user error at `field`; whether it can host platforms is checked (lockHostStation) only if the upsert creates, moves or reactivates. */
async function resolveStation(ctx: Context, problems: Problems, field: string, id: string): Promise<StationRecord | null> {
  const localId = localIdOf(id, 'Station');
  const station = localId ? await ctx.loaders.stationById.load(localId) : null;
  if (!localId) problems.add(field, UserErrorCode.INVALID, 'STATION_ID_INVALID');
  else if (!station) problems.add(field, UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
  return station;
}

/**
 * Creates the platform a partner's external reference names, or makes the referenced platform
 * match the input ("make it so"; no version needed): when nothing differs nothing is written and
 * its version stays. Kind and department never change (a different one is a user error); a
 * different station moves the platform there; creating, moving and reactivating need a station
 * that is neither closed nor archived and an active department. Concurrent identical calls make
 * one platform (see upsertByExternalRef).
 */
export async function upsertPlatform(ctx: Context, input: UpsertPlatformInput): Promise<UpsertPlatformResult> {
  const problems = new Problems(ctx.locale);
  const key = checkExternalRefKey(problems, 'externalRef.', ExternalRecordType.PLATFORM, input.externalRef.system, input.externalRef.externalId);
  const name = checkText(problems, 'name', input.name, NAME_MAX, NAME);
  const ownerRef = checkOwnerRef(problems, input.ownerRef);
  const openingHours = checkOpeningHours(problems, 'openingHours', input.openingHours);
  const details = checkPlatformDetails(problems, input.kind, input, true);
  const govItems =
    input.kind === PlatformKind.GOV_SERVICE_24H ? await resolveGovPointItems(ctx, problems, 'govService24h.serviceItemCodes', input.govService24h?.serviceItemCodes) : undefined;
  const station = await resolveStation(ctx, problems, 'stationId', input.stationId);
  const department = await ctx.loaders.departmentByCode.load(input.departmentCode.trim());
  if (!department) problems.add('departmentCode', UserErrorCode.NOT_FOUND, 'DEPARTMENT_NOT_FOUND', { code: input.departmentCode });
  checkCan(ctx, problems, Action.WRITE_PLATFORM, department ? { departmentId: department.dbId } : null, 'departmentCode');
  if (problems.any) return { platform: null, created: false, changed: false, userErrors: problems.errors };
  const ref = key!;
  const refParams = { system: ref.system, externalId: ref.externalId };

  const { value, userErrors } = await withUserErrors(ctx, () =>
    guardOwnerRef(
      ctx,
      problems,
      {
        ownerRef: () => ownerRef!,
        departmentId: () => department!.dbId,
        departmentName: async () => department!.name,
        adopt: { type: 'PLATFORM', system: ref.system, externalId: ref.externalId },
      },
      () =>
        upsertByExternalRef(ctx, problems, 'externalRef.', ref, {
          async create(em, id) {
            if (!department!.active) problems.add('departmentCode', UserErrorCode.INVALID, 'DEPARTMENT_INACTIVE', { name: department!.name });
            problems.throwIfAny();
            await lockHostStation(em, problems, 'stationId', station!.dbId);
            problems.throwIfAny();
            em.create(Platform, {
              id,
              kind: input.kind,
              station: em.getReference(Station, station!.dbId),
              department: em.getReference(Department, department!.dbId),
              name: name!,
              ownerRef: ownerRef!,
              openingHours: openingHours ?? null,
              active: input.active ?? true,
              ...details!,
            });
            await em.flush();
            if (govItems) await replaceGovPointItems(em, id, govItems);
          },
          async update(em, id) {
            const platform = await em.findOneOrFail(Platform, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
            if (platform.kind !== input.kind) {
              problems.add('kind', UserErrorCode.INVALID, 'UPSERT_PLATFORM_KIND_MISMATCH', {
                ...refParams,
                current: platform.kind,
                currentZh: PLATFORM_KIND_NAMES_ZH[platform.kind],
                given: input.kind,
                givenZh: PLATFORM_KIND_NAMES_ZH[input.kind],
              });
            }
            // Another department's platform: the caller must be allowed to write it before being told more.
            if (platform.department.id !== department!.dbId && checkCan(ctx, problems, Action.WRITE_PLATFORM, { departmentId: platform.department.id }, 'departmentCode')) {
              const current = await em.findOneOrFail(Department, platform.department.id);
              problems.add('departmentCode', UserErrorCode.INVALID, 'UPSERT_PLATFORM_DEPARTMENT_MISMATCH', { ...refParams, current: current.name, given: department!.name });
            }
            problems.throwIfAny();
            const moving = platform.station.id !== station!.dbId;
            const reactivating = input.active === true && !platform.active;
            if (moving || reactivating) await lockHostStation(em, problems, 'stationId', station!.dbId);
            problems.throwIfAny();
            if (reactivating && !department!.active) {
              problems.add('active', UserErrorCode.INVALID, 'DEPARTMENT_INACTIVE', { name: department!.name });
              problems.throwIfAny();
            }
            let changed = applyChanges(platform, { name: name!, ownerRef: ownerRef!, openingHours, active: input.active ?? undefined, ...details! });
            if (moving) {
              platform.station = em.getReference(Station, station!.dbId);
              changed = true;
            }
            if (govItems && (await replaceGovPointItems(em, id, govItems))) {
              // The list lives in its own table: touching the row makes the change bump the version.
              platform.updatedAt = new Date();
              changed = true;
            }
            return changed;
          },
        }),
    ),
  );
  if (!value) return { platform: null, created: false, changed: false, userErrors };
  const [platform] = await platformsByIds(ctx.db, [value.id]);
  return { platform, created: value.created, changed: value.changed, userErrors };
}
