import { column, registerReadModel, recordFields } from '../../graphql/plan/read-model';
import { DEPARTMENT_COLUMNS, toDepartmentRecord } from './department.types';

/** How a Department is read (see graphql/plan/read-model.ts). */
export function registerDepartmentReadModel(): void {
  registerReadModel({
    type: 'Department',
    table: 'department',
    key: 'id',
    record: { columns: DEPARTMENT_COLUMNS, from: 'department d', alias: 'd', toRecord: toDepartmentRecord },
    fields: {
      ...recordFields('Department'),
      code: column('code'),
      name: column('name'),
      shortName: column('short_name'),
      level: column('level'),
      active: column('active'),
      region: { kind: 'one', type: 'Region', key: (t) => `${t}.region_id` },
    },
  });
}
