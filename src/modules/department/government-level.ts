import { RegionLevel } from '../region/region-level';

/** 行政层级 The level of government a department (or a catalogue item) belongs to. */
export enum GovernmentLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  STREET = 'STREET',
}

/** The region level a department of each government level has as its jurisdiction. */
export const JURISDICTION_LEVEL: Record<GovernmentLevel, RegionLevel> = {
  PROVINCE: RegionLevel.PROVINCE,
  CITY: RegionLevel.CITY,
  DISTRICT: RegionLevel.DISTRICT,
  STREET: RegionLevel.STREET,
};
