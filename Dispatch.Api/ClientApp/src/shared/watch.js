// `open(signal, opened)` starts the call; `opened` is for its onHeader, so that a stream with
// nothing to say yet (no patient on the way) still shows as live.
// Keeps a server stream open: on any end or error it reconnects with backoff (0.5 s doubling to
// 15 s, reset once a message arrives). Each reconnection starts with the server's snapshot, so
// nothing missed while away stays missing. Permission errors stop it: retrying cannot help.
import { Code, ConnectError } from "@connectrpc/connect";

export function keepWatching(open, { onMessage, onState, onDenied, onOpen }) {
  let stopped = false;
  const controller = { abort: null };
  (async () => {
    let delay = 500;
    while (!stopped) {
      const abort = new AbortController();
      controller.abort = abort;
      onState("connecting");
      try {
        let isOpen = false;
        const opened = (headers) => {
          if (isOpen) return;
          isOpen = true;
          delay = 500;
          onOpen?.(headers);
          onState("live");
        };
        for await (const message of open(abort.signal, opened)) {
          opened(undefined);
          onMessage(message);
        }
      } catch (error) {
        const e = ConnectError.from(error);
        if (e.code === Code.PermissionDenied || e.code === Code.Unauthenticated) {
          onState("denied");
          onDenied?.(e);
          return;
        }
      }
      if (stopped) return;
      onState("reconnecting");
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 15000);
    }
  })();
  return () => { stopped = true; controller.abort?.abort(); };
}

// Shows the stream's state where the page says so (data-connection for tests and styling).
export function showConnection(element) {
  return (state) => {
    element.dataset.connection = state;
    element.textContent = { connecting: "connecting…", live: "live", reconnecting: "reconnecting…", denied: "access denied" }[state];
  };
}
