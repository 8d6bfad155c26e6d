export { startPscSimulator, PSC_REALM_PATH, PSC_DISCOVERY_SUFFIX } from './simulator';
export type { PscSimulator, PscSimulatorOptions, SimulatedClient } from './simulator';
export { personas, findPersona, pscClaims } from './personas';
export type { Persona } from './personas';
