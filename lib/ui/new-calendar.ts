/** Starting values for a student's new school calendar: a guessed year, five-day week, no closures. */
import type { IsoDate } from '../dates';
import { newId, type SchoolCalendar } from '../model';
import { guessSchoolYear } from './common-breaks';

export function newCalendar(today: IsoDate, school: string, id: string = newId()): SchoolCalendar {
  const year = guessSchoolYear(today);
  const span = `${year.firstDay.slice(0, 4)}–${year.lastDay.slice(0, 4)}`;
  return {
    id,
    name: `${school.trim() || 'School'} ${span}`,
    ...year,
    weekdays: [1, 2, 3, 4, 5],
    closures: [],
  };
}
