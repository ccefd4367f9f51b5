/** The fake Meta Graph server: router, HTTP server (in-process or child process), in-process port, generator. */
export {
  addFault,
  createFakeGraphState,
  handleGraphRequest,
  type FakeGraphOptions,
  type FakeGraphState,
  type FakeRequest,
  type FakeResponse,
  type FaultKind,
  type FaultSpec,
  type LoggedRequest,
} from './router';
export {
  startFakeGraphServer,
  startFakeGraphServerProcess,
  type FakeGraphServer,
  type InProcessFakeGraphServer,
} from './server';
export { IN_PROCESS_ORIGIN, inProcessGraphPort } from './in-process-port';
export {
  createDataset,
  dailyRecords,
  expectedTotals,
  expectedVolume,
  type ExpectedTotals,
  type FakeDataset,
  type RecordFilter,
} from './generator';
