import { randomUUID } from 'node:crypto';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type AdoptionHint, type RecordKind } from '../../graphql/mutation';
import { savepoint, write } from '../../graphql/unit-of-work';
import { localIdOf, toGlobalId } from '../../graphql/relay';
import { Department } from '../department/department.entity';
import { resolveActiveDepartment } from '../department/department.service';
import { Action, can, checkCan } from '../../auth/permissions';
import { requireRecorder } from '../audit/change-recorder';
import { Station } from '../station/station.entity';
import { StationStatus } from '../station/station.enums';
import { todayInChina } from '../station/station.service';
import type { StationRecord } from '../station/station.types';
import { parseServiceItemCode } from './service-item-code';
import { ServiceItem, StationServiceItem } from './service-item.entity';
import { LEVEL_NAMES_ZH, PUSH_DOWN_STATUS_NAMES_ZH, StationServiceItemStatus, type ServiceHandlingMode, type ServiceItemLevel } from './service-item.enums';
import { toTextArrayLiteral } from '../../db/sql';
import type {
  CreateServiceItemInput,
  DeleteServiceItemInput,
  PushDownServiceItemInput,
  PushDownServiceItemsInput,
  UpdateServiceItemInput,
  UpdateStationServiceItemInput,
} from './service-item.inputs';
import { serviceItemsByCodes, serviceItemsByIds, stationServiceItemOf, stationServiceItemsByIds } from './service-item.reader';
import {
  DESCRIPTION_MAX,
  FEE_MAX,
  MATERIAL_MAX,
  MATERIALS_MAX,
  NAME_MAX,
  normaliseFee,
  normaliseMaterials,
  PUSH_DOWN_ITEMS_MAX,
  PUSH_DOWN_PAIRS_MAX,
  PUSH_DOWN_STATIONS_MAX,
  sinceRange,
  TIME_LIMIT_MAX,
  TIME_LIMIT_MIN,
} from './service-item.rules';
import { ExternalRecordType } from '../external-ref/external-ref.enums';
import type { UpsertServiceItemInput, UpsertStationServiceItemInput } from '../external-ref/external-ref.inputs';
import { applyChanges } from '../external-ref/external-ref.rules';
import { checkExternalRefKey, upsertByExternalRef } from '../external-ref/external-ref.service';
import type { UpsertServiceItemResult, UpsertStationServiceItemResult } from '../external-ref/external-ref.types';
import type {
  DeleteServiceItemPayloadResult,
  PushDownServiceItemsResult,
  ServiceItemPayload,
  ServiceItemRecord,
  StationServiceItemPayload,
  StationServiceItemRecord,
} from './service-item.types';

const SERVICE_ITEM: RecordKind = { zh: '服务事项', en: 'service item' };
const PUSH_DOWN: RecordKind = { zh: '下沉记录', en: 'push-down record' };
const NAME: RecordKind = { zh: '事项名称', en: 'item name' };
const DESCRIPTION: RecordKind = { zh: '办理说明', en: 'description' };

/** An optional text: blank means none. */
function blankToNull(value: string | null | undefined): string | null | undefined {
  return value != null && value.trim() === '' ? null : value;
}

async function itemPayload(ctx: Context, work: () => Promise<string>): Promise<ServiceItemPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { serviceItem: null, userErrors };
  const [serviceItem] = await serviceItemsByIds(ctx.db, [id]);
  return { serviceItem, userErrors };
}

async function pushDownPayload(ctx: Context, work: () => Promise<string>): Promise<StationServiceItemPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { stationServiceItem: null, userErrors };
  const [stationServiceItem] = await stationServiceItemsByIds(ctx.db, [id]);
  return { stationServiceItem, userErrors };
}

/** The code's first six digits must be a division of the item's level, e.g. 420600 (襄阳市) for a CITY item. */
async function checkCode(ctx: Context, problems: Problems, code: string, level: ServiceItemLevel): Promise<void> {
  const parsed = parseServiceItemCode(code);
  if (!parsed) {
    problems.add('code', UserErrorCode.INVALID, 'SERVICE_ITEM_CODE_INVALID', { code });
    return;
  }
  const division = await ctx.loaders.regionByCode.load(parsed.divisionCode);
  if (!division || (division.level as string) !== level) {
    problems.add('code', UserErrorCode.INVALID, 'SERVICE_ITEM_CODE_LEVEL', { level, levelZh: LEVEL_NAMES_ZH[level], division: parsed.divisionCode });
  }
}

