import type { Context } from '../../graphql/context';
import { CoordinateSystem, toWgs84 } from '../../geo/coordinates';
import { translate } from '../../i18n/messages';
import { column, date, decimal, enumNames, integer, text, yesNo, type RowValues } from '../import/import.columns';
import { rowErrorsOf, type ImportKind, type RowError, type RowOutcome } from '../import/import.service';
import type { CreateStationInput, UpdateStationInput } from './station.inputs';
import { StationKind, StationStatus, StationTier } from './station.enums';
import { stationsByIds } from './station.reader';
import { changeStationStatus, createStation, updateStation } from './station.service';
import type { StationPayload, StationRecord } from './station.types';

const TIERS = enumNames(StationTier);
const KINDS = enumNames(StationKind);
const STATUSES = enumNames(StationStatus);
const SYSTEMS = enumNames(CoordinateSystem);

/** Coordinates closer than this (about 5 cm) are the same point: a spreadsheet may round the last digit. */
const SAME_POINT_DEGREES = 5e-7;

/** The station list (驿站名录): one row per station, matched by code, or by community and name while it has none. */
export const STATION_IMPORT: ImportKind = {
  name: 'stations',
  zh: '驿站',
  columns: [
    column('code', '编号', 'code', text, {
      note: '驿站编号：填写则修改该驿站；新驿站留空，由系统签发（留空时按“社区（村）代码 + 名称”匹配已有驿站）Station code: given, the row changes that station; empty for a new one (the system issues its code; until then the row is matched by community and name)',
      example: '',
      fields: ['id'],
    }),
    column('name', '名称', 'name', text, { required: true, note: '驿站名称 Name', example: '安居社区红色驿站（示例）' }),
    column('regionCode', '社区（村）代码', 'regionCode', text, {
      required: true,
      note: '所属社区或村的12位统计用区划代码 12-digit code of the community or village',
      example: '420606002011',
    }),
    column('tier', '类别', 'tier', TIERS.parse, { required: true, note: () => `类别 Tier: ${TIERS.allowed()}`, example: '基础性' }),
    column('kind', '类型', 'kind', KINDS.parse, { required: true, note: () => `类型 Kind: ${KINDS.allowed()}`, example: '城市社区驿站' }),
    column('status', '状态', 'status', STATUSES.parse, {
      note: () => `状态（新驿站缺省为规划中；已有驿站按合法流转变更）Status; PLANNED for a new station by default, a legal transition for an existing one: ${STATUSES.allowed()}`,
      example: '规划中',
    }),
    column('address', '地址', 'address', text, { required: true, note: '地址 Street address', example: '襄阳市樊城区安居社区' }),
    column('latitude', '纬度', 'latitude', decimal, { required: true, note: '纬度（度）Latitude in degrees', example: '32.0426', fields: ['location'] }),
    column('longitude', '经度', 'longitude', decimal, { required: true, note: '经度（度）Longitude in degrees', example: '112.1446', fields: ['location.longitude'] }),
    column('coordinateSystem', '坐标系', 'coordinateSystem', SYSTEMS.parse, {
      note: () => `经纬度所用坐标系，缺省为 WGS84 Coordinate system of the latitude and longitude, WGS84 by default: ${SYSTEMS.allowed()}`,
      example: 'WGS84',
      fields: ['location.coordinateSystem'],
    }),
    column('planYear', '计划年度', 'planYear', integer, { note: '建设计划年度 Plan year', example: '2023' }),
    column('openedOn', '建成日期', 'openedOn', date, { note: '建成日期（运行中的驿站）Opening date, of an open station', example: '' }),
    column('hostsMobilePartyMemberServicePoint', '设有流动党员服务站', 'hostsMobilePartyMemberServicePoint', yesNo, {
      note: '是否设有流动党员服务站（是/否，缺省为否）Whether it hosts a mobile party-member service point: 是 (yes) or 否 (no, the default)',
      example: '否',
    }),
  ],
  keyOf(values) {
    return values.code ? `code:${String(values.code)}` : `name:${String(values.regionCode)}:${String(values.name)}`;
  },
  async apply(ctx, values) {
    const found = await findStation(ctx, values);
    if ('errors' in found) return found;
    return found.station ? updateFromRow(ctx, found.station, values) : outcomeOf(await createStation(ctx, createInputOf(values)), 'created');
  },
};

