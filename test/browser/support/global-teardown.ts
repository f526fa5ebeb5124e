// Stops the platform process the global setup started; it drops this run's databases.
export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env['BROWSER_PLATFORM_PID']);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  process.kill(pid, 'SIGKILL');
}
