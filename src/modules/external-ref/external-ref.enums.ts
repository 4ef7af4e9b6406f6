import type { RecordKind } from '../../graphql/mutation';

/**
 * 外部编号所属记录类型 Which kind of record an external reference names. The stored value is the
 * record's node type name (as in its global ID), so it reads the same in SQL and in GraphQL IDs.
 */
export enum ExternalRecordType {
  PLATFORM = 'Platform',
  SERVICE_ITEM = 'ServiceItem',
  STATION_SERVICE_ITEM = 'StationServiceItem',
  ORGANIZATION = 'Organization',
  VOLUNTEER_TEAM = 'VolunteerTeam',
  DELIBERATION_VENUE = 'DeliberationVenue',
}

export const EXTERNAL_RECORD_TYPES: readonly ExternalRecordType[] = Object.values(ExternalRecordType);

/** Names of each record type in messages. */
export const RECORD_KINDS: Record<ExternalRecordType, RecordKind> = {
  Platform: { zh: '整合平台', en: 'platform' },
  ServiceItem: { zh: '服务事项', en: 'service item' },
  StationServiceItem: { zh: '下沉记录', en: 'push-down record' },
  Organization: { zh: '组织', en: 'organization' },
  VolunteerTeam: { zh: '志愿服务队伍', en: 'volunteer team' },
  DeliberationVenue: { zh: '议事场所', en: 'deliberation venue' },
};

/**
 * 外部系统归属状态 Who may write references in an external system (see systemAccess):
 * UNCLAIMED until a partner department writes in it, OWNED by that department afterwards, or
 * SHARED when an administrator opened it to every caller who may write the records.
 */
export enum ExternalRefSystemStatus {
  UNCLAIMED = 'UNCLAIMED',
  OWNED = 'OWNED',
  SHARED = 'SHARED',
}
