import type { Context } from '../../graphql/context';
import { translate } from '../../i18n/messages';
import { column, decimal, enumNames, integer, list, text, yesNo, type RowValues } from '../import/import.columns';
import { rowErrorsOf, type ImportKind, type RowOutcome } from '../import/import.service';
import { ServiceHandlingMode, ServiceItemCategory, ServiceItemLevel } from './service-item.enums';
import type { UpdateServiceItemInput } from './service-item.inputs';
import { createServiceItem, updateServiceItem } from './service-item.service';
import type { ServiceItemRecord } from './service-item.types';

const LEVELS = enumNames(ServiceItemLevel);
const CATEGORIES = enumNames(ServiceItemCategory);
const MODES = enumNames(ServiceHandlingMode);

/** The service item catalogue (高频服务事项目录): one row per item, matched by its catalogue code. */
export const SERVICE_ITEM_IMPORT: ImportKind = {
  name: 'service-items',
  zh: '服务事项',
  columns: [
    column('code', '事项编码', 'code', text, {
      required: true,
      note: '事项编码，如 420600-SB-0001：已有则修改该事项，没有则新建 Catalogue code such as 420600-SB-0001: an existing item is changed, a new one created',
      example: '420600-DJ-0901',
      fields: ['code', 'id'],
    }),
    column('name', '事项名称', 'name', text, { required: true, note: '事项名称 Name', example: '党员组织关系转接咨询（示例）' }),
    column('level', '层级', 'level', LEVELS.parse, {
      required: true,
      note: () => `事项层级，须与编码前6位的区划一致，创建后不可改 Issuing level, matching the code's division; fixed once created: ${LEVELS.allowed()}`,
      example: '市级事项',
    }),
    column('category', '类别', 'category', CATEGORIES.parse, { required: true, note: () => `事项类别 Category: ${CATEGORIES.allowed()}`, example: '党建服务' }),
    column('departmentCode', '责任部门代码', 'departmentCode', text, {
      required: true,
      note: '责任部门代码（启用中的部门）Code of the responsible department, an active one',
      example: 'XY-ZZB',
    }),
    column('handlingMode', '办理方式', 'handlingMode', MODES.parse, {
      required: true,
      note: () => `默认办理方式 Default way of handling it: ${MODES.allowed()}`,
      example: '咨询引导',
    }),
    column('materials', '申请材料', 'materials', list, {
      note: '申请材料，以分号（；）或换行分隔 Documents to bring, separated by semicolons or line breaks',
      example: '党员身份证明；介绍信',
    }),
    column('timeLimitDays', '办结时限（工作日）', 'timeLimitDays', integer, {
      note: '承诺办结时限（1–365个工作日），留空表示即办 Time limit in working days; empty for on the spot',
      example: '3',
    }),
    column('feeYuan', '收费（元）', 'feeYuan', decimal, { note: '收费标准（元），留空表示免费 Fee in yuan; empty for free', example: '0' }),
    column('description', '办理说明', 'description', text, { note: '办理说明（至多1000字）Notes', example: '' }),
    column('active', '启用', 'active', yesNo, { note: '是否启用（是/否，缺省为是）Whether it is in use: 是 (yes, the default) or 否 (no)', example: '是' }),
  ],
  keyOf(values) {
    return String(values.code);
  },
  async apply(ctx, values) {
    const existing = await ctx.loaders.serviceItemByCode.load(String(values.code));
    if (existing) return updateFromRow(ctx, existing, values);
    const created = await createServiceItem(ctx, {
      code: values.code as string,
      name: values.name as string,
      level: values.level as ServiceItemLevel,
      category: values.category as ServiceItemCategory,
      departmentCode: values.departmentCode as string,
      handlingMode: values.handlingMode as ServiceHandlingMode,
      materials: (values.materials as string[] | null) ?? [],
      timeLimitDays: (values.timeLimitDays as number | null) ?? null,
      feeYuan: (values.feeYuan as number | null) ?? 0,
      description: (values.description as string | null) ?? null,
    });
    if (!created.serviceItem) return { errors: rowErrorsOf(created.userErrors) };
    if (values.active !== false) return { outcome: 'created' };
    // A retired item is created and then retired, as a caller of the API would.
    const retired = await updateServiceItem(ctx, { id: created.serviceItem.id, version: created.serviceItem.version, active: false });
    return retired.userErrors.length ? { errors: rowErrorsOf(retired.userErrors) } : { outcome: 'created' };
  },
};

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** Changes the fields of the row that differ from the item (an empty optional cell leaves its field as it is). */
async function updateFromRow(ctx: Context, item: ServiceItemRecord, values: RowValues): Promise<RowOutcome> {
  if (values.level !== item.level) {
    return { errors: [{ field: 'level', message: translate(ctx.locale, 'IMPORT_ITEM_LEVEL_FIXED', { level: item.level, levelZh: LEVELS.zh(item.level) }) }] };
  }
  const department = await ctx.loaders.departmentById.load(item.departmentId);
  const changes: Partial<UpdateServiceItemInput> = {};
  if (values.name !== item.name) changes.name = values.name as string;
  if (values.category !== item.category) changes.category = values.category as ServiceItemCategory;
  if (values.departmentCode !== department?.code) changes.departmentCode = values.departmentCode as string;
  if (values.handlingMode !== item.handlingMode) changes.handlingMode = values.handlingMode as ServiceHandlingMode;
  if (values.materials != null && !sameList(values.materials as string[], item.materials)) changes.materials = values.materials as string[];
  if (values.timeLimitDays != null && values.timeLimitDays !== item.timeLimitDays) changes.timeLimitDays = values.timeLimitDays as number;
  if (values.feeYuan != null && values.feeYuan !== item.feeYuan) changes.feeYuan = values.feeYuan as number;
  if (values.description != null && values.description !== item.description) changes.description = values.description as string;
  if (values.active != null && values.active !== item.active) changes.active = values.active as boolean;
  if (!Object.keys(changes).length) return { outcome: 'unchanged' };
  const payload = await updateServiceItem(ctx, { id: item.id, version: item.version, ...changes });
  return payload.userErrors.length ? { errors: rowErrorsOf(payload.userErrors) } : { outcome: 'updated' };
}
