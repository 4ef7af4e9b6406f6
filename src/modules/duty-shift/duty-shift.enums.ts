/** 值班类型 What kind of duty a shift is. */
export enum DutyShiftKind {
  REGULAR = 'REGULAR',
  EXTENDED_HOURS = 'EXTENDED_HOURS',
  EVENING_POST = 'EVENING_POST',
  VOLUNTEER = 'VOLUNTEER',
}

export const SHIFT_KIND_NAMES_ZH: Record<DutyShiftKind, string> = {
  REGULAR: '常规值班',
  EXTENDED_HOURS: '延时服务',
  EVENING_POST: '七点半岗哨',
  VOLUNTEER: '志愿值守',
};