function checkMaterials(problems: Problems, materials: readonly string[]): string[] {
  if (materials.length > MATERIALS_MAX) {
    problems.add('materials', UserErrorCode.INVALID, 'SERVICE_ITEM_MATERIALS_TOO_MANY', { max: MATERIALS_MAX });
    return [];
  }
  const checked = normaliseMaterials(materials);
  for (const position of checked.invalidPositions) {
    problems.add(`materials.${position - 1}`, UserErrorCode.INVALID, 'SERVICE_ITEM_MATERIAL_INVALID', { position, max: MATERIAL_MAX });
  }
  return checked.materials;
}

function checkTimeLimit(problems: Problems, days: number | null | undefined): void {
  if (days != null && (days < TIME_LIMIT_MIN || days > TIME_LIMIT_MAX)) {
    problems.add('timeLimitDays', UserErrorCode.INVALID, 'SERVICE_ITEM_TIME_LIMIT_INVALID', { min: TIME_LIMIT_MIN, max: TIME_LIMIT_MAX });
  }
}

function checkFee(problems: Problems, fee: number): string | null {
  const normalised = normaliseFee(fee);
  if (normalised === null) problems.add('feeYuan', UserErrorCode.INVALID, 'SERVICE_ITEM_FEE_INVALID', { max: FEE_MAX.toFixed(2) });
  return normalised;
}

/** The date a push-down starts: the caller's, or today in China. */
function checkSince(problems: Problems, since: string | undefined): string {
  const today = todayInChina();
  if (since === undefined) return today;
  const { min, max } = sinceRange(today);
  if (since < min || since > max) problems.add('since', UserErrorCode.INVALID, 'PUSH_DOWN_SINCE_INVALID', { min, max });
  return since;
}

/** A catalogue item as a push-down needs it. */
interface PushableItem {
  dbId: string;
  code: string;
  name: string;
  handlingMode: ServiceHandlingMode;
  departmentId: string;
}

/** A station that can take on items. */
interface PushableStation {
  dbId: string;
  name: string;
}

/**
 * Active items by code (each with the input field it came from), share-locked until the unit of
 * work ends, so that none is retired before the push-down commits; a user error at its field for
 * each code that names no item or an inactive one (null in its place). One statement for all.
 */
async function lockPushableItems(ctx: Context, problems: Problems, wanted: readonly { field: string; code: string }[]): Promise<(PushableItem | null)[]> {
  const rows = await ctx.em.execute<{ id: string; code: string; name: string; active: boolean; handling_mode: ServiceHandlingMode; department_id: string }[]>(
    'select id, code, name, active, handling_mode, department_id from service_item where code = any(?::text[]) order by id for share',
    [toTextArrayLiteral(wanted.map(({ code }) => code.trim()))],
  );
  const byCode = new Map(rows.map((row) => [row.code, row]));
  return wanted.map(({ field, code }) => {
    const row = byCode.get(code.trim());
    if (!row) problems.add(field, UserErrorCode.NOT_FOUND, 'SERVICE_ITEM_NOT_FOUND', { code });
    else if (!row.active) problems.add(field, UserErrorCode.INVALID, 'SERVICE_ITEM_INACTIVE', { name: row.name, code: row.code });
    else return { dbId: row.id, code: row.code, name: row.name, handlingMode: row.handling_mode, departmentId: row.department_id };
    return null;
  });
}

/**
 * Stations by global ID (each with its input field) that can take on items — they exist and are
 * neither archived nor closed — share-locked until the unit of work ends so that they stay so;
 * a user error at its field for each one that cannot (null in its place). One statement for all.
 */
