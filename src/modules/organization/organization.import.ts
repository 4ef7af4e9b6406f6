import type { Context } from '../../graphql/context';
import { column, enumNames, text, yesNo, type RowValues } from '../import/import.columns';
import { rowErrorsOf, type ImportKind, type RowOutcome } from '../import/import.service';
import { normaliseContactPhone } from './contact-phone';
import { checkCreditCode } from './credit-code';
import { OrganizationKind } from './organization.enums';
import type { UpdateOrganizationInput } from './organization.inputs';
import { organizationByCreditCode, organizationsByIds } from './organization.reader';
import { createOrganization, updateOrganization, upsertOrganization } from './organization.service';
import type { OrganizationRecord } from './organization.types';

const KINDS = enumNames(OrganizationKind);

/**
 * Co-building organizations (共建组织): matched by external reference when the row gives one (through
 * upsertOrganization, as a partner's sync would), else by credit code, else by region and name.
 */
export const ORGANIZATION_IMPORT: ImportKind = {
  name: 'organizations',
  zh: '共建组织',
  columns: [
    column('name', '名称', 'name', text, { required: true, note: '组织名称 Name', example: '安居社区志愿服务队（示例）' }),
    column('kind', '类型', 'kind', KINDS.parse, { required: true, note: () => `组织类型 Kind: ${KINDS.allowed()}`, example: '志愿服务组织' }),
    column('creditCode', '统一社会信用代码', 'creditCode', text, {
      note: '18位统一社会信用代码（没有可留空）；有则按它匹配已有组织 18-character unified social credit code, if it has one; matches an existing organization',
      example: '',
    }),
    column('contactName', '联系人', 'contactName', text, { required: true, note: '联系人姓名（个人信息）Contact person (personal data)', example: '张三' }),
    column('contactPhone', '联系电话', 'contactPhone', text, {
      required: true,
      note: '手机号或带区号的座机（个人信息）Mobile, or landline with area code (personal data)',
      example: '0710-3456789',
    }),
    column('regionCode', '所在地区划代码', 'regionCode', text, { required: true, note: '所在地行政区划代码 Code of the region it is based in', example: '420606002011' }),
    column('externalSystem', '外部系统', 'externalSystem', text, {
      note: '合作部门系统名称（与外部编号同填）；有则按外部编号匹配 The partner system, with the external ID: the row is matched by this reference',
      example: '',
      fields: ['externalRef.system', 'externalRef'],
    }),
    column('externalId', '外部编号', 'externalId', text, { note: '该系统中的记录编号 The record’s ID in that system', example: '', fields: ['externalRef.externalId'] }),
    column('active', '启用', 'active', yesNo, { note: '是否启用（是/否，缺省为是）Active: 是 (yes, the default) or 否 (no)', example: '是' }),
  ],
  keyOf(values) {
    if (values.externalSystem || values.externalId) return `ref:${String(values.externalSystem)}:${String(values.externalId)}`;
    if (values.creditCode) return `credit:${checkCreditCode(String(values.creditCode)).code}`;
    return `name:${String(values.regionCode)}:${String(values.name)}`;
  },
  async apply(ctx, values) {
    const fields = {
      name: values.name as string,
      kind: values.kind as OrganizationKind,
      creditCode: (values.creditCode as string | null) ?? null,
      contactName: values.contactName as string,
      contactPhone: values.contactPhone as string,
      regionCode: values.regionCode as string,
    };
    if (values.externalSystem || values.externalId) {
      const key = { system: (values.externalSystem as string | null) ?? '', externalId: (values.externalId as string | null) ?? '' };
      const result = await upsertOrganization(ctx, { ...fields, externalRef: key, active: (values.active as boolean | null) ?? undefined });
      if (result.userErrors.length) return { errors: rowErrorsOf(result.userErrors) };
      return { outcome: result.created ? 'created' : result.changed ? 'updated' : 'unchanged' };
    }
    const existing = await findOrganization(ctx, values);
    if (existing) return updateFromRow(ctx, existing, values);
    const created = await createOrganization(ctx, fields);
    if (!created.organization) return { errors: rowErrorsOf(created.userErrors) };
    if (values.active !== false) return { outcome: 'created' };
    const retired = await updateOrganization(ctx, { id: created.organization.id, version: created.organization.version, active: false });
    return retired.userErrors.length ? { errors: rowErrorsOf(retired.userErrors) } : { outcome: 'created' };
  },
};

/** The row's organization: by credit code when it gives one, else the one of that name in the region. */
async function findOrganization(ctx: Context, values: RowValues): Promise<OrganizationRecord | null> {
  if (values.creditCode) return organizationByCreditCode(ctx.db, checkCreditCode(String(values.creditCode)).code);
  const rows = await ctx.db.all<{ id: string }>('select o.id from organization o join region r on r.id = o.region_id where r.code = ? and o.name = ? order by o.id limit 1', [
    values.regionCode,
    values.name,
  ]);
  return rows.length ? ((await organizationsByIds(ctx.db, [rows[0].id]))[0] ?? null) : null;
}

/** Changes what differs (an empty optional cell leaves its field as it is), through updateOrganization. */
async function updateFromRow(ctx: Context, organization: OrganizationRecord, values: RowValues): Promise<RowOutcome> {
  const region = organization.regionId === null ? null : await ctx.loaders.regionById.load(organization.regionId);
  const changes: Partial<UpdateOrganizationInput> = {};
  if (values.name !== organization.name) changes.name = values.name as string;
  if (values.kind !== organization.kind) changes.kind = values.kind as OrganizationKind;
  if (values.contactName !== organization.contactName) changes.contactName = values.contactName as string;
  const phone = values.contactPhone as string;
  if ((normaliseContactPhone(phone) ?? phone) !== organization.contactPhone) changes.contactPhone = phone;
  if (values.regionCode !== region?.code) changes.regionCode = values.regionCode as string;
  if (values.active != null && values.active !== organization.active) changes.active = values.active as boolean;
  if (!Object.keys(changes).length) return { outcome: 'unchanged' };
  const payload = await updateOrganization(ctx, { id: organization.id, version: organization.version, ...changes });
  return payload.userErrors.length ? { errors: rowErrorsOf(payload.userErrors) } : { outcome: 'updated' };
}
