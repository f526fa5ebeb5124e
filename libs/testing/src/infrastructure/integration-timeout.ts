// Real brokers: joining and leaving a consumer group alone can take several seconds, and
// a test that times out mid-way can leave a consumer running. `testTimeout` in a Jest
// project config is ignored (it is a global option), hence this per-project setup file.
jest.setTimeout(300_000);
