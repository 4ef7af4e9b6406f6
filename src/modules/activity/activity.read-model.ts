import { joinSql, rawSql } from '../../db/sql';
import { column, instant, recordFields, registerReadFields, registerReadModel, type FieldPlan } from '../../graphql/plan/read-model';
import type { ActivityOrder } from './activity.inputs';
import { activitySort, startsWithin } from './activity.reader';
import { ACTIVITY_COLUMNS, toActivityRecord } from './activity.types';

/** A station's or an organizer's activities (`parent` is the activity's column naming it), as a connection with a start-time window. */
function activitiesOf(parent: 'station_id' | 'organizer_id'): FieldPlan {
  return {
    kind: 'connection',
    type: 'Activity',
    where: (t, c, args) => joinSql([rawSql(`${c}.${parent} = ${t}.id`), ...startsWithin(c, args.from as Date | null | undefined, args.to as Date | null | undefined)], ' and '),
    sort: (c, args) => activitySort(c, args.orderBy as ActivityOrder | null | undefined),
  };
}

/** How an Activity is read (see graphql/plan/read-model.ts), and the activities of stations and organizations. */
export function registerActivityReadModel(): void {
  registerReadModel({
    type: 'Activity',
    table: 'activity',
    key: 'id',
    record: { columns: ACTIVITY_COLUMNS, from: 'activity a', alias: 'a', toRecord: toActivityRecord },
    fields: {
      ...recordFields('Activity'),
      category: column('category'),
      title: column('title'),
      description: column('description'),
      startsAt: instant('starts_at'),
      endsAt: instant('ends_at'),
      participants: column('participants'),
      station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
      organizer: { kind: 'one', type: 'Organization', key: (t) => `${t}.organizer_id` },
    },
  });
  registerReadFields('Station', { activities: activitiesOf('station_id') });
  registerReadFields('Organization', { activities: activitiesOf('organizer_id') });
}
