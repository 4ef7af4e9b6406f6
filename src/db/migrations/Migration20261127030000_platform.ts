import { Migration } from '@mikro-orm/migrations';

const KINDS = `'UNION_CARE_STATION','GIG_WORK_STATION','GOV_SERVICE_24H','BUS_SELF_SERVICE','PRICE_DISPUTE_MEDIATION','OTHER'`;
const CARE_AMENITIES = `'DRINKING_WATER','MICROWAVE','PHONE_CHARGING','REST_SEATS','TOILET','MEDICINE_KIT','AIR_CONDITIONING','WIFI','READING_CORNER','UMBRELLA_LENDING'`;
const BUS_SERVICES = `'CARD_TOP_UP','CARD_ISSUE','SENIOR_CARD','ROUTE_INQUIRY','LOST_AND_FOUND'`;

/** "The kind's required columns are all set, and no other kind's column is." */
function tiedToKind(kind: string, required: string[], optional: string[] = []): string {
  const all = [...required, ...optional].join(', ');
  return `check ((kind = '${kind}' and num_nulls(${required.join(', ')}) = 0) or (kind <> '${kind}' and num_nonnulls(${all}) = 0))`;
}

/**
 * Platforms (整合平台): partner departments' facilities merged into stations — union care stations,
 * gig-work stations, 24-hour government service points, bus self-service points, price-dispute
 * mediation points and others. One table with typed per-kind columns rather than a jsonb blob, so
 * analysts can sum and group them; check constraints tie each column to its kind and keep the
 * figures consistent (no more mediated cases than received, no more matches than postings).
 */
export class Migration20261127030000_platform extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table platform (
        id uuid primary key,
        kind varchar(32) not null check (kind in (${KINDS})),
        station_id uuid not null references station(id) on delete restrict,
        department_id uuid not null references department(id) on delete restrict,
        name varchar(100) not null check (length(btrim(name)) > 0),
        owner_ref varchar(64) not null check (owner_ref ~ '^[^[:space:]]+$'),
        opening_hours jsonb check (opening_hours is null or jsonb_typeof(opening_hours -> 'windows') = 'array'),
        active boolean not null default true,
        care_amenities text[] check (cardinality(care_amenities) > 0 and care_amenities <@ array[${CARE_AMENITIES}]::text[]),
        care_rest_seats int check (care_rest_seats >= 0),
        gig_job_postings int check (gig_job_postings >= 0),
        gig_matches_made int check (gig_matches_made >= 0),
        gig_registered_workers int check (gig_registered_workers >= 0),
        gov_self_service_terminals int check (gov_self_service_terminals >= 1),
        bus_services text[] check (cardinality(bus_services) > 0 and bus_services <@ array[${BUS_SERVICES}]::text[]),
        bus_terminals int check (bus_terminals >= 0),
        mediation_cases_received int check (mediation_cases_received >= 0),
        mediation_cases_mediated int check (mediation_cases_mediated >= 0),
        mediation_mediators int check (mediation_mediators >= 1),
        other_kind_name varchar(30) check (length(btrim(other_kind_name)) > 0),
        version int not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint platform_owner_ref_unique unique (department_id, owner_ref),
        constraint platform_union_care_columns ${tiedToKind('UNION_CARE_STATION', ['care_amenities'], ['care_rest_seats'])},
        constraint platform_gig_work_columns ${tiedToKind('GIG_WORK_STATION', ['gig_job_postings', 'gig_matches_made', 'gig_registered_workers'])},
        constraint platform_gov_service_columns ${tiedToKind('GOV_SERVICE_24H', ['gov_self_service_terminals'])},
        constraint platform_bus_columns ${tiedToKind('BUS_SELF_SERVICE', ['bus_services'], ['bus_terminals'])},
        constraint platform_mediation_columns ${tiedToKind('PRICE_DISPUTE_MEDIATION', ['mediation_cases_received', 'mediation_cases_mediated', 'mediation_mediators'])},
        constraint platform_other_columns ${tiedToKind('OTHER', ['other_kind_name'])},
        constraint platform_rest_seats_amenity check (care_rest_seats is null or (care_rest_seats > 0) = ('REST_SEATS' = any(care_amenities))),
        constraint platform_matches_within_postings check (gig_matches_made <= gig_job_postings),
        constraint platform_mediated_within_received check (mediation_cases_mediated <= mediation_cases_received)
      );`);
    this.addSql(`create index platform_station_idx on platform (station_id);`);
    // Lookups and paging by department use the leading column of platform_owner_ref_unique (department_id, owner_ref).
    this.addSql(`create index platform_kind_idx on platform (kind);`);
    this.addSql(`create index platform_name_id_idx on platform (name, id);`);
    this.addSql(`create index platform_search_trgm_idx on platform using gin ((name || ' ' || owner_ref) gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists platform;`);
  }
}
