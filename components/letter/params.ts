/**
 * The letter page's address: letter.html?student=<id>&kind=<kind>, ?letter=<id> to reopen a
 * saved letter, and &about=<id> for the sent letter a follow-up is about.
 */
export interface LetterParams {
  student: string | null;
  kind: string | null;
  letter: string | null;
  /** A sent letter to follow up (the follow-up's "letter" input). */
  about: string | null;
}

export function readLetterParams(search: string): LetterParams {
  const query = new URLSearchParams(search);
  const get = (name: string) => query.get(name);
  return { student: get('student'), kind: get('kind'), letter: get('letter'), about: get('about') };
}
