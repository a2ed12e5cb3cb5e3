/**
 * The mail hosts the compose content script runs on. wxt.config.ts builds the manifest's match
 * patterns from these, so the manifest and the adapter choice never disagree.
 */
export const GMAIL_HOSTS = ['mail.google.com'] as const;
export const OUTLOOK_HOSTS = [
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'outlook.cloud.microsoft',
] as const;
export const MAIL_HOSTS = [...GMAIL_HOSTS, ...OUTLOOK_HOSTS] as const;
