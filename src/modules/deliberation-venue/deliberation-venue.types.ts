import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Public } from '../../auth/visibility';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { ActiveNode } from '../../graphql/record-types';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { DeliberationVenue } from './deliberation-venue.entity';
import { DeliberationVenueKind } from './deliberation-venue.enums';

registerEnumType(DeliberationVenueKind, {
  name: 'DeliberationVenueKind',
  description: '议事场所类别 What kind of place residents deliberate in',
  valuesConfig: {
    LIANXIN_GARDEN: { description: '连心园 A "hearts-linked garden": an outdoor meeting place of the community' },
    DELIBERATION_PAVILION: { description: '议事亭 A deliberation pavilion' },
    NEIGHBOURHOOD_POINT: { description: '睦邻点 A neighbourhood point, usually in a residential building or courtyard' },
    DELIBERATION_PLATFORM: { description: '议事平台 A deliberation platform (a room or hall for residents’ meetings)' },
    COURTYARD: { description: '小院话事点 A courtyard where neighbours talk things over' },
    OTHER: { description: '其他 Other' },
  },
});

/** A deliberation venue as the read paths carry it. */
export interface DeliberationVenueRecord {
  __typename: 'DeliberationVenue';
  id: string;
  dbId: string;
  name: string;
  kind: DeliberationVenueKind;
  regionId: number;
  stationId: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const VENUE_PROPERTIES = ['id', 'name', 'kind', 'region', 'station', 'address', 'lat', 'lng', 'active', 'version', 'createdAt', 'updatedAt'] as const;
export type DeliberationVenueRow = RowOf<DeliberationVenue, (typeof VENUE_PROPERTIES)[number]>;
export const DELIBERATION_VENUE_COLUMNS = columnsOf(DeliberationVenue, 'dv', VENUE_PROPERTIES);

export function toDeliberationVenueRecord(row: DeliberationVenueRow): DeliberationVenueRecord {
  return {
    __typename: 'DeliberationVenue',
    id: toGlobalId('DeliberationVenue', row.id),
    dbId: row.id,
    name: row.name,
    kind: row.kind,
    regionId: row.region_id,
    stationId: row.station_id,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    active: row.active,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@Public()
@ObjectType('DeliberationVenue', {
  implements: Node,
  simpleResolvers: true,
  description: '议事场所：连心园、议事亭、睦邻点、议事平台、小院话事点等居民议事的公共场所 A public place where residents deliberate community affairs',
})
export class DeliberationVenueType extends ActiveNode(Public, { active: '是否启用；归档的场所不再使用 Active; an archived venue is no longer in use' }) {
  @Public()
  @Field({ description: '场所名称 Name' })
  name!: string;

  @Public()
  @Field(() => DeliberationVenueKind, { description: '场所类别 Kind' })
  kind!: DeliberationVenueKind;

  @Public()
  @Field(() => String, { nullable: true, description: '地址 Address' })
  address!: string | null;
}

export const DeliberationVenueConnection = connectionTypeOf(DeliberationVenueType, 'DeliberationVenue', '议事场所');

const venuePayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'deliberationVenue', type: () => DeliberationVenueType, zh: '议事场所', en: 'The deliberation venue' });

export const CreateDeliberationVenuePayload = venuePayload('CreateDeliberationVenuePayload', '登记议事场所结果 Result of createDeliberationVenue');
export const UpdateDeliberationVenuePayload = venuePayload('UpdateDeliberationVenuePayload', '修改议事场所结果 Result of updateDeliberationVenue');
export const ArchiveDeliberationVenuePayload = venuePayload('ArchiveDeliberationVenuePayload', '归档议事场所结果 Result of archiveDeliberationVenue');

export interface DeliberationVenuePayload {
  deliberationVenue: DeliberationVenueRecord | null;
  userErrors: UserError[];
}
