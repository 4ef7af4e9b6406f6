import { Field, ID, ObjectType } from 'type-graphql';
import { Public, SignedIn } from '../../auth/visibility';
import { UserError } from '../../graphql/errors';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { payloadTypeOf } from '../../graphql/mutation';
import { LocalDateScalar } from '../../graphql/scalars';
import { PersonType, type PersonRecord } from '../person/person.types';
import { StationType, type StationRecord } from '../station/station.types';

/** A grid worker stationed at a station, as the read paths carry it. */
export interface StationGridWorkerRecord {
  __typename: 'StationGridWorker';
  /** Global ID of the stationing (station and person). */
  id: string;
  stationId: string;
  person: PersonRecord;
  since: string;
}

export function toStationGridWorkerRecord(stationId: string, person: PersonRecord, since: string): StationGridWorkerRecord {
  return { __typename: 'StationGridWorker', id: toGlobalId('StationGridWorker', `${stationId}:${person.dbId}`), stationId, person, since };
}

@SignedIn()
@ObjectType('StationGridWorker', {
  implements: Node,
  simpleResolvers: true,
  description:
    '驻点网格员：一名网格员在一个驿站的驻点（撤销后 ID 即变更流墓碑的 ID）A grid worker stationed at the station (网格员驻点); once ended, its ID is the tombstone’s in the feed',
})
export class StationGridWorkerType extends Node {
  @SignedIn()
  @Field(() => PersonType, { description: '网格员 The grid worker' })
  person!: PersonRecord;

  @SignedIn()
  @Field(() => LocalDateScalar, { description: '驻点起始日期 Date the stationing began' })
  since!: string;
}

export const StationGridWorkerConnection = connectionTypeOf(StationGridWorkerType, 'StationGridWorker', '驻点网格员');

const stationPayload = (name: string, description: string) => payloadTypeOf(name, description, { name: 'station', type: () => StationType, zh: '驿站', en: 'The station' });

export const SetStationManagementPayload = stationPayload('SetStationManagementPayload', '设置驿站管理党组织和联系干部结果 Result of setStationManagement');
export const AssignGridWorkerPayload = stationPayload('AssignGridWorkerPayload', '网格员驻点结果 Result of assignGridWorker');
@Public()
@ObjectType('UnassignGridWorkerPayload', { simpleResolvers: true, description: '撤销网格员驻点结果 Result of unassignGridWorker' })
export class UnassignGridWorkerPayload {
  @Public()
  @Field(() => StationType, { nullable: true, description: '驿站（有用户错误时为空）The station; null when there are user errors' })
  station!: StationRecord | null;

  @Public()
  @Field(() => ID, { nullable: true, description: '已撤销驻点的全局 ID（有用户错误时为空）ID of the ended stationing; null when there are user errors' })
  deletedId!: string | null;

  @Public()
  @Field(() => [UserError], { description: '用户错误；为空表示成功 Problems with the input; empty on success' })
  userErrors!: UserError[];
}