async function lockPushableStations(ctx: Context, problems: Problems, wanted: readonly { field: string; id: string }[]): Promise<(PushableStation | null)[]> {
  const localIds = wanted.map(({ id }) => localIdOf(id, 'Station'));
  const valid = localIds.filter((id): id is string => id !== null);
  const rows = valid.length
    ? await ctx.em.execute<{ id: string; name: string; status: StationStatus; archived_at: string | null }[]>(
        'select id, name, status, archived_at from station where id = any(?::uuid[]) order by id for share',
        [toTextArrayLiteral(valid)],
      )
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return wanted.map(({ field }, index) => {
    const localId = localIds[index];
    const row = localId ? byId.get(localId) : undefined;
    if (!localId) problems.add(field, UserErrorCode.INVALID, 'STATION_ID_INVALID');
    else if (!row) problems.add(field, UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
    else if (row.archived_at) problems.add(field, UserErrorCode.ARCHIVED, 'PUSH_DOWN_STATION_ARCHIVED', { name: row.name });
    else if (row.status === StationStatus.CLOSED) problems.add(field, UserErrorCode.INVALID, 'PUSH_DOWN_STATION_CLOSED', { name: row.name });
    else return { dbId: row.id, name: row.name };
    return null;
  });
}

/** Checks the caller may write the (existing) item with this id: its department is the scope. */
async function checkItemScope(ctx: Context, problems: Problems, itemId: string | null): Promise<boolean> {
  const item = itemId ? await ctx.loaders.serviceItemById.load(itemId) : null;
  return checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, item ? { departmentId: item.departmentId } : null);
}

/** Adds a catalogue item; its code (and with it its level) is given once and never changes. */
export async function createServiceItem(ctx: Context, input: CreateServiceItemInput): Promise<ServiceItemPayload> {
  const problems = new Problems(ctx.locale);
  const code = input.code.trim();
  await checkCode(ctx, problems, code, input.level);
  const name = checkText(problems, 'name', input.name, NAME_MAX, NAME);
  const materials = checkMaterials(problems, input.materials);
  checkTimeLimit(problems, input.timeLimitDays);
  const fee = checkFee(problems, input.feeYuan);
  const description = checkText(problems, 'description', blankToNull(input.description), DESCRIPTION_MAX, DESCRIPTION);
  const department = await resolveActiveDepartment(ctx, problems, 'departmentCode', input.departmentCode);
  checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, department ? { departmentId: department.dbId } : null, 'departmentCode');
  if (problems.any) return { serviceItem: null, userErrors: problems.errors };

  return itemPayload(ctx, async () => {
    try {
      return await savepoint(ctx, async (em) => {
        const item = em.create(ServiceItem, {
          id: randomUUID(),
          code,
          name: name!,
          level: input.level,
          category: input.category,
          department: em.getReference(Department, department!.dbId),
          handlingMode: input.handlingMode,
          materials,
          timeLimitDays: input.timeLimitDays ?? null,
          feeYuan: fee!,
          description: description ?? null,
        });
        await em.flush();
        return item.id;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        await addCodeTaken(ctx, problems, code);
        problems.throwIfAny();
      }
      throw error;
    }
  });
}

/** Changes the given fields of an item at the version the caller read; `active: false` retires it. */
export async function updateServiceItem(ctx: Context, input: UpdateServiceItemInput): Promise<ServiceItemPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'ServiceItem');
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: SERVICE_ITEM.zh, kind: SERVICE_ITEM.en });
  if (!(await checkItemScope(ctx, problems, localId))) return { serviceItem: null, userErrors: problems.errors };
  const name = checkText(problems, 'name', input.name, NAME_MAX, NAME);
  const materials = input.materials != null ? checkMaterials(problems, input.materials) : undefined;
  checkTimeLimit(problems, input.timeLimitDays);
  const fee = input.feeYuan != null ? checkFee(problems, input.feeYuan) : undefined;
  const description = checkText(problems, 'description', blankToNull(input.description), DESCRIPTION_MAX, DESCRIPTION);
  const department = input.departmentCode != null ? await resolveActiveDepartment(ctx, problems, 'departmentCode', input.departmentCode) : undefined;
  // Handing an item to another department needs the right to write that department's items too.
  if (department) checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, { departmentId: department.dbId }, 'departmentCode');
  if (problems.any) return { serviceItem: null, userErrors: problems.errors };

  return itemPayload(ctx, () =>
    write(ctx, async (em) => {
      const item = await lockVersioned(em, ServiceItem, localId!, input.version, problems, SERVICE_ITEM);
      if (name != null) item.name = name;
      if (input.category != null) item.category = input.category;
      if (department) item.department = em.getReference(Department, department.dbId);
      if (input.handlingMode != null) item.handlingMode = input.handlingMode;
      if (materials !== undefined) item.materials = materials;
      if (input.timeLimitDays !== undefined) item.timeLimitDays = input.timeLimitDays;
      if (fee != null) item.feeYuan = fee;
      if (description !== undefined) item.description = description;
      if (input.active != null) item.active = input.active;
      return item.id;
    }),
  );
}

