import { Problems } from '../../src/graphql/mutation';
import { checkPlatformDetails, EMPTY_DETAILS } from '../../src/modules/platform/platform-details';
import { BusService, CareAmenity, PlatformKind } from '../../src/modules/platform/platform.enums';

const check = (kind: PlatformKind, inputs: Parameters<typeof checkPlatformDetails>[2], required = true) => {
  const problems = new Problems('en');
  const details = checkPlatformDetails(problems, kind, inputs, required);
  return { details, errors: problems.errors.map((e) => `${e.field.slice(1).join('.')} ${e.code}`) };
};

describe('checkPlatformDetails', () => {
  it('maps a kind’s sub-input to its own columns and leaves every other column null', () => {
    expect(check(PlatformKind.GIG_WORK_STATION, { gigWork: { jobPostings: 10, matchesMade: 10, registeredWorkers: 0 } })).toEqual({
      details: { ...EMPTY_DETAILS, gigJobPostings: 10, gigMatchesMade: 10, gigRegisteredWorkers: 0 },
      errors: [],
    });
    expect(check(PlatformKind.OTHER, { other: { kindName: ' 助残服务点 ' } }).details).toEqual({ ...EMPTY_DETAILS, otherKindName: '助残服务点' });
  });

  it('stores lists without duplicates, in the enum’s order', () => {
    const care = check(PlatformKind.UNION_CARE_STATION, { unionCare: { amenities: [CareAmenity.WIFI, CareAmenity.DRINKING_WATER, CareAmenity.WIFI] } });
    expect(care.details?.careAmenities).toEqual([CareAmenity.DRINKING_WATER, CareAmenity.WIFI]);
    const bus = check(PlatformKind.BUS_SELF_SERVICE, { busSelfService: { busServices: [BusService.LOST_AND_FOUND, BusService.CARD_TOP_UP] } });
    expect(bus.details).toEqual({ ...EMPTY_DETAILS, busServices: [BusService.CARD_TOP_UP, BusService.LOST_AND_FOUND], busTerminals: null });
  });

  it('refuses every other kind’s sub-input, and requires its own only on create', () => {
    const wrong = check(PlatformKind.GOV_SERVICE_24H, { govService24h: { selfServiceTerminals: 1 }, other: { kindName: 'x' }, unionCare: { amenities: [] } });
    expect(wrong.errors).toEqual(['unionCare INVALID', 'other INVALID']);
    expect(check(PlatformKind.GOV_SERVICE_24H, {}).errors).toEqual(['govService24h REQUIRED']);
    expect(check(PlatformKind.GOV_SERVICE_24H, {}, false)).toEqual({ details: undefined, errors: [] });
  });

  it.each([
    [PlatformKind.PRICE_DISPUTE_MEDIATION, { priceMediation: { casesReceived: 3, casesMediated: 4, mediators: 1 } }, ['priceMediation.casesMediated INVALID']],
    [PlatformKind.PRICE_DISPUTE_MEDIATION, { priceMediation: { casesReceived: 3, casesMediated: 3, mediators: 101 } }, ['priceMediation.mediators INVALID']],
    [PlatformKind.GIG_WORK_STATION, { gigWork: { jobPostings: 3, matchesMade: 4, registeredWorkers: 1 } }, ['gigWork.matchesMade INVALID']],
    [PlatformKind.GIG_WORK_STATION, { gigWork: { jobPostings: 1_000_001, matchesMade: 0, registeredWorkers: 1 } }, ['gigWork.jobPostings INVALID']],
    [PlatformKind.GOV_SERVICE_24H, { govService24h: { selfServiceTerminals: 51 } }, ['govService24h.selfServiceTerminals INVALID']],
    [PlatformKind.UNION_CARE_STATION, { unionCare: { amenities: [CareAmenity.REST_SEATS], restSeats: 0 } }, ['unionCare.restSeats INVALID']],
    [PlatformKind.UNION_CARE_STATION, { unionCare: { amenities: [CareAmenity.TOILET], restSeats: 3 } }, ['unionCare.restSeats INVALID']],
    [PlatformKind.UNION_CARE_STATION, { unionCare: { amenities: [], restSeats: -1 } }, ['unionCare.amenities REQUIRED', 'unionCare.restSeats INVALID']],
    [PlatformKind.BUS_SELF_SERVICE, { busSelfService: { busServices: [], terminals: 99 } }, ['busSelfService.busServices REQUIRED', 'busSelfService.terminals INVALID']],
    [PlatformKind.OTHER, { other: { kindName: '站'.repeat(31) } }, ['other.kindName TOO_LONG']],
  ])('refuses inconsistent or out-of-range figures of %s', (kind, inputs, errors) => {
    expect(check(kind, inputs)).toEqual({ details: undefined, errors });
  });

  it('accepts the edges of the ranges: no seats without the amenity, all cases mediated, matches equal to postings', () => {
    expect(check(PlatformKind.UNION_CARE_STATION, { unionCare: { amenities: [CareAmenity.TOILET], restSeats: 0 } }).errors).toEqual([]);
    expect(check(PlatformKind.UNION_CARE_STATION, { unionCare: { amenities: [CareAmenity.REST_SEATS], restSeats: null } }).errors).toEqual([]);
    expect(check(PlatformKind.PRICE_DISPUTE_MEDIATION, { priceMediation: { casesReceived: 0, casesMediated: 0, mediators: 1 } }).errors).toEqual([]);
  });
});
