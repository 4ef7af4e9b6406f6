import { ServiceItemLevel } from './service-item.enums';

/**
 * Catalogue codes of service items (事项编码): the 6-digit GB/T 2260 code of the issuing
 * government, a 2–4 letter series (SB 社保, YB 医保, MZ 民政, …) and a 4-digit sequence,
 * e.g. 420600-SB-0001 for an item of Xiangyang's city catalogue. A code is given once and
 * never changes; the issuing level is part of it.
 */
export const SERVICE_ITEM_CODE = /^(\d{6})-([A-Z]{2,4})-(\d{4})$/;

export interface ParsedServiceItemCode {
  divisionCode: string;
  series: string;
  sequence: number;
}

export function parseServiceItemCode(code: string): ParsedServiceItemCode | null {
  const match = SERVICE_ITEM_CODE.exec(code);
  if (!match || match[1].startsWith('00') || match[3] === '0000') return null;
  return { divisionCode: match[1], series: match[2], sequence: Number(match[3]) };
}

export function formatServiceItemCode(divisionCode: string, series: string, sequence: number): string {
  const code = `${divisionCode}-${series}-${String(sequence).padStart(4, '0')}`;
  if (!parseServiceItemCode(code)) throw new RangeError(`Invalid service item code parts: ${divisionCode}, ${series}, ${sequence}`);
  return code;
}

/** The level of government a 6-digit division code names: 420000 a province, 420600 a city, 420606 a district. */
export function divisionLevel(divisionCode: string): ServiceItemLevel {
  if (divisionCode.endsWith('0000')) return ServiceItemLevel.PROVINCE;
  if (divisionCode.endsWith('00')) return ServiceItemLevel.CITY;
  return ServiceItemLevel.DISTRICT;
}