/** Deletes an item that was never pushed down; one that was must be deactivated instead. */
export async function deleteServiceItem(ctx: Context, input: DeleteServiceItemInput): Promise<DeleteServiceItemPayloadResult> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'ServiceItem');
  if (!localId) {
    problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: SERVICE_ITEM.zh, kind: SERVICE_ITEM.en });
    return { deletedId: null, userErrors: problems.errors };
  }
  if (!(await checkItemScope(ctx, problems, localId))) return { deletedId: null, userErrors: problems.errors };
  const { value, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      // The row lock makes a concurrent push-down wait (its foreign key check needs a share lock), so the count stays true.
      const item = await lockVersioned(em, ServiceItem, localId, input.version, problems, SERVICE_ITEM);
      const count = await em.count(StationServiceItem, { serviceItem: item.id });
      if (count > 0) problems.add('id', UserErrorCode.IN_USE, 'SERVICE_ITEM_IN_USE', { count });
      const [{ points }] = await em.execute<{ points: number }[]>('select count(*)::int as points from platform_service_item where service_item_id = ?', [item.id]);
      if (points > 0) problems.add('id', UserErrorCode.IN_USE, 'SERVICE_ITEM_HANDLED_BY_POINTS', { count: points });
      problems.throwIfAny();
      em.remove(item);
      await em.flush();
      return toGlobalId('ServiceItem', localId);
    }),
  );
  return { deletedId: value, userErrors };
}

/** ALREADY_EXISTS on `code`, naming the item that holds it (read after the refused write rolled back). */
async function addCodeTaken(ctx: Context, problems: Problems, code: string, adopt?: AdoptionHint): Promise<void> {
  const [holder] = await serviceItemsByCodes(ctx.db, [code]);
  problems.exists('code', 'SERVICE_ITEM_CODE_TAKEN', { code }, holder?.id ?? null, adopt);
}

function addExists(
  problems: Problems,
  field: string,
  existing: Pick<StationServiceItemRecord, 'since' | 'status'>,
  existingId: string,
  item: Pick<ServiceItemRecord, 'name'>,
  station: Pick<StationRecord, 'name'>,
): void {
  problems.exists(
    field,
    'PUSH_DOWN_EXISTS',
    { station: station.name, item: item.name, since: existing.since, status: existing.status, statusZh: PUSH_DOWN_STATUS_NAMES_ZH[existing.status] },
    existingId,
  );
}

/** Pushes one active item down to one station; a second push-down of the same pair is refused, naming the first. */
export async function pushDownServiceItem(ctx: Context, input: PushDownServiceItemInput): Promise<StationServiceItemPayload> {
  const problems = new Problems(ctx.locale);
  const [item] = await lockPushableItems(ctx, problems, [{ field: 'itemCode', code: input.itemCode }]);
  const [station] = await lockPushableStations(ctx, problems, [{ field: 'stationId', id: input.stationId }]);
  const since = checkSince(problems, input.since);
  checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, item ? { departmentId: item.departmentId } : null, 'itemCode');
  if (problems.any) return { stationServiceItem: null, userErrors: problems.errors };

  return pushDownPayload(ctx, async () => {
    try {
      return await savepoint(ctx, async (em) => {
        const existing = await em.findOne(StationServiceItem, { station: station!.dbId, serviceItem: item!.dbId });
        if (existing) {
          addExists(problems, 'itemCode', existing, toGlobalId('StationServiceItem', existing.id), item!, station!);
          problems.throwIfAny();
        }
        const record = em.create(StationServiceItem, {
          id: randomUUID(),
          station: em.getReference(Station, station!.dbId),
          serviceItem: em.getReference(ServiceItem, item!.dbId),
          mode: input.mode ?? item!.handlingMode,
          since,
        });
        await em.flush();
        return record.id;
      });
    } catch (error) {
      // A concurrent push-down of the same pair committed first.
      if (error instanceof UniqueConstraintViolationException) {
        const existing = await stationServiceItemOf(ctx.db, station!.dbId, item!.dbId);
        if (existing) addExists(problems, 'itemCode', existing, existing.id, item!, station!);
        problems.throwIfAny();
      }
      throw error;
    }
  });
}

