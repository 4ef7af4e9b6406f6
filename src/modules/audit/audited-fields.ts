import { maskName, maskPhone } from '../../auth/masking';
import { toDate } from '../../db/sql';
import { toGlobalId, type NodeTypeName } from '../../graphql/relay';
import { ExternalRecordType } from '../external-ref/external-ref.enums';
import { ChangeRecordType } from './audit.types';

/**
 * How the audit trail and the change feed show a record: in the API's own words. Each audited
 * entity declares, field by field, the name a partner sees in GraphQL and how the stored value
 * reads there — global IDs for references, enum names, lists as lists, instants in ISO 8601,
 * personal values masked, secrets never. Every write path (ORM flush, plain SQL) goes through
 * these declarations (see change-recorder.ts); a test walks every entity and fails when one of
 * its properties is neither shown nor declared unshown, or when a shown name is not a field of
 * the declared GraphQL type.
 */

/** A record's state by entity property name: references as their primary key, values as JavaScript has them. */
export type Snapshot = Record<string, unknown>;

export interface AuditedField {
  /** The entity properties the value is made of (none for a value the write path reports itself). */
  from: readonly string[];
  /** The value as the API shows it; null when absent. */
  present(snapshot: Snapshot): unknown;
  /** Why this name is not a field of the GraphQL type, when it is not. */
  outsideType?: string;
}

export interface AuditShape {
  /** The GraphQL object types whose field names are used; empty for records the API does not show (audit trail only). */
  graphqlTypes: readonly string[];
  /** What the audit shows, by API field name. */
  fields: Readonly<Record<string, AuditedField>>;
  /** Entity properties never shown, and why. */
  unshown: Readonly<Record<string, string>>;
}

const RECORD_ID = 'the record ID, which the event carries itself';
const VERSION = 'the version, which the event carries itself';
const BOOKKEEPING = 'bookkeeping every write touches; the event has its own time';
const COMMON_UNSHOWN = { id: RECORD_ID, version: VERSION, createdAt: BOOKKEEPING, updatedAt: BOOKKEEPING } as const;

const REDACTED = '[redacted]';

function valueOf(snapshot: Snapshot, property: string): unknown {
  return snapshot[property] ?? null;
}

/** The stored value as it is (text, numbers, flags, enums whose names are their values, JSON documents). */
function same(property: string): AuditedField {
  return { from: [property], present: (snapshot) => valueOf(snapshot, property) };
}

/** A list: as a list (never a PostgreSQL array literal); null stays null. */
function list(property: string): AuditedField {
  return {
    from: [property],
    present: (snapshot) => {
      const value = valueOf(snapshot, property);
      return Array.isArray(value) ? [...value] : value;
    },
  };
}

/** A reference to another record: its global ID, which node(id) can fetch. */
function node(property: string, type: NodeTypeName): AuditedField {
  return {
    from: [property],
    present: (snapshot) => {
      const id = valueOf(snapshot, property);
      return id == null ? null : toGlobalId(type, id as string | number);
    },
  };
}

/** An instant in ISO 8601 (UTC). */
function instant(property: string): AuditedField {
  return {
    from: [property],
    present: (snapshot) => {
      const value = valueOf(snapshot, property);
      if (value == null) return null;
      return (value instanceof Date ? value : toDate(String(value))).toISOString();
    },
  };
}

/** An enum stored by value whose GraphQL name differs: its name. */
function enumName(property: string, values: Record<string, string>): AuditedField {
  const names = new Map(Object.entries(values).map(([name, value]) => [value, name]));
  return {
    from: [property],
    present: (snapshot) => {
      const value = valueOf(snapshot, property);
      if (value == null) return null;
      return Array.isArray(value) ? value.map((item) => names.get(String(item)) ?? item) : (names.get(String(value)) ?? value);
    },
  };
}

/** A personal value: only ever masked. */
function masked(property: string, mask: (value: string) => string): AuditedField {
  return {
    from: [property],
    present: (snapshot) => {
      const value = valueOf(snapshot, property);
      return typeof value === 'string' ? mask(value) : value;
    },
  };
}

