/**
 * The picker: an extension page shown in an iframe beside the compose editor (see
 * lib/compose/page/picker-frame.ts). Its address carries the nonce that pairs it with the page; it
 * opens the database and shows the child's data only once that pairing is confirmed.
 */
import { render } from 'preact';
import '../../components/styles.css';
import './picker.css';
import { ErrorBoundary } from '../../components/ui/ErrorBoundary';
import { SessionGate } from '../../components/picker/SessionGate';
import { getDatabase } from '../../lib/ui/database';
import { Picker } from '../../components/picker/Picker';

const nonce = location.hash.slice(1);

render(
  <ErrorBoundary>
    <SessionGate nonce={nonce}>{() => <Picker db={getDatabase()} nonce={nonce} />}</SessionGate>
  </ErrorBoundary>,
  document.getElementById('app')!,
);
