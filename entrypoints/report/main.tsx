import { render } from 'preact';
import '../../components/styles.css';
import './report.css';
import { getDatabase } from '../../lib/ui/database';
import { useToday } from '../../lib/ui/today';
import { ReportPage } from '../../components/report/ReportApp';

function Report() {
  return <ReportPage db={getDatabase()} today={useToday()} />;
}

render(<Report />, document.getElementById('app')!);
