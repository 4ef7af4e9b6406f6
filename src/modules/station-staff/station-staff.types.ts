import { Field, ObjectType } from 'type-graphql';
import { SignedIn } from '../../auth/visibility';
import { payloadTypeOf } from '../../graphql/mutation';
import { LocalDateScalar } from '../../graphql/scalars';
import { PersonType, type PersonRecord } from '../person/person.types';
import { StationType } from '../station/station.types';

/** A grid worker stationed at a station, as the read paths carry it. */
export interface StationGridWorkerRecord {
  person: PersonRecord;
  since: string;
}

@SignedIn()
@ObjectType('StationGridWorker', { simpleResolvers: true, description: '驻点网格员 A grid worker stationed at the station (网格员驻点)' })
export class StationGridWorkerType {
  @SignedIn()
  @Field(() => PersonType, { description: '网格员 The grid worker' })
  person!: PersonRecord;

  @SignedIn()
  @Field(() => LocalDateScalar, { description: '驻点起始日期 Date the stationing began' })
  since!: string;
}

const stationPayload = (name: string, description: string) =>
  payloadTypeOf(name, description, { name: 'station', type: () => StationType, zh: '驿站', en: 'The station' });

export const SetStationManagementPayload = stationPayload('SetStationManagementPayload', '设置驿站管理党组织和联系干部结果 Result of setStationManagement');
export const AssignGridWorkerPayload = stationPayload('AssignGridWorkerPayload', '网格员驻点结果 Result of assignGridWorker');
export const UnassignGridWorkerPayload = stationPayload('UnassignGridWorkerPayload', '撤销网格员驻点结果 Result of unassignGridWorker');