/** A secret: that it changed, never what it is. */
function redacted(property: string): AuditedField {
  return { from: [property], present: (snapshot) => (valueOf(snapshot, property) == null ? null : REDACTED) };
}

/** A stored decimal shown as a GraphQL Float. */
function decimal(property: string): AuditedField {
  return {
    from: [property],
    present: (snapshot) => {
      const value = valueOf(snapshot, property);
      return value == null ? null : Number(value);
    },
  };
}

/** A WGS-84 point kept in two columns, shown as the GeoPoint a read returns by default. */
function point(latitude: string, longitude: string): AuditedField {
  return {
    from: [latitude, longitude],
    present: (snapshot) => {
      const lat = valueOf(snapshot, latitude);
      const lng = valueOf(snapshot, longitude);
      return lat == null || lng == null ? null : { latitude: Number(lat), longitude: Number(lng), coordinateSystem: 'WGS84' };
    },
  };
}

/** A value the write path reports itself (a list kept in a table of its own): global IDs of the listed records. */
function reportedNodes(field: string, type: NodeTypeName): AuditedField {
  return {
    from: [],
    present: (snapshot) => {
      const ids = snapshot[field];
      return Array.isArray(ids) ? ids.map((id) => toGlobalId(type, id as string)).sort() : null;
    },
  };
}

const PLATFORM_TYPES = ['UnionCareStation', 'GigWorkStation', 'GovServicePoint24h', 'BusSelfServicePoint', 'PriceDisputeMediationPoint', 'OtherPlatform'];