/**
 * Pushes several active items down to a region's open stations or to listed stations, in one
 * transaction. Pairs that already exist are skipped as they are (a withdrawn one stays withdrawn),
 * and the payload says how many were created and skipped.
 */
export async function pushDownServiceItems(ctx: Context, input: PushDownServiceItemsInput): Promise<PushDownServiceItemsResult> {
  const problems = new Problems(ctx.locale);
  const codes = [...new Set(input.itemCodes.map((code) => code.trim()))];
  const items: PushableItem[] = [];
  if (codes.length === 0) problems.add('itemCodes', UserErrorCode.REQUIRED, 'PUSH_DOWN_ITEMS_REQUIRED');
  else if (codes.length > PUSH_DOWN_ITEMS_MAX) problems.add('itemCodes', UserErrorCode.INVALID, 'PUSH_DOWN_TOO_MANY_ITEMS', { max: PUSH_DOWN_ITEMS_MAX });
  else {
    const positions = codes.map((code) => input.itemCodes.findIndex((given) => given.trim() === code));
    const resolved = await lockPushableItems(
      ctx,
      problems,
      codes.map((code, index) => ({ field: `itemCodes.${positions[index]}`, code })),
    );
    for (const item of resolved) if (item) items.push(item);
    // One refusal is enough to say why; the partner pushes down only its own department's items.
    const foreign = items.find((item) => !can(ctx.principal, Action.WRITE_SERVICE_ITEM, { departmentId: item.departmentId }));
    if (foreign) checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, { departmentId: foreign.departmentId }, `itemCodes.${positions[codes.indexOf(foreign.code)]}`);
    else if (!items.length) checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, null, 'itemCodes.0');
  }

  let regionPath: string | null = null;
  const stations: PushableStation[] = [];
  if ((input.regionCode == null) === (input.stationIds == null)) {
    problems.add('regionCode', UserErrorCode.INVALID, 'PUSH_DOWN_TARGET_REQUIRED');
  } else if (input.regionCode != null) {
    const region = await ctx.loaders.regionByCode.load(input.regionCode.trim());
    if (!region) problems.add('regionCode', UserErrorCode.NOT_FOUND, 'PUSH_DOWN_REGION_NOT_FOUND', { code: input.regionCode });
    else regionPath = region.path;
  } else {
    const ids = [...new Set(input.stationIds!)];
    if (ids.length === 0) problems.add('stationIds', UserErrorCode.REQUIRED, 'PUSH_DOWN_TARGET_REQUIRED');
    else if (ids.length > PUSH_DOWN_STATIONS_MAX) problems.add('stationIds', UserErrorCode.INVALID, 'PUSH_DOWN_TOO_MANY_STATIONS', { max: PUSH_DOWN_STATIONS_MAX });
    else {
      const resolved = await lockPushableStations(
        ctx,
        problems,
        ids.map((id) => ({ field: `stationIds.${input.stationIds!.indexOf(id)}`, id })),
      );
      for (const station of resolved) if (station) stations.push(station);
    }
  }
  const since = checkSince(problems, input.since);
  if (problems.any) return { summary: null, userErrors: problems.errors };

  const { value: summary, userErrors } = await withUserErrors(ctx, () =>
    write(ctx, async (em) => {
      // Set-based SQL on the transaction's connection: a region-wide push-down is tens of thousands of
      // rows, which one INSERT … SELECT writes at once where entities would be created one by one.
      // em.execute spreads a JS array into a value list, so arrays go in as PostgreSQL array literals.
      const targets =
        regionPath !== null
          ? {
              sql: `select s.id from station s where s.archived_at is null and s.status = 'OPEN'
                      and starts_with(s.region_path, ?)`,
              params: [regionPath] as unknown[],
            }
          : { sql: 'select unnest(?::uuid[]) as id', params: [toTextArrayLiteral(stations.map((station) => station.dbId))] as unknown[] };
      const [{ count: stationCount }] = await em.execute<{ count: number }[]>(`select count(*)::int as count from (${targets.sql}) t`, targets.params);
      const pairs = stationCount * items.length;
      if (pairs > PUSH_DOWN_PAIRS_MAX) {
        problems.add('regionCode', UserErrorCode.INVALID, 'PUSH_DOWN_TOO_MANY_PAIRS', { pairs, max: PUSH_DOWN_PAIRS_MAX });
        problems.throwIfAny();
      }
      // Set-based writes bypass the ORM's flush: the rows they wrote go to the unit's change recorder.
      const inserted = await em.execute<Record<string, unknown>[]>(
        `insert into station_service_item (id, station_id, service_item_id, mode, since, status)
         select gen_random_uuid(), t.id, i.id, coalesce(?::text, i.handling_mode), ?::date, 'ACTIVE'
         from (${targets.sql}) t cross join service_item i where i.id = any(?::uuid[])
         on conflict (station_id, service_item_id) do nothing
         returning *`,
        [input.mode ?? null, since, ...targets.params, toTextArrayLiteral(items.map((item) => item.dbId))],
      );
      requireRecorder(em).recordRows(em, StationServiceItem, 'CREATE', inserted);
      const created = inserted.length;
      return { itemCount: items.length, stationCount, created, skipped: pairs - created };
    }),
  );
  return { summary, userErrors };
}

