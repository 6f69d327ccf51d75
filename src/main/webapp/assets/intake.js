// The intake form: built from the shared field rules, checked in the browser before sending, and showing
// the server's per-field errors in the same places.

import * as api from './api.js';
import {byId, fill, h} from './dom.js';
import {FIELDS, idViolation, todayUtc, validateIntake} from './fields.js';

const iso = date => date.toISOString().slice(0, 10);

function fieldRow(field) {
  const described = [field.hint ? `h-${field.key}` : null, `e-${field.key}`].filter(Boolean).join(' ');
  return h('div', {class: field.wide ? 'field wide' : 'field'},
    h('label', {for: `f-${field.key}`}, field.label, field.required ? '' : h('span', {class: 'optional'}, ' (optional)')),
    h('input', {id: `f-${field.key}`, name: field.key, type: field.type || 'text', autocomplete: 'off',
      spellcheck: 'false', 'aria-required': String(field.required), 'aria-describedby': described}),
    field.hint ? h('p', {class: 'hint', id: `h-${field.key}`}, field.hint) : null,
    h('p', {class: 'error', id: `e-${field.key}`}));
}

export function setError(key, text, label) {
  const input = byId(`f-${key}`);
  fill(byId(`e-${key}`), text ? `${label} ${text}` : '');
  if (input) input.setAttribute('aria-invalid', String(Boolean(text)));
}

export function createIntake({onCreated, onExists, describe}) {
  const form = byId('intake-form');
  const labels = Object.fromEntries([['id', 'Patient id'], ...FIELDS.map(f => [f.key, f.label])]);
  fill(byId('intake-fields'), FIELDS.map(fieldRow));
  const today = todayUtc();
  byId('f-dob').max = iso(today);
  byId('f-dob').min = iso(new Date(Date.UTC(today.getUTCFullYear() - 130, today.getUTCMonth(), today.getUTCDate())));
  byId('f-dateadmitted').max = iso(new Date(today.getTime() + 86_400_000));

  function showErrors(errors) {
    for (const key of Object.keys(labels)) setError(key, errors[key], labels[key]);
    const first = Object.keys(labels).find(key => errors[key]);
    if (first) byId(`f-${first}`).focus();
    fill(byId('intake-status'), first ? 'Please correct the marked fields.' : '');
  }

  async function submit(event) {
    event.preventDefault();
    const id = byId('f-id').value.trim();
    const values = Object.fromEntries(FIELDS.map(f => [f.key, byId(`f-${f.key}`).value.trim()]));
    const errors = validateIntake(values);
    const idProblem = idViolation(id);
    if (idProblem) errors.id = idProblem;
    showErrors(errors);
    if (Object.keys(errors).length) return;
    fill(byId('intake-status'), 'Saving the record…');
    try {
      onCreated(await api.postJson(`/patient/${encodeURIComponent(id)}`, values, {patient: true}));
    } catch (e) {
      if (e.status === 400 && e.problem.errors) {
        showErrors(Object.fromEntries(e.problem.errors.map(v => [v.field, v.reason])));
      } else if (e.status === 409) {
        fill(byId('intake-status'), 'A patient with this id already exists. ', onExists(id));
      } else {
        fill(byId('intake-status'), describe(e));
      }
    }
  }

  form.addEventListener('submit', submit);
  return {
    open(id) {
      form.reset();
      showErrors({});
      byId('f-id').value = id || '';
    },
  };
}
