import type { ComponentChildren } from 'preact';
import type { FormState } from '../web/form-state';
import type { PageContext } from '../web/page-context';

/** A stable id for a field name with dots (`claimant.fullName` → `f-claimant-fullName`). */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

function errorId(name: string): string {
  return `${fieldId(name)}-error`;
}

function hintId(name: string): string {
  return `${fieldId(name)}-hint`;
}

function describedBy(name: string, errors: readonly string[], hint: string | undefined) {
  const ids = [
    ...(hint === undefined ? [] : [hintId(name)]),
    ...(errors.length === 0 ? [] : [errorId(name)]),
  ];
  return ids.length === 0 ? undefined : ids.join(' ');
}

function FieldMessages({
  name,
  errors,
  hint,
}: {
  name: string;
  errors: readonly string[];
  hint: string | undefined;
}) {
  return (
    <>
      {hint === undefined ? null : (
        <p class="hint" id={hintId(name)}>
          {hint}
        </p>
      )}
      {errors.length === 0 ? null : (
        <p class="field-error" id={errorId(name)}>
          {errors.join(' ')}
        </p>
      )}
    </>
  );
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** Shown when the form has no kept value for the field. */
  value?: string;
}

/** What ties a control to its label, hint and errors. */
interface ControlAttributes {
  id: string;
  name: string;
  required: boolean | undefined;
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}

/** The label, hint and errors every one-control field shares; `control` draws the control. */
function Field({
  form,
  name,
  label,
  hint,
  required,
  control,
}: FieldProps & { control: (attributes: ControlAttributes) => ComponentChildren }) {
  const errors = form.fieldErrors[name] ?? [];
  return (
    <div class={errors.length === 0 ? 'field' : 'field invalid'}>
      <label for={fieldId(name)}>
        {label}
        {required === true ? <span class="required-mark"> *</span> : null}
      </label>
      <FieldMessages name={name} errors={errors} hint={hint} />
      {control({
        id: fieldId(name),
        name,
        required,
        'aria-invalid': errors.length === 0 ? undefined : 'true',
        'aria-describedby': describedBy(name, errors, hint),
      })}
    </div>
  );
}

export function TextField({
  type = 'text',
  inputMode,
  autocomplete,
  pattern,
  ...field
}: FieldProps & {
  type?: 'text' | 'date' | 'number' | 'search' | 'month';
  inputMode?: 'numeric' | 'text';
  autocomplete?: string;
  pattern?: string;
}) {
  return (
    <Field
      {...field}
      control={(attributes) => (
        <input
          {...attributes}
          type={type}
          value={field.form.values[field.name] ?? field.value ?? ''}
          inputMode={inputMode}
          autoComplete={autocomplete ?? 'off'}
          pattern={pattern}
        />
      )}
    />
  );
}

export function TextArea(field: FieldProps) {
  return (
    <Field
      {...field}
      control={(attributes) => (
        <textarea {...attributes} rows={4}>
          {field.form.values[field.name] ?? field.value ?? ''}
        </textarea>
      )}
    />
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function SelectField({
  choices,
  placeholder,
  ...field
}: FieldProps & { choices: readonly Choice[]; placeholder?: string }) {
  const selected = field.form.values[field.name] ?? field.value ?? '';
  return (
    <Field
      {...field}
      control={(attributes) => (
        <select {...attributes}>
          {placeholder === undefined ? null : <option value="">{placeholder}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value} selected={choice.value === selected}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Radio buttons or checkboxes under one legend; `checked` lists the values ticked. */
export function ChoiceGroup({
  form,
  name,
  legend,
  hint,
  choices,
  checked,
  multiple = false,
}: {
  form: FormState;
  name: string;
  legend: string;
  hint?: string;
  choices: readonly Choice[];
  checked: readonly string[];
  multiple?: boolean;
}) {
  const errors = form.fieldErrors[name] ?? [];
  return (
    <fieldset
      class={errors.length === 0 ? 'choices' : 'choices invalid'}
      aria-describedby={describedBy(name, errors, hint)}
    >
      <legend>{legend}</legend>
      <FieldMessages name={name} errors={errors} hint={hint} />
      {choices.map((choice) => {
        const id = `${fieldId(name)}-${choice.value.replace(/[^A-Za-z0-9_-]/g, '-')}`;
        return (
          <div class="choice" key={choice.value}>
            <input
              type={multiple ? 'checkbox' : 'radio'}
              id={id}
              name={name}
              value={choice.value}
              checked={checked.includes(choice.value)}
            />
            <label for={id}>{choice.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

/** The form's own error (not one field's), announced when the page loads. */
export function FormError({ form }: { form: FormState }) {
  return <ErrorMessage message={form.formError} />;
}

/** A page's error (a service's refusal, say), announced when the page loads; none, nothing. */
export function ErrorMessage({ message }: { message: string | null }) {
  if (message === null) return null;
  return (
    <p class="form-error" role="alert">
      {message}
    </p>
  );
}

/** Field errors listed at the top, each linking to its field. */
export function ErrorSummary({
  page,
  form,
  labels,
}: {
  page: PageContext;
  form: FormState;
  labels: Readonly<Record<string, string>>;
}) {
  const fields = Object.keys(form.fieldErrors).filter(
    (name) => (form.fieldErrors[name] ?? []).length > 0,
  );
  if (fields.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{page.t('form.errorSummary')}</h2>
      <ul>
        {fields.map((name) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>
              {labels[name] ?? name}: {(form.fieldErrors[name] ?? []).join(' ')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function PostForm({
  page,
  action,
  children,
  class: className,
  label,
}: {
  page: PageContext;
  action: string;
  children?: ComponentChildren;
  class?: string;
  label?: string;
}) {
  return (
    <form method="post" action={action} class={className} aria-label={label} novalidate>
      <input type="hidden" name="_csrf" value={page.csrfToken} />
      {children}
    </form>
  );
}
