export * from './simulated-clock';
export * from './simulation.module';
