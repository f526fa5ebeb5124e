export * from './nik';
export * from './regions';
export * from './participant/participant.commands';
export * from './participant/participant.state';
export * from './participant/participant.decide';
export * from './participant/rejection-fields';
export * from './bulk/worker-row';
export * from './bulk/worker-enrolment';
