/** Picks which student a page shows. With one student it just names them. */
import type { AdvocateDatabase } from '../../lib/db';
import type { Student } from '../../lib/model';
import { chooseStudent, type StudentChoice } from '../../lib/ui/students';
import { SelectField } from '../ui/fields';

export interface StudentPickerProps {
  students: Student[];
  value: string | null;
  onChange: (studentId: string) => void;
}

export function StudentPicker(props: StudentPickerProps) {
  if (props.students.length === 0) return null;
  if (props.students.length === 1) {
    return (
      <p class="student-name" data-testid="student-name">
        <span class="muted">Student: </span>
        <strong>{props.students[0]!.name}</strong>
      </p>
    );
  }
  return (
    <SelectField
      class="student-picker"
      label="Student"
      value={props.value ?? ''}
      onValue={props.onChange}
      options={props.students.map((s) => ({ value: s.id, label: s.name }))}
    />
  );
}

/** The picker wired to the database: shows settings.currentStudentId and saves a new pick. */
export function CurrentStudentPicker(props: {
  db: AdvocateDatabase;
  choice: StudentChoice | undefined;
}) {
  const { db, choice } = props;
  if (!choice) return null;
  return (
    <StudentPicker
      students={choice.students}
      value={choice.currentId}
      onChange={(id) => void chooseStudent(db, id)}
    />
  );
}
