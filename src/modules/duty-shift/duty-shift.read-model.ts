import { joinSql, rawSql } from '../../db/sql';
import { column, instant, recordFields, registerReadFields, registerReadModel } from '../../graphql/plan/read-model';
import type { DutyShiftKind } from './duty-shift.enums';
import type { DutyShiftOrder } from './duty-shift.inputs';
import { dutyShiftSort, onDutyAt, shiftWindow } from './duty-shift.reader';
import { DUTY_SHIFT_COLUMNS, toDutyShiftRecord } from './duty-shift.types';

/** Who is on duty at one instant: a few shifts, earliest start first. */
export const ON_DUTY_ORDER = (d: string): string => `${d}.starts_at, ${d}.id`;

/** How a DutyShift is read (see graphql/plan/read-model.ts), and a station's shifts and who is on duty there. */
export function registerDutyShiftReadModel(): void {
  registerReadModel({
    type: 'DutyShift',
    table: 'duty_shift',
    key: 'id',
    record: { columns: DUTY_SHIFT_COLUMNS, from: 'duty_shift d', alias: 'd', toRecord: toDutyShiftRecord },
    fields: {
      ...recordFields('DutyShift'),
      startsAt: instant('starts_at'),
      endsAt: instant('ends_at'),
      kind: column('kind'),
      note: column('note'),
      station: { kind: 'one', type: 'Station', key: (t) => `${t}.station_id` },
      person: { kind: 'one', type: 'Person', key: (t) => `${t}.person_id` },
      organization: { kind: 'one', type: 'Organization', key: (t) => `${t}.organization_id` },
    },
  });
  registerReadFields('Station', {
    dutyShifts: {
      kind: 'connection',
      type: 'DutyShift',
      where: (t, c, args) => {
        const window = { from: args.from as Date | null | undefined, to: args.to as Date | null | undefined, kinds: args.kind as DutyShiftKind[] | null | undefined };
        return joinSql([rawSql(`${c}.station_id = ${t}.id`), ...shiftWindow(c, window)], ' and ');
      },
      sort: (c, args) => dutyShiftSort(c, args.orderBy as DutyShiftOrder | null | undefined),
    },
    onDuty: {
      kind: 'list',
      type: 'DutyShift',
      where: (t, c, args) => onDutyAt(c, rawSql(`${t}.id`), args.at as Date),
      orderBy: ON_DUTY_ORDER,
    },
  });
}
