import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SignedIn } from '../../auth/visibility';
import { toDate } from '../../db/sql';
import type { UserError } from '../../graphql/errors';
import { payloadTypeOf } from '../../graphql/mutation';
import { connectionTypeOf, Node, toGlobalId } from '../../graphql/relay';
import { DateTimeScalar } from '../../graphql/scalars';
import { ActivityCategory } from './activity.enums';
import { VersionedNode } from '../../graphql/record-types';
import { columnsOf, type RowOf } from '../../db/entity-rows';
import { Activity } from './activity.entity';

registerEnumType(ActivityCategory, {
  name: 'ActivityCategory',
  description: '活动类别 What an activity is about',
  valuesConfig: {
    PARTY_BUILDING: { description: '党建服务 Party-building service' },
    POLICY_CONSULTATION: { description: '政策咨询 Policy consultation' },
    PROXY_AGENCY: { description: "事务代办 Handling errands on residents' behalf" },
    LEGAL_AID: { description: '法律援助 Legal aid' },
    CULTURAL_PUBLICITY: { description: '文化宣传 Cultural publicity' },
    TRAINING: { description: '培训 Training' },
    VOLUNTEER_SERVICE: { description: '志愿服务 Volunteer service' },
    SENIOR_SCHOOL: { description: '老年学校 Senior school classes' },
    AFTER_SCHOOL_CLASS: { description: '四点半课堂：放学后看护与辅导 After-school class (the "half past four" classroom)' },
    NEIGHBOURHOOD_FESTIVAL: { description: '邻里节 Neighbourhood festival' },
    OTHER: { description: '其他 Other' },
  },
});

/** An activity as the read paths carry it. */
export interface ActivityRecord {
  __typename: 'Activity';
  id: string;
  dbId: string;
  stationId: string;
  organizerId: string | null;
  category: ActivityCategory;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  participants: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ACTIVITY_PROPERTIES = ['id', 'station', 'organizer', 'category', 'title', 'description', 'startsAt', 'endsAt', 'participants', 'version', 'createdAt', 'updatedAt'] as const;
export type ActivityRow = RowOf<Activity, (typeof ACTIVITY_PROPERTIES)[number]>;
export const ACTIVITY_COLUMNS = columnsOf(Activity, 'a', ACTIVITY_PROPERTIES);

export function toActivityRecord(row: ActivityRow): ActivityRecord {
  return {
    __typename: 'Activity',
    id: toGlobalId('Activity', row.id),
    dbId: row.id,
    stationId: row.station_id,
    organizerId: row.organizer_id,
    category: row.category,
    title: row.title,
    description: row.description,
    startsAt: toDate(row.starts_at),
    endsAt: toDate(row.ends_at),
    participants: row.participants,
    version: row.version,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

@SignedIn()
@ObjectType('Activity', {
  implements: Node,
  simpleResolvers: true,
  description: '活动：在驿站举办的党建、政策咨询、老年学校、四点半课堂等活动 An activity held at a station',
})
export class ActivityType extends VersionedNode(SignedIn, { createdAt: '创建时间 When it was recorded' }) {
  @SignedIn()
  @Field(() => ActivityCategory, { description: '活动类别 Category' })
  category!: ActivityCategory;

  @SignedIn()
  @Field({ description: '活动名称 Title' })
  title!: string;

  @SignedIn()
  @Field(() => String, { nullable: true, description: '活动内容 Description' })
  description!: string | null;

  @SignedIn()
  @Field(() => DateTimeScalar, { description: '开始时间 When it starts' })
  startsAt!: Date;

  @SignedIn()
  @Field(() => DateTimeScalar, { description: '结束时间（晚于开始，至多7天）When it ends: after it starts, at most 7 days later' })
  endsAt!: Date;

  @SignedIn()
  @Field(() => Int, { description: '参与人数 Number of participants' })
  participants!: number;
}

export const ActivityConnection = connectionTypeOf(ActivityType, 'Activity', '活动');

const activityPayload = (name: string, description: string) => payloadTypeOf(name, description, { name: 'activity', type: () => ActivityType, zh: '活动', en: 'The activity' });

export const CreateActivityPayload = activityPayload('CreateActivityPayload', '登记活动结果 Result of createActivity');
export const UpdateActivityPayload = activityPayload('UpdateActivityPayload', '修改活动结果 Result of updateActivity');
export const DeleteActivityPayload = payloadTypeOf('DeleteActivityPayload', '删除活动结果 Result of deleteActivity', {
  name: 'deletedId',
  type: () => ID,
  zh: '已删除活动的 ID',
  en: 'ID of the deleted activity',
});

export interface ActivityPayload {
  activity: ActivityRecord | null;
  userErrors: UserError[];
}

export interface DeleteActivityResult {
  deletedId: string | null;
  userErrors: UserError[];
}
