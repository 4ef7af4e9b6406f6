import { wednesdayOf } from '../../src/modules/meeting/meeting.service';

describe('the Wednesday of a week (民生议事厅 meets weekly on Wednesdays)', () => {
  it.each([
    ['2023-05-08', '2023-05-10'], // Monday
    ['2023-05-10', '2023-05-10'], // Wednesday itself
    ['2023-05-13', '2023-05-10'], // Saturday
    ['2023-05-14', '2023-05-10'], // Sunday ends the week it belongs to
    ['2023-01-01', '2022-12-28'], // across a year
    ['2024-02-29', '2024-02-28'], // leap day, a Thursday
  ])('%s → %s', (day, wednesday) => {
    expect(wednesdayOf(day)).toBe(wednesday);
  });
});
