/**
 * Reading a district file's cells as the district wrote them: dates in the shapes exports use,
 * minutes in the shapes people type. Pure; a date never goes through a local Date object, so no
 * time zone can move it.
 */
import { fromDayNumber, isIsoDate, monthNumberOf, toDayNumber, type IsoDate } from '../dates';

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function iso(year: number, month: number, day: number): IsoDate | null {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(date) ? date : null;
}

/** Day 0 of spreadsheet serial dates (Excel's 1900 system, with its leap-year quirk). */
const SERIAL_EPOCH = toDayNumber('1899-12-30');

const ISO_FORM = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const US_FORM = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T].*)?$/;
const MONTH_FIRST =
  /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s.*)?$/i;
const DAY_FIRST = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s,-]+(\d{4}|\d{2})(?:\s.*)?$/i;
const SERIAL = /^(\d{5})(?:\.\d+)?$/;

/**
 * A calendar date from a cell: 9/8/2026 and 09/08/26 (month first, as US exports write them),
 * 2026-09-08, "Sep 8, 2026", "Tuesday, September 8, 2026", "8-Sep-2026", a time after any of
 * them, or a spreadsheet serial number (46273). Null when the cell is not a real date.
 */
export function parseDistrictDate(cell: string): IsoDate | null {
  const value = cell.trim();
  let match = ISO_FORM.exec(value);
  if (match) return iso(Number(match[1]), Number(match[2]), Number(match[3]));
  match = US_FORM.exec(value);
  if (match) return iso(fullYear(match[3]!), Number(match[1]), Number(match[2]));
  match = MONTH_FIRST.exec(value);
  if (match) {
    const month = monthNumberOf(match[1]!);
    return month ? iso(Number(match[3]), month, Number(match[2])) : null;
  }
  match = DAY_FIRST.exec(value);
  if (match) {
    const month = monthNumberOf(match[2]!);
    return month ? iso(fullYear(match[3]!), month, Number(match[1])) : null;
  }
  match = SERIAL.exec(value);
  if (match) {
    const serial = Number(match[1]);
    // 1982 to 2119: anything else in a date column is not a date.
    if (serial >= 30_000 && serial <= 80_000) return fromDayNumber(SERIAL_EPOCH + serial);
  }
  return null;
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const NUMBER = '(\\d+(?:\\.\\d+)?|\\.\\d+)';
const HOURS = `${NUMBER}\\s*(?:h|hr|hrs|hour|hours)\\.?`;
const MINUTES = `${NUMBER}\\s*(?:m|min|mins|minute|minutes)?\\.?`;
const UNITS = new RegExp(`^(?:${HOURS})?\\s*(?:and\\s+)?(?:${MINUTES})?$`, 'i');

/**
 * Whole minutes from a cell: 30, "30 min", "30 minutes", "0:30", "1:15:00", "1.5 hrs",
 * "1 hr 30 min", "1h30m". Null for a blank or unreadable cell, or more than a day.
 */
export function parseMinutes(cell: string): number | null {
  const value = cell.trim().replace(/,/g, '');
  if (value === '') return null;
  const clock = CLOCK.exec(value);
  let minutes: number | null = null;
  if (clock) {
    if (Number(clock[2]) < 60) minutes = Number(clock[1]) * 60 + Number(clock[2]);
  } else {
    const units = UNITS.exec(value);
    if (units && (units[1] !== undefined || units[2] !== undefined))
      minutes = Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0);
  }
  if (minutes === null || !Number.isFinite(minutes)) return null;
  const whole = Math.round(minutes);
  return whole >= 0 && whole <= 1440 ? whole : null;
}
