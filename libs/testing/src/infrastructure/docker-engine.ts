/**
 * Whether a Docker engine answers, so testcontainers can be used. Bounded in time: on a
 * machine with only the docker CLI (like our CI) this must fail fast, not hang.
 */
export async function dockerEngineAnswers(timeoutMs = 5000): Promise<boolean> {
  if (process.env['SANTUNAN_TEST_INFRA'] === 'local') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const probe = getContainerRuntimeClient().then(() => true);
    const timeout = new Promise<boolean>((resolve) =>
      setTimeout(() => resolve(false), timeoutMs).unref(),
    );
    return await Promise.race([probe, timeout]);
  } catch {
    return false;
  }
}
