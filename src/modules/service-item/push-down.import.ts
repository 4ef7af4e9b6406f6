import type { Context } from '../../graphql/context';
import { toGlobalId } from '../../graphql/relay';
import { translate } from '../../i18n/messages';
import { column, date, enumNames, text } from '../import/import.columns';
import { rowErrorsOf, type ImportKind, type RowOutcome } from '../import/import.service';
import { ServiceHandlingMode, StationServiceItemStatus } from './service-item.enums';
import { stationServiceItemOf } from './service-item.reader';
import { pushDownServiceItem, updateStationServiceItem } from './service-item.service';
import type { StationServiceItemRecord } from './service-item.types';

const MODES = enumNames(ServiceHandlingMode);
const STATUSES = enumNames(StationServiceItemStatus);

/** Push-downs (事项下沉): one row per station and item, matched by the pair of codes. */
export const PUSH_DOWN_IMPORT: ImportKind = {
  name: 'push-downs',
  zh: '事项下沉',
  columns: [
    column('stationCode', '驿站编号', 'stationCode', text, { required: true, note: '驿站编号 Station code', example: '420684001001-001', fields: ['stationId'] }),
    column('itemCode', '事项编码', 'itemCode', text, { required: true, note: '服务事项编码 Catalogue code of the item', example: '420600-SB-0001' }),
    column('mode', '办理方式', 'mode', MODES.parse, {
      note: () => `在该驿站的办理方式，缺省为事项的默认方式 How it is handled there; the item's default when empty: ${MODES.allowed()}`,
      example: '代办',
    }),
    column('since', '下沉日期', 'since', date, { note: '下沉日期（仅新建时使用，缺省为今天）Since when; used when the push-down is created, today by default', example: '' }),
    column('status', '状态', 'status', STATUSES.parse, { note: () => `状态，缺省为办理中 Status, ACTIVE by default: ${STATUSES.allowed()}`, example: '办理中' }),
  ],
  keyOf(values) {
    return `${String(values.stationCode)}|${String(values.itemCode)}`;
  },
  async apply(ctx, values) {
    const [station] = await ctx.db.all<{ id: string }>('select id from station where code = ?', [values.stationCode]);
    if (!station) return { errors: [{ field: 'stationCode', message: translate(ctx.locale, 'IMPORT_PUSH_DOWN_STATION_UNKNOWN', { code: String(values.stationCode) }) }] };
    const item = await ctx.loaders.serviceItemByCode.load(String(values.itemCode));
    const existing = item ? await stationServiceItemOf(ctx.db, station.id, item.dbId) : null;
    const mode = values.mode as ServiceHandlingMode | null;
    const status = values.status as StationServiceItemStatus | null;
    if (existing) return updateFromRow(ctx, existing, mode, status);
    const created = await pushDownServiceItem(ctx, {
      stationId: toGlobalId('Station', station.id),
      itemCode: String(values.itemCode),
      mode: mode ?? undefined,
      since: (values.since as string | null) ?? undefined,
    });
    if (!created.stationServiceItem) return { errors: rowErrorsOf(created.userErrors) };
    if (!status || status === created.stationServiceItem.status) return { outcome: 'created' };
    const changed = await updateStationServiceItem(ctx, { id: created.stationServiceItem.id, version: created.stationServiceItem.version, status });
    return changed.userErrors.length ? { errors: rowErrorsOf(changed.userErrors) } : { outcome: 'created' };
  },
};

/** Changes the mode or status where the row differs (empty cells leave them as they are). */
async function updateFromRow(ctx: Context, existing: StationServiceItemRecord, mode: ServiceHandlingMode | null, status: StationServiceItemStatus | null): Promise<RowOutcome> {
  const changes = { ...(mode && mode !== existing.mode ? { mode } : {}), ...(status && status !== existing.status ? { status } : {}) };
  if (!Object.keys(changes).length) return { outcome: 'unchanged' };
  const payload = await updateStationServiceItem(ctx, { id: existing.id, version: existing.version, ...changes });
  return payload.userErrors.length ? { errors: rowErrorsOf(payload.userErrors) } : { outcome: 'updated' };
}
