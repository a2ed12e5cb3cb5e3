import { describe, expect, it } from 'vitest';
import {
  collectMarkers,
  escapeHtml,
  lines,
  marker,
  ol,
  p,
  strong,
  table,
  toHtml,
  toText,
  ul,
} from '../../../lib/drafts/blocks';
import { fitClause } from '../../../lib/drafts/facts';
import { dateInText } from '../../../lib/drafts/kinds/iep-meeting-request';
import {
  formatMinutes,
  joinAnd,
  listDates,
  oneYearBefore,
  periodPhrase,
  validDate,
  whenPhrase,
} from '../../../lib/drafts/words';
import { hasUnsafeMarkup } from './checks';

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('document model', () => {
  it('renders paragraphs, lists and tables as text', () => {
    const doc = [
      p('Hello ', strong('there'), '.'),
      ul(['one', 'two']),
      ol(['first', ['second ', marker('a date')]]),
      table(['Date', 'Minutes'], [['May 1, 2026', '30']]),
      p(lines(['Line 1'], [], ['Line 2'])),
    ];
    expect(toText(doc)).toBe(
      'Hello there.\n\n- one\n- two\n\n1. first\n2. second [a date]\n\nDate | Minutes\nMay 1, 2026 | 30\n\nLine 1\nLine 2',
    );
  });

  it('renders structure-only HTML with every value escaped', () => {
    const doc = [
      p(HOSTILE, strong(HOSTILE)),
      ul([HOSTILE]),
      table([HOSTILE], [[HOSTILE]]),
      p(marker(HOSTILE)),
    ];
    const html = toHtml(doc);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<table><thead><tr><th scope="col">');
    expect(hasUnsafeMarkup(html)).toBe(false);
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('reports each marker once, in reading order, including the subject', () => {
    const doc = [p(marker('b')), ul([[marker('c')]]), table(['x'], [[[marker('d'), marker('b')]]])];
    expect(collectMarkers(doc, [marker('a')])).toEqual(['[a]', '[b]', '[c]', '[d]']);
  });

  it('drops empty parts instead of printing them', () => {
    expect(toText([p('a', null, false, '', undefined, 'b')])).toBe('ab');
    expect(ul(['', null, 'x']).items).toHaveLength(1);
  });
});

describe('plain-language formatting', () => {
  it('prints minutes with hours from 60 up', () => {
    expect(formatMinutes(1)).toBe('1 minute');
    expect(formatMinutes(45)).toBe('45 minutes');
    expect(formatMinutes(60)).toBe('60 minutes (1 hour)');
    expect(formatMinutes(90)).toBe('90 minutes (1.5 hours)');
    expect(formatMinutes(300)).toBe('300 minutes (5 hours)');
    expect(formatMinutes(100)).toBe('100 minutes (about 1.7 hours)');
    expect(formatMinutes(1350)).toBe('1,350 minutes (22.5 hours)');
    expect(formatMinutes(0)).toBe('0 minutes');
  });

  it('prints date ranges in US long form', () => {
    expect(whenPhrase('2026-09-09', '2026-10-28')).toBe('between September 9 and October 28, 2026');
    expect(whenPhrase('2026-12-08', '2027-01-12')).toBe(
      'between December 8, 2026, and January 12, 2027',
    );
    expect(whenPhrase('2026-09-09', '2026-09-09')).toBe('on September 9, 2026');
    expect(periodPhrase('2026-08-31', '2026-11-01')).toBe('from August 31 to November 1, 2026');
  });

  it('finds the date one year earlier, February 29 included', () => {
    expect(oneYearBefore('2026-11-02')).toBe('2025-11-02');
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
    expect(oneYearBefore('2027-03-01')).toBe('2026-03-01');
  });

  it('accepts only real dates from inputs', () => {
    expect(validDate(' 2026-10-05 ')).toBe('2026-10-05');
    expect(validDate('2026-02-30')).toBeNull();
    expect(validDate('October 5')).toBeNull();
    expect(validDate(undefined)).toBeNull();
  });

  it('joins lists with commas and "and"', () => {
    expect(joinAnd(['a']).join('')).toBe('a');
    expect(joinAnd(['a', 'b']).join('')).toBe('a and b');
    expect(joinAnd(['a', 'b', 'c']).join('')).toBe('a, b, and c');
  });
});

describe('user text and dates inside sentences', () => {
  it('fits typed text into the sentence, keeping names and acronyms', () => {
    expect(fitClause('The OT now comes once a month')).toBe('the OT now comes once a month');
    expect(fitClause('OT stopped')).toBe('OT stopped');
    expect(fitClause('Sam no longer gets speech')).toBe('Sam no longer gets speech');
    expect(fitClause('I was told in May')).toBe('I was told in May');
    expect(fitClause('My son lost his sessions')).toBe('my son lost his sessions');
  });

  it('lists dates one by one, never as a span, and counts long lists', () => {
    expect(listDates(['2026-10-06', '2026-09-09', '2026-09-09'])).toBe(
      'on September 9 and October 6, 2026',
    );
    expect(listDates(['2026-12-08', '2027-01-12'])).toBe(
      'on December 8, 2026 and January 12, 2027',
    );
    const many = ['01', '02', '05', '06', '07', '08', '09'].map((d) => `2026-10-${d}`);
    expect(listDates(many)).toBe('on 7 dates from October 1 to October 9, 2026');
  });

  it('finds the date a proposed meeting time names', () => {
    expect(dateInText('Tuesday, November 10, after 3:30 p.m.', '2026-11-02')).toBe('2026-11-10');
    expect(dateInText('Jan 5 at 8', '2026-11-02')).toBe('2027-01-05');
    expect(dateInText('2026-11-12 morning', '2026-11-02')).toBe('2026-11-12');
    expect(dateInText('February 30', '2026-11-02')).toBeNull();
    expect(dateInText('any afternoon', '2026-11-02')).toBeNull();
  });
});
