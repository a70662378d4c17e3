// The replay target's server (Playwright's webServer for TARGET=replay): recordings/ of the
// contracts root on 127.0.0.1:$REPLAY_PORT.
import { startReplayServer } from '../src/replay/replay-server';
import { contractsRoot } from '../src/runtime/paths';

const port = Number(process.env.REPLAY_PORT ?? 4020);
startReplayServer(contractsRoot(), port).then(
  (replay) => {
    if (process.env.REPLAY_QUIET !== '1') console.log(`replay server on ${replay.origin}, serving ${contractsRoot()}/recordings`);
    const stop = (): void => void replay.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(`replay server failed to start: ${(error as Error).message}`);
    process.exit(1);
  },
);