/** Every audited entity, by entity class name (the record type the audit stores). */
export const AUDIT_SHAPES: Readonly<Record<string, AuditShape>> = {
  Station: {
    graphqlTypes: ['Station'],
    fields: {
      code: same('code'),
      name: same('name'),
      tier: same('tier'),
      kind: same('kind'),
      status: same('status'),
      region: node('region', 'Region'),
      serviceCircle: node('circle', 'ServiceCircle'),
      address: same('address'),
      location: point('lat', 'lng'),
      planYear: same('planYear'),
      openedOn: same('openedOn'),
      openingHours: same('openingHours'),
      functionZones: list('functionZones'),
      fiveIntoFacilities: list('fiveIntoFacilities'),
      groupsServed: list('groupsServed'),
      hostsMobilePartyMemberServicePoint: same('hostsMobilePartyMemberServicePoint'),
      isHub: same('isHub'),
      hub: node('hub', 'Station'),
      managingOrganization: node('managingOrganization', 'Organization'),
      contactCadre: node('contactCadre', 'Person'),
      archivedAt: instant('archivedAt'),
    },
    unshown: { ...COMMON_UNSHOWN, regionPath: "the region's path, kept by the database from `region` (shown as its region)" },
  },
  Platform: {
    graphqlTypes: PLATFORM_TYPES,
    fields: {
      kind: same('kind'),
      station: node('station', 'Station'),
      department: node('department', 'Department'),
      name: same('name'),
      ownerRef: same('ownerRef'),
      openingHours: same('openingHours'),
      active: same('active'),
      amenities: list('careAmenities'),
      restSeats: same('careRestSeats'),
      jobPostings: same('gigJobPostings'),
      matchesMade: same('gigMatchesMade'),
      registeredWorkers: same('gigRegisteredWorkers'),
      selfServiceTerminals: same('govSelfServiceTerminals'),
      serviceItems: reportedNodes('serviceItems', 'ServiceItem'),
      busServices: list('busServices'),
      terminals: same('busTerminals'),
      casesReceived: same('mediationCasesReceived'),
      casesMediated: same('mediationCasesMediated'),
      mediators: same('mediationMediators'),
      kindName: same('otherKindName'),
    },
    unshown: COMMON_UNSHOWN,
  },
  ServiceItem: {
    graphqlTypes: ['ServiceItem'],
    fields: {
      code: same('code'),
      name: same('name'),
      level: same('level'),
      category: same('category'),
      department: node('department', 'Department'),
      handlingMode: same('handlingMode'),
      materials: list('materials'),
      timeLimitDays: same('timeLimitDays'),
      feeYuan: decimal('feeYuan'),
      description: same('description'),
      active: same('active'),
    },
    unshown: COMMON_UNSHOWN,
  },
  StationServiceItem: {
    graphqlTypes: ['StationServiceItem'],
    fields: {
      station: node('station', 'Station'),
      serviceItem: node('serviceItem', 'ServiceItem'),
      mode: same('mode'),
      since: same('since'),
      status: same('status'),
    },
    unshown: COMMON_UNSHOWN,
  },
  Department: {
    graphqlTypes: ['Department'],
    fields: {
      code: same('code'),
      name: same('name'),
      shortName: same('shortName'),
      level: same('level'),
      region: node('region', 'Region'),
      active: same('active'),
    },
    unshown: COMMON_UNSHOWN,
  },
  ConstructionPlan: {
    graphqlTypes: ['ConstructionPlan'],
    fields: {
      year: same('year'),
      region: node('region', 'Region'),
      target: same('target'),
      ruralTarget: same('ruralTarget'),
    },
    unshown: COMMON_UNSHOWN,
  },
  Organization: {
    graphqlTypes: ['Organization'],
    fields: {
      name: same('name'),
      kind: same('kind'),
      creditCode: same('creditCode'),
      creditCodeWarning: same('creditCodeWarning'),
      contactName: masked('contactName', maskName),
      contactPhone: masked('contactPhone', maskPhone),
      region: node('region', 'Region'),
      active: same('active'),
    },
    unshown: COMMON_UNSHOWN,
  },
  CoBuilding: {
    graphqlTypes: ['CoBuilding'],
    fields: {
      organization: node('organization', 'Organization'),
      station: node('station', 'Station'),
      role: same('role'),
      agreementSignedOn: same('agreementSignedOn'),
      commitments: list('commitments'),
      commitmentNote: same('commitmentNote'),
      validFrom: same('validFrom'),
      validTo: same('validTo'),
    },
    unshown: COMMON_UNSHOWN,
  },
  Activity: {
    graphqlTypes: ['Activity'],
    fields: {
      station: node('station', 'Station'),
      organizer: node('organizer', 'Organization'),
      category: same('category'),
      title: same('title'),
      description: same('description'),
      startsAt: instant('startsAt'),
      endsAt: instant('endsAt'),
      participants: same('participants'),
    },
    unshown: COMMON_UNSHOWN,
  },
  Need: {
    graphqlTypes: ['Need'],
    fields: {
      kind: same('kind'),
      channel: same('channel'),
      category: same('category'),
      state: same('state'),
      station: node('station', 'Station'),
      region: node('region', 'Region'),
      text: same('text'),
      location: point('lat', 'lng'),
      photoUrls: list('photoUrls'),
      deadline: instant('deadline'),
      referredDepartment: node('referredDepartment', 'Department'),
      resolution: same('resolution'),
      rejectionReason: same('rejectionReason'),
      satisfaction: same('satisfaction'),
      satisfactionComment: same('satisfactionComment'),
    },
    unshown: {
      ...COMMON_UNSHOWN,
      residentName: "the resident's name: personal data, kept out of the feed and the audit trail altogether",
      residentPhone: "the resident's phone: personal data, kept out of the feed and the audit trail altogether",
      receiptCode: "the resident's receipt code, which opens the public status: only the need's own readers see it",
    },
  },
  NeedTransition: {
    graphqlTypes: ['NeedTransition'],
    fields: {
      need: node('need', 'Need'),
      sequence: same('sequence'),
      fromState: same('fromState'),
      toState: same('toState'),
      actorKind: same('actorKind'),
      note: same('note'),
      occurredAt: instant('occurredAt'),
    },
    unshown: { id: RECORD_ID, actorName: "the actor's name (a user's is personal data); the event names its own actor" },
  },
  VolunteerTeam: {
    graphqlTypes: ['VolunteerTeam'],
    fields: {
      name: same('name'),
      kind: same('kind'),
      region: node('region', 'Region'),
      station: node('station', 'Station'),
      organization: node('organization', 'Organization'),
      sentDownAt: same('sentDownAt'),
      active: same('active'),
    },
    unshown: COMMON_UNSHOWN,
  },
  VolunteerTeamMember: {
    graphqlTypes: ['VolunteerTeamMember'],
    fields: {
      team: node('team', 'VolunteerTeam'),
      person: node('person', 'Person'),
      name: masked('name', maskName),
      phone: masked('phone', maskPhone),
      role: same('role'),
      joinedOn: same('joinedOn'),
    },
    unshown: COMMON_UNSHOWN,
  },
  DeliberationVenue: {
    graphqlTypes: ['DeliberationVenue'],
    fields: {
      name: same('name'),
      kind: same('kind'),
      region: node('region', 'Region'),
      station: node('station', 'Station'),
      address: same('address'),
      location: point('lat', 'lng'),
      active: same('active'),
    },
    unshown: COMMON_UNSHOWN,
  },
  NeedClaim: {
    graphqlTypes: ['NeedClaim'],
    fields: {
      need: node('need', 'Need'),
      organization: node('organization', 'Organization'),
      person: node('person', 'Person'),
      volunteerTeam: node('volunteerTeam', 'VolunteerTeam'),
      coBuilding: node('coBuilding', 'CoBuilding'),
      state: same('state'),
      claimedAt: instant('claimedAt'),
      note: same('note'),
      withdrawnAt: instant('withdrawnAt'),
      withdrawalReason: same('withdrawalReason'),
      completedAt: instant('completedAt'),
    },
    unshown: COMMON_UNSHOWN,
  },
  Meeting: {
    graphqlTypes: ['Meeting'],
    fields: {
      region: node('region', 'Region'),
      station: node('station', 'Station'),
      venue: node('venue', 'DeliberationVenue'),
      heldOn: same('heldOn'),
      title: same('title'),
      attendeeCount: same('attendeeCount'),
      attendees: same('attendees'),
    },
    unshown: COMMON_UNSHOWN,
  },
  MeetingAgendaItem: {
    graphqlTypes: ['MeetingAgendaItem'],
    fields: {
      meeting: node('meeting', 'Meeting'),
      need: node('need', 'Need'),
      position: same('position'),
      decision: same('decision'),
      decisionReason: same('decisionReason'),
      referredDepartment: node('referredDepartment', 'Department'),
      decidedAt: instant('decidedAt'),
    },
    unshown: COMMON_UNSHOWN,
  },
  Person: {
    graphqlTypes: ['Person'],
    fields: {
      name: masked('name', maskName),
      role: same('role'),
      phone: masked('phone', maskPhone),
      isPartyMember: same('isPartyMember'),
      organization: node('organization', 'Organization'),
      region: node('region', 'Region'),
      active: same('active'),
    },
    unshown: COMMON_UNSHOWN,
  },
  DutyShift: {
    graphqlTypes: ['DutyShift'],
    fields: {
      station: node('station', 'Station'),
      person: node('person', 'Person'),
      organization: node('organization', 'Organization'),
      startsAt: instant('startsAt'),
      endsAt: instant('endsAt'),
      kind: same('kind'),
      note: same('note'),
    },
    unshown: COMMON_UNSHOWN,
  },
  StationGridWorker: {
    graphqlTypes: ['StationGridWorker'],
    fields: {
      station: node('station', 'Station'),
      person: node('person', 'Person'),
      since: same('since'),
    },
    unshown: {},
  },
  ExternalRef: {
    graphqlTypes: ['ExternalRef'],
    fields: {
      system: same('system'),
      externalId: same('externalId'),
      recordType: enumName('recordType', ExternalRecordType),
      record: {
        from: ['recordType', 'recordId'],
        present: (snapshot) => (snapshot.recordId == null ? null : toGlobalId(snapshot.recordType as NodeTypeName, snapshot.recordId as string)),
      },
    },
    unshown: { id: RECORD_ID, createdAt: BOOKKEEPING },
  },
  ExternalRefSystem: {
    graphqlTypes: ['ExternalRefSystem'],
    fields: {
      status: same('status'),
      department: node('department', 'Department'),
    },
    unshown: { system: 'the system name, which is its record ID', version: VERSION, createdAt: BOOKKEEPING, updatedAt: BOOKKEEPING },
  },
  WebhookSubscription: {
    graphqlTypes: ['WebhookSubscription'],
    fields: {
      url: same('url'),
      types: enumName('types', ChangeRecordType),
      secret: { ...redacted('secret'), outsideType: 'the signing secret: shown to its owner once, recorded only as changed' },
      active: same('active'),
      apiClient: node('apiClient', 'ApiClient'),
    },
    unshown: { ...COMMON_UNSHOWN, lastTx: 'the dispatcher’s position in the feed, moved in plain SQL outside any mutation', lastSeq: 'the dispatcher’s position in the feed' },
  },
  // API clients are managed on the command line; the audit names their fields as the ApiClient type does.
  ApiClient: {
    graphqlTypes: ['ApiClient'],
    fields: {
      name: same('name'),
      roles: list('roles'),
      department: node('department', 'Department'),
      region: node('region', 'Region'),
      keyHash: { ...redacted('keyHash'), outsideType: 'the key’s hash: never shown, recorded only as changed' },
      keyHint: { ...redacted('keyHint'), outsideType: 'the key’s hint: shown only on the command line' },
      active: same('active'),
      keyRotatedAt: instant('keyRotatedAt'),
      revokedAt: instant('revokedAt'),
    },
    unshown: COMMON_UNSHOWN,
  },
  // Reference data, loaded by the seed and migrations; declared so that a write would be recorded in the API's words too.
  Region: {
    graphqlTypes: ['Region'],
    fields: {
      code: same('code'),
      name: same('name'),
      level: same('level'),
      parent: node('parent', 'Region'),
    },
    unshown: { id: RECORD_ID, path: 'derived from the parents (Region.ancestors)', depth: 'derived from the parents (Region.ancestors)' },
  },
  ServiceCircle: {
    graphqlTypes: ['ServiceCircle'],
    fields: {
      code: same('code'),
      name: same('name'),
      district: node('district', 'Region'),
      center: point('centerLat', 'centerLng'),
      radiusMetres: same('radiusMetres'),
      boundary: same('boundary'),
    },
    unshown: { id: RECORD_ID, createdAt: BOOKKEEPING, updatedAt: BOOKKEEPING },
  },
};

