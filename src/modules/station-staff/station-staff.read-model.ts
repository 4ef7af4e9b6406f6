import { registerReadFields } from '../../graphql/plan/read-model';

/** The station's managing organization and contact cadre, read with the station (see graphql/plan). */
export function registerStationStaffReadFields(): void {
  registerReadFields('Station', {
    managingOrganization: { kind: 'one', type: 'Organization', key: (t) => `${t}.managing_organization_id` },
    contactCadre: { kind: 'one', type: 'Person', key: (t) => `${t}.contact_cadre_id` },
  });
}
