import { randomUUID } from 'node:crypto';
import { DriverException, ForeignKeyConstraintViolationException, LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Action, checkCan, checkCanInRegion } from '../../auth/permissions';
import type { Context } from '../../graphql/context';
import { UserErrorCode } from '../../graphql/errors';
import { checkText, lockVersioned, Problems, withUserErrors, type AdoptionHint, type RecordKind } from '../../graphql/mutation';
import { savepoint } from '../../graphql/unit-of-work';
import { localIdOf } from '../../graphql/relay';
import { Region } from '../region/region.entity';
import type { RegionRecord } from '../region/region.types';
import { normaliseContactPhone } from './contact-phone';
import { checkCreditCode } from './credit-code';
import { Organization } from './organization.entity';
import { CreditCodeWarning } from './organization.enums';
import type { CreateOrganizationInput, DeleteOrganizationInput, UpdateOrganizationInput } from './organization.inputs';
import { organizationByCreditCode, organizationsByIds } from './organization.reader';
import type { DeleteOrganizationResult, OrganizationPayload } from './organization.types';
import { ExternalRecordType } from '../external-ref/external-ref.enums';
import type { UpsertOrganizationInput } from '../external-ref/external-ref.inputs';
import { applyChanges } from '../external-ref/external-ref.rules';
import { checkExternalRefKey, referencedRecordId, upsertByExternalRef } from '../external-ref/external-ref.service';
import type { UpsertOrganizationResult } from '../external-ref/external-ref.types';

export const ORGANIZATION: RecordKind = { zh: '组织', en: 'organization' };
const NAME: RecordKind = { zh: '组织名称', en: 'organization name' };
const CONTACT_NAME: RecordKind = { zh: '联系人姓名', en: 'contact name' };
export const NAME_MAX = 100;
export const CONTACT_NAME_MAX = 50;

/** A checked credit code: undefined = not given (unchanged), null = none. */
interface CheckedCreditCode {
  code: string | null | undefined;
  warning: CreditCodeWarning | null;
}

/**
 * Checks a credit code (GB 32100-2015) and that no other organization holds it. A legal code
 * whose check character fails is accepted with CHECK_CHARACTER_MISMATCH; a malformed one is a
 * user error. The unique index catches a writer that registers the code meanwhile.
 */
async function checkOrganizationCreditCode(
  ctx: Context,
  problems: Problems,
  input: string | null | undefined,
  selfId: string | null,
  adopt?: AdoptionHint,
): Promise<CheckedCreditCode> {
  if (input === undefined) return { code: undefined, warning: null };
  if (input === null || !input.trim()) return { code: null, warning: null };
  const checked = checkCreditCode(input);
  if (checked.status === 'MALFORMED') {
    if (checked.reason === 'LENGTH') problems.add('creditCode', UserErrorCode.INVALID, 'CREDIT_CODE_LENGTH', { length: checked.code.length });
    else problems.add('creditCode', UserErrorCode.INVALID, 'CREDIT_CODE_ALPHABET');
    return { code: undefined, warning: null };
  }
  const holder = await organizationByCreditCode(ctx.db, checked.code);
  if (holder && holder.dbId !== selfId) problems.exists('creditCode', 'CREDIT_CODE_TAKEN', { code: checked.code, name: holder.name }, holder.id, adopt);
  return { code: checked.code, warning: checked.status === 'CHECK_MISMATCH' ? CreditCodeWarning.CHECK_CHARACTER_MISMATCH : null };
}

function checkContactPhone(problems: Problems, input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  const phone = normaliseContactPhone(input);
  if (phone === null) problems.add('contactPhone', UserErrorCode.INVALID, 'CONTACT_PHONE_INVALID');
  return phone ?? undefined;
}

async function resolveRegion(ctx: Context, problems: Problems, code: string | undefined): Promise<RegionRecord | undefined> {
  if (code === undefined) return undefined;
  const region = await ctx.loaders.regionByCode.load(code.trim());
  if (!region) problems.add('regionCode', UserErrorCode.NOT_FOUND, 'ORGANIZATION_REGION_NOT_FOUND', { code });
  return region ?? undefined;
}

