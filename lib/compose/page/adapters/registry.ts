/** Chooses the host adapter for a page: the one place adapters are registered. */
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { GMAIL_HOSTS, OUTLOOK_HOSTS } from '../../hosts';
import { outlookAdapter } from './outlook';
import type { HostAdapter } from '../types';

export function adapterForHost(hostname: string): HostAdapter {
  const host = hostname.toLowerCase();
  if ((GMAIL_HOSTS as readonly string[]).includes(host)) return gmailAdapter;
  if ((OUTLOOK_HOSTS as readonly string[]).includes(host)) return outlookAdapter;
  return genericAdapter;
}
