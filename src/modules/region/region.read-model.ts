import { rawSql } from '../../db/sql';
import { column, globalId, registerReadModel } from '../../graphql/plan/read-model';
import { REGION_COLUMNS, toRegionRecord } from './region.types';
import { stationCountPlan } from '../station/station-count';

/** How a Region is read (see graphql/plan/read-model.ts). */
export function registerRegionReadModel(): void {
  registerReadModel({
    type: 'Region',
    table: 'region',
    key: 'id',
    record: { columns: REGION_COLUMNS, from: 'region r', alias: 'r', toRecord: toRegionRecord },
    fields: {
      id: globalId('Region'),
      code: column('code'),
      name: column('name'),
      level: column('level'),
      parent: { kind: 'one', type: 'Region', key: (t) => `${t}.parent_id` },
      // The path holds the codes of every ancestor, top first, then the region's own.
      ancestors: {
        kind: 'list',
        type: 'Region',
        where: (t, c) => rawSql(`${c}.code = any(string_to_array(trim(both '/' from ${t}.path), '/')) and ${c}.id <> ${t}.id`),
        orderBy: (c) => `length(${c}.path), ${c}.code`,
      },
      children: {
        kind: 'connection',
        type: 'Region',
        where: (t, c) => ({ text: `${c}.parent_id = ${t}.id`, bindings: [] }),
        sort: (c) => ({ expression: `${c}.code`, type: 'text', id: `${c}.id`, idType: 'int' }),
      },
      // Stations in the region and below: its path is a prefix of theirs. The range (rather than
      // `like path || '%'`, which no index serves for a path read from a row) walks region_path_idx;
      // paths are digits and '/', all below '~'.
      stationCount: stationCountPlan((t) => `cs.region_id in (select cr.id from region cr where cr.path ~>=~ ${t}.path and cr.path ~<~ (${t}.path || '~'))`),
    },
  });
}
