import { column, globalId, globalIdSql, instant, registerReadFields, registerReadModel, type FieldPlan } from '../../graphql/plan/read-model';
import { PLATFORM_TYPENAMES } from '../platform/platform.types';
import { EXTERNAL_RECORD_TYPES, ExternalRecordType } from './external-ref.enums';
import { EXTERNAL_REF_COLUMNS, EXTERNAL_REF_SYSTEM_COLUMNS, toExternalRefRecord, toExternalRefSystemRecord } from './external-ref.types';

/**
 * A record's external references as a connection, by system name (a record has at most one ID per
 * system, so the name orders them; the reference's id breaks no real tie but keeps the cursor's shape).
 */
export function externalRefsPlan(type: ExternalRecordType): FieldPlan {
  return {
    kind: 'connection',
    type: 'ExternalRef',
    where: (t, c) => ({ text: `${c}.record_type = '${type}' and ${c}.record_id = ${t}.id`, bindings: [] }),
    sort: (c) => ({ expression: `${c}.system`, type: 'text', id: `${c}.id`, idType: 'uuid' }),
  };
}

/**
 * How external references and their systems are read (see graphql/plan/read-model.ts), and the
 * `externalRefs` of the four kinds of records that carry them. ExternalRef.record names a row of
 * one of four tables, by the reference's record type.
 */
export function registerExternalRefReadModel(): void {
  registerReadModel({
    type: 'ExternalRef',
    table: 'external_ref',
    key: 'id',
    record: { columns: EXTERNAL_REF_COLUMNS, from: 'external_ref r', alias: 'r', toRecord: toExternalRefRecord },
    fields: {
      id: globalId('ExternalRef'),
      recordType: column('record_type'),
      system: column('system'),
      externalId: column('external_id'),
      createdAt: instant('created_at'),
      // The record type is stored by its node type name, which names the target here.
      record: {
        kind: 'oneOf',
        which: (t) => `${t}.record_type`,
        targets: Object.fromEntries(EXTERNAL_RECORD_TYPES.map((type) => [type, { type, key: (t: string) => `${t}.record_id` }])),
      },
    },
  });
  registerReadModel({
    type: 'ExternalRefSystem',
    table: 'external_ref_system',
    key: 'system',
    record: { columns: EXTERNAL_REF_SYSTEM_COLUMNS, from: 'external_ref_system s', alias: 's', toRecord: toExternalRefSystemRecord },
    fields: {
      // The system's name is its key (and its global ID's local part).
      id: { kind: 'value', sql: (t) => globalIdSql('ExternalRefSystem', `${t}.system`) },
      system: column('system'),
      status: column('status'),
      version: column('version'),
      createdAt: instant('created_at'),
      updatedAt: instant('updated_at'),
      department: { kind: 'one', type: 'Department', key: (t) => `${t}.department_id` },
    },
  });
  for (const type of Object.values(PLATFORM_TYPENAMES)) {
    registerReadFields(type, { externalRefs: externalRefsPlan(ExternalRecordType.PLATFORM) });
  }
  registerReadFields('ServiceItem', { externalRefs: externalRefsPlan(ExternalRecordType.SERVICE_ITEM) });
  registerReadFields('StationServiceItem', { externalRefs: externalRefsPlan(ExternalRecordType.STATION_SERVICE_ITEM) });
  registerReadFields('Organization', { externalRefs: externalRefsPlan(ExternalRecordType.ORGANIZATION) });
  registerReadFields('VolunteerTeam', { externalRefs: externalRefsPlan(ExternalRecordType.VOLUNTEER_TEAM) });
  registerReadFields('DeliberationVenue', { externalRefs: externalRefsPlan(ExternalRecordType.DELIBERATION_VENUE) });
}