/**
 * Entities whose writes are not audited: the audit trail itself, and the tables written only in
 * plain SQL, which no flush sees — request and delivery bookkeeping (webhook deliveries and their
 * attempts, Idempotency-Keys, rate budgets), the station code counters, seed markers, and a 24-hour
 * point's service items (audited as the platform's `serviceItems`, see gov-service-point-items.ts).
 */
export const UNAUDITED_ENTITIES: readonly string[] = [
  'ChangeEvent',
  'WebhookDelivery',
  'WebhookDeliveryAttempt',
  'IdempotencyKey',
  'RateLimitBucket',
  'RegionCodeSequence',
  'SeedRun',
  'PlatformServiceItem',
];

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** A record's fields as the API shows them; `only` limits it to fields made of these properties (plus reported ones). */
export function present(shape: AuditShape, snapshot: Snapshot, only?: ReadonlySet<string>): Map<string, unknown> {
  const shown = new Map<string, unknown>();
  for (const [field, spec] of Object.entries(shape.fields)) {
    const reported = spec.from.length === 0;
    if (reported ? !(field in snapshot) : only && !spec.from.some((property) => only.has(property))) continue;
    shown.set(field, spec.present(snapshot));
  }
  return shown;
}

/** JSON text with object keys sorted: equal values compare equal however they were stored. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}
