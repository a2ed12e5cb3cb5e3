/** The one letter-record builder the letter page and the picker share (lib/letter/record.ts). */
import { describe, expect, it } from 'vitest';
import { letterRecord } from '../../../lib/letter/record';
import { letterSchema, type Letter } from '../../../lib/model';

const base = {
  id: 'l1',
  studentId: 's1',
  kind: 'service-concern',
  subject: 'Missed speech minutes',
  bodyHtml: '<p>Dear Director,</p>',
  requestedResponseDate: '2026-12-10',
  now: 1_700_000_000_000,
};

describe('a letter record', () => {
  it('is a new draft from the letter page: nothing sent, no host, the reply date asked for', () => {
    const letter = letterRecord(base);
    expect(letter).toEqual({
      id: 'l1',
      studentId: 's1',
      kind: 'service-concern',
      subject: 'Missed speech minutes',
      status: 'draft',
      createdAt: 1_700_000_000_000,
      sentDate: null,
      to: '',
      method: null,
      host: '',
      requestedResponseDate: '2026-12-10',
      notes: '',
      responseDate: null,
      responseSummary: '',
      bodyHtml: '<p>Dear Director,</p>',
    });
    expect(letterSchema.parse(letter)).toEqual(letter);
  });

  it('is an e-mail draft with its host when the picker inserted it', () => {
    const letter = letterRecord({ ...base, host: 'mail.google.com', requestedResponseDate: null });
    expect(letter).toMatchObject({
      status: 'draft',
      method: 'email',
      host: 'mail.google.com',
      requestedResponseDate: null,
    });
  });

  it('keeps the subject and host within what the log accepts', () => {
    const letter = letterRecord({ ...base, subject: 's'.repeat(400), host: 'h'.repeat(250) });
    expect(letter.subject).toHaveLength(300);
    expect(letter.host).toHaveLength(200);
    expect(letterSchema.safeParse(letter).success).toBe(true);
  });

  it('keeps what the log already says about a recorded letter; the text and subject are new', () => {
    const recorded: Letter = {
      ...letterRecord(base),
      status: 'sent',
      createdAt: 5,
      sentDate: '2026-11-20',
      to: 'Director of Special Education',
      method: 'mail',
      host: 'outlook.office.com',
      requestedResponseDate: '2026-12-04',
      notes: 'Certified mail',
      responseDate: '2026-11-25',
      responseSummary: 'They will add sessions.',
    };
    const letter = letterRecord({
      ...base,
      kind: 'follow-up',
      subject: 'New subject',
      bodyHtml: '<p>New text</p>',
      now: 99,
      recorded,
    });
    expect(letter).toEqual({
      ...recorded,
      kind: 'follow-up',
      subject: 'New subject',
      bodyHtml: '<p>New text</p>',
    });
  });

  it("asks for the letter's reply date when the recorded one has none", () => {
    const recorded: Letter = { ...letterRecord(base), requestedResponseDate: null };
    expect(letterRecord({ ...base, recorded }).requestedResponseDate).toBe('2026-12-10');
  });
});