/**
 * The driver's messages quote the SQL with its parameters, i.e. the contact's name and phone;
 * unexpected errors are logged, so they leave here with only the error class and SQLSTATE.
 */
function withoutPersonalData(error: unknown): unknown {
  if (!(error instanceof DriverException)) return error;
  return new Error(`Organization write failed: ${error.name} (SQLSTATE ${error.code ?? 'unknown'})`);
}

/**
 * Runs a write and returns the organization as committed. A unique violation on the credit code
 * (another writer registered it in between) becomes the same user error as the pre-check gives.
 */
async function toPayload(ctx: Context, problems: Problems, creditCode: string | null | undefined, work: () => Promise<string>): Promise<OrganizationPayload> {
  const { value: id, userErrors } = await withUserErrors(ctx, async () => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && creditCode) {
        const holder = await organizationByCreditCode(ctx.db, creditCode);
        problems.exists('creditCode', 'CREDIT_CODE_TAKEN', { code: creditCode, name: holder?.name ?? '' }, holder?.id ?? null);
        problems.throwIfAny();
      }
      throw withoutPersonalData(error);
    }
  });
  if (id === null) return { organization: null, userErrors };
  const [organization] = await organizationsByIds(ctx.db, [id]);
  return { organization, userErrors };
}

/**
 * Finds and locks an organization a new record (co-building, activity) is to reference, adding a
 * user error at `field` when the ID is malformed, nothing has it, or it is inactive. The lock —
 * shared, or exclusive for a writer that serialises on the organization (co-building) — holds
 * until the unit of work ends, so it cannot be deactivated before the reference commits.
 * `what` names the new record in the message.
 */
export async function resolveActiveOrganization(
  ctx: Context,
  problems: Problems,
  field: string,
  id: string,
  what: RecordKind,
  lock: LockMode.PESSIMISTIC_READ | LockMode.PESSIMISTIC_WRITE = LockMode.PESSIMISTIC_READ,
): Promise<Organization | null> {
  const localId = localIdOf(id, 'Organization');
  const organization = localId ? await ctx.em.findOne(Organization, { id: localId }, { lockMode: lock }) : null;
  if (!localId) problems.add(field, UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en });
  else if (!organization) problems.add(field, UserErrorCode.NOT_FOUND, 'RECORD_NOT_FOUND', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en });
  else if (!organization.active) problems.add(field, UserErrorCode.INVALID, 'ORGANIZATION_INACTIVE', { name: organization.name, whatZh: what.zh, what: what.en });
  else return organization;
  return null;
}

/**
 * Registers an organization; its contact fields are personal data and are never logged. The
 * caller's right to write in the region comes first: a refused caller learns nothing from the
 * credit-code check about the organization that holds a code.
 */
export async function createOrganization(ctx: Context, input: CreateOrganizationInput): Promise<OrganizationPayload> {
  const problems = new Problems(ctx.locale);
  const region = await resolveRegion(ctx, problems, input.regionCode);
  if (!checkCan(ctx, problems, Action.WRITE_COMMUNITY, region ? { regionPath: region.path } : null, 'regionCode')) {
    return { organization: null, userErrors: problems.errors };
  }
  const name = checkText(problems, 'name', input.name, NAME_MAX, NAME);
  const contactName = checkText(problems, 'contactName', input.contactName, CONTACT_NAME_MAX, CONTACT_NAME);
  const contactPhone = checkContactPhone(problems, input.contactPhone);
  const credit = await checkOrganizationCreditCode(ctx, problems, input.creditCode, null);
  if (problems.any) return { organization: null, userErrors: problems.errors };

  return toPayload(ctx, problems, credit.code, () =>
    savepoint(ctx, async (em) => {
      const organization = em.create(Organization, {
        id: randomUUID(),
        name: name!,
        kind: input.kind,
        creditCode: credit.code ?? null,
        creditCodeWarning: credit.warning,
        contactName: contactName!,
        contactPhone: contactPhone!,
        region: em.getReference(Region, region!.dbId),
      });
      await em.flush();
      return organization.id;
    }),
  );
}

