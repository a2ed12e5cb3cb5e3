/** The parent's details and the district contact that letters use. */
import { ProfileForm } from './ProfileForm';
import { StatusMessage, useStatus } from '../ui/status';
import { getProfile, saveProfile } from '../../lib/db';
import { useLiveQuery } from '../../lib/ui/live-query';
import type { TrackerRouteProps } from '../tracker/route-props';

export function ProfilePage(props: TrackerRouteProps) {
  const { db } = props;
  const profile = useLiveQuery(() => getProfile(db), [db]);
  const [status, announce] = useStatus();
  if (!profile) return <p class="muted">Loading…</p>;
  return (
    <>
      <p>Letters you write with this tool use these details. Every field is optional.</p>
      <ProfileForm
        initial={profile}
        onSave={async (saved) => {
          await saveProfile(db, saved);
          announce('Saved.');
        }}
      />
      <StatusMessage message={status} testId="profile-status" />
    </>
  );
}
