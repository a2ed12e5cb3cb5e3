/**
 * The student's details (name, school, district, grade, home address, the current IEP's dates).
 * Validates with
 * studentSchema and hands the valid record to `onSave`; the caller writes it with lib/db.
 */
import type { ComponentChildren } from 'preact';
import { newId, studentSchema, type Student } from '../../lib/model';
import { textValues, useSchemaForm } from '../../lib/ui/forms';
import { DateField, TextField } from '../ui/fields';
import { FormActions } from '../ui/FormActions';

export interface StudentFormProps {
  /** The student being edited; omit to create one. */
  initial?: Student | undefined;
  /** The calendar a new student uses (an existing or a new calendar's id). */
  calendarId: string;
  /** Writes the valid student; throw to show a message (the form keeps what was typed). */
  onSave: (student: Student) => Promise<void> | void;
  submitLabel?: string;
  /** Extra buttons after the save button (Cancel, Skip, …). */
  children?: ComponentChildren;
}

export function StudentForm(props: StudentFormProps) {
  const { initial } = props;
  const form = useSchemaForm({
    initial: () =>
      textValues(initial, [
        'name',
        'school',
        'district',
        'grade',
        'homeAddress',
        'iepMeetingDate',
        'iepStartDate',
        'iepReviewDate',
      ]),
    schema: studentSchema,
    toCandidate: (values) => ({
      ...values,
      // An empty date field means no date.
      iepMeetingDate: values.iepMeetingDate || undefined,
      iepStartDate: values.iepStartDate || undefined,
      iepReviewDate: values.iepReviewDate || undefined,
      id: initial?.id ?? newId(),
      calendarId: initial?.calendarId ?? props.calendarId,
      createdAt: initial?.createdAt ?? Date.now(),
    }),
    onSave: props.onSave,
  });
  const { field } = form;

  return (
    <form ref={form.formRef} onSubmit={form.submit} noValidate aria-label="Student details">
      <div class="form-grid">
        <TextField
          label="Your child's name"
          required
          {...field('name')}
          inputProps={{ autoComplete: 'off' }}
        />
        <TextField label="School" {...field('school')} />
        <TextField label="School district" {...field('district')} />
        <TextField label="Grade" {...field('grade')} hint="For example 3 or K." />
      </div>
      <TextField
        label="Home address (optional)"
        {...field('homeAddress')}
        hint="Only used in letters you choose to write."
      />
      <fieldset>
        <legend>The current IEP’s dates (optional)</legend>
        <p class="small muted">As printed on the IEP. “Read from the IEP” can fill them in.</p>
        <div class="form-grid">
          <DateField label="IEP meeting date" {...field('iepMeetingDate')} />
          <DateField label="IEP start date" {...field('iepStartDate')} />
          <DateField
            label="Annual review date"
            {...field('iepReviewDate')}
            hint="The next annual review, or the date the IEP ends."
          />
        </div>
      </fieldset>
      <FormActions form={form} submitLabel={props.submitLabel ?? 'Save'}>
        {props.children}
      </FormActions>
    </form>
  );
}