/** Changes the given fields; a new credit code is checked again, and `active: false` deactivates. */
export async function updateOrganization(ctx: Context, input: UpdateOrganizationInput): Promise<OrganizationPayload> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'Organization');
  if (!localId) problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en });
  const current = localId ? await ctx.loaders.organizationById.load(localId) : null;
  if (!(await checkCanInRegion(ctx, problems, Action.WRITE_COMMUNITY, current))) {
    return { organization: null, userErrors: problems.errors };
  }
  const name = checkText(problems, 'name', input.name ?? undefined, NAME_MAX, NAME);
  const contactName = checkText(problems, 'contactName', input.contactName ?? undefined, CONTACT_NAME_MAX, CONTACT_NAME);
  const contactPhone = checkContactPhone(problems, input.contactPhone ?? undefined);
  const credit = await checkOrganizationCreditCode(ctx, problems, input.creditCode, localId);
  const region = await resolveRegion(ctx, problems, input.regionCode ?? undefined);
  // Moving an organization to another region needs the right to write there too.
  if (region) checkCan(ctx, problems, Action.WRITE_COMMUNITY, { regionPath: region.path }, 'regionCode');
  if (problems.any) return { organization: null, userErrors: problems.errors };

  return toPayload(ctx, problems, credit.code, () =>
    savepoint(ctx, async (em) => {
      const organization = await lockVersioned(em, Organization, localId!, input.version, problems, ORGANIZATION);
      if (name != null) organization.name = name;
      if (input.kind) organization.kind = input.kind;
      if (credit.code !== undefined) {
        organization.creditCode = credit.code;
        organization.creditCodeWarning = credit.warning;
      }
      if (contactName != null) organization.contactName = contactName;
      if (contactPhone !== undefined) organization.contactPhone = contactPhone;
      if (region) organization.region = em.getReference(Region, region.dbId);
      if (input.active != null) organization.active = input.active;
      return organization.id;
    }),
  );
}

/**
 * Whether a delete failed because a foreign key still points at the row. PostgreSQL 15 reports
 * that as foreign_key_violation (23503, which MikroORM maps to its own exception); PostgreSQL 18
 * — the embedded PGlite — reports ON DELETE RESTRICT keys as restrict_violation (23001).
 */
function isStillReferenced(error: unknown): boolean {
  return error instanceof ForeignKeyConstraintViolationException || (error instanceof DriverException && error.code === '23001');
}

/**
 * Deletes an organization that nothing references (e.g. one registered by mistake). While any
 * record references it — co-buildings, activities, or tables other modules add later — the
 * database's foreign keys refuse, and the caller is told to deactivate it instead.
 */
export async function deleteOrganization(ctx: Context, input: DeleteOrganizationInput): Promise<DeleteOrganizationResult> {
  const problems = new Problems(ctx.locale);
  const localId = localIdOf(input.id, 'Organization');
  if (!localId) {
    problems.add('id', UserErrorCode.INVALID, 'RECORD_ID_INVALID', { kindZh: ORGANIZATION.zh, kind: ORGANIZATION.en });
    return { deletedId: null, userErrors: problems.errors };
  }
  const current = await ctx.loaders.organizationById.load(localId);
  if (!(await checkCanInRegion(ctx, problems, Action.WRITE_COMMUNITY, current))) {
    return { deletedId: null, userErrors: problems.errors };
  }
  const { value, userErrors } = await withUserErrors(ctx, async () => {
    try {
      await savepoint(ctx, async (em) => {
        const organization = await lockVersioned(em, Organization, localId, input.version, problems, ORGANIZATION);
        em.remove(organization);
        await em.flush();
      });
    } catch (error) {
      if (isStillReferenced(error)) {
        problems.add('id', UserErrorCode.IN_USE, 'ORGANIZATION_REFERENCED');
        problems.throwIfAny();
      }
      throw error;
    }
    return input.id;
  });
  return { deletedId: value, userErrors };
}

