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

export function TextField({
  form,
  name,
  label,
  hint,
  required,
  value,
  type = 'text',
  inputMode,
  autocomplete,
  pattern,
}: FieldProps & {
  type?: 'text' | 'date' | 'number' | 'search' | 'month';
  inputMode?: 'numeric' | 'text';
  autocomplete?: string;
  pattern?: string;
}) {
  const errors = form.fieldErrors[name] ?? [];
  return (
    <div class={errors.length === 0 ? 'field' : 'field invalid'}>
      <label for={fieldId(name)}>
        {label}
        {required === true ? <span class="required-mark"> *</span> : null}
      </label>
      <FieldMessages name={name} errors={errors} hint={hint} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        value={form.values[name] ?? value ?? ''}
        required={required}
        inputMode={inputMode}
        autoComplete={autocomplete ?? 'off'}
        pattern={pattern}
        aria-invalid={errors.length === 0 ? undefined : 'true'}
        aria-describedby={describedBy(name, errors, hint)}
      />
    </div>
  );
}

export function TextArea({ form, name, label, hint, required, value }: FieldProps) {
  const errors = form.fieldErrors[name] ?? [];
  return (
    <div class={errors.length === 0 ? 'field' : 'field invalid'}>
      <label for={fieldId(name)}>
        {label}
        {required === true ? <span class="required-mark"> *</span> : null}
      </label>
      <FieldMessages name={name} errors={errors} hint={hint} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={4}
        required={required}
        aria-invalid={errors.length === 0 ? undefined : 'true'}
        aria-describedby={describedBy(name, errors, hint)}
      >
        {form.values[name] ?? value ?? ''}
      </textarea>
    </div>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function SelectField({
  form,
  name,
  label,
  hint,
  required,
  value,
  choices,
  placeholder,
}: FieldProps & { choices: readonly Choice[]; placeholder?: string }) {
  const errors = form.fieldErrors[name] ?? [];
  const selected = form.values[name] ?? value ?? '';
  return (
    <div class={errors.length === 0 ? 'field' : 'field invalid'}>
      <label for={fieldId(name)}>
        {label}
        {required === true ? <span class="required-mark"> *</span> : null}
      </label>
      <FieldMessages name={name} errors={errors} hint={hint} />
      <select
        id={fieldId(name)}
        name={name}
        required={required}
        aria-invalid={errors.length === 0 ? undefined : 'true'}
        aria-describedby={describedBy(name, errors, hint)}
      >
        {placeholder === undefined ? null : <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} selected={choice.value === selected}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
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
  if (form.formError === null) return null;
  return (
    <p class="form-error" role="alert">
      {form.formError}
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