/** Changes how a station handles an item, or its status; back to ACTIVE only for an active item at a station still serving. */
export async function updateStationServiceItem(ctx: Context, input: UpdateStationServiceItemInput): Promise<StationServiceItemPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'StationServiceItem');
  if (!localId) {
    problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: PUSH_DOWN.zh, kind: PUSH_DOWN.en });
    return { stationServiceItem: null, userErrors: problems.errors };
  }
  // The item of a push-down never changes, so its department can be checked as read.
  const current = await ctx.loaders.stationServiceItemById.load(localId);
  if (!(await checkItemScope(ctx, problems, current?.serviceItemId ?? null))) {
    return { stationServiceItem: null, userErrors: problems.errors };
  }
  return pushDownPayload(ctx, () =>
    write(ctx, async (em) => {
      const record = await lockVersioned(em, StationServiceItem, localId, input.version, problems, PUSH_DOWN);
      if (input.status === StationServiceItemStatus.ACTIVE && record.status !== StationServiceItemStatus.ACTIVE) {
        await em.populate(record, ['serviceItem', 'station']);
        const { serviceItem: item, station } = record;
        if (!item.active) problems.add('status', UserErrorCode.INVALID, 'SERVICE_ITEM_INACTIVE', { name: item.name, code: item.code });
        if (station.archivedAt) problems.add('status', UserErrorCode.ARCHIVED, 'PUSH_DOWN_STATION_ARCHIVED', { name: station.name });
        else if (station.status === StationStatus.CLOSED) problems.add('status', UserErrorCode.INVALID, 'PUSH_DOWN_STATION_CLOSED', { name: station.name });
        problems.throwIfAny();
      }
      if (input.mode != null) record.mode = input.mode;
      if (input.status != null) record.status = input.status;
      return record.id;
    }),
  );
}

/**
 * Creates the catalogue item a partner's external reference names, or makes the referenced item
 * match the input ("make it so"; no version needed): when nothing differs nothing is written and
 * its version stays. Code and level never change (a different one is a user error); handing the
 * item to another department needs the right to write both departments' items.
 */