/**
 * Creates the organization a partner's external reference names, or makes the referenced one
 * match the input ("make it so"; no version needed): when nothing differs nothing is written and
 * its version stays. Moving it to another region needs the right to write in both regions. Its
 * contact fields are personal data and are never logged.
 */
export async function upsertOrganization(ctx: Context, input: UpsertOrganizationInput): Promise<UpsertOrganizationResult> {
  const problems = new Problems(ctx.locale);
  // The right to write there comes first: the credit-code check below names the organization holding a code.
  const region = await resolveRegion(ctx, problems, input.regionCode);
  if (!checkCan(ctx, problems, Action.WRITE_COMMUNITY, region ? { regionPath: region.path } : null, 'regionCode')) {
    return { organization: null, created: false, changed: false, userErrors: problems.errors };
  }
  const key = checkExternalRefKey(problems, 'externalRef.', ExternalRecordType.ORGANIZATION, input.externalRef.system, input.externalRef.externalId);
  const name = checkText(problems, 'name', input.name, NAME_MAX, NAME);
  const contactName = checkText(problems, 'contactName', input.contactName, CONTACT_NAME_MAX, CONTACT_NAME);
  const contactPhone = checkContactPhone(problems, input.contactPhone);
  // The credit code may stay with the organization the reference names (the unique index decides again when it is written).
  const credit = await checkOrganizationCreditCode(
    ctx,
    problems,
    input.creditCode,
    key ? await referencedRecordId(ctx, key) : null,
    key ? { type: 'ORGANIZATION', system: key.system, externalId: key.externalId } : undefined,
  );
  if (problems.any) return { organization: null, created: false, changed: false, userErrors: problems.errors };
  const ref = key!;

  const { value, userErrors } = await withUserErrors(ctx, async () => {
    try {
      return await upsertByExternalRef(ctx, problems, 'externalRef.', ref, {
        async create(em, id) {
          em.create(Organization, {
            id,
            name: name!,
            kind: input.kind,
            creditCode: credit.code ?? null,
            creditCodeWarning: credit.warning,
            contactName: contactName!,
            contactPhone: contactPhone!,
            region: em.getReference(Region, region!.dbId),
            active: input.active ?? true,
          });
        },
        async update(em, id) {
          const organization = await em.findOneOrFail(Organization, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          const moving = organization.region?.id !== region!.dbId;
          if (moving) {
            // Moving it out of its region needs the right to write there too.
            const current = organization.region ? await em.findOne(Region, organization.region.id) : null;
            checkCan(ctx, problems, Action.WRITE_COMMUNITY, { regionPath: current?.path }, 'regionCode');
            problems.throwIfAny();
            organization.region = em.getReference(Region, region!.dbId);
          }
          const changed = applyChanges(organization, {
            name: name!,
            kind: input.kind,
            contactName: contactName!,
            contactPhone: contactPhone!,
            active: input.active ?? undefined,
            ...(credit.code !== undefined ? { creditCode: credit.code, creditCodeWarning: credit.warning } : {}),
          });
          return changed || moving;
        },
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && credit.code) {
        const holder = await organizationByCreditCode(ctx.db, credit.code);
        problems.exists('creditCode', 'CREDIT_CODE_TAKEN', { code: credit.code, name: holder?.name ?? '' }, holder?.id ?? null, {
          type: 'ORGANIZATION',
          system: ref.system,
          externalId: ref.externalId,
        });
        problems.throwIfAny();
      }
      throw withoutPersonalData(error);
    }
  });
  if (!value) return { organization: null, created: false, changed: false, userErrors };
  const [organization] = await organizationsByIds(ctx.db, [value.id]);
  return { organization, created: value.created, changed: value.changed, userErrors };
}
