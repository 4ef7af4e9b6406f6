import { joinSql, rawSql } from '../../db/sql';
import type { CoordinateSystem } from '../../geo/coordinates';
import { toGeoPoint } from '../../geo/geo.types';
import { column, globalId, instant, recordFields, registerReadFields, registerReadModel, type FieldPlan } from '../../graphql/plan/read-model';
import type { NeedState } from './need.enums';
import { needReadScope, needSort, overdueCondition, stateCondition, withReadableNeed } from './need.reader';
import { NEED_COLUMNS, NEED_TRANSITION_COLUMNS, overdueSql, toNeedRecord, toNeedTransitionRecord } from './need.types';

/** A station's or a department's needs (`parent` is the need's column naming it), with the nested filters. */
function needsOf(parent: 'station_id' | 'referred_department_id'): FieldPlan {
  return {
    kind: 'connection',
    type: 'Need',
    where: (t, c, args) => {
      const conditions = [rawSql(`${c}.${parent} = ${t}.id`)];
      const states = args.state as NeedState[] | null | undefined;
      if (states?.length) conditions.push(stateCondition(c, states));
      if (args.overdue != null) conditions.push(overdueCondition(c, args.overdue as boolean));
      return joinSql(conditions, ' and ');
    },
    sort: (c) => needSort(c),
  };
}

/**
 * How a Need and its transitions are read (see graphql/plan/read-model.ts). The resident's name and
 * phone stay with their resolvers, which mask them by the caller and the need's region; so does a
 * transition's actor name (a user's is personal data).
 */
export function registerNeedReadModel(): void {
  registerReadModel({
    type: 'Need',
    table: 'need',
    key: 'id',
    record: { columns: NEED_COLUMNS, from: 'need n', alias: 'n', toRecord: toNeedRecord },
    // A partner department reads only the needs referred to it, wherever they are listed or named.
    rows: (principal, t) => needReadScope(principal, t),
    fields: {
      ...recordFields('Need'),
      kind: column('kind'),
      channel: column('channel'),
      category: column('category'),
      state: column('state'),
      text: column('text'),
      photoUrls: { kind: 'value', sql: (t) => `to_json(${t}.photo_urls)` },
      deadline: instant('deadline'),
      overdue: { kind: 'value', sql: (t) => overdueSql(t) },
      resolution: column('resolution'),
      receiptCode: column('receipt_code'),
      rejectionReason: column('rejection_reason'),
      satisfaction: column('satisfaction'),
      satisfactionComment: column('satisfaction_comment'),
      location: {
        kind: 'computed',
        sql: (t) => `json_build_array(${t}.lat, ${t}.lng)`,
        compute: ([lat, lng]: [number | null, number | null], args) => (lat == null || lng == null ? null : toGeoPoint({ lat, lng }, args.coordinateSystem as CoordinateSystem)),
      },
      station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
      referredDepartment: { kind: 'one', type: 'Department', key: (t) => `${t}.referred_department_id` },
      timeline: {
        kind: 'connection',
        type: 'NeedTransition',
        where: (t, c) => rawSql(`${c}.need_id = ${t}.id`),
        sort: (c) => ({ expression: `${c}.sequence`, type: 'int', id: `${c}.id`, idType: 'uuid' }),
      },
    },
  });
  registerReadModel({
    type: 'NeedTransition',
    table: 'need_transition',
    key: 'id',
    record: { columns: NEED_TRANSITION_COLUMNS, from: 'need_transition x', alias: 'x', toRecord: toNeedTransitionRecord },
    rows: (principal, t) => withReadableNeed(principal, `${t}.need_id`),
    fields: {
      id: globalId('NeedTransition'),
      sequence: column('sequence'),
      fromState: column('from_state'),
      toState: column('to_state'),
      actorKind: column('actor_kind'),
      note: column('note'),
      occurredAt: instant('occurred_at'),
      need: { kind: 'one', type: 'Need', key: (t) => `${t}.need_id` },
    },
  });
  registerReadFields('Station', { needs: needsOf('station_id') });
  registerReadFields('Department', { referredNeeds: needsOf('referred_department_id') });
}