export async function upsertServiceItem(ctx: Context, input: UpsertServiceItemInput): Promise<UpsertServiceItemResult> {
  const problems = new Problems(ctx.locale);
  const key = checkExternalRefKey(problems, 'externalRef.', ExternalRecordType.SERVICE_ITEM, input.externalRef.system, input.externalRef.externalId);
  const code = input.code.trim();
  await checkCode(ctx, problems, code, input.level);
  const name = checkText(problems, 'name', input.name, NAME_MAX, NAME);
  const materials = input.materials != null ? checkMaterials(problems, input.materials) : undefined;
  checkTimeLimit(problems, input.timeLimitDays);
  const fee = input.feeYuan != null ? checkFee(problems, input.feeYuan) : undefined;
  const description = checkText(problems, 'description', blankToNull(input.description), DESCRIPTION_MAX, DESCRIPTION);
  const department = await ctx.loaders.departmentByCode.load(input.departmentCode.trim());
  if (!department) problems.add('departmentCode', UserErrorCode.NOT_FOUND, 'DEPARTMENT_NOT_FOUND', { code: input.departmentCode });
  checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, department ? { departmentId: department.dbId } : null, 'departmentCode');
  if (problems.any) return { serviceItem: null, created: false, changed: false, userErrors: problems.errors };
  const ref = key!;
  const refParams = { system: ref.system, externalId: ref.externalId };
  const inactiveDepartment = () => problems.add('departmentCode', UserErrorCode.INVALID, 'DEPARTMENT_INACTIVE', { name: department!.name });

  const { value, userErrors } = await withUserErrors(ctx, async () => {
    try {
      return await upsertByExternalRef(ctx, problems, 'externalRef.', ref, {
        async create(em, id) {
          if (!department!.active) inactiveDepartment();
          problems.throwIfAny();
          em.create(ServiceItem, {
            id,
            code,
            name: name!,
            level: input.level,
            category: input.category,
            department: em.getReference(Department, department!.dbId),
            handlingMode: input.handlingMode,
            materials: materials ?? [],
            timeLimitDays: input.timeLimitDays ?? null,
            feeYuan: fee ?? '0.00',
            description: description ?? null,
            active: input.active ?? true,
          });
        },
        async update(em, id) {
          const item = await em.findOneOrFail(ServiceItem, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (item.code !== code) problems.add('code', UserErrorCode.INVALID, 'UPSERT_SERVICE_ITEM_CODE_MISMATCH', { ...refParams, current: item.code, given: code });
          else if (item.level !== input.level) {
            problems.add('level', UserErrorCode.INVALID, 'UPSERT_SERVICE_ITEM_LEVEL_MISMATCH', {
              ...refParams,
              current: item.level,
              currentZh: LEVEL_NAMES_ZH[item.level],
              given: input.level,
              givenZh: LEVEL_NAMES_ZH[input.level],
            });
          }
          const handingOver = item.department.id !== department!.dbId;
          // Handing the item over also needs the right to write its current department's items.
          if (handingOver && checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, { departmentId: item.department.id }, 'departmentCode') && !department!.active) {
            inactiveDepartment();
          }
          problems.throwIfAny();
          const changed = applyChanges(item, {
            name: name!,
            category: input.category,
            handlingMode: input.handlingMode,
            materials,
            timeLimitDays: input.timeLimitDays,
            feeYuan: fee ?? undefined,
            description,
            active: input.active ?? undefined,
          });
          if (handingOver) item.department = em.getReference(Department, department!.dbId);
          return changed || handingOver;
        },
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        await addCodeTaken(ctx, problems, code, { type: 'SERVICE_ITEM', system: ref.system, externalId: ref.externalId });
        problems.throwIfAny();
      }
      throw error;
    }
  });
  if (!value) return { serviceItem: null, created: false, changed: false, userErrors };
  const [serviceItem] = await serviceItemsByIds(ctx.db, [value.id]);
  return { serviceItem, created: value.created, changed: value.changed, userErrors };
}

/**
 * Pushes an item down by a partner's external reference, or makes the referenced push-down match
 * the input. When the station already has the item (pushed down without this reference), the
 * reference is attached to that push-down instead of failing. Station and item of a push-down
 * never change; a new push-down needs an active item and a station still serving, and so does
 * putting one back to ACTIVE.
 */
