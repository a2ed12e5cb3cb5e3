/**
 * Whose words the district comparison speaks in: the app's screens talk to the parent ("your
 * log", "your child"); the complaint packet is the parent's own document ("my log", "my child").
 * Every label and sentence that names the parent's log takes a voice, so one table of labels
 * serves both.
 */

/** Whose log the words call the parent's: "your log" on the app's screens, "my log" in a letter. */
export type LogVoice = 'you' | 'me';

/** "your log" or "my log". */
export function ownLog(voice: LogVoice): string {
  return voice === 'me' ? 'my log' : 'your log';
}

/** "your child" or "my child". */
export function ownChild(voice: LogVoice): string {
  return voice === 'me' ? 'my child' : 'your child';
}

/** "you" or "I", as the subject of a sentence. */
export function subject(voice: LogVoice): string {
  return voice === 'me' ? 'I' : 'you';
}