/** The row's station: by code, or (no code given) the one active station of that name in the community. */
async function findStation(ctx: Context, values: RowValues): Promise<{ station: StationRecord | null } | { errors: RowError[] }> {
  const rows = values.code
    ? await ctx.db.all<{ id: string }>('select id from station where code = ?', [values.code])
    : await ctx.db.all<{ id: string }>('select s.id from station s join region r on r.id = s.region_id where r.code = ? and s.name = ? and s.archived_at is null', [
        values.regionCode,
        values.name,
      ]);
  if (values.code && !rows.length) return { errors: [{ field: 'code', message: translate(ctx.locale, 'IMPORT_STATION_CODE_UNKNOWN', { code: String(values.code) }) }] };
  if (rows.length > 1) return { errors: [{ field: 'name', message: translate(ctx.locale, 'IMPORT_STATION_NAME_AMBIGUOUS', { count: rows.length }) }] };
  if (!rows.length) return { station: null };
  const [station] = await stationsByIds(ctx.db, [rows[0].id]);
  return { station };
}

function locationOf(values: RowValues): CreateStationInput['location'] {
  return {
    latitude: values.latitude as number,
    longitude: values.longitude as number,
    coordinateSystem: (values.coordinateSystem as CoordinateSystem | null) ?? CoordinateSystem.WGS84,
  };
}

function createInputOf(values: RowValues): CreateStationInput {
  return {
    name: values.name as string,
    regionCode: values.regionCode as string,
    tier: values.tier as StationTier,
    kind: values.kind as StationKind,
    status: (values.status as StationStatus | null) ?? StationStatus.PLANNED,
    address: values.address as string,
    location: locationOf(values),
    planYear: (values.planYear as number | null) ?? undefined,
    openedOn: (values.openedOn as string | null) ?? undefined,
    hostsMobilePartyMemberServicePoint: (values.hostsMobilePartyMemberServicePoint as boolean | null) ?? false,
    isHub: false,
  };
}

function outcomeOf(payload: StationPayload, outcome: 'created' | 'updated'): RowOutcome {
  return payload.userErrors.length ? { errors: rowErrorsOf(payload.userErrors) } : { outcome };
}

/**
 * The fields of the row that differ from the station (an empty cell leaves its field as it is),
 * as an updateStation input; null when nothing differs.
 */
function changesOf(station: StationRecord, regionCode: string, values: RowValues): Partial<UpdateStationInput> | null {
  const changes: Partial<UpdateStationInput> = {};
  if (values.name !== station.name) changes.name = values.name as string;
  if (values.regionCode !== regionCode) changes.regionCode = values.regionCode as string;
  if (values.tier !== station.tier) changes.tier = values.tier as StationTier;
  if (values.kind !== station.kind) changes.kind = values.kind as StationKind;
  if (values.address !== station.address) changes.address = values.address as string;
  const location = locationOf(values);
  const wgs84 = toWgs84({ lat: location.latitude, lng: location.longitude }, location.coordinateSystem);
  if (Math.abs(wgs84.lat - station.lat) > SAME_POINT_DEGREES || Math.abs(wgs84.lng - station.lng) > SAME_POINT_DEGREES) changes.location = location;
  if (values.planYear != null && values.planYear !== station.planYear) changes.planYear = values.planYear as number;
  if (values.openedOn != null && values.openedOn !== station.openedOn) changes.openedOn = values.openedOn as string;
  const hosts = values.hostsMobilePartyMemberServicePoint as boolean | null;
  if (hosts != null && hosts !== station.hostsMobilePartyMemberServicePoint) changes.hostsMobilePartyMemberServicePoint = hosts;
  return Object.keys(changes).length ? changes : null;
}

/** Moves the station to the row's status (a legal transition only), then changes the fields that differ. */
async function updateFromRow(ctx: Context, station: StationRecord, values: RowValues): Promise<RowOutcome> {
  let current = station;
  let changed = false;
  const status = values.status as StationStatus | null;
  if (status && status !== current.status) {
    const payload = await changeStationStatus(ctx, { id: current.id, version: current.version, status });
    if (!payload.station) return { errors: rowErrorsOf(payload.userErrors) };
    current = payload.station;
    changed = true;
  }
  const region = await ctx.loaders.regionById.load(current.regionId);
  const changes = changesOf(current, region?.code ?? '', values);
  if (!changes) return { outcome: changed ? 'updated' : 'unchanged' };
  return outcomeOf(await updateStation(ctx, { id: current.id, version: current.version, ...changes }), 'updated');
}