export async function upsertStationServiceItem(ctx: Context, input: UpsertStationServiceItemInput): Promise<UpsertStationServiceItemResult> {
  const problems = new Problems(ctx.locale);
  const key = checkExternalRefKey(problems, 'externalRef.', ExternalRecordType.STATION_SERVICE_ITEM, input.externalRef.system, input.externalRef.externalId);
  const item = await ctx.loaders.serviceItemByCode.load(input.itemCode.trim());
  if (!item) problems.add('itemCode', UserErrorCode.NOT_FOUND, 'SERVICE_ITEM_NOT_FOUND', { code: input.itemCode });
  const stationId = localIdOf(input.stationId, 'Station');
  const station = stationId ? await ctx.loaders.stationById.load(stationId) : null;
  if (!stationId) problems.add('stationId', UserErrorCode.INVALID, 'STATION_ID_INVALID');
  else if (!station) problems.add('stationId', UserErrorCode.NOT_FOUND, 'STATION_NOT_FOUND');
  const since = input.since !== undefined ? checkSince(problems, input.since) : undefined;
  checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, item ? { departmentId: item.departmentId } : null, 'itemCode');
  if (problems.any) return { stationServiceItem: null, created: false, changed: false, userErrors: problems.errors };
  const ref = key!;

  const { value, userErrors } = await withUserErrors(ctx, async () => {
    try {
      return await upsertByExternalRef(ctx, problems, 'externalRef.', ref, {
        async adopt(em) {
          const existing = await em.findOne(StationServiceItem, { station: station!.dbId, serviceItem: item!.dbId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          return existing?.id ?? null;
        },
        async create(em, id) {
          if (!item!.active) problems.add('itemCode', UserErrorCode.INVALID, 'SERVICE_ITEM_INACTIVE', { name: item!.name, code: item!.code });
          if (station!.archivedAt) problems.add('stationId', UserErrorCode.ARCHIVED, 'PUSH_DOWN_STATION_ARCHIVED', { name: station!.name });
          else if (station!.status === StationStatus.CLOSED) problems.add('stationId', UserErrorCode.INVALID, 'PUSH_DOWN_STATION_CLOSED', { name: station!.name });
          problems.throwIfAny();
          em.create(StationServiceItem, {
            id,
            station: em.getReference(Station, station!.dbId),
            serviceItem: em.getReference(ServiceItem, item!.dbId),
            mode: input.mode ?? item!.handlingMode,
            since: since ?? todayInChina(),
            status: input.status ?? StationServiceItemStatus.ACTIVE,
          });
        },
        async update(em, id) {
          const record = await em.findOneOrFail(StationServiceItem, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          const otherItem = record.serviceItem.id !== item!.dbId;
          if (otherItem || record.station.id !== station!.dbId) {
            await em.populate(record, ['serviceItem', 'station']);
            // Another department's push-down: the caller must be allowed to write it before being told more.
            if (!checkCan(ctx, problems, Action.WRITE_SERVICE_ITEM, { departmentId: record.serviceItem.department.id }, 'itemCode')) problems.throwIfAny();
            problems.add(otherItem ? 'itemCode' : 'stationId', UserErrorCode.INVALID, 'UPSERT_PUSH_DOWN_MISMATCH', {
              system: ref.system,
              externalId: ref.externalId,
              station: record.station.name,
              item: record.serviceItem.name,
            });
            problems.throwIfAny();
          }
          if (input.status === StationServiceItemStatus.ACTIVE && record.status !== StationServiceItemStatus.ACTIVE) {
            await em.populate(record, ['serviceItem', 'station']);
            const { serviceItem: current, station: at } = record;
            if (!current.active) problems.add('status', UserErrorCode.INVALID, 'SERVICE_ITEM_INACTIVE', { name: current.name, code: current.code });
            if (at.archivedAt) problems.add('status', UserErrorCode.ARCHIVED, 'PUSH_DOWN_STATION_ARCHIVED', { name: at.name });
            else if (at.status === StationStatus.CLOSED) problems.add('status', UserErrorCode.INVALID, 'PUSH_DOWN_STATION_CLOSED', { name: at.name });
            problems.throwIfAny();
          }
          return applyChanges(record, { mode: input.mode ?? undefined, since, status: input.status ?? undefined });
        },
      });
    } catch (error) {
      // A push-down of the pair that no retry could take over (it committed between both attempts).
      if (error instanceof UniqueConstraintViolationException) {
        const existing = await stationServiceItemOf(ctx.db, station!.dbId, item!.dbId);
        if (existing) addExists(problems, 'itemCode', existing, existing.id, item!, station!);
        problems.throwIfAny();
      }
      throw error;
    }
  });
  if (!value) return { stationServiceItem: null, created: false, changed: false, userErrors };
  const [stationServiceItem] = await stationServiceItemsByIds(ctx.db, [value.id]);
  return { stationServiceItem, created: value.created, changed: value.changed, userErrors };
}
