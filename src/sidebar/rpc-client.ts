import type { RpcName, SidebarRpc } from '../rpc/contract';

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

/** Promise-based, typed access to the server globals through google.script.run. */
export function callServer<K extends RpcName>(
  name: K,
  ...args: Parameters<SidebarRpc[K]>
): Promise<ReturnType<SidebarRpc[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarRpc[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

/** google.script.run hands the failure handler an Error; drop a leading "SomethingError: " if the host added one. */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^\w*(Error|Exception):\s*/, '');
}
