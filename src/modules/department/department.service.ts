import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Action, checkCan } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type RecordKind } from '../../graphql/mutation';
import { savepoint, write } from '../../graphql/unit-of-work';
import { localIdOf } from '../../graphql/relay';
import { departmentsByCodes } from './department.reader';
import { Region } from '../region/region.entity';
import { Department } from './department.entity';
import type { CreateDepartmentInput, UpdateDepartmentInput } from './department.inputs';
import { departmentsByIds } from './department.reader';
import type { DepartmentPayload, DepartmentRecord } from './department.types';
import { GovernmentLevel, JURISDICTION_LEVEL } from './government-level';

export const DEPARTMENT: RecordKind = { zh: '部门', en: 'department' };
const NAME: RecordKind = { zh: '部门全称', en: 'department name' };
const SHORT_NAME: RecordKind = { zh: '部门简称', en: 'short name' };
export const DEPARTMENT_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const LEVEL_NAMES_ZH: Record<GovernmentLevel, string> = { PROVINCE: '省级', CITY: '市级', DISTRICT: '区县级', STREET: '乡镇街道级' };

async function toPayload(ctx: Context, work: () => Promise<string>): Promise<DepartmentPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, work);
  if (id === null) return { department: null, userErrors };
  const [department] = await departmentsByIds(ctx.db, [id]);
  return { department, userErrors };
}

/**
 * Finds an active department by code for a record that is to reference it, adding a user error
 * at `field` when there is none or it is inactive.
 */
export async function resolveActiveDepartment(ctx: Context, problems: Problems, field: string, code: string): Promise<DepartmentRecord | null> {
  const department = await ctx.loaders.departmentByCode.load(code.trim());
  if (!department) problems.add(field, UserErrorCode.NOT_FOUND, 'DEPARTMENT_NOT_FOUND', { code });
  else if (!department.active) problems.add(field, UserErrorCode.INVALID, 'DEPARTMENT_INACTIVE', { name: department.name });
  else return department;
  return null;
}

/** Registers a department; its code is the caller's and never changes. */
export async function createDepartment(ctx: Context, input: CreateDepartmentInput): Promise<DepartmentPayload> {
  const problems = new Problems(ctx.locale);
  if (!checkCan(ctx, problems, Action.ADMINISTER, {}, 'code')) return { department: null, userErrors: problems.errors };
  const code = input.code.trim();
  if (!DEPARTMENT_CODE.test(code)) problems.add('code', UserErrorCode.INVALID, 'DEPARTMENT_CODE_INVALID', { code });
  const name = checkText(problems, 'name', input.name, 100, NAME);
  const shortName = checkText(problems, 'shortName', input.shortName, 30, SHORT_NAME);
  const region = await ctx.loaders.regionByCode.load(input.regionCode.trim());
  if (!region) problems.add('regionCode', UserErrorCode.NOT_FOUND, 'REGION_NOT_FOUND', { code: input.regionCode });
  else if (region.level !== JURISDICTION_LEVEL[input.level]) {
    problems.add('regionCode', UserErrorCode.INVALID, 'DEPARTMENT_REGION_LEVEL', {
      level: input.level,
      levelZh: LEVEL_NAMES_ZH[input.level],
      name: region.name,
      code: region.code,
    });
  }
  if (problems.any) return { department: null, userErrors: problems.errors };

  return toPayload(ctx, async () => {
    try {
      return await savepoint(ctx, async (em) => {
        const department = em.create(Department, {
          id: randomUUID(),
          code,
          name: name!,
          shortName: shortName ?? null,
          level: input.level,
          region: em.getReference(Region, region!.dbId),
        });
        await em.flush();
        return department.id;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        const [holder] = await departmentsByCodes(ctx.db, [code]);
        problems.exists('code', 'DEPARTMENT_CODE_TAKEN', { code }, holder?.id ?? null);
        problems.throwIfAny();
      }
      throw error;
    }
  });
}

/** Changes the name, short name or active flag; code, level and jurisdiction stay as registered. */
export async function updateDepartment(ctx: Context, input: UpdateDepartmentInput): Promise<DepartmentPayload> {
  const problems = new Problems(ctx.locale);
  if (!checkCan(ctx, problems, Action.ADMINISTER, {})) return { department: null, userErrors: problems.errors };
  const localId = localIdOf(input.id, 'Department');
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: DEPARTMENT.zh, kind: DEPARTMENT.en });
  const name = checkText(problems, 'name', input.name, 100, NAME);
  const shortName = checkText(problems, 'shortName', input.shortName, 30, SHORT_NAME);
  if (problems.any) return { department: null, userErrors: problems.errors };

  return toPayload(ctx, () =>
    write(ctx, async (em) => {
      const department = await lockVersioned(em, Department, localId!, input.version, problems, DEPARTMENT);
      if (name != null) department.name = name;
      if (shortName !== undefined) department.shortName = shortName;
      if (input.active != null) department.active = input.active;
      return department.id;
    }),
  );
}
